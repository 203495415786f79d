"""Tables as CSV that open correctly in Excel (UTF-8 with BOM) and cannot smuggle in a formula."""
from __future__ import annotations

import pandas as pd

# A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, prefixed with an apostrophe so it stays text."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def neutralised(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell neutralised; numbers (negative ones too) stay numbers."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return out


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens Hebrew and Arabic text correctly."""
    return neutralised(table).to_csv(index=False).encode("utf-8-sig")
