"""Locate header rows, data rows, columns and column years in a CBS budget sheet (any edition's layout)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from indicators.build.cbs_cells import normalise_header

_YEAR_IN_TEXT = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
# The sheet states its default data year either as "שנת עדכון: 2016 (...)" (2016–2018) or in the
# title "נתונים כספיים של רשויות מקומיות לשנת 2019 (באלפי ש"ח)" (2017–2021).
_SHEET_YEAR = re.compile(r"(?:שנת עדכון:|לשנת)\s*(\d{4})")


class BudgetLayoutError(ValueError):
    """The sheet does not look as the mapping says: the message names file, sheet and header."""


@dataclass(frozen=True)
class BudgetSheet:
    """One budget sheet split into its header band and its authority rows."""
    where: str                      # "file.xlsx / sheet" for error messages
    header: list[list[str]]         # normalised header cells, rows above the first authority row
    rows: list[list]                # authority rows only (code cell parses as an integer)
    code_col: int
    name_col: int

    def column_headers(self, col: int) -> list[str]:
        return [r[col] for r in self.header if col < len(r) and r[col]]


def parse_code(value) -> int | None:
    """CBS authority code as int: text with leading zeros ('0831') in most editions, a float (48.0) in 2019."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if value == value and float(value).is_integer() else None
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def _find_column(header: list[list[str]], prefix: str, where: str) -> int:
    for row in header:
        for j, cell in enumerate(row):
            if cell.startswith(prefix):
                return j
    raise BudgetLayoutError(f"{where}: no header cell starting with {prefix!r}")


def split_sheet(raw_rows: list[list], where: str) -> BudgetSheet:
    """Header band = every row above the first row whose code column holds an authority code."""
    scan = [[normalise_header(c) for c in r] for r in raw_rows[:15]]
    code_col = _find_column(scan, "סמל הרשות", where)
    name_col = _find_column(scan, "שם הרשות", where)
    first = next((i for i, r in enumerate(raw_rows) if parse_code(r[code_col]) is not None), None)
    if first is None:
        raise BudgetLayoutError(f"{where}: no authority rows found")
    header = [[normalise_header(c) for c in r] for r in raw_rows[:first]]
    rows = [r for r in raw_rows[first:] if parse_code(r[code_col]) is not None]
    return BudgetSheet(where=where, header=header, rows=rows, code_col=code_col, name_col=name_col)


def find_column(sheet: BudgetSheet, texts: list[str], occurrence: int | None) -> int:
    """Index of the column whose header cells include every text in `texts`.

    Ambiguous texts (e.g. "למגורים" heads both the floor-area and the ₪ block of property-tax charges)
    need an explicit `occurrence` (1-based, left to right) in the mapping; otherwise we refuse to guess.
    """
    wanted = [normalise_header(t) for t in texts]
    width = max(len(r) for r in sheet.header)
    hits = [j for j in range(width) if all(t in sheet.column_headers(j) for t in wanted)]
    label = " + ".join(repr(t) for t in wanted)
    if not hits:
        raise BudgetLayoutError(f"{sheet.where}: expected header {label} not found")
    if occurrence is None:
        if len(hits) > 1:
            raise BudgetLayoutError(
                f"{sheet.where}: header {label} is ambiguous (columns {hits}); give an occurrence")
        return hits[0]
    if occurrence > len(hits):
        raise BudgetLayoutError(
            f"{sheet.where}: header {label} occurs {len(hits)} times, mapping asks for #{occurrence}")
    return hits[occurrence - 1]


def sheet_default_year(sheet: BudgetSheet) -> int | None:
    """The data year the sheet states for columns without a year of their own (None if it states none)."""
    for row in sheet.header:
        for cell in row:
            match = _SHEET_YEAR.search(cell)
            if match:
                return int(match.group(1))
    return None


def band_year(sheet: BudgetSheet, col: int) -> int | None:
    """A number like 2015.0 in the header band above a column: the year that column describes (2016 file)."""
    for row in sheet.header:
        if col < len(row):
            try:
                value = float(row[col])
            except ValueError:
                continue
            if value.is_integer() and 1990 <= value <= 2049:
                return int(value)
    return None


def header_text_year(texts: list[str], where: str) -> int:
    """2013–2015 layouts write the year into the header itself ('... (אלפי ש"ח) 2013'): exactly one year."""
    years = {int(y) for t in texts for y in _YEAR_IN_TEXT.findall(t)}
    if len(years) != 1:
        raise BudgetLayoutError(f"{where}: header {texts!r} should name exactly one year, found {sorted(years)}")
    return years.pop()
