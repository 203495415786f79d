"""Data and methods page: the catalogue covers the registry, the register covers the sources, filters work,
and the methods and gaps sections quote figures that agree with the published tables."""
import pandas as pd
import pytest

from indicators.registry import load_registry
from indicators.settings import LANGUAGES, PUBLISHED_DIR

PAGE = "pages/data_methods.py"
TITLES = {"he": "נתונים ושיטות", "en": "Data and methods", "ar": "البيانات والمنهجية"}
REGISTRY_IDS = {ind.id for ind in load_registry()}


def _published(name: str) -> pd.DataFrame:
    return pd.read_parquet(PUBLISHED_DIR / f"{name}.parquet")


def _frame(at, position: int = 0) -> pd.DataFrame:
    value = at.dataframe[position].value
    return value.data if hasattr(value, "data") else value  # a Styler carries its frame in .data


def _open_details(at, ids=REGISTRY_IDS):
    """Open the details expanders of `ids` (a closed one runs nothing) and rerun, as a click would."""
    for indicator_id in ids:
        at.session_state[f"methods_details_{indicator_id}"] = True
    return at.run()


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_lists_every_registry_indicator(open_app, lang):
    at = open_app(PAGE, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == TITLES[lang]
    catalogue = _frame(at)
    assert set(catalogue["indicator_id"]) == REGISTRY_IDS
    names = _published("indicators").set_index("indicator_id")[f"name_{lang}"]
    assert catalogue.set_index("indicator_id")["name"].to_dict() == names.to_dict()
    reasons = _published("indicators").set_index("indicator_id")[f"direction_reason_{lang}"]
    assert catalogue.set_index("indicator_id")["direction_reason"].to_dict() == reasons.to_dict(), \
        "every direction is listed with its reason, in the page's language"
    assert len(at.expander) == len(REGISTRY_IDS), "one details expander per indicator"


def test_closed_details_send_nothing_until_opened(open_app):
    at = open_app(PAGE, lang="en")
    assert len(at.expander) == len(REGISTRY_IDS)
    assert not at.code and all("**Definition:**" not in m.value for m in at.markdown), \
        "a closed expander's content is not built (the page settled in 33 s when all of it was)"
    _open_details(at, ["density_per_km2"])
    assert len(at.expander) == len(REGISTRY_IDS) and len(at.code) == 1
    assert sum("**Definition:**" in m.value for m in at.markdown) == 1, "only the opened indicator's details"


def test_details_give_the_direction_with_its_reason(open_app):
    at = _open_details(open_app(PAGE, lang="en"), ["unemployment_benefit_pct"])
    reason = _published("indicators").set_index("indicator_id").loc["unemployment_benefit_pct", "direction_reason_en"]
    assert "labour-force participation" in reason
    assert f"**Direction:** Neither (context) — {reason}" in _text(at)


def test_sql_indicator_shows_its_query(open_app):
    at = _open_details(open_app(PAGE, lang="en"))
    sql = (PUBLISHED_DIR.parent.parent / "indicators" / "sql" / "density_per_km2.sql").read_text(encoding="utf-8")
    assert any(code.value.strip() == sql.strip() for code in at.code)
    forms = _published("indicators")["method_form"]
    assert len(at.code) == (forms != "field").sum(), "every computed indicator shows its query"


def test_method_is_explained_from_its_structured_inputs(open_app):
    at = _open_details(open_app(PAGE, lang="en"))
    text = _text(at)
    assert "CBS fields read:** `population_total`, `area_km2`" in text
    assert "(`income_support_recipients_during_year` / `income_support_recipients_end_year`)" in text
    assert "population of the same year, per 1,000 residents" in text and "each edition's own name is read" in text
    assert "population of the same year, per resident;" in text
    assert "CBS's own per-resident figure (`income_regular_per_capita`)" in text
    assert "(`income_own_total`) as a percentage of another from the same edition (`income_regular_total`)" in text


def test_years_covered_come_from_the_observations(open_app):
    at = open_app(PAGE, lang="en")
    row = _frame(at).set_index("indicator_id").loc["dropout_pct"]
    obs = _published("observations")
    dropout = obs[obs["indicator_id"] == "dropout_pct"]
    assert row["year_list"] == f"{dropout['year'].min()}–{dropout['year'].max()}"
    assert row["authorities"] == dropout["authority_id"].nunique()


def test_search_filters_the_catalogue(open_app):
    at = open_app(PAGE, lang="en")
    at.text_input(key="methods_search").input("water").run()
    shown = _frame(at)
    assert "household_water_m3_per_capita" in set(shown["indicator_id"])
    assert "population" not in set(shown["indicator_id"])
    assert len(at.expander) == len(shown) < len(REGISTRY_IDS)
    at.text_input(key="methods_search").input("zzzz-nothing").run()
    assert not at.exception and at.info, "no match says so instead of showing an empty table"


def test_dimension_from_the_link_filters(open_app):
    at = open_app(PAGE, lang="ar", dimension="environmental")
    shown = _frame(at)
    expected = set(_published("indicators").query("dimension == 'environmental'")["indicator_id"])
    assert set(shown["indicator_id"]) == expected


@pytest.mark.parametrize("param, value", [("dimension", "cosmic"), ("section", "nowhere")])
def test_unknown_link_values_fall_back_with_a_note(open_app, param, value):
    at = open_app(PAGE, lang="en", **{param: value})
    assert not at.exception
    assert any(value in w.value for w in at.warning)
    assert set(_frame(at)["indicator_id"]) == REGISTRY_IDS, "falls back to the full catalogue"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_source_register_lists_every_source(open_app, lang):
    at = open_app(PAGE, lang=lang, section="sources")
    assert not at.exception
    register = _frame(at)
    sources = _published("sources")
    assert set(register["source_id"]) == set(sources["source_id"])
    assert register["sha256"].str.len().eq(64).all() and register["sha256_short"].str.len().lt(20).all()
    assert at.warning, "the unchecked reuse terms are stated"
    assert any("Hovav-Dror/Israel-Local-Authorities" in i.value for i in at.info)


def test_methods_reason_counts_match_the_gaps_table(open_app):
    at = open_app(PAGE, lang="en", section="methods")
    assert not at.exception
    reasons = at.table[0].value
    recorded = _published("gaps")["reason"].value_counts()
    shown = dict(zip(reasons["Recorded as"], reasons["Gaps recorded"], strict=True))
    assert shown["Not available (“..”)"] == recorded["not_available"]
    assert shown["Blank cell"] == recorded["blank"]
    text = _text(at)
    assert "median of all local authorities" in text and "not a national total" in text
    assert at.latex, "the peer distance formula is shown"


def test_gaps_coverage_matrix_counts_negev_authorities(open_app):
    at = open_app(PAGE, lang="en", section="gaps")
    assert not at.exception
    obs = _published("observations")
    authorities = _published("authorities")
    negev = set(authorities.loc[authorities["is_negev"], "authority_id"])
    matrix = next(_frame(at, i) for i in range(len(at.dataframe)) if "2019" in _frame(at, i).columns)
    row = matrix.set_index("Indicator").loc["Average monthly wage of employees"]
    wage_2019 = obs[(obs["indicator_id"] == "avg_monthly_wage") & (obs["year"] == 2019)]
    assert row["2019"] == wage_2019["authority_id"].isin(negev).sum()
    text = _text(at)
    turnout_years = sorted(obs.loc[obs["indicator_id"] == "municipal_turnout_pct", "year"].unique())
    assert f"election years: {', '.join(str(y) for y in turnout_years)}" in text
    assert "No regional council has a figure" in text


def test_gaps_lists_authorities_without_boundaries(open_app):
    at = open_app(PAGE, lang="he", section="gaps")
    boundaries = set(_published("boundaries")["authority_id"])
    authorities = _published("authorities")
    missing = authorities[~authorities["authority_id"].isin(boundaries)]
    tables = [_frame(at, i) for i in range(len(at.dataframe))]
    listed = next(t for t in tables if "רשות" in t.columns)
    assert set(listed["רשות"]) == set(missing["name_he"])


def test_database_section_renders_the_schema(open_app):
    at = open_app(PAGE, lang="ar", section="database")
    assert not at.exception
    text = _text(at)
    assert "### observations" in text and "make data" in text


def test_methods_explain_constant_prices_with_the_published_factors(open_app):
    at = open_app(PAGE, lang="en", section="methods")
    assert not at.exception
    text = _text(at)
    assert "Shekels in constant prices" in text and "FP.CPI.TOTL.ZG" in text and "data year" in text
    assert "25,376 thousand ₪ is about 27,053 thousand ₪ in 2022 prices (× 1.06610)" in text
    factors = next(f.value for f in at.dataframe if "Factor to 2022 prices" in f.value.columns).set_index("Year")
    assert factors.loc["2013", "Factor to 2022 prices"] == pytest.approx(1.06610, abs=1e-5)
    assert factors.loc["2022", "Index (2022 = 100)"] == 100.0


def test_hebrew_register_and_details_name_sources_in_hebrew(open_app):
    at = _open_details(open_app(PAGE, lang="he"))
    assert not at.exception, [e.value for e in at.exception]
    details = "\n".join(m.value for m in at.markdown)
    assert "הלשכה המרכזית לסטטיסטיקה" in details and "Central Bureau" not in details
    assert "נקרא מאותה עמודה בכל מהדורה" in details  # the computation in words
    at = open_app(PAGE, lang="he", section="sources")
    register = at.dataframe[0].value
    assert register["publisher"].str.contains("הלשכה המרכזית לסטטיסטיקה").all() or \
        register["publisher"].str.contains("הלשכה|משרד הפנים|הבנק העולמי").all()
    assert not register["publisher"].str.contains("Central Bureau|Ministry|World Bank").any()
    assert not register["licence"].str.contains("public-sector information").any()
