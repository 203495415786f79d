"""Tests of the CBS budget-sheet extractor: spot checks against raw cells, layout errors, tricky parsing, SQL."""
from __future__ import annotations

import csv
import dataclasses

import pandas as pd
import pytest
import python_calamine

from indicators.build.cbs_budget import extract
from indicators.build.cbs_budget_mapping import ColumnSpec, load_editions
from indicators.build.cbs_budget_rows import ResolvedColumn, add_authority_row
from indicators.build.cbs_budget_sheet import header_text_year
from indicators.build.cbs_budget_workbook import extract_workbook
from indicators.build.cbs_cells import authority_code
from indicators.build.layout_errors import ColumnNotFoundError, LayoutError, Where
from indicators.build.mapping_files import MappingError
from indicators.build.records import GAP_COLUMNS, VALUE_COLUMNS, RecordCollector
from indicators.compute import values_connection
from indicators.registry import load_registry
from indicators.settings import NEGEV_AUTHORITY_IDS, RAW_DIR

LA_DIR = RAW_DIR / "cbs" / "local-authorities"
CSV_2022 = RAW_DIR / "cbs" / "transcribed" / "cbs_muni_physical_population_2022.csv"
OLD_LA, OLD_RC, NEW = "נתונים כספיים - עיריות ומ.מקומי", "נתונים כספיים - מ.אזוריות", "נתוני תקציב"


@pytest.fixture(scope="module")
def extracted():
    out = extract()
    return out.values, out.gaps


def _lookup(values: pd.DataFrame, authority: str, field: str, year: int, edition: int) -> float:
    hit = values.query("authority_id == @authority and field_id == @field and year == @year "
                       "and edition == @edition")
    assert len(hit) == 1, (authority, field, year, edition)
    return float(hit.value.iloc[0])


# --- independent re-reading of raw cells (no project code involved) -------------------------------
def _raw_cell(edition: int, sheet: str, code: str, header: str, occurrence: int = 1):
    """Cell in the row whose code (column B, as text) equals `code` and the column headed `header`.

    Header cells are compared after collapsing whitespace; `occurrence` counts matching columns
    left to right over the rows above the first authority row.
    """
    ext = "xls" if edition <= 2015 else "xlsx"
    book = python_calamine.CalamineWorkbook.from_path(str(LA_DIR / f"cbs_local_authorities_{edition}.{ext}"))
    rows = book.get_sheet_by_name(sheet).to_python()
    norm = lambda v: " ".join(str(v).split())  # noqa: E731
    as_code = lambda v: str(int(v)) if isinstance(v, float) else str(v).strip()  # noqa: E731
    row = next(r for r in rows if as_code(r[1]) == code)
    first = rows.index(row)
    top = rows[:first]
    cols = [j for j in range(len(row)) if any(j < len(r) and norm(r[j]) == header for r in top)]
    return row[cols[occurrence - 1]]


def _csv_cell(code: str, header: str):
    with CSV_2022.open(encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            if rec["כללי: סמל הרשות"] == code:
                return float(rec[header])
    raise AssertionError(code)


SPOT_CHECKS = [
    # (edition, sheet, code, header, occurrence, authority_id, field_id, year, ×)
    (2013, OLD_LA, "9000", 'הכנסות עצמיות של הרשות (אלפי ש"ח) 2013', 1, "la-9000", "income_own_total", 2013, 1000),
    (2013, OLD_RC, "48", 'סה"כ הכנסות של הרשות מהתקציב הרגיל (אלפי ש"ח) 2013', 1,
     "rc-48", "income_regular_total", 2013, 1000),
    (2014, OLD_LA, "1161", 'חיוב ארנונה למגורים (באלפי ש"ח) 2013', 1,
     "la-1161", "arnona_charge_residential", 2013, 1000),
    (2015, OLD_RC, "38", 'מענק כללי לאיזון (אלפי ש"ח) 2015', 1, "rc-38", "grant_general_balancing", 2015, 1000),
    (2015, OLD_LA, "0831", 'הכנסות של הרשות מארנונה למגורים -יחס גבייה ב-% לכלל החיובים 2015', 1,
     "la-831", "arnona_residential_collection_rate_pct", 2015, 1),
    # 2016: the ₪ block of property-tax charges appears twice: band year 2015, then 2016
    (2016, NEW, "0831", "חיוב ארנונה סך הכל", 2, "la-831", "arnona_charge_total", 2015, 1000),
    (2016, NEW, "0831", "חיוב ארנונה סך הכל", 4, "la-831", "arnona_charge_total", 2016, 1000),
    (2016, NEW, "38", "הוצאות של הרשות לחינוך", 1, "rc-38", "expenditure_education", 2016, 1000),
    (2017, NEW, "9000", "חינוך", 2, "la-9000", "expenditure_education", 2017, 1000),
    (2018, NEW, "1161", "מענק כללי", 1, "la-1161", "grant_general_balancing", 2018, 1000),
    (2019, NEW, "48", "עומס מלוות לסוף השנה (כולל הפרשי הצמדה)", 1, "rc-48", "debt_outstanding_eoy", 2019, 1000),
    (2020, NEW, "9000", 'הכנסות לנפש בתקציב הרגיל (ש"ח)', 1, "la-9000", "income_regular_per_capita", 2020, 1),
    (2021, NEW, "0831", "ארנונה למגורים: יחס גבייה ב-% לכלל החיובים", 1,
     "la-831", "arnona_residential_collection_rate_pct", 2021, 1),
    (2021, NEW, "38", "למגורים", 1, "rc-38", "arnona_area_residential", 2021, 1000),
    (2021, NEW, "38", "למגורים", 2, "rc-38", "arnona_charge_residential", 2021, 1000),
]


@pytest.mark.parametrize("edition,sheet,code,header,occ,authority,field,year,factor", SPOT_CHECKS)
def test_spot_check_workbooks(extracted, edition, sheet, code, header, occ, authority, field, year, factor):
    raw = _raw_cell(edition, sheet, code, header, occ)
    assert _lookup(extracted[0], authority, field, year, edition) == pytest.approx(float(raw) * factor)


# 2022 transcription: regional-council codes are zero-padded too ("0038")
@pytest.mark.parametrize("code,header,authority,field,factor", [
    ("1161", 'נתוני תקציב: תקבולים - סה"כ הכנסות בתקציב הרגיל', "la-1161", "income_regular_total", 1000),
    # the transcription labels this column "באלפי ש"ח" but it holds the residential floor area
    ("9000", 'נתוני תקציב: חיובי ארנונה לפי סוג נכס - באלפי ש"ח - למגורים', "la-9000",
     "arnona_area_residential", 1000),
    # collection ratio is a fraction in the transcription → percent
    ("0831", 'נתוני תקציב: תקבולים בתקציב הרגיל - לפי פרקי תקציב - ארנונה למגורים: יחס גבייה ב-% לכלל החיובים',
     "la-831", "arnona_residential_collection_rate_pct", 100),
    ("0048", "נתוני תקציב: עודף/גירעון - למגורים", "rc-48", "arnona_charge_residential", 1000),
    ("0038", 'נתוני תקציב: תקבולים בתקציב הרגיל - לפי סוג ההכנסה - סה"כ הכנסות מהממשלה', "rc-38",
     "income_gov_total", 1000),
])
def test_spot_check_2022_csv(extracted, code, header, authority, field, factor):
    assert _lookup(extracted[0], authority, field, 2022, 2022) == pytest.approx(_csv_cell(code, header) * factor)


# --- shape of the output ---------------------------------------------------------------------------
def test_contract_columns_and_types(extracted):
    values, gaps = extracted
    assert list(values.columns) == VALUE_COLUMNS and list(gaps.columns) == GAP_COLUMNS
    assert values.value.dtype == float and values.year.dtype.kind == "i"
    assert set(gaps.reason) <= {"not_available", "nil_or_not_applicable", "blank", "not_reported",
                                "suppressed", "unparsed"}
    assert not gaps.reason.eq("unparsed").any()


def test_every_authority_in_every_edition(extracted):
    values, gaps = extracted
    both = pd.concat([values[["authority_id", "edition"]], gaps[["authority_id", "edition"]]])
    per_edition = both.groupby("edition").authority_id.nunique()
    assert per_edition.min() >= 250, per_edition
    for edition, ids in both.groupby("edition").authority_id:
        assert NEGEV_AUTHORITY_IDS <= set(ids), edition


def test_colliding_codes_kept_apart_in_layout_without_status_column(extracted):
    # 2016/2017 budget sheets lack a status column: kind comes from the physical sheet.
    # 31 is both Ofakim (town) and Nahal Sorek (regional council).
    values = extracted[0]
    for edition in (2016, 2017):
        ids = set(values[values.edition == edition].authority_id)
        assert {"la-31", "rc-31", "la-41", "rc-41"} <= ids


def test_years_follow_header_band_and_text(extracted):
    values = extracted[0]
    charge_years = values.query("field_id == 'arnona_charge_total'").groupby("edition").year.unique()
    assert sorted(charge_years[2013]) == [2012, 2013]
    assert sorted(charge_years[2016]) == [2015, 2016]
    assert list(charge_years[2019]) == [2019]
    income_years = values.query("field_id == 'income_regular_total'").groupby("edition").year.unique()
    assert all(list(years) == [edition] for edition, years in income_years.items())


def test_zero_row_is_not_reported(extracted):
    # Tel Sheva's 2021 budget row is 0 in every column: a non-report, not zero spending.
    values, gaps = extracted
    assert values.query("authority_id == 'la-1054' and edition == 2021").empty
    reasons = set(gaps.query("authority_id == 'la-1054' and edition == 2021").reason)
    assert reasons == {"not_reported"}


def test_shares_in_range(extracted):
    values = extracted[0]
    rate = values.query("field_id == 'arnona_residential_collection_rate_pct'").value
    assert rate.between(0, 101).all()  # CBS prints 100.7–100.8 for Tamar 2017–2018 (arrears collected)


# --- layout errors -----------------------------------------------------------------------------------
def _with_extra_spec(edition: int, texts: tuple[str, ...], occurrence=None):
    ed = load_editions()[edition]
    spec = ColumnSpec("bogus_field", texts, occurrence, None, "money", False)
    return dataclasses.replace(ed, columns=ed.columns + (spec,))


def test_missing_header_names_file_sheet_and_header():
    with pytest.raises(ColumnNotFoundError) as err:
        extract_workbook(_with_extra_spec(2019, ("כותרת שאינה קיימת",)), RecordCollector("test"))
    message = str(err.value)
    assert "cbs_local_authorities_2019.xlsx" in message and "נתוני תקציב" in message
    assert "כותרת שאינה קיימת" in message


def test_ambiguous_header_without_occurrence_is_refused():
    with pytest.raises(ColumnNotFoundError, match="ambiguous"):
        extract_workbook(_with_extra_spec(2020, ("למגורים",)), RecordCollector("test"))


def test_stated_year_is_checked():
    ed = dataclasses.replace(load_editions()[2018], year=2017)
    with pytest.raises(LayoutError, match="states data year 2018"):
        extract_workbook(ed, RecordCollector("test"))


def test_mapping_must_declare_every_edition(tmp_path):
    text = (RAW_DIR.parent / "mappings" / "cbs_budget.yml").read_text(encoding="utf-8")
    broken = text.replace("      2013: null\n", "", 1)
    path = tmp_path / "cbs_budget.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(MappingError, match="edition 2013 not declared"):
        load_editions(path)


# --- tricky parsing ----------------------------------------------------------------------------------
@pytest.mark.parametrize("raw,code", [("0831", 831), ("48", 48), (48.0, 48), (" 9000 ", 9000), ("", None),
                                      ("מקרא:", None), (None, None), (2.5, None)])
def test_authority_code(raw, code):
    assert authority_code(raw) == code


def test_header_text_year_needs_exactly_one_year():
    assert header_text_year(['מענק מיועד 2013 (אלפי ש"ח)'], Where("x")) == 2013
    with pytest.raises(LayoutError):
        header_text_year(["אחוז שינוי ראלי 2013 לעומת 2012"], Where("x"))


def _cols(*budget_flags):
    return [ResolvedColumn(ColumnSpec(f"f{i}", ("h",), None, None, "money", flag), i, 2020)
            for i, flag in enumerate(budget_flags)]


def _row(cells: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and gaps of one synthetic authority row of three money columns (two of them budget rows)."""
    edition = dataclasses.replace(load_editions()[2020], source_id="s", scale={"money": 1000})
    out = RecordCollector("test")
    add_authority_row(out, "la-1", list(zip(_cols(True, True, False), cells, strict=True)), edition)
    extracted = out.extracted()
    return extracted.values, extracted.gaps


def test_not_reported_rules():
    values, gaps = _row([0.0, "", 5.0])
    assert values.empty and set(gaps.reason) == {"not_reported"}
    # a row CBS marks ".." keeps CBS's own reason
    values, gaps = _row(["..", "..", ".."])
    assert values.empty and set(gaps.reason) == {"not_available"}
    # one real figure: zeros elsewhere are genuine zeros; "-" stays a gap
    values, gaps = _row([0.0, 12.0, "-"])
    assert list(values.value) == [0.0, 12000.0]
    assert list(gaps.reason) == ["nil_or_not_applicable"]


# --- indicator SQL on a tiny fixture -----------------------------------------------------------------
def _fixture() -> pd.DataFrame:
    rows = [
        # population_total: two editions give 2018; the latest (2019) must be used
        ("la-1", "population_total", 2018, 2018, 900.0), ("la-1", "population_total", 2018, 2019, 1000.0),
        ("la-1", "population_total", 2017, 2017, 800.0),
        ("la-1", "income_regular_total", 2018, 2018, 5_000_000.0),
        ("la-1", "income_regular_per_capita", 2018, 2018, 4_999.0),  # CBS's own figure wins
        ("la-1", "income_regular_total", 2017, 2017, 4_000_000.0),  # no published figure → computed
        ("la-1", "income_own_total", 2018, 2018, 2_000_000.0),
        ("la-1", "arnona_charge_total", 2018, 2018, 1_000_000.0),
        ("la-1", "arnona_charge_residential", 2018, 2018, 750_000.0),
        ("la-1", "arnona_area_offices_commerce", 2018, 2018, 3_000.0),
        ("la-1", "arnona_area_industry", 2018, 2018, 1_500.0),
        ("la-1", "arnona_area_crafts", 2018, 2018, 500.0),
        ("la-1", "arnona_area_offices_commerce", 2017, 2017, 3_000.0),  # industry missing → no value
        ("la-1", "arnona_area_crafts", 2017, 2017, 500.0),
    ]
    frame = pd.DataFrame(rows, columns=["authority_id", "field_id", "year", "edition", "value"])
    frame["source_id"] = "cbs_la_" + frame.edition.astype(str)
    return frame


def _run(indicator_id: str) -> dict:
    con = values_connection(_fixture())
    ind = next(i for i in load_registry() if i.id == indicator_id)
    df = con.execute(*_query(ind)).df()
    assert list(df.columns) == ["authority_id", "year", "edition", "value", "source_id"]
    return {(r.year, r.edition): r.value for r in df.itertuples()}


def test_sql_ratios_and_per_capita():
    assert _run("own_income_share_pct") == {(2018, 2018): pytest.approx(40.0)}
    assert _run("nonresidential_arnona_share_pct") == {(2018, 2018): pytest.approx(25.0)}
    assert _run("budget_income_per_capita") == {(2018, 2018): pytest.approx(4_999.0),
                                                (2017, 2017): pytest.approx(5_000.0)}
    assert _run("business_floor_area_per_capita") == {(2018, 2018): pytest.approx(5.0)}


def test_budget_indicators_declared():
    ids = {i.id for i in load_registry()}
    assert {"own_income_share_pct", "budget_income_per_capita", "nonresidential_arnona_share_pct",
            "gov_grant_per_capita", "business_floor_area_per_capita", "arnona_collection_rate_pct",
            "education_spending_per_capita", "welfare_spending_per_capita", "gov_share_of_income_pct",
            "budget_deficit_pct", "accumulated_deficit_pct", "debt_per_capita",
            "residential_arnona_per_capita", "development_spending_per_capita",
            "budget_expenditure_per_capita", "balancing_grant_per_capita"} <= ids


def _query(indicator):
    """(sql, parameters) as the build runs them."""
    sql, params = indicator.compute_sql()
    return sql, params or None
