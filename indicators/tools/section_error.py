"""The one error a tool raises when a saved section of a project file does not hold what it should."""
from __future__ import annotations

import math


class SectionError(ValueError):
    """A project-file section failed its tool's validation: which field, and what was expected."""

    def __init__(self, section: str, field: str, expected: str):
        super().__init__(f"{section}.{field}: expected {expected}")
        self.section = section
        self.field = field
        self.expected = expected


def is_finite_number(value) -> bool:
    """A JSON number that fits a float (true and false are not numbers; a 400-digit integer overflows)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False
