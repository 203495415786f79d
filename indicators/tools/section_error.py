"""The one error a tool raises when a saved section of a project file does not hold what it should."""
from __future__ import annotations


class SectionError(ValueError):
    """A project-file section failed its tool's validation: which field, and what was expected."""

    def __init__(self, section: str, field: str, expected: str):
        super().__init__(f"{section}.{field}: expected {expected}")
        self.section = section
        self.field = field
        self.expected = expected
