"""Pure comparisons the pages show: ranks, medians of groups, change since the previous figure,
and percentile scores. "Israel" here means all of Israel's local authorities in the CBS files
(a median of authorities, not a national total: CBS's national figures are not in these files)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


def rank_among(values: pd.Series, higher_is_better: bool | None) -> pd.Series:
    """Rank 1 = best. With no better direction (e.g. population) rank 1 = the highest value."""
    ascending = higher_is_better is False
    return values.rank(ascending=ascending, method="min").astype("Int64")


def percentile_scores(values: pd.Series, higher_is_better: bool | None) -> pd.Series:
    """0–100: the share of the other authorities this one does better than (ties share the middle).

    With no direction the score simply rises with the value. A single value scores 50.
    """
    valid = values.dropna()
    if len(valid) <= 1:
        return pd.Series(50.0, index=valid.index).reindex(values.index)
    ranks = valid.rank(method="average")
    scores = (ranks - 1) / (len(valid) - 1) * 100
    if higher_is_better is False:
        scores = 100 - scores
    return scores.reindex(values.index)


def median_by_year(values: pd.DataFrame, authority_ids) -> pd.Series:
    """Median across the given authorities for each year (only years where any of them has data)."""
    subset = values[values["authority_id"].isin(set(authority_ids))]
    return subset.groupby("year")["value"].median()


def benchmark_table(values: pd.DataFrame, groups: dict[str, list[str]]) -> pd.DataFrame:
    """Year × group medians, e.g. {"negev": [...], "israel": [...], "peers": [...]}."""
    columns = {name: median_by_year(values, ids) for name, ids in groups.items()}
    return pd.DataFrame(columns).sort_index()


@dataclass(frozen=True)
class LatestChange:
    value: float | None
    year: int | None
    previous_value: float | None
    previous_year: int | None

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous_value is None:
            return None
        return self.value - self.previous_value


def latest_and_change(series: pd.DataFrame) -> LatestChange:
    """The latest figure of a (year, value) series and the figure before it."""
    ordered = series.dropna(subset=["value"]).sort_values("year")
    if ordered.empty:
        return LatestChange(None, None, None, None)
    last = ordered.iloc[-1]
    if len(ordered) == 1:
        return LatestChange(float(last["value"]), int(last["year"]), None, None)
    prev = ordered.iloc[-2]
    return LatestChange(float(last["value"]), int(last["year"]), float(prev["value"]), int(prev["year"]))


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
