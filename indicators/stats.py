"""Pure comparisons the pages show: ranks and percentile scores, the year shown by default, and the
classes of a choropleth (group medians and trends are in read_model.py). "Israel" here means all of
Israel's local authorities in the CBS files (a median of authorities, not a national total)."""
from __future__ import annotations

import pandas as pd

from indicators.read_model import best_first


def rank_among(values: pd.Series, direction: str) -> pd.Series:
    """Rank 1 = best. With no better direction (e.g. population) rank 1 = the highest value."""
    return (-best_first(values, direction)).rank(method="min").astype("Int64")


def percentile_scores(values: pd.Series, direction: str) -> pd.Series:
    """0–100: the share of the other authorities this one does better than (ties share the middle).

    With no direction the score simply rises with the value. A single value scores 50.
    """
    valid = best_first(values.dropna(), direction)
    if len(valid) <= 1:
        return pd.Series(50.0, index=valid.index).reindex(values.index)
    ranks = valid.rank(method="average")
    scores = (ranks - 1) / (len(valid) - 1) * 100
    return scores.reindex(values.index)


def value_in_year(values: pd.DataFrame, year: int) -> pd.Series:
    """authority_id -> value for one year."""
    return values[values["year"] == year].set_index("authority_id")["value"]


def quantile_breaks(values: pd.Series, classes: int = 5) -> list[float]:
    """Class edges for a choropleth: equal-count (quantile) classes, duplicates removed."""
    valid = values.dropna()
    if valid.empty:
        return []
    edges = valid.quantile([i / classes for i in range(classes + 1)]).tolist()
    unique = sorted(set(edges))
    return unique if len(unique) > 1 else [unique[0], unique[0]]


def assign_classes(values: pd.Series, breaks: list[float]) -> pd.Series:
    """0-based class of each value for the given edges; <NA> where there is no value."""
    if len(breaks) < 2:
        return pd.Series(pd.NA, index=values.index, dtype="Int64")
    inner = breaks[1:-1]
    classes = values.apply(lambda v: pd.NA if pd.isna(v) else sum(v > edge for edge in inner))
    return classes.astype("Int64")


def default_year(values: pd.DataFrame, authority_ids) -> int | None:
    """The latest year in which at least half as many of the given authorities have a figure as in
    the best-covered year (so a thin first release of a new year is not the default)."""
    subset = values[values["authority_id"].isin(set(authority_ids))]
    counts = subset.groupby("year")["value"].count()
    if counts.empty:
        return None
    return int(counts[counts >= counts.max() / 2].index.max())
