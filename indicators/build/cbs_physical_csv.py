"""Read the 2022 edition from its third-party CSV transcription (flattened 'category: column' headers)."""
from __future__ import annotations

import csv
from pathlib import Path

from indicators.build.cbs_cells import clean_cell, normalise_header
from indicators.build.cbs_physical_layouts import MappingError, authority_code, family_of

CODE_COLUMN = "כללי: סמל הרשות"
KIND_COLUMN = "כללי: מעמד מוניציפלי"


def read_transcription(path: Path) -> tuple[list[str], list[list[str]]]:
    """Normalised header list and the data rows, all cells as text."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        headers = [normalise_header(h) for h in next(reader)]
        return headers, [row for row in reader]


def transcribed_cell(text: str) -> tuple[float | None, str | None]:
    """A transcribed cell as (value, gap reason).

    The transcription wrote CBS '..' and blanks as empty cells and CBS '-' (nil) as 0, so a zero cannot be told
    from '-': zeros are kept as nil gaps (CBS itself prints '-' rather than 0 for nil counts and shares).
    """
    value, reason = clean_cell(text.strip() if text.strip().lower() != "nan" else "")
    if value == 0:
        return None, "nil_or_not_applicable"
    return value, reason


def column_index(headers: list[str], header: str, where: str) -> int:
    hits = [i for i, h in enumerate(headers) if h == header]
    if len(hits) != 1:
        state = "missing" if not hits else f"ambiguous ({len(hits)} columns)"
        raise MappingError(f"{where}: header {header!r} is {state}")
    return hits[0]


def transcription_authorities(headers: list[str], rows: list[list[str]], where: str):
    """Yield (family, code, row) for every authority row (rows without a code are skipped)."""
    code_i = column_index(headers, CODE_COLUMN, where)
    kind_i = column_index(headers, KIND_COLUMN, where)
    for row in rows:
        code = authority_code(row[code_i])
        if code is not None:
            yield family_of(row[kind_i], where), code, row
