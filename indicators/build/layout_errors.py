"""Errors for a raw file that does not look as its mapping says; each names the file, sheet and header."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Where:
    """A place in the raw files, for error messages and provenance."""
    file: str
    sheet: str | None = None  # None for a CSV

    def __str__(self) -> str:
        return self.file if self.sheet is None else f"{self.file} / sheet {self.sheet!r}"


class LayoutError(ValueError):
    """The raw file differs from what the mapping declares (a moved header, a changed year, a new status)."""

    def __init__(self, where: Where, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where


class SheetNotFoundError(LayoutError):
    def __init__(self, where: Where, sheets: list[str]) -> None:
        super().__init__(where, f"no such sheet; the file's sheets are {sheets}")


class ColumnNotFoundError(LayoutError):
    """A mapped header is missing, ambiguous or has fewer occurrences than the mapping asks for."""

    def __init__(self, where: Where, header: str, problem: str) -> None:
        super().__init__(where, f"header {header} is {problem}")
        self.header = header


def single_column(hits: list[int], where: Where, header: str, occurrence: int | None = None) -> int:
    """The one matching column index, or the `occurrence`-th (1-based) where the mapping gives one."""
    if not hits:
        raise ColumnNotFoundError(where, header, "missing")
    if occurrence is None:
        if len(hits) > 1:
            raise ColumnNotFoundError(where, header, f"ambiguous (columns {hits}); give an occurrence")
        return hits[0]
    if occurrence > len(hits):
        raise ColumnNotFoundError(where, header, f"found {len(hits)} times; the mapping asks for #{occurrence}")
    return hits[occurrence - 1]
