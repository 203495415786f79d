"""Read the budget columns of the 2022 edition, known only through a third-party CSV transcription.

The transcription flattened CBS's multi-row headers into "category: column" strings and dropped the
year band; the data year comes from the mapping (inferred from the 2019–2021 originals, lag 0).
"""
from __future__ import annotations

import csv

from indicators.build.cbs_budget_mapping import Edition
from indicators.build.cbs_budget_rows import ResolvedColumn, authority_records, family_from_status
from indicators.build.cbs_budget_sheet import BudgetLayoutError, parse_code
from indicators.build.cbs_cells import normalise_header
from indicators.settings import RAW_DIR, authority_id


def read_csv_rows(edition: Edition) -> tuple[list[str], list[list[str]]]:
    """Header (normalised) and data rows, every cell kept as text (codes keep their leading zeros)."""
    path = RAW_DIR / edition.path
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [normalise_header(h) for h in next(reader)]
        return header, [row for row in reader if any(cell.strip() for cell in row)]


def _column_index(header: list[str], text: str, where: str) -> int:
    hits = [i for i, h in enumerate(header) if h == normalise_header(text)]
    if len(hits) != 1:
        problem = "not found" if not hits else f"ambiguous (columns {hits})"
        raise BudgetLayoutError(f"{where}: expected header {text!r} {problem}")
    return hits[0]


def _csv_cell(text: str):
    """The transcription writes missing cells as empty or "nan": both are blanks for clean_cell."""
    return None if text.strip().lower() in ("", "nan") else text


def extract_csv(edition: Edition) -> tuple[list[dict], list[dict]]:
    header, rows = read_csv_rows(edition)
    where = edition.path.name
    code_col = _column_index(header, edition.extra["code_column"], where)
    status_col = _column_index(header, edition.extra["status_column"], where)
    columns = []
    for spec in edition.columns:
        if len(spec.texts) != 1 or spec.occurrence is not None:
            raise BudgetLayoutError(f"{where}: {spec.field_id}: the CSV needs one exact header per column")
        columns.append(ResolvedColumn(spec, _column_index(header, spec.texts[0], where), edition.year))
    values, gaps = [], []
    for row in rows:
        code = parse_code(row[code_col])
        if code is None:
            raise BudgetLayoutError(f"{where}: row without an authority code: {row[:2]}")
        authority = authority_id(family_from_status(row[status_col]), code)
        cells = [(c, _csv_cell(row[c.key])) for c in columns]
        v, g = authority_records(authority, cells, edition.edition, edition.source_id, edition.scale)
        values.extend(v)
        gaps.extend(g)
    return values, gaps
