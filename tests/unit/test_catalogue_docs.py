"""The generated documentation: committed docs match the data, the catalogue covers the registry, and the
small helpers (years, filters, coverage, gaps) behave on hand-made frames."""
import pandas as pd
import pytest

from indicators import catalogue_docs as docs
from indicators.registry import load_registry
from indicators.settings import DIMENSIONS, PUBLISHED_DIR


@pytest.fixture(scope="module")
def published():
    return {name: docs.read_published(name) for name in ("indicators", "observations", "sources", "authorities")}


def test_committed_docs_equal_what_the_generator_produces_now():
    for path, text in docs.generated_docs().items():
        assert path.is_file(), f"{path} missing: run python -m indicators.catalogue_docs"
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: regenerate it"


def test_check_mode_reports_up_to_date(capsys):
    assert docs.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_catalogue_lists_every_registry_indicator_by_dimension(published):
    catalogue = docs.indicator_catalogue(published["indicators"], published["observations"], published["sources"],
                                         [], "he")
    assert sorted(catalogue["indicator_id"]) == sorted(ind.id for ind in load_registry())
    dimensions = catalogue["dimension"].drop_duplicates().tolist()
    assert dimensions == [d for d in DIMENSIONS if d in dimensions], "grouped by dimension, in the usual order"
    assert catalogue["name"].notna().all() and catalogue["description"].notna().all()
    assert set(catalogue["direction"]) <= set(docs.DIRECTIONS)
    sql = catalogue[catalogue["method"] == "sql"]
    assert sql["sql_file"].notna().all() and sql["field"].isna().all()
    field = catalogue[catalogue["method"] == "field"]
    assert field["mapping_file"].notna().all(), "every field indicator is found in a mapping file"


def test_catalogue_years_come_from_the_observations(published):
    obs = published["observations"]
    negev = published["authorities"].query("is_negev")["authority_id"]
    catalogue = docs.indicator_catalogue(published["indicators"], obs, published["sources"], negev, "en")
    row = catalogue.set_index("indicator_id").loc["municipal_turnout_pct"]
    turnout = obs[obs["indicator_id"] == "municipal_turnout_pct"]
    assert row["years"] == turnout["year"].nunique()
    assert (row["first_year"], row["last_year"]) == (turnout["year"].min(), turnout["year"].max())
    assert row["negev_authorities"] == turnout[turnout["authority_id"].isin(negev)]["authority_id"].nunique()
    assert "Reuse terms" in row["licence"]


def test_direction_and_method_parts():
    assert docs.direction(True) == "higher_is_better"
    assert docs.direction(False) == "lower_is_better"
    assert docs.direction(None) == "neither" and docs.direction(pd.NA) == "neither"
    assert docs.method_parts("sql: x.sql") == ("sql", "x.sql")
    assert docs.method_parts("field: population_total") == ("field", "population_total")


@pytest.mark.parametrize("years, text", [
    ([2013, 2014, 2015], "2013–2015"),
    ([2021, 2013], "2013, 2021"),
    ([2013, 2016, 2017, 2018, 2016], "2013, 2016–2018"),
    ([], ""),
])
def test_format_years_collapses_runs(years, text):
    assert docs.format_years(years) == text


def test_first_sentence():
    assert docs.first_sentence("Average wage (NIS). The year is the wage year.") == "Average wage (NIS)."
    assert docs.first_sentence("No full stop") == "No full stop"


def test_sql_text_reads_only_indicator_queries():
    assert "population_total" in docs.sql_text("density_per_km2.sql")
    assert "landuse_total_km2" in docs.template_sql_text("land_share")
    for bad in ("../registry.py", "views/latest_values.sql", "x.py"):
        with pytest.raises(ValueError):
            docs.sql_text(bad)


def _catalogue():
    return pd.DataFrame({
        "indicator_id": ["water_use", "wage", "parks"],
        "name": ["Domestic water use", "Average wage", "Parks share"],
        "dimension": ["environmental", "economic", "environmental"],
        "theme": ["water", "income", "land_use"],
        "description": ["Water in m³ per person", "Monthly wage of employees", "Gardens, % of area"],
        "unit": ["m³", "₪", "%"],
        "years": [10, 8, 2],
        "last_year": pd.array([2022, 2019, 2021], dtype="Int64"),
    })


def test_filter_by_dimension_and_words():
    catalogue = _catalogue()
    assert docs.filter_catalogue(catalogue, "environmental")["indicator_id"].tolist() == ["water_use", "parks"]
    assert len(docs.filter_catalogue(catalogue, "all")) == 3
    assert docs.filter_catalogue(catalogue, None, "WAGE")["indicator_id"].tolist() == ["wage"]
    assert docs.filter_catalogue(catalogue, None, "water person")["indicator_id"].tolist() == ["water_use"]
    assert docs.filter_catalogue(catalogue, "economic", "water").empty


def test_few_years_and_ending_early():
    catalogue = _catalogue()
    assert docs.few_years(catalogue, 5)["indicator_id"].tolist() == ["parks"]
    assert docs.ending_early(catalogue, 2022)["indicator_id"].tolist() == ["wage", "parks"]


def _observations():
    return pd.DataFrame({
        "authority_id": ["a", "a", "b", "c", "a", "b"],
        "indicator_id": ["x", "x", "x", "x", "w", "w"],
        "year": [2013, 2014, 2014, 2014, 2019, 2019],
        "edition": [2013, 2014, 2014, 2015, 2021, 2020],
    })


def test_coverage_summary_and_matrix():
    obs = _observations()
    summary = docs.coverage_summary(obs, ["a", "b"])
    assert summary.loc["x", ["first_year", "last_year", "years", "authorities", "negev_authorities"]].tolist() == [
        2013, 2014, 2, 3, 2]
    assert summary.loc["x", "editions"] == "2013–2015"
    matrix = docs.coverage_matrix(obs, ["a", "b"], ["x", "w", "none"])
    assert matrix.loc["x", 2014] == 2 and matrix.loc["x", 2013] == 1 and matrix.loc["w", 2019] == 2
    assert matrix.loc["none"].sum() == 0
    assert list(matrix.columns) == [2013, 2014, 2019]


def test_gap_helpers():
    obs = _observations()
    assert docs.years_of(obs, "x") == [2013, 2014]
    assert docs.edition_lags(obs, "w") == [1, 2]
    assert docs.yearly_counts(obs, "x", ["a", "b"]).to_dict() == {2013: 1, 2014: 2}
    authorities = pd.DataFrame({"authority_id": ["a", "b", "c"], "kind": ["city", "city", "regional_council"],
                                "district_en": ["South", "South", "North"], "name_en": ["A", "B", "C"]})
    assert docs.kinds_without_data(obs, authorities).to_dict("records") == [
        {"indicator_id": "w", "kind": "regional_council"}]
    boundaries = pd.DataFrame({"authority_id": ["a", "c"]})
    assert docs.missing_boundaries(authorities, boundaries)["authority_id"].tolist() == ["b"]


def test_gap_reason_counts_list_every_reason():
    gaps = pd.DataFrame({"authority_id": ["a", "a", "b"], "reason": ["blank", "blank", "not_available"]})
    counts = docs.gap_reason_counts(gaps)
    assert list(counts.index) == list(docs.GAP_REASONS)
    assert counts["blank"] == 2 and counts["suppressed"] == 0
    assert docs.gap_reason_counts(gaps, ["b"])["blank"] == 0


def test_sources_register_and_unchecked_licences():
    sources = pd.DataFrame({
        "source_id": ["s1", "s2"], "series": ["x", "x"], "publisher": ["CBS", "MOIN"], "title": ["t", "u"],
        "edition": [2014, 2013], "url": ["https://a", "https://b"],
        "licence": ["Reuse terms not re-checked offline.", "Open data"], "obtained": ["2026-01-01"] * 2,
        "path": ["p", "q"], "sha256": ["0123456789abcdef" * 4, "f" * 64],
    })
    register = docs.sources_register(sources)
    assert register["source_id"].tolist() == ["s2", "s1"]  # by series, then edition
    assert register.loc[1, "sha256_short"] == "0123456789ab…" and len(register.loc[1, "sha256"]) == 64
    assert docs.unchecked_licences(sources) == ["s1"]


def test_schema_describes_every_published_column_and_nothing_else():
    schema = docs.schema_frame()
    assert set(schema["table"]) == set(docs.TABLE_ORDER)
    described = {(t, c) for t, cols in docs.COLUMN_MEANINGS.items() for c in cols}
    assert described == set(zip(schema["table"], schema["column"], strict=True))
    assert "large_string" not in set(schema["type"])
    assert schema.query("table == 'observations' and column == 'year'")["type"].item() == "int32"


def test_markdown_cells_escape_pipes():
    assert docs._cell("a | b\nc") == "a \\| b c"
    assert docs._cell(None) == "" and docs._cell(float("nan")) == ""


def test_indicators_markdown_has_one_row_per_indicator(published):
    text = docs.indicators_markdown(published["indicators"], published["observations"], published["sources"])
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(published["indicators"])
    assert all(line.count(" | ") == 7 for line in rows)


def test_read_published_refuses_unknown_tables():
    with pytest.raises(ValueError):
        docs.read_published("cbs_values", published_dir=PUBLISHED_DIR)


def test_demote_headings_leaves_code_alone():
    text = "# Title\n\n```sql\n# not a heading\n```\n## Part\n"
    assert docs.demote_headings(text) == "## Title\n\n```sql\n# not a heading\n```\n### Part\n"
