"""The published database as a public contract: its columns, types, keys and tests are those data/schema.yml
declares; coverage, plausibility, spot checks against raw cells (read here by an independent path), and a
rebuild that reproduces it byte for byte."""
import re

import pandas as pd
import pyarrow.parquet as pq
import pytest
import python_calamine

from indicators.build.build_database import build_tables, write_parquet
from indicators.contract import load_contract
from indicators.contract_checks import schema_mismatches, violations
from indicators.registry import load_registry
from indicators.settings import DIMENSIONS, LANGUAGES, NEGEV_AUTHORITY_IDS, PUBLISHED_DIR, PUBLISHED_TABLES, RAW_DIR

REQUIRED_INDICATORS = {
    "economic": ["avg_monthly_wage", "pct_earning_min_wage_or_less", "wage_gini", "unemployment_benefit_pct",
                 "own_income_share_pct", "budget_income_per_capita", "nonresidential_arnona_share_pct",
                 "gov_grant_per_capita"],
    "social": ["population", "population_growth_pct", "ses_index", "ses_cluster", "peripherality_index",
               "bagrut_eligible_pct", "dropout_pct", "students_pct_20_25", "dependency_ratio",
               "migration_balance_per_1000"],
    "environmental": ["waste_kg_per_capita_day", "recycling_pct", "household_water_m3_per_capita", "water_loss_pct",
                      "wastewater_secondary_treatment_pct", "parks_share_pct", "open_space_share_pct",
                      "private_cars_per_1000", "road_accidents_per_1000", "residential_density"],
}
# Declared ahead of the read-model change that builds them (issue 7): the only columns allowed to be absent.


@pytest.fixture(scope="module")
def published():
    return {name: pd.read_parquet(PUBLISHED_DIR / f"{name}.parquet") for name in PUBLISHED_TABLES}


@pytest.mark.parametrize("name", PUBLISHED_TABLES)
def test_parquet_columns_and_types_are_those_of_the_schema_file(name):
    """Both ways: no stored column undeclared, no declared column missing, same types."""
    stored = pq.read_schema(PUBLISHED_DIR / f"{name}.parquet")
    assert schema_mismatches(load_contract().table(name), stored) == []


def test_published_tables_pass_every_test_the_schema_file_declares(published):
    assert [str(v) for v in violations(published, load_contract())] == []


def test_authorities_cover_israel_with_unique_ids(published):
    authorities = published["authorities"]
    assert len(authorities) >= 250 and authorities["authority_id"].is_unique
    assert set(authorities["kind"]) == {"city", "local_council", "regional_council"}
    assert set(authorities.loc[authorities["is_negev"], "authority_id"]) == NEGEV_AUTHORITY_IDS
    both = authorities[authorities["cbs_code"] == 31].set_index("authority_id")["name_he"].to_dict()
    assert both == {"la-31": "אופקים", "rc-31": "נחל שורק"}


def test_indicators_are_declared_with_every_required_id(published):
    indicators = published["indicators"]
    assert len(indicators) >= 36
    for dimension in DIMENSIONS:
        assert (indicators["dimension"] == dimension).sum() >= 10, dimension
        declared = set(indicators.loc[indicators["dimension"] == dimension, "indicator_id"])
        assert set(REQUIRED_INDICATORS[dimension]) <= declared, dimension
    assert set(indicators["indicator_id"]) == {ind.id for ind in load_registry()}


def test_every_indicator_publishes_its_direction_reason_in_every_language(published):
    indicators = published["indicators"].set_index("indicator_id")
    for ind in load_registry():
        for lang in LANGUAGES:
            reason = indicators.loc[ind.id, f"direction_reason_{lang}"]
            assert isinstance(reason, str) and reason.strip() == ind.direction_reason[lang].strip(), (ind.id, lang)


def test_plausible_values(published):
    obs = published["observations"].merge(published["indicators"][["indicator_id", "unit"]], on="indicator_id")
    shares = obs[obs["unit"] == "percent"]["value"]
    assert shares.between(0, 100).all()
    assert (obs.loc[obs["indicator_id"] == "population", "value"] > 0).all()


def test_every_negev_authority_has_8_years_for_at_least_25_indicators(published):
    obs = published["observations"]
    negev = obs[obs["authority_id"].isin(NEGEV_AUTHORITY_IDS) & obs["year"].between(2013, 2022)]
    years = negev.groupby(["authority_id", "indicator_id"])["year"].nunique().unstack(fill_value=0)
    well_covered = (years >= 8).sum(axis=1).reindex(sorted(NEGEV_AUTHORITY_IDS), fill_value=0)
    assert (well_covered >= 25).all(), well_covered[well_covered < 25]


def test_boundaries_for_every_negev_authority_and_small(published):
    boundaries = published["boundaries"]
    assert NEGEV_AUTHORITY_IDS <= set(boundaries["authority_id"])
    assert boundaries["geojson"].str.len().sum() < 2_000_000


# --- spot checks: raw cells read by column header, independently of the build's mappings ---------------

def _raw_cell(edition: int, sheet: str, code: int, regional: bool, header: str, band: str | None = None):
    path = next((RAW_DIR / "cbs" / "local-authorities").glob(f"cbs_local_authorities_{edition}.xls*"))
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    squash = lambda text: re.sub(r"\s+", " ", str(text)).strip()  # noqa: E731
    head = next(i for i, row in enumerate(rows) if any(squash(c).startswith("סמל הרשות") for c in row))
    columns = [j for j, cell in enumerate(rows[head]) if squash(cell).startswith(header)]
    if band is not None:
        columns = [j for j in columns if any(band in squash(rows[r][j]) for r in range(head))]
    status = next((j for j, c in enumerate(rows[head]) if squash(c).startswith("מעמד מוניציפלי")), None)
    for row in rows[head + 1:]:
        code_text = squash(row[1]).split(".")[0]
        if code_text.isdigit() and int(code_text) == code:
            if status is None or (squash(row[status]) == "מועצה אזורית") == regional:
                return row[columns[0]]
    raise LookupError(f"{code} not in {path.name}/{sheet}")


def _observed(published, authority_id, indicator_id, year):
    obs = published["observations"]
    row = obs[(obs["authority_id"] == authority_id) & (obs["indicator_id"] == indicator_id) & (obs["year"] == year)]
    return row.iloc[0]


@pytest.mark.parametrize("authority_id, code, regional, sheet, header, factor", [
    ("la-31", 31, False, "נתונים פיזיים - עיריות ומ.מקומי", 'סה"כ אוכלוסייה בסוף 2013', 1000),
    # The regional-council sheet carries a footnote mark glued to the header word ("אוכלוסייה1").
    ("rc-48", 48, True, "נתונים פיזיים - מ.אזוריות", 'סה"כ אוכלוסייה1 בסוף 2013', 1000),
])
def test_population_2013_is_thousands_in_the_raw_file_and_persons_here(published, authority_id, code, regional,
                                                                         sheet, header, factor):
    raw = _raw_cell(2013, sheet, code, regional, header)
    assert _observed(published, authority_id, "population", 2013)["value"] == pytest.approx(raw * factor)


def test_population_2021_for_the_town_not_the_council_with_the_same_code(published):
    sheet = "נתונים פיזיים ונתוני אוכלוסייה "
    town = _raw_cell(2021, sheet, 31, False, 'סה"כ אוכלוסייה בסוף השנה')
    council = _raw_cell(2021, sheet, 31, True, 'סה"כ אוכלוסייה בסוף השנה')
    assert _observed(published, "la-31", "population", 2021)["value"] == town
    assert _observed(published, "rc-31", "population", 2021)["value"] == council
    assert town != council


def test_wage_year_is_the_year_the_figure_describes(published):
    # The 2021 file carries 2019 wages: stored under 2019, edition 2021.
    raw = _raw_cell(2021, "נתונים פיזיים ונתוני אוכלוסייה ", 1161, False, "שכר ממוצע לחודש של שכירים")
    observed = _observed(published, "la-1161", "avg_monthly_wage", 2019)
    assert observed["value"] == pytest.approx(float(raw)) and observed["edition"] == 2021


def test_rebuild_reproduces_the_committed_files_exactly(tmp_path):
    write_parquet(build_tables(log=lambda *_: None), tmp_path)
    for name in PUBLISHED_TABLES:
        assert (tmp_path / f"{name}.parquet").read_bytes() == (PUBLISHED_DIR / f"{name}.parquet").read_bytes(), (
            f"{name}.parquet differs from a fresh build: run `make data` and commit")
