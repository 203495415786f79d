"""Turn one authority's budget cells into value and gap records (scaling, not-reported rows)."""
from __future__ import annotations

from dataclasses import dataclass

from indicators.build.cbs_budget_mapping import ColumnSpec
from indicators.build.cbs_cells import clean_cell


@dataclass(frozen=True)
class ResolvedColumn:
    """A mapping spec tied to a concrete column of one sheet and the year that column describes."""
    spec: ColumnSpec
    key: int | str               # column index (workbooks) or header text (2022 CSV)
    year: int


def family_from_status(status) -> str:
    """CBS municipal status → id family: regional councils are "rc", cities and local councils "la"."""
    return "rc" if "מועצה אזורית" in str(status or "") else "la"


def _is_unreported(cells: list[tuple[ResolvedColumn, float | None, str | None]]) -> bool:
    """A budget row whose income and expenditure columns are all 0 or empty was not reported to CBS.

    A row CBS marks ".." throughout keeps its own reason (not_available): CBS said so explicitly.
    """
    budget = [(v, reason) for col, v, reason in cells if col.spec.budget_row]
    return bool(budget) and all(v == 0 or reason == "blank" for v, reason in budget)


def authority_records(authority: str, cells: list[tuple[ResolvedColumn, object]], edition: int,
                      source_id: str, scale: dict) -> tuple[list[dict], list[dict]]:
    """(values, gaps) for one authority row; raw cells are (column, raw cell value)."""
    parsed = [(col, *clean_cell(raw)) for col, raw in cells]
    unreported = _is_unreported(parsed)
    values, gaps = [], []
    for col, number, reason in parsed:
        base = {"authority_id": authority, "field_id": col.spec.field_id, "year": col.year,
                "edition": edition, "source_id": source_id}
        if unreported:
            gaps.append({**base, "reason": "not_reported"})
        elif number is None:
            gaps.append({**base, "reason": reason})
        else:
            # thousands of ₪ / thousands of m² → ₪ / m²; the 2022 ratio fraction → percent
            values.append({**base, "value": number * scale[col.spec.kind]})
    return values, gaps
