"""Reading CBS workbooks and turning their cells into numbers or documented gaps."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import python_calamine

from indicators.build.layout_errors import SheetNotFoundError, Where

# CBS symbols: ".." = not available/not published, "-" = nil or not applicable, "..." = not reported.
# All of them (and blanks) are gaps, never zero.
_GAP_REASONS = {
    "..": "not_available",
    "...": "not_available",
    "-": "nil_or_not_applicable",
    "–": "nil_or_not_applicable",
    "": "blank",
    "x": "suppressed",
}
_FOOTNOTE = re.compile(r"[*\u00b9\u00b2\u00b3\u2070-\u2079]+|\([a-zא-ת]\)$")
_SPACES = re.compile(r"\s+")


def clean_cell(value) -> tuple[float | None, str | None]:
    """Return (number, None) for a figure or (None, reason) for a gap.

    Parentheses around a number mark a figure CBS flags as of low reliability: the figure is kept.
    Footnote marks (asterisks, superscripts) are dropped.
    """
    if value is None:
        return None, "blank"
    if isinstance(value, bool):
        return None, "blank"
    if isinstance(value, (int, float)):
        if value != value:  # NaN
            return None, "blank"
        return float(value), None
    text = _SPACES.sub("", str(value))
    text = _FOOTNOTE.sub("", text)
    if text in _GAP_REASONS:
        return None, _GAP_REASONS[text]
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    text = text.replace(",", "")
    try:
        return float(text), None
    except ValueError:
        return None, "unparsed"


def normalise_header(text) -> str:
    """Collapse the whitespace and line breaks that vary between editions of the same header."""
    return _SPACES.sub(" ", str(text or "")).strip()


@lru_cache(maxsize=64)
def _workbook(path: str):
    return python_calamine.CalamineWorkbook.from_path(path)


def read_sheet_rows(path: Path, sheet_name: str) -> list[list]:
    """All rows of one sheet as Python values (calamine reads both .xls and .xlsx)."""
    book = _workbook(str(path))
    if sheet_name not in book.sheet_names:
        raise SheetNotFoundError(Where(Path(path).name, sheet_name), list(book.sheet_names))
    return book.get_sheet_by_name(sheet_name).to_python()


def authority_code(cell) -> int | None:
    """CBS authority code from a cell: text with leading zeros ('0031') in most editions, a float (48.0) in 2019.

    None for anything else (blank, totals, legends and footnotes below a table).
    """
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        return int(cell) if float(cell).is_integer() and cell > 0 else None
    text = str(cell).strip().removesuffix(".0")
    return int(text) if text.isdigit() else None


def column_letter(index: int) -> str:
    """0 -> 'A', 26 -> 'AA': the column as a spreadsheet shows it, for provenance rows."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
