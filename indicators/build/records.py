"""What every extractor returns: figures, gaps and the columns it read, with their columns defined once."""
from __future__ import annotations

from dataclasses import astuple, dataclass

import pandas as pd

KEY_COLUMNS = ["authority_id", "field_id", "year", "edition"]
VALUE_COLUMNS = [*KEY_COLUMNS, "value", "source_id"]
GAP_COLUMNS = [*KEY_COLUMNS, "reason", "source_id"]
# One row per raw column an extractor located: enough to find the cell again by hand.
PROVENANCE_COLUMNS = ["field_id", "edition", "source_id", "file", "sheet", "column", "header", "sub_header",
                      "band", "year"]


class DuplicateRecordError(ValueError):
    """Two cells give the same authority, field, year and edition: the mapping points twice at one figure."""


@dataclass(frozen=True)
class ColumnRead:
    """Where one field of one edition was read: the raw header text as the file writes it."""
    field_id: str
    edition: int
    source_id: str
    file: str
    sheet: str | None     # None for the 2022 CSV transcription
    column: str           # spreadsheet letter (A, B, ... AA) of the column
    header: str
    sub_header: str | None
    band: str | None      # the year band above the column, where the layout has one
    year: int             # the year the column's figures describe


@dataclass(frozen=True)
class Extracted:
    values: pd.DataFrame        # VALUE_COLUMNS
    gaps: pd.DataFrame          # GAP_COLUMNS
    columns_read: pd.DataFrame  # PROVENANCE_COLUMNS

    def sorted_by_key(self) -> Extracted:
        def by_key(frame: pd.DataFrame) -> pd.DataFrame:
            return frame.sort_values(KEY_COLUMNS, ignore_index=True)
        return Extracted(by_key(self.values), by_key(self.gaps), self.columns_read)

    @staticmethod
    def concat(parts: list[Extracted]) -> Extracted:
        def stack(name: str) -> pd.DataFrame:
            return pd.concat([getattr(p, name) for p in parts], ignore_index=True)
        return Extracted(stack("values"), stack("gaps"), stack("columns_read"))


class RecordCollector:
    """Accumulates figures, gaps and columns read; refuses a second record for the same key."""

    def __init__(self, what: str) -> None:
        self.what = what  # named in the duplicate error, e.g. "cbs_physical.yml"
        self._values: list[tuple] = []
        self._gaps: list[tuple] = []
        self._columns: list[tuple] = []
        self._seen: set[tuple] = set()

    def _claim(self, key: tuple) -> None:
        if key in self._seen:
            raise DuplicateRecordError(f"{self.what}: {key[0]} has two records for {key[1]} {key[2]} "
                                       f"(edition {key[3]})")
        self._seen.add(key)

    def add_value(self, authority_id: str, field_id: str, year: int, edition: int, value: float,
                  source_id: str) -> None:
        self._claim((authority_id, field_id, year, edition))
        self._values.append((authority_id, field_id, year, edition, value, source_id))

    def add_gap(self, authority_id: str, field_id: str, year: int, edition: int, reason: str,
                source_id: str) -> None:
        self._claim((authority_id, field_id, year, edition))
        self._gaps.append((authority_id, field_id, year, edition, reason, source_id))

    def add_column(self, column: ColumnRead) -> None:
        self._columns.append(astuple(column))

    def extracted(self) -> Extracted:
        """The records as DataFrames in the order they were read.

        The order is kept on purpose: indicator queries sum components (land-use areas) in row order, and
        another order can change the last bit of a share, which the byte-identical rebuild would catch.
        """
        values = _frame(self._values, VALUE_COLUMNS).astype({"value": "float64"})
        gaps = _frame(self._gaps, GAP_COLUMNS).astype({"reason": "str"})
        columns = pd.DataFrame(self._columns, columns=PROVENANCE_COLUMNS).astype(
            {"edition": "int64", "year": "int64"})
        return Extracted(values, gaps, columns)


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns).astype(
        {"authority_id": "str", "field_id": "str", "year": "int64", "edition": "int64", "source_id": "str"})
