"""Reading uploads for the LM3 tool: every encoding accepted, every problem reported with file, row,
column and what was found — and the message for each issue exists in he/en/ar."""
import io

import pandas as pd
import pytest
from openpyxl import Workbook

from indicators.settings import LANGUAGES, PUBLISHED_DIR
from indicators.tools import lm3, lm3_example, spend_table
from indicators.tools.spend_table import SPEND, SURVEY, PlaceIndex, parse_table
from ui.i18n import load_catalogue

AUTHORITIES = pd.DataFrame({"authority_id": ["la-9000", "la-1161", "rc-48"],
                            "name_he": ["באר שבע", "רהט", "רמת נגב"],
                            "name_en": ["Be'er Sheva", "Rahat", "Ramat HaNegev"],
                            "name_ar": ["بئر السبع", "رهط", None]})
PLACES = PlaceIndex(AUTHORITIES)
HEBREW = ("שם הספק,סכום,מקום,סוג,ענף,תגיות\r\n"
          "מאפייה,1200,רהט,ספק,מזון,עסק קטן; עסק חברתי\r\nצוות,5000,באר-שבע,עובדים,,\r\n")


def _parse(text_or_bytes, name="spend.csv", schema=SPEND):
    data = text_or_bytes if isinstance(text_or_bytes, bytes) else text_or_bytes.encode("utf-8")
    return parse_table(name, data, schema, PLACES)


def _codes(parsed):
    return [(i.code, i.row, i.column) for i in parsed.issues]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1255"])
def test_hebrew_headers_in_every_accepted_encoding(encoding):
    parsed = _parse(HEBREW.encode(encoding))
    assert parsed.ok, parsed.issues
    assert parsed.encoding == {"utf-8": "utf-8", "utf-8-sig": "utf-8-bom", "cp1255": "cp1255"}[encoding]
    assert parsed.rows[0] == {"name": "מאפייה", "amount": 1200, "place": "la-1161", "kind": "supplier",
                              "sector": "מזון", "tags": ["עסק קטן", "עסק חברתי"]}
    assert parsed.rows[1]["place"] == "la-9000" and parsed.rows[1]["kind"] == lm3.STAFF


def test_english_headers_semicolons_and_thousands():
    parsed = _parse('name;amount;place\n"Shop";"1,250.50 ₪";rc-48\nCloud;300;abroad\nX;5;Israel\n')
    assert parsed.ok, parsed.issues
    assert [r["amount"] for r in parsed.rows] == [1250.5, 300, 5]
    assert [r["place"] for r in parsed.rows] == ["rc-48", lm3.OUTSIDE_ISRAEL, lm3.ISRAEL_ELSEWHERE]


def test_arabic_place_names_resolve():
    assert _parse("name,amount,place\nA,1,رهط\n").rows[0]["place"] == "la-1161"


def test_missing_column_names_what_was_found():
    parsed = _parse("name,place\nA,Rahat\n")
    assert _codes(parsed) == [("missing_column", 1, "amount")]
    assert parsed.issues[0].found == "name, place"


def test_row_numbers_are_the_sheets_own():
    parsed = _parse("name,amount,place\nA,1,Rahat\n\nB,lots,Rahat\nC,-5,Rahat\nD,3,Atlantis\n")
    assert _codes(parsed) == [("not_a_number", 4, "amount"), ("negative", 5, "amount"), ("unknown_place", 6, "place")]
    assert parsed.issues[0].found == "lots" and parsed.issues[0].header == "amount"
    assert parsed.rows == []  # nothing is half-imported


def test_unknown_place_suggests_the_closest_name():
    parsed = _parse("name,amount,place\nA,1,Rahatt\n")
    assert parsed.issues[0].code == "unknown_place" and parsed.issues[0].hint == "la-1161"


def test_formulas_are_text_never_evaluated():
    parsed = _parse("name,amount,place\n=HYPERLINK(\"x\"),=1+2,Rahat\n@SUM(A1),+A1,Rahat\n")
    assert _codes(parsed) == [("formula", 2, "amount"), ("formula", 3, "amount")]
    ok = _parse("name,amount,place\n=cmd|' /C calc'!A0,5,Rahat\n")
    assert ok.ok and ok.rows[0]["name"] == "=cmd|' /C calc'!A0"  # kept as text, only ever shown
    assert spend_table.safe_cell("=cmd") == "'=cmd" and spend_table.safe_cell("ok") == "ok"


def test_share_outside_0_to_100():
    parsed = _parse("supplier,received,share\nA,100,120\nB,100,50%\n", schema=SURVEY)
    assert _codes(parsed) == [("share_range", 2, "share_pct")]


def test_unknown_type():
    assert _codes(_parse("name,amount,place,type\nA,1,Rahat,robot\n")) == [("unknown_kind", 2, "kind")]


def test_missing_required_value():
    assert _codes(_parse("name,amount,place\nA,,Rahat\n")) == [("missing_value", 2, "amount")]


@pytest.mark.parametrize("data, code", [
    (b"", "empty_file"), (b"  \r\n ", "empty_file"), (b",,\n,,\n", "empty_file"), (b"hello", "one_cell"),
    (b"name,amount,place\n", "no_rows"), ("name,amount\n".encode("utf-16"), "encoding"),
    (b"name,amount,place\nA,1,\x81\x8a\xff\n", "encoding"),
])
def test_files_that_cannot_be_used(data, code):
    assert _parse(data).issues[0].code == code


def test_file_over_the_size_limit():
    parsed = _parse(b"x" * (spend_table.MAX_BYTES + 1))
    assert parsed.issues[0].code == "file_too_large" and parsed.issues[0].found == "10.0"


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_excel_upload_with_numbers_and_a_formula():
    data = _xlsx([["supplier or staff group", "amount (ILS)", "place"], ["Shop", 1500, "Rahat"],
                  ["Sum", "=B2*2", "Rahat"]])
    parsed = parse_table("spend.xlsx", data, SPEND, PLACES)
    assert _codes(parsed) == [("formula", 3, "amount")]
    good = parse_table("spend.xlsx", _xlsx([["שם", "סכום (₪)", "מקום"], ["חנות", 1500.0, "רהט"]]), SPEND, PLACES)
    assert good.ok and good.rows[0]["amount"] == 1500 and good.encoding == "xlsx"


def test_damaged_excel_and_old_xls():
    assert parse_table("x.xlsx", b"PK\x03\x04 not really", SPEND, PLACES).issues[0].code == "unreadable_excel"
    assert parse_table("x.xls", b"\xd0\xcf\x11\xe0 old", SPEND, PLACES).issues[0].code == "unreadable_excel"


def test_templates_read_back_and_the_example_parses():
    for lang in ("he", "en"):
        header = spend_table.template_csv(SPEND, lang).decode("utf-8-sig").strip().split(",")
        assert spend_table._header_map(SPEND, header).keys() == {c.key for c in SPEND.columns}
        workbook_rows = spend_table._excel_rows(spend_table.template_excel(SPEND, lang))
        assert workbook_rows[0][1] == SPEND.template_headers(lang)
    real_places = PlaceIndex(pd.read_parquet(PUBLISHED_DIR / "authorities.parquet"))
    example = parse_table("example.csv", lm3_example.example_csv(), SPEND, real_places)
    assert example.ok, example.issues
    assert example.rows == lm3_example.LINES
    survey = parse_table("survey.csv", lm3_example.example_csv("survey"), SURVEY, PLACES)
    assert survey.ok and survey.rows == lm3_example.SURVEY_ROWS
    assert lm3_example.example_csv().decode("utf-8-sig").startswith("# EXAMPLE — not real data")


def test_every_issue_has_a_message_in_every_language():
    codes = {"file_too_large", "empty_file", "unreadable_excel", "unreadable", "encoding", "one_cell",
             "missing_column", "no_rows", "missing_value", "formula", "not_a_number", "negative", "share_range",
             "unknown_place", "unknown_kind"}
    for lang in LANGUAGES:
        catalogue = load_catalogue(lang)
        assert {f"local_spend.issue_{c}" for c in codes} <= set(catalogue), lang


def test_exports_never_carry_a_runnable_cell_and_read_right_to_left():
    from openpyxl import load_workbook

    table = pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "ok"], "amount": [1, 2]})
    data = spend_table.excel_bytes({"Summary": table}, right_to_left=True)
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet.sheet_view.rightToLeft
    assert sheet["A2"].value == "'=HYPERLINK(\"http://x\")" and sheet["A2"].data_type == "s"
    assert sheet["B3"].value == 2


def test_rows_to_table_writes_places_by_name_and_tags_joined():
    table = spend_table.rows_to_table(lm3_example.LINES[:3], SPEND, "he", lm3_example.PLACE_NAMES)
    assert list(table.columns) == SPEND.template_headers("he")
    assert table.iloc[2].tolist()[2:] == ["Rahat", "supplier", "food", "small business; social enterprise"]
