"""The labour-force-survey sheet (editions 2017-2021) and its 2022 transcription columns: figures against raw cells
read here by an independent path, data years, the cities-only coverage and its gap reason."""
from __future__ import annotations

import copy
import csv
import re

import pandas as pd
import pytest
import python_calamine
import yaml

from indicators.build import cbs_labour_force
from indicators.build.layout_errors import LayoutError, Where
from indicators.build.mapping_files import MappingError, load_mapping
from indicators.settings import NEGEV_AUTHORITY_IDS, PUBLISHED_DIR, RAW_DIR

SHEETS = {2017: "נתוני סקר כוח אדם", **{ed: "סקרי כוח אדם והוצאות משק בית" for ed in range(2018, 2022)}}
FILE_2022 = RAW_DIR / "cbs" / "transcribed" / "cbs_muni_physical_population_2022.csv"
SURVEY_FIELDS = ("lfs_participation_pct", "lfs_employment_rate_pct", "lfs_employed_outside_locality_pct")
INCOME = "hes_net_money_income_per_person"
# field -> the sub-header CBS prints in every edition (the group header above it changes wording in 2019)
SUBS = {"lfs_participation_pct": "אחוז משתתפים בכוח העבודה", "lfs_employment_rate_pct": "שיעור תעסוקה",
        "lfs_employed_outside_locality_pct": "אחוז מועסקים מחוץ ליישוב המגורים", INCOME: "הכנסה כספית נטו לנפש"}
NEGEV_IN_SURVEY = {"la-9000", "la-1161", "la-2630", "la-2600"}  # Be'er Sheva, Rahat, Kiryat Gat, Eilat


@pytest.fixture(scope="module")
def extracted():
    return cbs_labour_force.extract()


def _squash(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _raw_sheet_cell(edition: int, code: int, sub: str):
    """The cell of the city with `code` under the first column whose header or sub-header reads `sub`."""
    path = RAW_DIR / "cbs" / "local-authorities" / f"cbs_local_authorities_{edition}.xlsx"
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEETS[edition]).to_python()
    head = next(i for i, row in enumerate(rows) if _squash(row[1]) == "סמל הרשות")
    column = next(j for j in range(len(rows[head])) if sub in (_squash(rows[head][j]), _squash(rows[head + 1][j])))
    return next(row[column] for row in rows[head + 2:] if _squash(row[1]) == str(code))


def _raw_2022_cell(code: int, header: str) -> str:
    with open(FILE_2022, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    column = [_squash(h) for h in table[0]].index(header)
    code_column = table[0].index("כללי: סמל הרשות")
    return next(row[column] for row in table[1:] if row[code_column].strip().lstrip("0") == str(code))


def _value(extracted, aid: str, field: str, edition: int) -> pd.Series:
    values = extracted.values
    return values[(values.authority_id == aid) & (values.field_id == field) & (values.edition == edition)].iloc[0]


@pytest.mark.parametrize("edition", range(2017, 2022))
@pytest.mark.parametrize("field", SURVEY_FIELDS)
@pytest.mark.parametrize("aid, code", [("la-9000", 9000), ("la-1161", 1161), ("la-2600", 2600)])
def test_survey_rates_equal_the_raw_cells_in_the_editions_year(extracted, edition, field, aid, code):
    row = _value(extracted, aid, field, edition)
    assert row["value"] == pytest.approx(float(_raw_sheet_cell(edition, code, SUBS[field])), abs=1e-9)
    assert row["year"] == edition and row["source_id"] == f"cbs_la_{edition}"


def test_spot_values_of_the_research_note(extracted):
    # docs/research/issue-8-cbs-headers.md §3: Rahat / Be'er Sheva, rounded to two decimals there.
    assert round(_value(extracted, "la-1161", "lfs_participation_pct", 2017)["value"], 2) == 34.69
    assert round(_value(extracted, "la-9000", "lfs_employment_rate_pct", 2021)["value"], 2) == 62.04
    assert round(_value(extracted, "la-1161", "lfs_employed_outside_locality_pct", 2020)["value"], 2) == 59.45


@pytest.mark.parametrize("field, header", [
    ("lfs_participation_pct", "מתוך סקר כוח אדם: תכונות כוח עבודה, אחוז משתתפים בכוח העבודה"),
    ("lfs_employment_rate_pct", "מתוך סקר כוח אדם: תכונות כוח העבודה, שיעור תעסוקה"),
    ("lfs_employed_outside_locality_pct", "מתוך סקר כוח אדם: יוממות, אחוז מועסקים מחוץ ליישוב המגורים"),
])
@pytest.mark.parametrize("aid, code", [("la-9000", 9000), ("la-1161", 1161), ("la-2630", 2630)])
def test_2022_transcription_columns(extracted, field, header, aid, code):
    row = _value(extracted, aid, field, 2022)
    assert row["value"] == pytest.approx(float(_raw_2022_cell(code, header)), abs=1e-9)
    assert row["year"] == 2022 and row["source_id"] == "cbs_la_2022_transcribed"


@pytest.mark.parametrize("edition, year", [(2018, 2018), (2019, 2018), (2020, 2018), (2021, 2019)])
@pytest.mark.parametrize("aid, code", [("la-9000", 9000), ("la-2630", 2630), ("la-2600", 2600)])
def test_net_income_is_stored_under_the_survey_year_not_the_edition(extracted, edition, year, aid, code):
    row = _value(extracted, aid, INCOME, edition)
    assert row["value"] == pytest.approx(float(_raw_sheet_cell(edition, code, SUBS[INCOME])), abs=1e-9)
    assert row["year"] == year


def test_net_income_repeats_2018_and_skips_the_editions_without_a_known_year(extracted):
    income = extracted.values[extracted.values.field_id == INCOME]
    assert set(income.edition) == {2018, 2019, 2020, 2021}  # none in 2017 (no column) or 2022 (year unknown)
    by_edition = income[income.year == 2018].pivot(index="authority_id", columns="edition", values="value")
    # Ness Ziona and Afula joined the table in 2019 (50,000 residents): the later editions add their 2018 figure.
    assert by_edition[2018].isna().sum() == 2 and not by_edition[[2019, 2020]].isna().any().any()
    both = by_edition.dropna()
    assert (both[2019] == both[2018]).all() and (both[2020] == both[2018]).all()
    assert round(by_edition.loc["la-9000", 2018], 3) == 5069.305


def test_rahat_income_is_not_available_in_every_edition(extracted):
    gaps = extracted.gaps[(extracted.gaps.authority_id == "la-1161") & (extracted.gaps.field_id == INCOME)]
    assert _raw_sheet_cell(2021, 1161, SUBS[INCOME]) == ".."
    assert gaps[["edition", "year", "reason"]].values.tolist() == [
        [2018, 2018, "not_available"], [2019, 2018, "not_available"], [2020, 2018, "not_available"],
        [2021, 2019, "not_available"]]


def test_only_cities_have_figures_and_every_other_authority_has_the_survey_gap(extracted):
    values, gaps = extracted.values, extracted.gaps
    assert set(values.authority_id.str[:3]) == {"la-"}
    survey = gaps[gaps.reason == cbs_labour_force.SURVEY_GAP]
    in_table = pd.concat([values, gaps[gaps.reason != cbs_labour_force.SURVEY_GAP]])
    assert in_table.groupby("edition").authority_id.nunique().to_dict() == {
        2017: 33, 2018: 34, 2019: 36, 2020: 36, 2021: 37, 2022: 38}
    # Yavne entered the 2021 table with ".." in every column: in the table, so "not available", not outside it.
    yavne = gaps[(gaps.authority_id == "la-2660") & (gaps.edition == 2021)]
    assert set(yavne.reason) == {"not_available"} and len(yavne) == 4
    assert not set(map(tuple, survey[["authority_id", "edition"]].values)) & set(
        map(tuple, values[["authority_id", "edition"]].values))
    for edition in range(2017, 2023):
        negev = set(survey.loc[survey.edition == edition, "authority_id"]) & NEGEV_AUTHORITY_IDS
        assert negev == NEGEV_AUTHORITY_IDS - NEGEV_IN_SURVEY, edition
    assert set(values.loc[values.authority_id.isin(NEGEV_AUTHORITY_IDS), "authority_id"]) == NEGEV_IN_SURVEY


def test_published_negev_coverage_and_gap_reasons():
    ids = {"labour_force_participation_pct", "employment_rate_pct", "employed_outside_locality_pct",
           "net_income_per_person"}
    obs = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
    gaps = pd.read_parquet(PUBLISHED_DIR / "gaps.parquet")
    obs, gaps = obs[obs.indicator_id.isin(ids)], gaps[gaps.indicator_id.isin(ids)]
    assert set(obs.indicator_id) == ids
    assert set(obs.loc[obs.authority_id.isin(NEGEV_AUTHORITY_IDS), "authority_id"]) == NEGEV_IN_SURVEY
    income = obs[obs.indicator_id == "net_income_per_person"]
    assert sorted(income.year.unique()) == [2018, 2019] and set(income.edition) == {2020, 2021}
    dimona = gaps[gaps.authority_id == "la-2200"]
    assert set(dimona.reason) == {cbs_labour_force.SURVEY_GAP} and len(dimona) == 3 * 6 + 2


def test_a_city_count_that_moves_fails_the_build(tmp_path):
    mapping = yaml.safe_load(cbs_labour_force.MAPPING_FILE.read_text(encoding="utf-8"))
    broken = copy.deepcopy(mapping)
    broken["editions"] = {2017: broken["editions"][2017] | {"expected_rows": 32}}
    broken["fields"] = {"lfs_participation_pct": {"editions": {2017: mapping["fields"]["lfs_participation_pct"][
        "editions"][2017]}}}
    path = tmp_path / "cbs_labour_force.yml"
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LayoutError, match="33 city rows, expected 32"):
        cbs_labour_force.extract(path)


def test_a_survey_row_that_is_not_a_city_is_refused():
    rows = [["תל אביב -יפו", "5000", 1.0], ["נחל שורק", "31", 2.0]]
    listed = {"la-5000": "city", "rc-31": "regional_council"}
    with pytest.raises(LayoutError, match="code 31"):
        cbs_labour_force.survey_rows(rows, 0, 1, listed, Where("f.xlsx", "s"))
    assert [aid for aid, _ in cbs_labour_force.survey_rows(rows[:1], 0, 1, listed, Where("f.xlsx", "s"))] == [
        "la-5000"]


def test_a_sheet_entry_without_its_sub_header_is_refused(tmp_path):
    mapping = yaml.safe_load(cbs_labour_force.MAPPING_FILE.read_text(encoding="utf-8"))
    del mapping["fields"]["lfs_participation_pct"]["editions"][2018]["sub"]
    path = tmp_path / "cbs_labour_force.yml"
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    with pytest.raises(MappingError, match=r"cbs_labour_force.yml: fields.lfs_participation_pct.editions.2018"):
        load_mapping(path, cbs_labour_force.check_mapping)
