"""Which figures headline a town's profile in the PDF and the slide pack: per dimension, those the
indicators table ranks with `headline_rank` (3–5 per dimension), else the first three of the page's order."""
from __future__ import annotations

import pandas as pd

from indicators.settings import DIMENSIONS

FALLBACK_COUNT = 3


def headline_indicators(indicators: pd.DataFrame) -> dict[str, list[str]]:
    """dimension -> indicator ids in display order."""
    ordered = indicators.sort_values(["dimension", "theme", "indicator_id"])
    chosen: dict[str, list[str]] = {}
    for dimension in DIMENSIONS:
        rows = ordered[ordered["dimension"] == dimension]
        ranked = rows[rows["headline_rank"].notna()] if "headline_rank" in rows.columns else rows.iloc[0:0]
        if len(ranked):
            chosen[dimension] = ranked.sort_values("headline_rank", kind="stable")["indicator_id"].tolist()
        else:
            chosen[dimension] = rows["indicator_id"].head(FALLBACK_COUNT).tolist()
    return chosen
