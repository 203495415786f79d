"""Tidy tables for download: every row carries its unit and its source, so a CSV stands on its own."""
from __future__ import annotations

import pandas as pd


def tidy_table(values: pd.DataFrame, names: dict[str, str], indicator: dict, sources: pd.DataFrame,
               lang: str) -> pd.DataFrame:
    """values: authority_id, year, value, source_id; other columns are not carried (add them after)."""
    src = sources.set_index("source_id")
    table = pd.DataFrame({
        "authority_id": values["authority_id"],
        "authority": values["authority_id"].map(names),
        "indicator_id": indicator["indicator_id"],
        "indicator": indicator[f"name_{lang}"],
        "year": values["year"],
        "value": values["value"].round(int(indicator["decimals"]) + 2),
        "unit": indicator[f"unit_{lang}"],
        "source_publisher": values["source_id"].map(src["publisher"]),
        "source_title": values["source_id"].map(src["title"]),
        "source_edition": values["source_id"].map(src["edition"]),
        "source_url": values["source_id"].map(src["url"]),
        "source_id": values["source_id"],
    })
    return table.reset_index(drop=True)


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark so that Excel opens Hebrew and Arabic text correctly (see
    indicators/downloads/csv_file.py, which also keeps text cells from running as formulas)."""
    from indicators.downloads.csv_file import csv_bytes

    return csv_bytes(table)
