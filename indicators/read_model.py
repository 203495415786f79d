"""The shared read model: what every page needs to read the published tables the same way — the one
order of indicators and authorities, the meaning of an indicator's direction, and trend frames.

Order and direction are computed once, in the build (registry → `indicators` table columns
`dimension_order`, `display_order`, `direction`); this module only reads those columns."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from indicators.settings import DIMENSIONS

HIGHER_IS_BETTER = "higher_is_better"
LOWER_IS_BETTER = "lower_is_better"
NEUTRAL = "neutral"
DIRECTIONS = (HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL)


# ---------------------------------------------------------------- direction

def direction_from_flag(higher_is_better) -> str:
    """The declaration's higher_is_better (True / False / None, or NaN/NA as read back) as a direction."""
    if higher_is_better is None or pd.isna(higher_is_better):
        return NEUTRAL
    return HIGHER_IS_BETTER if bool(higher_is_better) else LOWER_IS_BETTER


def direction_sign(direction: str) -> int:
    """+1 when a higher figure is better, -1 when lower is better, 0 when neither is."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}")
    return {HIGHER_IS_BETTER: 1, LOWER_IS_BETTER: -1, NEUTRAL: 0}[direction]


def judge_change(direction: str, change: float | None) -> str | None:
    """"better", "worse" or "same" for a change in a figure; None when there is no change to judge or the
    indicator has no better direction (a larger population is not "better")."""
    sign = direction_sign(direction)
    if change is None or pd.isna(change) or sign == 0:
        return None
    if change == 0:
        return "same"
    return "better" if change * sign > 0 else "worse"


def better_than(direction: str, value: float, reference: float | None) -> bool | None:
    """Whether `value` is on the better side of `reference` (None: no direction, no reference, or equal)."""
    sign = direction_sign(direction)
    if sign == 0 or reference is None or pd.isna(reference) or value == reference:
        return None
    return (value - reference) * sign > 0


def best_first_sign(direction: str) -> float:
    """The factor that turns figures so a larger one ranks first: -1 when lower is better, else +1 (with no
    better direction a rank simply follows the value, rank 1 = the highest)."""
    return -1.0 if direction == LOWER_IS_BETTER else 1.0


def best_first(values: pd.Series, direction: str) -> pd.Series:
    """Values turned so that a larger number ranks first (see best_first_sign)."""
    return values * best_first_sign(direction)


def directions(indicators: pd.DataFrame) -> dict[str, str]:
    """indicator_id -> direction, from the published column."""
    return dict(zip(indicators["indicator_id"], indicators["direction"], strict=True))


# ---------------------------------------------------------------- order

def ordered_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    """The indicators table in the one display order (dimension, then theme, then id), fresh index."""
    return indicators.sort_values("display_order", kind="stable").reset_index(drop=True)


def indicator_options(indicators: pd.DataFrame) -> list[str]:
    """Indicator ids in display order: the options of every indicator chooser."""
    return ordered_indicators(indicators)["indicator_id"].tolist()


def indicators_by_dimension(indicators: pd.DataFrame) -> dict[str, list[str]]:
    """dimension -> its indicator ids in display order, dimensions in the KMM order (every dimension present)."""
    ordered = ordered_indicators(indicators)
    return {d: ordered.loc[ordered["dimension"] == d, "indicator_id"].tolist() for d in DIMENSIONS}


def headline_ids(indicators: pd.DataFrame) -> dict[str, list[str]]:
    """dimension -> the key figures declared for it (`headline_rank` 1..5), in their declared order."""
    declared = indicators[indicators["headline_rank"].notna()]
    declared = declared.sort_values(["dimension_order", "headline_rank"], kind="stable")
    return {d: declared.loc[declared["dimension"] == d, "indicator_id"].tolist() for d in DIMENSIONS}


def authority_options(authorities: pd.DataFrame, names: Mapping[str, str]) -> list[str]:
    """Authority ids as every town chooser lists them: the Negev's first, each part by display name."""
    frame = authorities.assign(_name=authorities["authority_id"].map(lambda a: str(names.get(a, a))))
    ordered = frame.sort_values(["is_negev", "_name"], ascending=[False, True], kind="stable")
    return ordered["authority_id"].tolist()


# ---------------------------------------------------------------- trends

TREND_COLUMNS = ["series", "year", "value"]


def group_medians(values: pd.DataFrame, groups: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """year × group: the median figure of each group of authorities in each year (NaN where none)."""
    columns = {}
    for name, ids in groups.items():
        subset = values[values["authority_id"].isin(set(ids))]
        columns[name] = subset.groupby("year")["value"].median()
    return pd.DataFrame(columns).sort_index()


def trend_frame(values: pd.DataFrame, authority_ids: Sequence[str], names: Mapping[str, str],
                benchmarks: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Long rows (series, year, value) for a trend chart: each chosen authority's series, in the order chosen,
    then each benchmark's median per year (label -> authority ids), over the years the chosen authorities
    cover (so the lines are comparable). Empty when none of the chosen authorities has a figure.

    values: one indicator's figures (authority_id, year, value)."""
    own = values[values["authority_id"].isin(set(authority_ids))].dropna(subset=["value"])
    if own.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    order = {a: i for i, a in enumerate(authority_ids)}
    own = own.assign(_order=own["authority_id"].map(order)).sort_values(["_order", "year"])
    lines = pd.DataFrame({"series": own["authority_id"].map(lambda a: names.get(a, a)),
                          "year": own["year"].astype(int), "value": own["value"].astype(float)})
    medians = group_medians(values, benchmarks).loc[own["year"].min():own["year"].max()]
    medians = medians.rename_axis("year").reset_index().melt(id_vars="year", var_name="series", value_name="value")
    medians = medians.dropna(subset=["value"]).astype({"year": int, "value": float})
    return pd.concat([lines, medians[TREND_COLUMNS]], ignore_index=True)


def trend_table(trend: pd.DataFrame) -> pd.DataFrame:
    """A trend frame as a year × series table, latest year first (the chart's accessible alternative)."""
    if trend.empty:
        return pd.DataFrame()
    order = list(dict.fromkeys(trend["series"]))
    wide = trend.pivot_table(index="year", columns="series", values="value", aggfunc="first")
    return wide.reindex(columns=order).sort_index(ascending=False)
