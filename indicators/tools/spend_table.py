"""Reading an uploaded spending table or survey sheet (CSV or Excel) into the LM3 tool's rows, with every
problem reported as a structured issue (file, row as the user sees it, column, what was found, what was
expected) and never an exception. Cells are read as text: a formula is never evaluated."""
from __future__ import annotations

import csv
import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from indicators.downloads.csv_file import neutralise
from indicators.tools.lm3 import ISRAEL_ELSEWHERE, KINDS, OUTSIDE_ISRAEL, STAFF, SUPPLIER

MAX_BYTES = 10 * 1024 * 1024
MAX_ISSUES = 200  # beyond this the rest of a badly wrong file adds nothing
ENCODINGS = ("utf-8-sig", "cp1255")  # UTF-8 with or without BOM; Windows-1255, which Hebrew Excel writes


@dataclass(frozen=True)
class Column:
    key: str
    required: bool
    kind: str  # text | amount | share | place | kind | tags
    headers: tuple[str, ...]  # accepted headers (he, en, ar); the first Hebrew and English ones are the template's


@dataclass(frozen=True)
class Schema:
    name: str
    columns: tuple[Column, ...]

    def template_headers(self, lang: str) -> list[str]:
        index = 0 if lang == "he" else 1
        return [c.headers[index] for c in self.columns]


SPEND = Schema("spend", (
    Column("name", True, "text", ("שם הספק או קבוצת העובדים", "supplier or staff group",
                                  "اسم المورد أو مجموعة الموظفين", "שם", "ספק", "שם הספק", "name", "supplier",
                                  "payee", "اسم", "المورد")),
    Column("amount", True, "amount", ("סכום (₪)", "amount (ILS)", "المبلغ (شيكل)", "סכום", 'סכום בש"ח', "amount",
                                      "amount (₪)", "sum", "المبلغ", "مبلغ")),
    Column("place", True, "place", ("מקום", "place", "المكان", "יישוב", "מיקום", "location", "town", "البلدة")),
    Column("kind", False, "kind", ("סוג (ספק/עובדים)", "type (supplier/staff)", "النوع (مورد/موظفون)", "סוג", "type",
                                   "kind", "النوع")),
    Column("sector", False, "text", ("ענף", "sector", "القطاع", "תחום")),
    Column("tags", False, "tags", ("תגיות", "tags", "الوسوم")),
))

SURVEY = Schema("survey", (
    Column("supplier", True, "text", ("ספק או קבוצת עובדים", "supplier or staff group", "المورد أو مجموعة الموظفين",
                                      "ספק", "שם", "supplier", "name", "المورد")),
    Column("respondent", False, "text", ("משיב", "respondent", "المستجيب", "מרואיין")),
    Column("received", True, "amount", ("סכום שהתקבל (₪)", "amount received (ILS)", "المبلغ المستلم (شيكل)",
                                        "סכום שהתקבל", "received", "amount received", "المبلغ المستلم")),
    Column("share_pct", True, "share", ("אחוז שמוצא במקום", "share spent locally (%)", "النسبة المنفقة محليا (%)",
                                        "אחוז מקומי", "share", "local share %", "share_pct", "النسبة المحلية")),
))

_KIND_WORDS = {SUPPLIER: ("supplier", "ספק", "ספקים", "مورد", "موردون"),
               STAFF: ("staff", "employees", "wages", "עובדים", "צוות", "שכר", "موظفون", "طاقم", "رواتب")}
PLACE_WORDS = {OUTSIDE_ISRAEL: ('חו"ל', "חוץ לארץ", "מחוץ לישראל", "abroad", "outside israel", "خارج البلاد",
                                "خارج إسرائيل", "الخارج"),
               ISRAEL_ELSEWHERE: ("ישראל", "israel", "elsewhere in israel", "إسرائيل", "اسرائيل")}
_TAG_SPLIT = re.compile(r"[;,|]")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
# Marks and symbols that Excel or a keyboard put around a number and that say nothing about its value.
_NUMBER_NOISE = ("₪", 'ש"ח', "שח", "nis", "ils", "%", "\u200f", "\u200e", "\u00a0", " ")


@dataclass(frozen=True)
class TableIssue:
    """One problem with an upload. `row` is the row number in the user's sheet (the header is row 1 when
    it is the first line); `column` a schema key; `header` what the user's sheet calls that column."""

    code: str
    file: str
    row: int | None = None
    column: str | None = None
    header: str | None = None
    found: str | None = None
    hint: str | None = None  # e.g. the closest authority name to an unknown place


@dataclass
class ParsedTable:
    rows: list[dict] = field(default_factory=list)
    issues: list[TableIssue] = field(default_factory=list)
    encoding: str | None = None
    more_issues: int = 0  # issues beyond MAX_ISSUES, counted and not listed

    @property
    def ok(self) -> bool:
        return not self.issues


def normalise_text(text: str) -> str:
    """Case, spacing and Hebrew punctuation folded so that «באר-שבע», «באר שבע» and «Be'er Sheva» compare
    the way a person reads them (gershayim and geresh as plain quotes)."""
    text = str(text).replace("״", '"').replace("׳", "'").replace("`", "'").replace("’", "'")
    text = text.replace("-", " ").replace("–", " ")
    return " ".join(text.split()).casefold()


class PlaceIndex:
    """Resolves a typed place to an authority_id (by id or by its Hebrew, English or Arabic name), or to
    one of the words for «outside Israel» and «Israel, town not given»."""

    def __init__(self, authorities: pd.DataFrame):
        self._lookup: dict[str, str] = {}
        for word_id, words in PLACE_WORDS.items():
            for word in words:
                self._lookup[normalise_text(word)] = word_id
        for column in ("name_he", "name_en", "name_ar"):
            for authority_id, name in zip(authorities["authority_id"], authorities[column], strict=True):
                if isinstance(name, str) and name.strip():
                    self._lookup.setdefault(normalise_text(name), authority_id)
        for place_id in [*authorities["authority_id"], *PLACE_WORDS]:
            self._lookup[normalise_text(place_id)] = place_id

    def resolve(self, text: str) -> str | None:
        return self._lookup.get(normalise_text(text))

    def closest(self, text: str) -> str | None:
        """The place id whose name is nearest to `text` (a likely typo), if any is near enough."""
        match = difflib.get_close_matches(normalise_text(text), list(self._lookup), n=1, cutoff=0.75)
        return self._lookup[match[0]] if match else None


def is_formula(text: str) -> bool:
    """A cell that a spreadsheet would run: starts with = or @, or with + or - and is not a plain number."""
    text = text.strip()
    if not text:
        return False
    if text[0] in "=@":
        return True
    return text[0] in "+-" and parse_number(text) is None


def parse_number(text) -> float | None:
    """A number from a cell: Excel's own numbers as they are, text with ₪, %, spaces and thousands commas
    cleaned; anything else (a formula included) is not a number."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text)
    cleaned = str(text).strip().casefold()
    for noise in _NUMBER_NOISE:
        cleaned = cleaned.replace(noise, "")
    if _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(",", "")
    return float(cleaned) if _NUMBER.match(cleaned) else None


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, encoding name) or (None, None) for a file in none of the accepted encodings."""
    if b"\x00" in data:  # UTF-16 or a binary file: not one of the accepted encodings
        return None, None
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig":
            return text, "utf-8-bom" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return text, encoding
    return None, None


def _csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number of the row's first line, cells) for every row; the delimiter is guessed from , ; tab."""
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, previous = [], 0
    for cells in reader:
        rows.append((previous + 1, cells))
        previous = reader.line_num
    return rows


def _excel_rows(data: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    # data_only=False: a formula cell comes back as its text ("=A1*2"), which is reported, never computed.
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = workbook.worksheets[0]
        return [(number, ["" if v is None else v for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()


def _is_excel(file_name: str, data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" or file_name.lower().endswith((".xlsx", ".xlsm"))


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(file_name: str, data: bytes) -> tuple[list[tuple[int, list]], str | None, list[TableIssue]]:
    """The file's rows (with their numbers as the user sees them), the encoding used, and any issue that
    stops reading altogether (size, encoding, an unreadable workbook)."""
    if len(data) > MAX_BYTES:
        return [], None, [TableIssue("file_too_large", file_name, found=f"{len(data) / 1024 / 1024:.1f}")]
    if not data.strip():
        return [], None, [TableIssue("empty_file", file_name)]
    if _is_excel(file_name, data):
        try:
            return _excel_rows(data), "xlsx", []
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError):
            return [], None, [TableIssue("unreadable_excel", file_name)]
    if file_name.lower().endswith(".xls"):
        return [], None, [TableIssue("unreadable_excel", file_name)]
    text, encoding = _decode(data)
    if text is None:
        return [], None, [TableIssue("encoding", file_name)]
    return _csv_rows(text), encoding, []


def _header_map(schema: Schema, header: list) -> dict[str, tuple[int, str]]:
    """schema key -> (column index, the user's header) for every header the schema recognises."""
    aliases = {normalise_text(h): c.key for c in schema.columns for h in c.headers}
    found: dict[str, tuple[int, str]] = {}
    for index, cell in enumerate(header):
        key = aliases.get(normalise_text(_cell_text(cell)))
        if key and key not in found:
            found[key] = (index, _cell_text(cell))
    return found


def parse_table(file_name: str, data: bytes, schema: Schema, places: PlaceIndex | None = None) -> ParsedTable:
    """Every row of an upload as a dict of the schema's keys, or the issues that keep it from being used."""
    try:
        return _parse(file_name, data, schema, places)
    except Exception:  # noqa: BLE001 — a file we did not foresee must still give a message, not a traceback
        return ParsedTable(issues=[TableIssue("unreadable", file_name)])


def _parse(file_name: str, data: bytes, schema: Schema, places: PlaceIndex | None) -> ParsedTable:
    rows, encoding, issues = read_rows(file_name, data)
    if issues:
        return ParsedTable(issues=issues, encoding=encoding)
    rows = [(n, cells) for n, cells in rows if any(_cell_text(c) for c in cells)]
    while rows and _cell_text(rows[0][1][0]).startswith("#"):  # a note above the header, as in the example
        rows = rows[1:]
    cells = sum(1 for _, row in rows for c in row if _cell_text(c))
    if cells == 0:
        return ParsedTable(issues=[TableIssue("empty_file", file_name)], encoding=encoding)
    if cells == 1:
        return ParsedTable(issues=[TableIssue("one_cell", file_name, found=_first_cell(rows))], encoding=encoding)
    header_row, header = rows[0]
    columns = _header_map(schema, header)
    missing = [c.key for c in schema.columns if c.required and c.key not in columns]
    if missing:
        found = ", ".join(_cell_text(c) for c in header if _cell_text(c))
        return ParsedTable(issues=[TableIssue("missing_column", file_name, row=header_row, column=key, found=found)
                                   for key in missing], encoding=encoding)
    if len(rows) == 1:
        return ParsedTable(issues=[TableIssue("no_rows", file_name, row=header_row)], encoding=encoding)
    result = ParsedTable(encoding=encoding)
    for number, cells in rows[1:]:
        record = {}
        for column in schema.columns:
            if column.key not in columns:
                continue
            index, user_header = columns[column.key]
            raw = cells[index] if index < len(cells) else ""
            value, issue = _read_cell(column, raw, places)
            if issue:
                _add(result, TableIssue(issue[0], file_name, number, column.key, user_header, _cell_text(raw),
                                        issue[1]))
            record[column.key] = value
        result.rows.append(_complete(schema, record))
    if result.issues:
        result.rows = []
    return result


def _add(result: ParsedTable, issue: TableIssue) -> None:
    if len(result.issues) < MAX_ISSUES:
        result.issues.append(issue)
    else:
        result.more_issues += 1


def _first_cell(rows) -> str:
    return next(_cell_text(c) for _, row in rows for c in row if _cell_text(c))


def _read_cell(column: Column, raw, places: PlaceIndex | None):
    """(value, None) or (None, (issue code, hint))."""
    text = _cell_text(raw)
    if column.kind in ("amount", "share"):
        if not text:
            return None, (("missing_value", None) if column.required else None)
        if isinstance(raw, str) and is_formula(raw):
            return None, ("formula", None)
        number = parse_number(raw)
        if number is None:
            return None, ("not_a_number", None)
        if number < 0:
            return None, ("negative", None)
        if column.kind == "share" and number > 100:
            return None, ("share_range", None)
        return (int(number) if number.is_integer() else number), None
    if column.kind == "place":
        if not text:
            return None, ("missing_value", None)
        resolved = places.resolve(text) if places else text
        if resolved is None:
            return None, ("unknown_place", places.closest(text))
        return resolved, None
    if column.kind == "kind":
        if not text:
            return SUPPLIER, None
        for kind in KINDS:
            if normalise_text(text) in {normalise_text(w) for w in _KIND_WORDS[kind]}:
                return kind, None
        return None, ("unknown_kind", None)
    if column.kind == "tags":
        return [t.strip() for t in _TAG_SPLIT.split(text) if t.strip()], None
    if column.required and not text:
        return None, ("missing_value", None)
    return text, None  # text is kept as typed, formula-looking or not: it is only ever shown


def _complete(schema: Schema, record: dict) -> dict:
    defaults = {"kind": SUPPLIER, "sector": "", "tags": [], "respondent": ""}
    return {c.key: record.get(c.key, defaults.get(c.key)) for c in schema.columns}


# --- Writing: templates and exports. A cell that a spreadsheet would run is written as text.

def safe_cell(value):
    """Text a spreadsheet would run (starting with = + - @, a tab or a carriage return: the rule of every
    export, csv_file.FORMULA_STARTS) gets a leading apostrophe so that Excel shows it and never runs it."""
    return neutralise(value) if isinstance(value, str) else value


def safe_table(table: pd.DataFrame) -> pd.DataFrame:
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype).startswith("str"):
            out[column] = out[column].map(safe_cell)
    return out


def template_csv(schema: Schema, lang: str) -> bytes:
    return (",".join(schema.template_headers(lang)) + "\r\n").encode("utf-8-sig")


def excel_bytes(sheets: dict[str, pd.DataFrame], right_to_left: bool = False) -> bytes:
    """An .xlsx with one sheet per table (text cells made safe), right-to-left for Hebrew and Arabic."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in sheets.items():
            safe_table(table).to_excel(writer, sheet_name=name[:31], index=False)
            writer.sheets[name[:31]].sheet_view.rightToLeft = right_to_left
    return buffer.getvalue()


def template_excel(schema: Schema, lang: str) -> bytes:
    return excel_bytes({schema.name: pd.DataFrame(columns=schema.template_headers(lang))},
                       right_to_left=lang == "he")


def rows_to_table(rows: list[dict], schema: Schema, lang: str,
                  place_names: dict[str, str] | None = None) -> pd.DataFrame:
    """State rows back to a sheet with the template's headers (tags joined with «; », places by name)."""
    place_names = place_names or {}

    def cell(row: dict, column: Column):
        value = row.get(column.key)
        if column.kind == "tags":
            return "; ".join(value or [])
        if column.kind == "place":
            return place_names.get(value, value)
        return value

    return pd.DataFrame([[cell(r, c) for c in schema.columns] for r in rows], columns=schema.template_headers(lang))
