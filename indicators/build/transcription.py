"""The 2022 edition, known only through a third-party CSV transcription (GitHub Hovav-Dror/Israel-Local-Authorities).

The transcription flattened CBS's multi-row headers into "category: column" strings and dropped the year
band, so the data years come from the mappings. It writes CBS ".." and blanks as empty cells (or "nan").
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from indicators.build.authority_kinds import family_of_status
from indicators.build.cbs_cells import authority_code, normalise_header
from indicators.build.layout_errors import LayoutError, Where, single_column
from indicators.settings import authority_id

CODE_COLUMN = "כללי: סמל הרשות"
STATUS_COLUMN = "כללי: מעמד מוניציפלי"


@dataclass(frozen=True)
class Transcription:
    where: Where
    headers: list[str]      # normalised
    rows: list[list[str]]   # every cell as text: codes keep their leading zeros

    def column(self, header: str) -> int:
        wanted = normalise_header(header)
        return single_column([i for i, h in enumerate(self.headers) if h == wanted], self.where, repr(wanted))

    def authority_rows(self) -> Iterator[tuple[str, list[str]]]:
        """(authority_id, row) for every row; a row without an authority code is an error."""
        code_i, status_i = self.column(CODE_COLUMN), self.column(STATUS_COLUMN)
        for row in self.rows:
            code = authority_code(row[code_i])
            if code is None:
                raise LayoutError(self.where, f"row without an authority code: {row[:3]}")
            yield authority_id(family_of_status(row[status_i], self.where), code), row


def read_transcription(path: Path) -> Transcription:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        headers = [normalise_header(h) for h in next(reader)]
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    return Transcription(Where(Path(path).name), headers, rows)


def transcribed_cell(text: str) -> str | None:
    """The raw cell for clean_cell: empty and "nan" are blanks."""
    stripped = text.strip()
    return None if stripped.lower() in ("", "nan") else stripped
