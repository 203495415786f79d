"""Numbers as people read them: fixed decimals, thousands separators, per-language wording.

Western digits are used in all three languages (as in CBS's own Arabic publications in Israel).
"""
from __future__ import annotations

import math


def format_number(value: float | None, decimals: int = 0) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = f"{value:,.{decimals}f}"
    # A value that rounds to zero prints "0.0", not "-0.0": the sign would show a fall that is not there.
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def is_percent(unit: str) -> bool:
    """A unit counted in per cent (its figures carry "%"; a difference of two is in percentage points)."""
    return unit.startswith("percent")


def format_value(value: float | None, decimals: int, unit: str) -> str | None:
    """"12.3%" for percentages, "1,234" otherwise; None where there is no figure."""
    text = format_number(value, decimals)
    if text is None:
        return None
    return f"{text}%" if is_percent(unit) else text


def format_gap(value: float | None, decimals: int, unit: str) -> str | None:
    """A difference of two figures: between two percentages it is percentage points, so no "%" (the axis or
    the sentence names the points); other units as format_value."""
    return format_number(value, decimals) if is_percent(unit) else format_value(value, decimals, unit)


def format_years(years) -> str:
    """Sorted years with runs collapsed: [2013, 2016, 2017, 2018] -> '2013, 2016–2018'."""
    ordered = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def format_with_unit(value: float | None, decimals: int, unit: str, unit_label: str) -> str | None:
    """"12.3%" or "5,751 ₪ per month": the unit is written out unless the number already carries it."""
    text = format_value(value, decimals, unit)
    if text is None or is_percent(unit):
        return text
    return f"{text} {unit_label}"


# Arabic writes its own comma; Hebrew and English the Latin one.
LIST_SEPARATORS = {"ar": "، "}


def join_items(items, lang: str) -> str:
    """Items of a title or a list in running text, joined with the language's comma."""
    return LIST_SEPARATORS.get(lang, ", ").join(str(i) for i in items)
