"""Tests of the CBS budget-sheet extractor: spot checks against raw cells, layout errors, tricky parsing, SQL."""
from __future__ import annotations

import csv
import dataclasses

import pandas as pd
import pytest
import python_calamine

from indicators.build.cbs_budget import extract
from indicators.build.cbs_budget_mapping import ColumnSpec, load_editions
from indicators.build.cbs_budget_rows import ResolvedColumn, add_authority_row, apply_nil_means
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


def _raw_sheet(edition: int, sheet: str) -> list[list]:
    ext = "xls" if edition <= 2015 else "xlsx"
    book = python_calamine.CalamineWorkbook.from_path(str(LA_DIR / f"cbs_local_authorities_{edition}.{ext}"))
    return book.get_sheet_by_name(sheet).to_python()


def _raw_column_sum(edition: int, sheet: str, header: str) -> float:
    """Sum of the numeric cells of the one column headed `header` over the authority rows (code in column B)."""
    rows = _raw_sheet(edition, sheet)
    norm = lambda v: " ".join(str(v).split())  # noqa: E731
    first = next(i for i, r in enumerate(rows) if authority_code(r[1]) is not None)
    cols = {j for r in rows[:first] for j, cell in enumerate(r) if norm(cell) == header}
    assert len(cols) == 1, (edition, header, cols)
    col = cols.pop()
    cells = [r[col] for r in rows[first:] if authority_code(r[1]) is not None]
    return sum(c for c in cells if isinstance(c, float | int))


def _summary_total(edition: int, label: str) -> float:
    """All authorities' total (column C) of the row labelled `label` in CBS's own summary sheet."""
    rows = _raw_sheet(edition, "סיכומים לפי מעמד מוניציפלי")
    return float(next(r[2] for r in rows if " ".join(str(r[1]).split()) == label))


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
    # every field declares what "-" means: no budget gap is left as the ambiguous nil_or_not_applicable
    assert set(gaps.reason) <= {"not_available", "not_applicable", "blank", "not_reported", "suppressed", "unparsed"}
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
    spec = ColumnSpec("bogus_field", texts, occurrence, None, "money", False, "not_applicable")
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


def test_mapping_refuses_a_field_without_nil_means(tmp_path):
    text = (RAW_DIR.parent / "mappings" / "cbs_budget.yml").read_text(encoding="utf-8")
    broken = text.replace("    nil_means: zero\n", "", 1)
    path = tmp_path / "cbs_budget.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(MappingError, match="missing nil_means"):
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


def _cols(*budget_flags, nil_means="not_applicable"):
    return [ResolvedColumn(ColumnSpec(f"f{i}", ("h",), None, None, "money", flag, nil_means), i, 2020)
            for i, flag in enumerate(budget_flags)]


def _row(cells: list, edition: int = 2020, nil_means: str = "not_applicable") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and gaps of one synthetic authority row of three money columns (two of them budget rows)."""
    edition = dataclasses.replace(load_editions()[edition], source_id="s", scale={"money": 1000})
    out = RecordCollector("test")
    columns = _cols(True, True, False, nil_means=nil_means)
    add_authority_row(out, "la-1", list(zip(columns, cells, strict=True)), edition)
    extracted = out.extracted()
    return extracted.values, extracted.gaps


def test_not_reported_rules():
    values, gaps = _row([0.0, "", 5.0])
    assert values.empty and set(gaps.reason) == {"not_reported"}
    # a row CBS marks ".." keeps CBS's own reason
    values, gaps = _row(["..", "..", ".."])
    assert values.empty and set(gaps.reason) == {"not_available"}
    # one real figure: zeros elsewhere are genuine zeros; "-" in a not_applicable field stays a gap
    values, gaps = _row([0.0, 12.0, "-"])
    assert list(values.value) == [0.0, 12000.0]
    assert list(gaps.reason) == ["not_applicable"]


def test_nil_means_zero_and_not_applicable_in_every_edition_layout():
    # 2013–2020 print "-"; a printed 0 there is CBS's "under half the unit" and stays a figure
    assert apply_nil_means(None, "nil_or_not_applicable", "zero", False) == (0.0, None)
    assert apply_nil_means(None, "nil_or_not_applicable", "not_applicable", False) == (None, "not_applicable")
    assert apply_nil_means(0.0, None, "not_applicable", False) == (0.0, None)
    # 2021 and the 2022 transcription print 0 for "-": read the same way
    assert apply_nil_means(0.0, None, "zero", True) == (0.0, None)
    assert apply_nil_means(0.0, None, "not_applicable", True) == (None, "not_applicable")
    # ".." and blanks are not nils; figures pass untouched
    assert apply_nil_means(None, "not_available", "zero", True) == (None, "not_available")
    assert apply_nil_means(7.0, None, "not_applicable", True) == (7.0, None)
    assert {ed: e.nil_printed_as_zero for ed, e in load_editions().items() if e.nil_printed_as_zero} == \
        {2021: True, 2022: True}


def test_nil_rule_applies_only_after_the_not_reported_check():
    # a 2021 row of zeros is a non-report even for fields whose "-" means zero
    values, gaps = _row([0.0, 0.0, 0.0], edition=2021, nil_means="zero")
    assert values.empty and set(gaps.reason) == {"not_reported"}
    values, gaps = _row([0.0, 12.0, 0.0], edition=2021, nil_means="zero")
    assert list(values.value) == [0.0, 12000.0, 0.0] and gaps.empty
    values, gaps = _row([0.0, 12.0, "-"], edition=2019, nil_means="zero")
    assert list(values.value) == [0.0, 12000.0, 0.0] and gaps.empty


def test_every_budget_field_declares_what_a_dash_means():
    for edition in load_editions().values():
        assert {c.nil_means for c in edition.columns} <= {"zero", "not_applicable"}
    grant = {c.nil_means for e in load_editions().values() for c in e.columns
             if c.field_id == "grant_general_balancing"}
    assert grant == {"zero"}


# Be'er Sheva receives no balancing grant in 2013–2017 and 2020–2022: "-" up to 2020, 0 in 2021 (sheet) and
# 2022 (transcription). Every edition now stores 0, so a non-recipient counts as 0 in every year.
@pytest.mark.parametrize("edition,sheet,header", [
    (2013, OLD_LA, 'מענק כללי לאיזון (אלפי ש"ח) 2013'),   # split 2013–2015 workbook
    (2016, NEW, "מענק כללי לאיזון"),                       # multi-row header sheet
    (2020, NEW, "מענק כללי"),
    (2021, NEW, "הכנסות מהממשלה: מענק כללי"),              # prints 0 for "-"
])
def test_no_balancing_grant_is_zero_in_every_edition(extracted, edition, sheet, header):
    raw = _raw_cell(edition, sheet, "9000", header)
    assert (str(raw).strip() == "-") if edition <= 2020 else (raw == 0)
    assert _lookup(extracted[0], "la-9000", "grant_general_balancing", edition, edition) == 0.0


def test_no_balancing_grant_is_zero_in_the_2022_transcription(extracted):
    header = "נתוני תקציב: תקבולים בתקציב הרגיל - לפי סוג ההכנסה - הכנסות מהממשלה: מענק כללי"
    assert _csv_cell("9000", header) == 0.0
    assert _lookup(extracted[0], "la-9000", "grant_general_balancing", 2022, 2022) == 0.0
    assert _lookup(extracted[0], "la-1161", "grant_general_balancing", 2022, 2022) == \
        pytest.approx(_csv_cell("1161", header) * 1000)


def test_tel_sheva_2021_grant_stays_not_reported(extracted):
    values, gaps = extracted
    hit = gaps.query("authority_id == 'la-1054' and field_id == 'grant_general_balancing' and edition == 2021")
    assert list(hit.reason) == ["not_reported"]


# The rename "מענק כללי לאיזון" → "מענק כללי" (2018) is one series: CBS's own summary sheet calls the 2016
# column "מענק כללי" already, and in each edition the all-authority total it prints under either name equals
# the sum of the authority cells of the budget sheet's column.
@pytest.mark.parametrize("edition,column,summary_label", [
    (2016, "מענק כללי לאיזון", 'מענק כללי (אלפי ש"ח)'),
    (2017, "מענק כללי לאיזון", "הכנסות לפי סיווג כלכלי: הכנסות מהממשלה: מענק כללי לאיזון"),
    (2018, "מענק כללי", "הכנסות לפי סיווג כלכלי: הכנסות מהממשלה: מענק כללי"),
])
def test_balancing_grant_is_one_series_across_the_rename(edition, column, summary_label):
    assert _raw_column_sum(edition, NEW, column) == pytest.approx(_summary_total(edition, summary_label), abs=1)


def test_balancing_grant_total_is_continuous_across_the_rename():
    before = _raw_column_sum(2017, NEW, "מענק כללי לאיזון")
    after = _raw_column_sum(2018, NEW, "מענק כללי")
    assert 1.0 < after / before < 1.1  # +5.3 %: no jump that a change of definition would make


# Balance without balancing loans = balance with them − the loans, read from the raw cells of each layout.
@pytest.mark.parametrize("edition,sheet,code,authority,with_h,loans_h,without_h", [
    (2014, OLD_RC, "38", "rc-38", 'עודף / גירעון בתקציב הרגיל - תקציבי (אלפי ש"ח) 2014',
     'מלוות לאיזון (אלפי ש"ח) 2014', 'עודף / גירעון בתקציב הרגיל - שנתי (אלפי ש"ח) 2014'),
    (2016, NEW, "1161", "la-1161", "עודף / גירעון בתקציב הרגיל השנה", "מלוות לאיזון",
     "עודף / גירעון בתקציב הרגיל השנה ללא קבלת מלוות לאיזון"),
    (2021, NEW, "9000", "la-9000", "עודף/גירעון בתקציב הרגיל השנה", "הכנסות מהממשלה: מלוות לאיזון",
     "עודף/גירעון בתקציב הרגיל השנה ללא קבלת מלוות לאיזון"),
])
def test_balance_without_balancing_loans(extracted, edition, sheet, code, authority, with_h, loans_h, without_h):
    with_loans, loans, without = (float(_raw_cell(edition, sheet, code, h)) for h in (with_h, loans_h, without_h))
    assert loans > 0 and with_loans - loans == pytest.approx(without)
    values = extracted[0]
    assert _lookup(values, authority, "surplus_deficit_regular_year_excl_loans", edition, edition) == \
        pytest.approx(without * 1000)
    assert _lookup(values, authority, "balancing_loans", edition, edition) == pytest.approx(loans * 1000)


def test_balance_without_loans_2022_transcription(extracted):
    # the transcription keeps CBS's line breaks in this header
    without = _csv_cell("9000", "נתוני תקציב: עודף/גירעון - עודף/גירעון בתקציב הרגיל\nהשנה\nללא קבלת מלוות לאיזון")
    loans = _csv_cell("9000", "נתוני תקציב: תקבולים בתקציב הרגיל - לפי סוג ההכנסה - מלוות למחזור ולאיזון")
    assert (without, loans) == (-67687.0, 68000.0)
    assert _lookup(extracted[0], "la-9000", "surplus_deficit_regular_year_excl_loans", 2022, 2022) == -67_687_000
    assert _lookup(extracted[0], "la-9000", "balancing_loans", 2022, 2022) == 68_000_000
    # Rahat took no loans: the transcription's 0 (CBS "-") is a nil, stored as 0
    assert _lookup(extracted[0], "la-1161", "balancing_loans", 2022, 2022) == 0.0


def test_balance_dash_is_not_applicable(extracted):
    # Rahat's 2020 "without loans" balance is a figure; a 2021 printed 0 in a balance is a gap, not a balance of 0
    gaps = extracted[1]
    zeros_2021 = gaps.query("field_id == 'surplus_deficit_regular_year' and edition == 2021")
    assert set(zeros_2021.reason) <= {"not_applicable", "not_reported"}
    assert (zeros_2021.reason == "not_applicable").any()


@pytest.mark.parametrize("edition,sheet,code,header,occ,authority", [
    (2014, OLD_LA, "1161", 'ארנונה למגורים - סה"כ פטורים, שחרורים והנחות 2014', 1, "la-1161"),
    (2016, NEW, "9000", 'סה"כ פטורים, שחרורים והנחות', 1, "la-9000"),
    (2019, NEW, "68", 'למגורים: סה"כ פטורים, שחרורים והנחות', 1, "rc-68"),
    (2021, NEW, "9000", 'ארנונה למגורים: סה"כ פטורים, שחרורים והנחות', 1, "la-9000"),
])
def test_residential_reliefs_spot_checks(extracted, edition, sheet, code, header, occ, authority):
    raw = _raw_cell(edition, sheet, code, header, occ)
    assert _lookup(extracted[0], authority, "arnona_residential_reliefs", edition, edition) == \
        pytest.approx(float(raw) * 1000)


def test_residential_reliefs_2022_and_not_in_2013(extracted):
    header = "נתוני תקציב: תקבולים בתקציב הרגיל - לפי פרקי תקציב - ארנונה למגורים: סה\"כ פטורים, שחרורים והנחות"
    assert _lookup(extracted[0], "la-1161", "arnona_residential_reliefs", 2022, 2022) == \
        pytest.approx(_csv_cell("1161", header) * 1000)
    assert extracted[0].query("field_id == 'arnona_residential_reliefs' and edition == 2013").empty


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
        ("la-1", "surplus_deficit_regular_year_excl_loans", 2018, 2018, -100_000.0),
        ("la-1", "balancing_loans", 2018, 2018, 1_000_000.0),
        ("la-1", "arnona_residential_reliefs", 2018, 2018, 150_000.0),
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
    # −100,000 ÷ (5,000,000 income − 1,000,000 balancing loans): a loan is not income
    assert _run("budget_balance_excl_loans_pct") == {(2018, 2018): pytest.approx(-2.5)}
    # (1,000,000 − 750,000 residential) ÷ 1,000 residents at the end of 2018 (latest edition)
    assert _run("nonresidential_arnona_per_capita") == {(2018, 2018): pytest.approx(250.0)}
    assert _run("arnona_residential_reliefs_pct") == {(2018, 2018): pytest.approx(20.0)}


def test_budget_indicators_declared():
    ids = {i.id for i in load_registry()}
    assert {"own_income_share_pct", "budget_income_per_capita", "nonresidential_arnona_share_pct",
            "gov_grant_per_capita", "business_floor_area_per_capita", "arnona_collection_rate_pct",
            "education_spending_per_capita", "welfare_spending_per_capita", "gov_share_of_income_pct",
            "budget_deficit_pct", "accumulated_deficit_pct", "debt_per_capita",
            "residential_arnona_per_capita", "development_spending_per_capita",
            "budget_expenditure_per_capita", "balancing_grant_per_capita", "budget_balance_excl_loans_pct",
            "nonresidential_arnona_per_capita", "arnona_residential_reliefs_pct"} <= ids


def _query(indicator):
    """(sql, parameters) as the build runs them."""
    sql, params = indicator.compute_sql()
    return sql, params or None
