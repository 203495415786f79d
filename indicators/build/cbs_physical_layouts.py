"""Locate the header row, the update year and the columns in the two layouts of the CBS physical & population
sheet (split, banded)."""
from __future__ import annotations

from dataclasses import dataclass

from indicators.build.cbs_cells import normalise_header
from indicators.build.cbs_years import stated_year
from indicators.build.layout_errors import ColumnNotFoundError, LayoutError, Where, single_column

NAME_HEADER = "שם הרשות"
CODE_HEADER = "סמל הרשות"
KIND_HEADER = "מעמד מוניציפלי"



@dataclass(frozen=True)
class Column:
    index: int
    header: str
    sub: str
    band: str


def find_header_row(rows: list[list], where: Where) -> int:
    """Index of the row holding 'שם הרשות' in one of its first three cells (editions move it around)."""
    for i, row in enumerate(rows[:12]):
        if any(normalise_header(c) == NAME_HEADER for c in row[:3]):
            return i
    raise ColumnNotFoundError(where, repr(NAME_HEADER), "missing from the first 12 rows")


def update_year(rows: list[list], band_row: int, where: Where) -> int:
    """The edition's update year, written as 'שנת עדכון: YYYY' in the band row (banded layout)."""
    year = stated_year(rows[band_row][:4])
    if year is None:
        raise LayoutError(where, f"no 'שנת עדכון' cell in the band row {band_row}")
    return year


def banded_columns(rows: list[list], header_row: int) -> list[Column]:
    """Columns with header, sub-header and band; a blank header cell continues the column to its left."""
    header_cells, band_cells = rows[header_row], rows[header_row - 1]
    sub_cells = rows[header_row + 1]
    columns, header, band = [], "", ""
    for i, cell in enumerate(header_cells):
        text = normalise_header(cell)
        if text:
            header, band = text, band_cells[i]
        elif normalise_header(band_cells[i]):
            band = band_cells[i]  # a sub-column with its own band (land use in 2021)
        columns.append(Column(i, header, normalise_header(sub_cells[i]), band))
    return columns


def find_banded_column(columns: list[Column], header: str, sub: str, where: Where) -> Column:
    """The single column whose header and sub-header equal the mapping entry's (normalised) text."""
    hits = [c.index for c in columns if c.header == header and c.sub == sub]
    return columns[single_column(hits, where, f"{header!r} / sub-header {sub!r}")]


def find_split_column(header_cells: list, header: str, where: Where) -> int:
    """Index of the one column whose normalised header text equals `header` (split layout)."""
    hits = [i for i, c in enumerate(header_cells) if normalise_header(c) == header]
    return single_column(hits, where, repr(header))


def find_prefixed_column(header_cells: list, prefix: str, where: Where) -> int:
    """Index of the identification column whose header starts with `prefix` ('סמל הרשות 2013')."""
    hits = [i for i, c in enumerate(header_cells) if normalise_header(c).startswith(prefix)]
    return single_column(hits[:1], where, repr(prefix))
