"""Tidy tables for download: every row carries its unit and its source, so a CSV stands on its own."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators.provenance import localised_sources
from indicators.read_model import ordered_indicators


def tidy_table(values: pd.DataFrame, names: dict[str, str], indicator: dict, sources: pd.DataFrame,
               lang: str) -> pd.DataFrame:
    """values: authority_id, year, value, source_id; other columns are not carried (add them after)."""
    src = localised_sources(sources, lang).set_index("source_id")
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


def authorities_table(observations: pd.DataFrame, authority_ids: Sequence[str], indicators: pd.DataFrame,
                      names: dict[str, str], sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every figure of the given authorities (all indicators, all years), long format, indicators in display
    order and authorities in the order given; each row with its dimension, unit and source."""
    chosen = observations[observations["authority_id"].isin(set(authority_ids))]
    order = {a: i for i, a in enumerate(authority_ids)}
    parts = []
    for meta in ordered_indicators(indicators).to_dict("records"):
        rows = chosen[chosen["indicator_id"] == meta["indicator_id"]]
        if rows.empty:
            continue
        rows = rows.assign(_order=rows["authority_id"].map(order)).sort_values(["_order", "year"])
        part = tidy_table(rows.reset_index(drop=True), names, meta, sources, lang)
        part.insert(2, "dimension", meta["dimension"])
        parts.append(part)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark so that Excel opens Hebrew and Arabic text correctly (see
    indicators/downloads/csv_file.py, which also keeps text cells from running as formulas)."""
    from indicators.downloads.csv_file import csv_bytes

    return csv_bytes(table)


def with_price_basis(table: pd.DataFrame, unit: str, basis: str) -> pd.DataFrame:
    """A table of shekel figures that says its price basis: in the unit ("₪ per capita, 2022 prices", which
    the Excel header repeats) and in a price_basis column beside it, so each CSV row stands on its own."""
    out = table.assign(unit=unit)
    out.insert(out.columns.get_loc("unit") + 1, "price_basis", basis)
    return out
