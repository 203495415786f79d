"""Reading the partnership tool's tables from uploaded CSV or Excel files, and writing them back out.

Accepted: .csv in UTF-8, UTF-8 with a byte-order mark, or Windows-1255 (what Hebrew Excel writes); .xlsx.
Headers may be in English, Hebrew or Arabic. Cell contents are only ever read as text: a cell that starts
with = + - @ stays text (an Excel formula is read as its written text, never evaluated), and on export
such cells get a leading apostrophe so a spreadsheet does not run them; on import that apostrophe goes.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

import pandas as pd

from indicators.tools.partnership_checks import (
    TableIssue,
    Where,
    check_actors,
    check_relationships,
    check_scores,
    normalise,
    parse_date,
)
from indicators.tools.partnerships import ACTOR_COLUMNS, RELATIONSHIP_COLUMNS, SCORE_COLUMNS

MAX_BYTES = 1_000_000  # far above any real register of actors; keeps a wrong file from stalling the page
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Accepted headers per table (the page's own column labels in every language must be among them: tested).
HEADER_ALIASES = {
    "actors": {
        "name": ("name", "actor", "organisation", "organization", "שם", "שחקן", "שם השחקן", "ארגון", "الاسم", "اسم",
                 "الجهة"),
        "sector": ("sector", "מגזר", "القطاع"),
        "town": ("town", "authority", "authority_id", "place", "יישוב", "רשות", "רשות מקומית", "البلدة",
                 "السلطة المحلية"),
        "role": ("role", "תפקיד", "الدور"),
    },
    "relationships": {
        "actor_a": ("actor_a", "actor a", "from", "שחקן א", "שחקן א׳", "الجهة أ", "الطرف أ"),
        "actor_b": ("actor_b", "actor b", "to", "שחקן ב", "שחקן ב׳", "אל", "الجهة ب", "الطرف ب"),
        "step": ("step", "relationship", "level", "דרגה", "דרגת הקשר", "קשר", "סוג הקשר", "درجة العلاقة", "العلاقة"),
        "note": ("note", "notes", "comment", "הערה", "הערות", "ملاحظة", "ملاحظات"),
    },
    "scores": {
        "respondent": ("respondent", "משיב", "משיבה", "משיב/ה", "ממלא", "المستجيب", "المشارك"),
        "trait": ("trait", "מאפיין", "תכונה", "السمة", "الخاصية"),
        "score": ("score", "ציון", "العلامة", "التقييم"),
        "note": ("note", "notes", "comment", "הערה", "הערות", "ملاحظة", "ملاحظات"),
        "date": ("date", "snapshot", "תאריך", "التاريخ"),
    },
}
REQUIRED = {"actors": ("name", "sector"), "relationships": ("actor_a", "actor_b", "step"),
            "scores": ("respondent", "trait", "score")}
SHEET_ALIASES = {
    "actors": ("actors", "שחקנים", "الجهات الفاعلة", "الجهات"),
    "relationships": ("relationships", "קשרים", "יחסים", "العلاقات"),
    "scores": ("scores", "health check", "ציונים", "בדיקת בריאות", "בדיקת תקינות", "الدرجات", "العلامات",
               "فحص الشراكة"),
}
COLUMNS = {"actors": ACTOR_COLUMNS, "relationships": RELATIONSHIP_COLUMNS, "scores": (*SCORE_COLUMNS, "date")}


@dataclass
class RawTable:
    """An uploaded table with canonical column names (missing optional columns are empty)."""

    frame: pd.DataFrame
    where: Where


def _strip_neutraliser(value):
    """Undo our own export guard: "'=x" was written for a cell holding "=x"."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@":
        return value[1:]
    return value


def _decode(data: bytes) -> str | None:
    if b"\x00" in data:  # UTF-16 or a binary file
        return None
    for encoding in ("utf-8-sig", "cp1255"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _csv_rows(text: str) -> list[list]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text, newline=""), dialect)]


def _excel_cell(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)) or value is None:
        return value
    return str(value)


def _excel_rows(data: bytes, kind: str) -> list[list]:
    from openpyxl import load_workbook  # only needed for Excel uploads

    # data_only=False: a formula cell reads as its text ("=1+1"), never as a computed value.
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        wanted = {normalise(name) for name in SHEET_ALIASES[kind]}
        sheet = next((book[s] for s in book.sheetnames if normalise(s) in wanted), book.worksheets[0])
        return [[_excel_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_rows(file_name: str, data: bytes, kind: str) -> tuple[list[list] | None, list[TableIssue]]:
    """The file's rows (header first), or the issues that stop it being read at all."""
    if len(data) > MAX_BYTES:
        return None, [TableIssue("too_large", file_name, found=f"{len(data) / 1e6:.1f} MB",
                                 expected=f"{MAX_BYTES / 1e6:.0f} MB")]
    if not data.strip():
        return None, [TableIssue("empty_file", file_name)]
    suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if suffix in ("xlsx", "xlsm"):
        try:
            return _excel_rows(data, kind), []
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):
            return None, [TableIssue("unreadable_excel", file_name, expected=".xlsx")]
    if suffix in ("csv", "txt", "tsv"):
        text = _decode(data)
        if text is None:
            return None, [TableIssue("bad_encoding", file_name, expected="UTF-8, UTF-8 BOM, Windows-1255")]
        try:
            return _csv_rows(text), []
        except csv.Error:  # a cell over the csv module's 131,072 characters, or a quote never closed
            return None, [TableIssue("unreadable_csv", file_name, expected=".csv, .xlsx")]
    return None, [TableIssue("bad_file_type", file_name, found=f".{suffix}" if suffix else "", expected=".csv, .xlsx")]


def raw_table(file_name: str, rows: list[list], kind: str) -> tuple[RawTable | None, list[TableIssue]]:
    """Map the header row to canonical columns; report missing required columns, each with the header
    names that would have been accepted."""
    if not any(any(v is not None and str(v).strip() for v in row) for row in rows or []):
        return None, [TableIssue("empty_file", file_name)]
    header, body = rows[0], rows[1:]
    aliases = {normalise(a): column for column, names in HEADER_ALIASES[kind].items() for a in (column, *names)}
    positions, shown, issues = {}, {}, []
    for index, title in enumerate(header):
        column = aliases.get(normalise(title)) if title is not None else None
        if column is None:
            continue
        if column in positions:
            issues.append(TableIssue("duplicate_column", file_name, 1, str(title)))
            continue
        positions[column], shown[column] = index, str(title).strip()
    for column in REQUIRED[kind]:
        if column not in positions:
            # column is the canonical name (the page shows it in its own language); expected lists a few
            # accepted headers in each language.
            spellings = dict.fromkeys((column, *HEADER_ALIASES[kind][column][:4]))
            issues.append(TableIssue("missing_column", file_name, 1, column, expected=", ".join(spellings)))
    if issues:
        return None, issues
    if not any(any(v is not None and str(v).strip() for v in row) for row in body):
        return None, [TableIssue("no_rows", file_name, 2)]
    records = [{column: _strip_neutraliser(row[i]) if i < len(row) else None for column, i in positions.items()}
               for row in body]
    frame = pd.DataFrame(records, columns=[c for c in COLUMNS[kind] if c in positions])
    for column in COLUMNS[kind]:
        if column not in frame:
            frame[column] = None
    return RawTable(frame, Where(file_name, 2, shown)), []


def _read(file_name: str, data: bytes, kind: str) -> tuple[RawTable | None, list[TableIssue]]:
    rows, issues = read_rows(file_name, data, kind)
    if issues:
        return None, issues
    return raw_table(file_name, rows, kind)


def load_actors(file_name: str, data: bytes, towns: dict[str, str]) -> tuple[pd.DataFrame | None, list[TableIssue]]:
    """The uploaded register of actors, or None and every issue found (nothing half-loaded)."""
    raw, issues = _read(file_name, data, "actors")
    if raw is None:
        return None, issues
    table, issues = check_actors(raw.frame, raw.where, towns)
    return (None, issues) if issues else (table, [])


def load_relationships(file_name: str, data: bytes,
                       actor_names: list[str]) -> tuple[pd.DataFrame | None, list[TableIssue]]:
    raw, issues = _read(file_name, data, "relationships")
    if raw is None:
        return None, issues
    table, issues = check_relationships(raw.frame, raw.where, actor_names)
    return (None, issues) if issues else (table, [])


def load_scores(file_name: str, data: bytes) -> tuple[dict[dt.date | None, pd.DataFrame] | None, list[TableIssue]]:
    """Scores per snapshot date. Without a date column every row belongs to one snapshot (key None: the
    page puts them in the snapshot being edited); with one, every row needs a valid date."""
    raw, issues = _read(file_name, data, "scores")
    if raw is None:
        return None, issues
    frame, where = raw.frame, raw.where
    has_dates = "date" in where.headers
    dates = [parse_date(v) for v in frame["date"]] if has_dates else [None] * len(frame)
    date_issues = [where.issue("bad_date", i, "date", frame["date"].iloc[i], "YYYY-MM-DD")
                   for i, d in enumerate(dates) if has_dates and d is None]
    if date_issues:
        return None, date_issues
    snapshots, all_issues = {}, []
    by_date = pd.Series(dates, index=frame.index, dtype=object)
    for date in dict.fromkeys(dates):
        # Each part keeps the file's index, so its issues carry the file's row numbers.
        table, issues = check_scores(frame[by_date.map(lambda d, date=date: d == date)], where)
        all_issues.extend(issues)
        snapshots[date] = table
    return (None, all_issues) if all_issues else (snapshots, [])


# --- Writing.

def neutralise(value):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark so that Excel opens Hebrew and Arabic correctly."""
    return neutralised(frame).to_csv(index=False).encode("utf-8-sig")


def _plain(value):
    """A cell value openpyxl writes as-is: None for missing, Python numbers, whole floats as ints."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def to_excel_bytes(sheets: dict[str, pd.DataFrame], right_to_left: bool = False) -> bytes:
    """One sheet per table, every cell written as a plain value (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, frame in sheets.items():
        sheet = book.create_sheet(title[:31])
        sheet.sheet_view.rightToLeft = right_to_left
        sheet.append([str(c) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in neutralised(frame).itertuples(index=False):
            sheet.append([_plain(v) for v in row])
        for column in sheet.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(10, width + 2), 50)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
