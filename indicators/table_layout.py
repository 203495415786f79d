"""Column order of displayed tables. The data grid (a canvas) always lays columns out left to right, so
a right-to-left table is made by listing its columns backwards: the first (the town, the indicator) ends
up at the right edge, where a Hebrew or Arabic reader starts."""
from __future__ import annotations

from collections.abc import Iterable


def display_order(columns: Iterable, rtl: bool) -> list[str]:
    """The columns in the order the grid should draw them from its left edge."""
    ordered = [str(c) for c in columns]
    return ordered[::-1] if rtl else ordered
