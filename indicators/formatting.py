"""Numbers as people read them: fixed decimals, thousands separators, per-language wording.

Western digits are used in all three languages (as in CBS's own Arabic publications in Israel).
"""
from __future__ import annotations

import math


def format_number(value: float | None, decimals: int = 0) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return f"{value:,.{decimals}f}"


def format_value(value: float | None, decimals: int, unit: str) -> str | None:
    """"12.3%" for percentages, "1,234" otherwise; None where there is no figure."""
    text = format_number(value, decimals)
    if text is None:
        return None
    return f"{text}%" if unit.startswith("percent") else text


def format_change(change: float | None, decimals: int, unit: str) -> str | None:
    """A signed change; percentages change by percentage points ("pp"), written as "+1.2"."""
    if change is None:
        return None
    text = format_number(abs(change), decimals)
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    return f"{sign}{text}"


def format_with_unit(value: float | None, decimals: int, unit: str, unit_label: str) -> str | None:
    """"12.3%" or "5,751 ₪ per month": the unit is written out unless the number already carries it."""
    text = format_value(value, decimals, unit)
    if text is None or unit.startswith("percent"):
        return text
    return f"{text} {unit_label}"
