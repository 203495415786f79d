"""Turn one authority's budget cells into figures and gaps (scaling, rows not reported to CBS, what "-" means)."""
from __future__ import annotations

from dataclasses import dataclass

from indicators.build.cbs_budget_mapping import ColumnSpec, Edition
from indicators.build.cbs_cells import clean_cell
from indicators.build.records import RecordCollector


@dataclass(frozen=True)
class ResolvedColumn:
    """A mapping spec tied to a concrete column of one sheet and the year that column describes."""
    spec: ColumnSpec
    index: int
    year: int


def _is_unreported(cells: list[tuple[ResolvedColumn, float | None, str | None]]) -> bool:
    """A budget row whose income and expenditure columns are all 0 or empty was not reported to CBS.

    A row CBS marks ".." throughout keeps its own reason (not_available): CBS said so explicitly.
    """
    budget = [(v, reason) for col, v, reason in cells if col.spec.budget_row]
    return bool(budget) and all(v == 0 or reason == "blank" for v, reason in budget)


def apply_nil_means(number: float | None, reason: str | None, nil_means: str,
                    nil_printed_as_zero: bool) -> tuple[float | None, str | None]:
    """CBS's "-" (or, in an edition that prints it as 0, a 0) read as the field declares: 0 or a gap.

    In the other editions a printed 0 is CBS's "less than half the unit" and stays a figure.
    """
    is_nil = reason == "nil_or_not_applicable" or (nil_printed_as_zero and number == 0)
    if not is_nil:
        return number, reason
    return (0.0, None) if nil_means == "zero" else (None, "not_applicable")


def add_authority_row(out: RecordCollector, authority: str, cells: list[tuple[ResolvedColumn, object]],
                      edition: Edition) -> None:
    """Figures and gaps of one authority row; raw cells are (column, raw cell value)."""
    parsed = [(col, *clean_cell(raw)) for col, raw in cells]
    unreported = _is_unreported(parsed)
    for col, number, reason in parsed:
        key = (authority, col.spec.field_id, col.year, edition.edition)
        if unreported:  # checked first: a row of zeros is a non-report, whatever its fields' nil_means
            out.add_gap(*key, "not_reported", edition.source_id)
            continue
        number, reason = apply_nil_means(number, reason, col.spec.nil_means, edition.nil_printed_as_zero)
        if number is None:
            out.add_gap(*key, reason, edition.source_id)
        else:
            # thousands of ₪ / thousands of m² → ₪ / m²; the 2022 ratio fraction → percent
            out.add_value(*key, number * edition.scale[col.spec.kind], edition.source_id)
