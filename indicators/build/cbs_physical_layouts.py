"""Locate columns and data years in the two layouts of the CBS physical & population sheet (split, banded)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from indicators.build.cbs_cells import normalise_header
from indicators.build.layout_errors import ColumnNotFoundError, LayoutError, Where, single_column

NAME_HEADER = "שם הרשות"
CODE_HEADER = "סמל הרשות"
KIND_HEADER = "מעמד מוניציפלי"

_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_SCHOOL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})/(\d{2})(?!\d)")
_UPDATE_YEAR = re.compile(r"שנת עדכון:\s*(\d{4})")


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    sub: str
    band: str


def school_year_end(text: str) -> int | None:
    """'תשפ"א 2020/21' -> 2021: a school year counts as the calendar year in which it ends."""
    match = _SCHOOL_YEAR.search(text)
    if not match:
        return None
    start, end2 = int(match.group(1)), int(match.group(2))
    end = start - start % 100 + end2
    return end if end > start else end + 100


def parse_band_year(cell, update_year: int) -> int:
    """Data year of a band cell: blank -> update year; '2021-2017' -> 2021 (last year); school year -> end year."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return int(cell)
    text = normalise_header(cell)
    if not text:
        return update_year
    school = school_year_end(text)
    if school:
        return school
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        raise ValueError(f"cannot read a year from band cell {text!r}")
    return max(years)


def years_in_header(text: str) -> set[int]:
    """Years written in a split-layout header (school years also count by their end year)."""
    found = {int(y) for y in _YEAR.findall(text)}
    school = school_year_end(text)
    if school:
        found.add(school)
    return found


def find_header_row(rows: list[list], where: Where) -> int:
    """Index of the row holding 'שם הרשות' in one of its first three cells (editions move it around)."""
    for i, row in enumerate(rows[:12]):
        if any(normalise_header(c) == NAME_HEADER for c in row[:3]):
            return i
    raise ColumnNotFoundError(where, repr(NAME_HEADER), "missing from the first 12 rows")


def update_year(rows: list[list], band_row: int, where: Where) -> int:
    """The edition's update year, written as 'שנת עדכון: YYYY' in the band row (banded layout)."""
    for cell in rows[band_row][:4]:
        match = _UPDATE_YEAR.search(normalise_header(cell))
        if match:
            return int(match.group(1))
    raise LayoutError(where, f"no 'שנת עדכון' cell in the band row {band_row}")


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
