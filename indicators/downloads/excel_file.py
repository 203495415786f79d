"""Tables as Excel workbooks: a header block (title, source, unit, years, date, link), a frozen header
row, numbers stored as numbers with each figure's decimals as its cell format, right-to-left for he/ar."""
from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence

import pandas as pd

from indicators.downloads.header_block import HeaderBlock

SHEET_NAME = "data"
MAX_COLUMN_WIDTH = 60


def number_format(decimals: int) -> str:
    """"#,##0.0" for one decimal; whole numbers get thousands separators only."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def _cell_value(value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars to plain Python numbers
        return value.item()
    return value


def _column_formats(table: pd.DataFrame, decimals: Mapping[str, int | Sequence[int]]) -> dict[str, list | str]:
    """column -> one number format for the column, or one per row (a table of several indicators)."""
    formats: dict[str, list | str] = {}
    for column in table.columns:
        given = decimals.get(column)
        if isinstance(given, int):
            formats[column] = number_format(given)
        elif given is not None:
            formats[column] = [number_format(int(d)) for d in given]
        elif pd.api.types.is_integer_dtype(table[column]):
            formats[column] = "0"  # years and ranks: no thousands separator
    return formats


def excel_bytes(table: pd.DataFrame, header: HeaderBlock,
                decimals: Mapping[str, int | Sequence[int]] | None = None) -> bytes:
    """The table as an .xlsx file. decimals: column -> decimals for the whole column, or a sequence
    with one entry per row (e.g. the `value` column of a table holding several indicators)."""
    from openpyxl import Workbook  # heavy: loaded only when a workbook is asked for
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    sheet.sheet_view.rightToLeft = header.rtl
    align = Alignment(horizontal="right" if header.rtl else "left", vertical="top")

    _text_cell(sheet, 1, 1, header.title).font = Font(bold=True, size=14)
    row = 2
    for label, text in header.as_rows():
        _text_cell(sheet, row, 1, label).font = Font(bold=True)
        cell = _text_cell(sheet, row, 2, text)
        cell.alignment = align
        if text == header.link and header.link:
            cell.hyperlink = header.link
            cell.font = Font(color="0563C1", underline="single")
        row += 1
    header_row = row + 1

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F0")
    for col, name in enumerate(table.columns, start=1):
        cell = _text_cell(sheet, header_row, col, str(name))
        cell.font, cell.fill = bold, fill
    formats = _column_formats(table, decimals or {})
    for col, name in enumerate(table.columns, start=1):
        column_format = formats.get(name)
        for offset, value in enumerate(table[name].tolist()):
            cell = sheet.cell(row=header_row + 1 + offset, column=col, value=_cell_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text from the data never becomes a formula
            elif column_format is not None and cell.value is not None:
                cell.number_format = column_format[offset] if isinstance(column_format, list) else column_format
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    _fit_widths(sheet, table)

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text_cell(sheet, row: int, column: int, text: str):
    """A cell that holds text even when the text starts with "=" (openpyxl would store a formula)."""
    cell = sheet.cell(row=row, column=column, value=text)
    cell.data_type = "s"
    return cell


def _fit_widths(sheet, table: pd.DataFrame) -> None:
    from openpyxl.utils import get_column_letter

    for col, name in enumerate(table.columns, start=1):
        longest = max([len(str(name))] + [len(str(v)) for v in table[name].head(200).tolist()])
        sheet.column_dimensions[get_column_letter(col)].width = min(MAX_COLUMN_WIDTH, longest + 2)
