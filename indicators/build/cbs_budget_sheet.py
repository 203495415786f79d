"""Locate header rows, data rows, columns and column years in a CBS budget sheet (any edition's layout)."""
from __future__ import annotations

from dataclasses import dataclass

from indicators.build.cbs_cells import authority_code, normalise_header
from indicators.build.cbs_years import band_cell_year, stated_year, years_in_header
from indicators.build.layout_errors import ColumnNotFoundError, LayoutError, Where, single_column


@dataclass(frozen=True)
class BudgetSheet:
    """One budget sheet split into its header band and its authority rows."""
    where: Where
    header: list[list[str]]         # normalised header cells, rows above the first authority row
    rows: list[list]                # authority rows only (code cell parses as an integer)
    code_col: int
    name_col: int

    def column_headers(self, col: int) -> list[str]:
        return [r[col] for r in self.header if col < len(r) and r[col]]


def _find_column(header: list[list[str]], prefix: str, where: Where) -> int:
    for row in header:
        for j, cell in enumerate(row):
            if cell.startswith(prefix):
                return j
    raise ColumnNotFoundError(where, f"starting with {prefix!r}", "missing")


def split_sheet(raw_rows: list[list], where: Where) -> BudgetSheet:
    """Header band = every row above the first row whose code column holds an authority code."""
    scan = [[normalise_header(c) for c in r] for r in raw_rows[:15]]
    code_col = _find_column(scan, "סמל הרשות", where)
    name_col = _find_column(scan, "שם הרשות", where)
    first = next((i for i, r in enumerate(raw_rows) if authority_code(r[code_col]) is not None), None)
    if first is None:
        raise LayoutError(where, "no authority rows found")
    header = [[normalise_header(c) for c in r] for r in raw_rows[:first]]
    rows = [r for r in raw_rows[first:] if authority_code(r[code_col]) is not None]
    return BudgetSheet(where=where, header=header, rows=rows, code_col=code_col, name_col=name_col)


def find_column(sheet: BudgetSheet, texts: list[str], occurrence: int | None) -> int:
    """Index of the column whose header cells include every text in `texts`.

    Ambiguous texts (e.g. "למגורים" heads both the floor-area and the ₪ block of property-tax charges)
    need an explicit `occurrence` (1-based, left to right) in the mapping; otherwise we refuse to guess.
    """
    wanted = [normalise_header(t) for t in texts]
    width = max(len(r) for r in sheet.header)
    hits = [j for j in range(width) if all(t in sheet.column_headers(j) for t in wanted)]
    return single_column(hits, sheet.where, " + ".join(repr(t) for t in wanted), occurrence)


def sheet_default_year(sheet: BudgetSheet) -> int | None:
    """The data year the sheet states for columns without a year of their own (None if it states none)."""
    return stated_year(cell for row in sheet.header for cell in row)


def band_year(sheet: BudgetSheet, col: int) -> int | None:
    """A number like 2015.0 in the header band above a column: the year that column describes (2016 file)."""
    years = [band_cell_year(text) for text in sheet.column_headers(col)]
    return next((year for year in years if year is not None), None)


def header_texts(sheet: BudgetSheet, col: int) -> str:
    """The column's header cells top to bottom, the year band left out (for provenance rows)."""
    return " / ".join(text for text in sheet.column_headers(col) if band_cell_year(text) is None)


def header_text_year(texts: list[str], where: Where) -> int:
    """2013–2015 layouts write the year into the header itself ('... (אלפי ש"ח) 2013'): exactly one year."""
    years = set().union(*(years_in_header(t) for t in texts))
    if len(years) != 1:
        raise LayoutError(where, f"header {texts!r} should name exactly one year, found {sorted(years)}")
    return years.pop()
