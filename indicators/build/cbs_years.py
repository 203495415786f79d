"""How CBS writes the year a figure describes: in the header text, in a year band above the column, as a
school year, or as the year the sheet states for itself ("שנת עדכון: 2016", "... לשנת 2019")."""
from __future__ import annotations

import re

from indicators.build.cbs_cells import normalise_header

_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_SCHOOL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})/(\d{2})(?!\d)")
# The update year of the physical sheets and the 2016–2018 budget sheets; the 2017–2021 budget titles
# read "נתונים כספיים של רשויות מקומיות לשנת 2019 (באלפי ש"ח)".
_STATED_YEAR = re.compile(r"(?:שנת עדכון:|לשנת)\s*(\d{4})")


def school_year_end(text: str) -> int | None:
    """'תשפ"א 2020/21' -> 2021: a school year counts as the calendar year in which it ends."""
    match = _SCHOOL_YEAR.search(text)
    if not match:
        return None
    start, end2 = int(match.group(1)), int(match.group(2))
    end = start - start % 100 + end2
    return end if end > start else end + 100


def years_in_header(text: str) -> set[int]:
    """Years written in a header (school years also count by their end year)."""
    found = {int(y) for y in _YEAR.findall(text)}
    school = school_year_end(text)
    if school:
        found.add(school)
    return found


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


def stated_year(cells) -> int | None:
    """The year a sheet states for itself in any of these cells, or None."""
    for cell in cells:
        match = _STATED_YEAR.search(normalise_header(cell))
        if match:
            return int(match.group(1))
    return None


def band_cell_year(text: str) -> int | None:
    """A year band cell as the budget workbooks write it: a bare number such as 2015.0."""
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and 1990 <= value <= 2049 else None
