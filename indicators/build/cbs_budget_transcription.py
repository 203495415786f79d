"""Read the budget columns of the 2022 edition from its CSV transcription (data year from the mapping)."""
from __future__ import annotations

from indicators.build.cbs_budget_mapping import Edition
from indicators.build.cbs_budget_rows import ResolvedColumn, add_authority_row
from indicators.build.cbs_cells import column_letter
from indicators.build.records import ColumnRead, RecordCollector
from indicators.build.transcription import read_transcription, transcribed_cell


def extract_transcription(edition: Edition, out: RecordCollector) -> None:
    table = read_transcription(edition.path)
    # One exact header per field (checked by the mapping loader); the year is inferred (see the mapping).
    columns = [ResolvedColumn(spec, table.column(spec.texts[0]), edition.year) for spec in edition.columns]
    for column in columns:
        out.add_column(ColumnRead(column.spec.field_id, edition.edition, edition.source_id, table.where.file, None,
                                  column_letter(column.index), table.headers[column.index], None, None, column.year))
    for authority, row in table.authority_rows():
        add_authority_row(out, authority, [(c, transcribed_cell(row[c.index])) for c in columns], edition)
