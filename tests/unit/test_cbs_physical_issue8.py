"""Issue 8 fields of the CBS physical sheet (pupils, low-earning self-employed, higher education, dwellings,
drinking water, agricultural water): raw-cell spot checks in both sheet layouts and the 2022 transcription, what
CBS's "-" means in each column (nil_means), and the indicators built on them."""
from __future__ import annotations

import pandas as pd
import pytest
import yaml

from indicators.build.cbs_physical import extract, nil_as_declared
from indicators.compute import values_connection
from indicators.registry import load_registry
from indicators.settings import DEFINITIONS_DIR, LANGUAGES, PUBLISHED_DIR
from tests.unit.test_cbs_budget import _raw_cell as budget_raw_cell
from tests.unit.test_cbs_physical import (
    BANDED_SHEET,
    LA_DIR,
    LA_SHEET,
    RC_SHEET,
    gap_of,
    raw_cell,
    raw_csv_cell,
    value_of,
)

HIGHER_ED = "השכלה גבוהה"
ENTRY_8Y = "אחוז הנכנסים להשכלה גבוהה בתוך 8 שנים בקרב תלמידי יב"


@pytest.fixture(scope="module")
def extracted():
    out = extract()
    return out.values, out.gaps


# ---- banded layout (2016-2021): header / sub-header, year from the band
@pytest.mark.parametrize("edition, code, authority, header, sub, field, year, expected", [
    # pupils of school year 2020/21 (band תשפ"א) are stored as 2021
    (2021, "1161", "la-1161", "תלמידים", 'סה"כ', "pupils_total", 2021, 19476),
    (2016, "9000", "la-9000", "תלמידים", 'סה"כ', "pupils_total", 2016, 32241),
    # the wage block: the 2021 edition repeats the 2019 figures
    (2021, "1161", "la-1161", "אחוז העצמאים המשתכרים עד מחצית השכר הממוצע", None,
     "pct_self_employed_up_to_half_avg_wage", 2019, 36.1),
    (2019, "9000", "la-9000", "אחוז העצמאים המשתכרים עד מחצית השכר הממוצע", None,
     "pct_self_employed_up_to_half_avg_wage", 2018, 46.8),
    # the higher-education band runs one year ahead of the edition
    (2017, "1161", "la-1161", HIGHER_ED, "אחוז בעלי תארים מישראל מתוך אוכלוסיית בני 35-55",
     "degree_holders_pct_35_55", 2018, 6.6),
    (2021, "9000", "la-9000", HIGHER_ED, "אחוז בעלי תארים מישראל מתוך אוכלוסיית בני 55-35",
     "degree_holders_pct_35_55", 2022, 23.21),
    (2017, "1161", "la-1161", HIGHER_ED, ENTRY_8Y, "higher_ed_entry_8y_pct", 2018, 16),
    (2020, "9000", "la-9000", HIGHER_ED, ENTRY_8Y, "higher_ed_entry_8y_pct", 2021, 33.5),
    (2019, "9000", "la-9000", "התחלת בנייה", "מספר דירות", "dwellings_started", 2019, 2253),
    (2021, "1161", "la-1161", "גמר בנייה", "מספר דירות", "dwellings_completed", 2021, 329),
    (2019, "9000", "la-9000", "אחוז חריגות בבדיקות מיקרוביאליות במי שתייה", None,
     "drinking_water_micro_failures_pct", 2019, 0.16488046166529266),
    (2021, "1161", "la-1161", 'צריכת מים חקלאית (אלפי מ"ק)', None, "agricultural_water_thousand_m3", 2021,
     101.057),
])
def test_banded_cells_match_raw(extracted, edition, code, authority, header, sub, field, year, expected):
    values, _ = extracted
    raw = raw_cell(LA_DIR / f"cbs_local_authorities_{edition}.xlsx", BANDED_SHEET, code, header, sub)
    got = value_of(values, authority, field, year, edition)
    assert got == pytest.approx(float(raw)) and got == pytest.approx(expected)


def test_regional_council_in_the_banded_layout(extracted):
    values, _ = extracted
    raw = raw_cell(LA_DIR / "cbs_local_authorities_2021.xlsx", BANDED_SHEET, "38", "תלמידים", 'סה"כ')
    assert value_of(values, "rc-38", "pupils_total", 2021, 2021) == float(raw) == 3434


# ---- split layout (2013-2015): one sheet per family, the year in the header
@pytest.mark.parametrize("edition, sheet, code, authority, header, field, year, expected", [
    (2013, LA_SHEET, "1161", "la-1161", 'תלמידים - סה"כ תשע"ג 2012/13', "pupils_total", 2013, 17389),
    (2013, RC_SHEET, "68", "rc-68", 'תלמידים - סה"כ תשע"ג 2012/13', "pupils_total", 2013, 6594),
    (2014, LA_SHEET, "1161", "la-1161", "אחוז העצמאים המשתכרים עד מחצית השכר הממוצע ב-2013",
     "pct_self_employed_up_to_half_avg_wage", 2013, 40.3),
    (2015, RC_SHEET, "38", "rc-38", "אחוז העצמאים המשתכרים עד מחצית השכר הממוצע ב-2014",
     "pct_self_employed_up_to_half_avg_wage", 2014, 27.1),
    (2013, LA_SHEET, "9000", "la-9000", "התחלת בנייה: מספר דירות 2013", "dwellings_started", 2013, 933),
    (2015, RC_SHEET, "38", "rc-38", "גמר בנייה: מספר דירות 2015", "dwellings_completed", 2015, 73),
    (2014, LA_SHEET, "1161", "la-1161", 'צריכת מים חקלאית (אלפי מ"ק) 2014', "agricultural_water_thousand_m3",
     2014, 89),
])
def test_split_cells_match_raw(extracted, edition, sheet, code, authority, header, field, year, expected):
    values, _ = extracted
    raw = raw_cell(LA_DIR / f"cbs_local_authorities_{edition}.xls", sheet, code, header)
    got = value_of(values, authority, field, year, edition)
    assert got == pytest.approx(float(raw)) and got == pytest.approx(expected)


# ---- 2022 transcription: years inferred (lag 0; lag -1 for the higher-education block)
@pytest.mark.parametrize("code, authority, header, field, year", [
    ("1161", "la-1161", 'חינוך והשכלה: תלמידים סה"כ', "pupils_total", 2022),
    ("9000", "la-9000", "חינוך והשכלה: השכלה גבוהה אחוז בעלי תארים מישראל מתוך אוכלוסיית בני 55-35",
     "degree_holders_pct_35_55", 2023),
    ("1161", "la-1161", f"חינוך והשכלה: השכלה גבוהה {ENTRY_8Y}", "higher_ed_entry_8y_pct", 2023),
    ("9000", "la-9000", "בנייה ודיור: התחלת בנייה מספר דירות", "dwellings_started", 2022),
    ("1161", "la-1161", "בנייה ודיור: גמר בנייה מספר דירות", "dwellings_completed", 2022),
    ("1161", "la-1161", "מים: אחוז חריגות בבדיקות מיקרוביאליות במי שתייה", "drinking_water_micro_failures_pct", 2022),
    ("9000", "la-9000", 'מים: צריכת מים חקלאית (אלפי מ"ק)', "agricultural_water_thousand_m3", 2022),
])
def test_transcription_cells_match_raw(extracted, code, authority, header, field, year):
    values, _ = extracted
    assert value_of(values, authority, field, year, 2022) == pytest.approx(float(raw_csv_cell(code, header)))


def test_no_2022_figure_for_the_low_earning_self_employed(extracted):
    values, _ = extracted
    assert values[(values.field_id == "pct_self_employed_up_to_half_avg_wage") & (values.edition == 2022)].empty


# ---- what "-", 0 and ".." stand for, per column
def test_dwellings_nil_is_zero_in_every_layout(extracted):
    values, _ = extracted
    assert _raw_text(2019, BANDED_SHEET, "68", "התחלת בנייה", "מספר דירות") == "-"
    assert value_of(values, "rc-68", "dwellings_started", 2019, 2019) == 0.0
    assert _raw_text(2013, RC_SHEET, "68", "גמר בנייה: מספר דירות 2013") == "-"
    assert value_of(values, "rc-68", "dwellings_completed", 2013, 2013) == 0.0


def test_dwellings_not_available_stays_a_gap(extracted):
    values, gaps = extracted
    assert _raw_text(2017, BANDED_SHEET, "68", "התחלת בנייה", "מספר דירות") == ".."
    assert gap_of(gaps, "rc-68", "dwellings_started", 2017) == "not_available"
    assert values[(values.authority_id == "rc-68") & (values.field_id == "dwellings_started")
                  & (values.edition == 2017)].empty


def test_transcription_zero_is_a_real_zero_where_nil_means_zero(extracted):
    values, _ = extracted
    header = "מים: אחוז חריגות בבדיקות מיקרוביאליות במי שתייה"
    assert float(raw_csv_cell("9000", header)) == 0.0
    assert value_of(values, "la-9000", "drinking_water_micro_failures_pct", 2022, 2022) == 0.0


def test_water_failures_zero_is_kept_in_the_sheets(extracted):
    values, _ = extracted
    raw = raw_cell(LA_DIR / "cbs_local_authorities_2021.xlsx", BANDED_SHEET, "1161",
                   "אחוז חריגות בבדיקות מיקרוביאליות במי שתייה")
    assert raw == 0 and value_of(values, "la-1161", "drinking_water_micro_failures_pct", 2021, 2021) == 0.0


def test_higher_ed_entry_2018_dash_is_suppression_not_nil(extracted):
    values, gaps = extracted
    assert _raw_text(2018, BANDED_SHEET, "68", HIGHER_ED, ENTRY_8Y) == "-"
    assert gap_of(gaps, "rc-68", "higher_ed_entry_8y_pct", 2018) == "not_available"
    assert not ((values.field_id == "higher_ed_entry_8y_pct") & (values.value == 0)).any()


def test_agricultural_water_regional_councils_are_gaps_and_town_nil_is_zero(extracted):
    values, gaps = extracted
    assert _raw_text(2021, BANDED_SHEET, "38", 'צריכת מים חקלאית (אלפי מ"ק)') == ".."
    assert gap_of(gaps, "rc-38", "agricultural_water_thousand_m3", 2021) == "not_available"
    assert not values[(values.field_id == "agricultural_water_thousand_m3") & (values.edition < 2022)
                      ].authority_id.str.startswith("rc-").any()
    # Dimona: no agricultural consumption ("-") -> 0
    assert _raw_text(2021, BANDED_SHEET, "2200", 'צריכת מים חקלאית (אלפי מ"ק)') == "-"
    assert value_of(values, "la-2200", "agricultural_water_thousand_m3", 2021, 2021) == 0.0


def test_pupils_zero_or_nil_is_no_pupils_gap(extracted):
    values, gaps = extracted
    # The 2016 edition prints 0 where other editions print "-" for the one authority without schools.
    assert raw_cell(LA_DIR / "cbs_local_authorities_2016.xlsx", BANDED_SHEET, "0065", "תלמידים", 'סה"כ') == 0
    assert gap_of(gaps, "la-65", "pupils_total", 2016) == "nil_or_not_applicable"
    assert not ((values.field_id == "pupils_total") & (values.value <= 0)).any()


def test_low_earning_self_employed_2014_zero_is_not_reported(extracted):
    values, gaps = extracted
    header = "אחוז העצמאים המשתכרים עד מחצית השכר הממוצע ב-2013"
    assert raw_cell(LA_DIR / "cbs_local_authorities_2014.xls", LA_SHEET, "0065", header) == 0
    assert gap_of(gaps, "la-65", "pct_self_employed_up_to_half_avg_wage", 2014) == "not_reported"
    assert not ((values.field_id == "pct_self_employed_up_to_half_avg_wage") & (values.value == 0)).any()


@pytest.mark.parametrize("meaning, reason, expected", [
    ("zero", "nil_or_not_applicable", (0.0, None)),
    ("zero", "blank", (None, "blank")),             # a blank is never a zero
    ("zero", "not_available", (None, "not_available")),
    ("not_available", "nil_or_not_applicable", (None, "not_available")),
    ("below_threshold", "blank", (None, "below_threshold")),
    ("below_threshold", "not_available", (None, "not_available")),
])
def test_nil_as_declared(meaning, reason, expected):
    assert nil_as_declared(meaning, reason) == expected


# ---- indicators on these fields
def _indicator(indicator_id):
    return next(i for i in load_registry() if i.id == indicator_id)


def _run(indicator_id, rows) -> dict:
    frame = pd.DataFrame(rows, columns=["authority_id", "field_id", "year", "edition", "value"]).assign(
        source_id="synthetic")
    sql, params = _indicator(indicator_id).compute_sql()
    out = values_connection(frame).execute(sql, params or None).df()
    return {(r.authority_id, r.year, r.edition): r.value for r in out.itertuples()}


def test_spending_per_pupil_pairs_the_budget_year_with_the_school_year_ending_in_it():
    """SYNTHETIC figures. Budget 2021 ÷ pupils of 2020/21 (stored as 2021), the latest edition of those pupils;
    no pupils (a gap, so no row) -> no figure."""
    got = _run("education_spending_per_pupil", [
        ("la-1", "expenditure_education", 2021, 2021, 12_000_000.0),
        ("la-1", "pupils_total", 2020, 2020, 3_000.0),
        ("la-1", "pupils_total", 2021, 2021, 1_000.0),
        ("la-1", "pupils_total", 2021, 2022, 1_200.0),  # a later edition revising 2020/21
        ("la-2", "expenditure_education", 2021, 2021, 5_000_000.0),
    ])
    assert got == {("la-1", 2021, 2021): pytest.approx(10_000.0)}


def test_self_employed_share_is_of_employees_plus_self_employed_within_one_edition():
    """SYNTHETIC figures: 50 self-employed beside 950 employees -> 5 %; another edition's count is not mixed in."""
    got = _run("self_employed_share_pct", [
        ("la-1", "self_employed_count", 2019, 2020, 50.0),
        ("la-1", "employees_count", 2019, 2020, 950.0),
        ("la-1", "employees_count", 2019, 2021, 1_950.0),
    ])
    assert got == {("la-1", 2019, 2020): pytest.approx(5.0)}


def test_new_indicators_declare_a_direction_reason_in_every_language():
    ids = ["education_spending_per_pupil", "self_employed_share_pct", "self_employed_low_earning_pct",
           "degree_holders_pct_35_55", "higher_ed_entry_8y_pct", "dwellings_started_per_1000",
           "dwellings_completed_per_1000", "drinking_water_micro_failures_pct", "agricultural_water_thousand_m3"]
    for indicator_id in ids:
        raw = yaml.safe_load((DEFINITIONS_DIR / f"{indicator_id}.yml").read_text(encoding="utf-8"))
        assert all(raw["direction_reason"].get(lang) for lang in LANGUAGES), indicator_id


def test_per_pupil_replaces_per_resident_in_the_headlines():
    registry = {i.id: i for i in load_registry()}
    assert registry["education_spending_per_pupil"].headline_rank is not None
    assert registry["education_spending_per_capita"].headline_rank is None


def _raw_text(edition, sheet, code, header, sub=None) -> str:
    ext = "xls" if edition <= 2015 else "xlsx"
    return " ".join(str(raw_cell(LA_DIR / f"cbs_local_authorities_{edition}.{ext}", sheet, code, header, sub)).split())


@pytest.mark.parametrize("edition, code, authority, budget_header, occurrence", [
    (2021, "1161", "la-1161", "שירותים ממלכתיים: חינוך", 1),
    (2017, "9000", "la-9000", "חינוך", 2),  # 2017-2020: "חינוך" heads the income chapter first
])
def test_published_spending_per_pupil_matches_raw_cells(edition, code, authority, budget_header, occurrence):
    spending = budget_raw_cell(edition, "נתוני תקציב", code, budget_header, occurrence)  # thousand ₪
    pupils = raw_cell(LA_DIR / f"cbs_local_authorities_{edition}.xlsx", BANDED_SHEET, code, "תלמידים", 'סה"כ')
    obs = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
    row = obs[(obs.authority_id == authority) & (obs.indicator_id == "education_spending_per_pupil")
              & (obs.year == edition)]
    assert row.value.iloc[0] == pytest.approx(float(spending) * 1000 / float(pupils))
