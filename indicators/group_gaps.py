"""The gap between two population groups of authorities (Arab, and Jewish and others) on one indicator: each
group's median per year, a population-weighted figure where the indicator is additive, the gap as a
difference and a ratio, whether it narrows or widens, and a unit-free size to rank indicators by.

Group names follow CBS ("Arabs", "Jews and others"); which authority is in which group is decided in the
build (authorities.population_group), not here."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from indicators.read_model import direction_sign

FIRST, SECOND = "arab", "jewish_others"  # the gap is FIRST − SECOND
# The population make-up defines the groups: its "gap" is the grouping itself, so it is not ranked.
DEFINING_INDICATORS = frozenset({"arab_population_pct", "jewish_others_population_pct"})
# A change in the absolute gap smaller than this share of its first-year size reads as "stable".
STABLE_SHARE = 0.05
# A group "median" over one or two authorities is those towns, not the group: years where either group has
# fewer figures than this are left out of the ranking (in the Negev the survey figures cover one Arab town).
MIN_GROUP_SIZE = 3


def group_series(values: pd.DataFrame, groups: Mapping[str, Sequence[str]],
                 population: pd.DataFrame | None = None) -> pd.DataFrame:
    """year-indexed: `<group>_median`, `<group>_count` (authorities with a figure) and, when `population`
    (authority_id, year, value) is given, `<group>_weighted` = Σ value × persons / Σ persons over the
    authorities with both figures — the group's figure as if it were one authority (only meaningful for
    amounts and counts over residents, which is why the caller decides)."""
    columns = {}
    for group, ids in groups.items():
        rows = values[values["authority_id"].isin(set(ids))].dropna(subset=["value"])
        by_year = rows.groupby("year")["value"]
        columns[f"{group}_median"] = by_year.median()
        columns[f"{group}_count"] = by_year.size()
        if population is not None:
            persons = population.rename(columns={"value": "persons"})[["authority_id", "year", "persons"]]
            joined = rows.merge(persons, on=["authority_id", "year"]).dropna(subset=["persons"])
            totals = joined.assign(amount=joined["value"] * joined["persons"]).groupby("year")[["amount", "persons"]]
            summed = totals.sum()
            columns[f"{group}_weighted"] = summed["amount"] / summed["persons"].where(summed["persons"] > 0)
    table = pd.DataFrame(columns).sort_index()
    for group in groups:
        table[f"{group}_count"] = table[f"{group}_count"].fillna(0).astype(int)
    return table


def gap_by_year(series: pd.DataFrame, spread: pd.Series | None = None) -> pd.DataFrame:
    """Adds the gap of the medians: `gap` (FIRST − SECOND), `ratio` (FIRST ÷ SECOND; empty where SECOND is 0
    or the signs differ) and, given each year's spread of all authorities (standard deviation), `gap_sd` =
    gap ÷ spread: a unit-free size, so indicators in ₪, % and persons can be ranked together. Years where
    either group has no figure have no gap."""
    out = series.copy()
    first, second = out[f"{FIRST}_median"], out[f"{SECOND}_median"]
    out["gap"] = first - second
    same_sign = (first * second) > 0
    out["ratio"] = (first / second).where(same_sign)
    if spread is not None:
        out["gap_sd"] = out["gap"] / spread.reindex(out.index).where(lambda s: s > 0)
    return out


@dataclass(frozen=True)
class GapTrend:
    """How the distance between the groups moved from the first to the last year both have figures."""

    first_year: int | None
    last_year: int | None
    first_gap: float | None
    last_gap: float | None
    behind: str | None  # the group on the worse side in the last year (None: no direction, or level)
    movement: str | None  # "narrowing", "widening", "stable", "reversed" (the other group is now ahead)

    @property
    def change(self) -> float | None:
        """Change in the absolute gap (negative = the groups came closer)."""
        if self.first_gap is None or self.last_gap is None:
            return None
        return abs(self.last_gap) - abs(self.first_gap)


def gap_trend(gaps: pd.DataFrame, direction: str) -> GapTrend:
    """The movement of the gap between its first and last year. Whether a gap narrows does not depend on the
    direction (two medians coming closer is narrowing even where higher is worse); which group is behind does."""
    rows = gaps["gap"].dropna()
    if rows.empty:
        return GapTrend(None, None, None, None, None, None)
    first_year, last_year = int(rows.index.min()), int(rows.index.max())
    first_gap, last_gap = float(rows.iloc[0]), float(rows.iloc[-1])
    sign = direction_sign(direction)
    behind = None
    if sign != 0 and last_gap != 0:
        behind = FIRST if last_gap * sign < 0 else SECOND
    if first_year == last_year:
        movement = None
    elif first_gap * last_gap < 0:
        movement = "reversed"
    elif abs(abs(last_gap) - abs(first_gap)) <= STABLE_SHARE * abs(first_gap):
        movement = "stable"
    else:
        movement = "narrowing" if abs(last_gap) < abs(first_gap) else "widening"
    return GapTrend(first_year, last_year, first_gap, last_gap, behind, movement)


def yearly_spread(values: pd.DataFrame, authority_ids: Sequence[str]) -> pd.Series:
    """year -> standard deviation of the figures of the given authorities (the scale of `gap_sd`)."""
    rows = values[values["authority_id"].isin(set(authority_ids))].dropna(subset=["value"])
    return rows.groupby("year")["value"].std(ddof=0)


def gap_ranking(observations: pd.DataFrame, indicators: pd.DataFrame, groups: Mapping[str, Sequence[str]],
                area_ids: Sequence[str], min_group_size: int = MIN_GROUP_SIZE) -> pd.DataFrame:
    """One row per indicator with figures for both groups (the population make-up that defines them aside): the
    latest gap (difference, ratio and in standard
    deviations of the area's authorities), its first year, and how it moved — sorted by the size of the
    latest gap, largest first; only years where each group has at least `min_group_size` authorities with a
    figure count. observations: authority_id, indicator_id, year, value."""
    area = set(area_ids)
    rows = []
    for meta in indicators[~indicators["indicator_id"].isin(DEFINING_INDICATORS)].itertuples():
        values = observations[(observations["indicator_id"] == meta.indicator_id)
                              & observations["authority_id"].isin(area)]
        if values.empty:
            continue
        series = group_series(values, groups)
        wide_enough = (series[[f"{g}_count" for g in groups]] >= min_group_size).all(axis=1)
        gaps = gap_by_year(series[wide_enough], yearly_spread(values, list(area)))
        trend = gap_trend(gaps, meta.direction)
        if trend.last_year is None:
            continue
        latest = gaps.loc[trend.last_year]
        first_sd = gaps.at[trend.first_year, "gap_sd"]
        rows.append({
            "indicator_id": meta.indicator_id, "dimension": meta.dimension, "direction": meta.direction,
            "year": trend.last_year, f"{FIRST}_median": latest[f"{FIRST}_median"],
            f"{SECOND}_median": latest[f"{SECOND}_median"], "gap": trend.last_gap, "ratio": latest["ratio"],
            "gap_sd": latest["gap_sd"], f"{FIRST}_count": latest[f"{FIRST}_count"],
            f"{SECOND}_count": latest[f"{SECOND}_count"], "first_year": trend.first_year, "first_gap": trend.first_gap,
            "first_gap_sd": first_sd, "gap_sd_change": abs(latest["gap_sd"]) - abs(first_sd),
            "behind": trend.behind, "movement": trend.movement,
        })
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    order = table["gap_sd"].abs().sort_values(ascending=False, kind="stable").index
    return table.loc[order].reset_index(drop=True)


def town_distances(values: pd.DataFrame, year: int, groups: Mapping[str, Sequence[str]],
                   reference: str = SECOND) -> pd.DataFrame:
    """The dumbbell of one year: every authority of the groups with a figure, its group, its value, the
    reference group's median that year and the distance to it (value − median). Sorted by group, then value."""
    in_year = values[(values["year"] == year)].dropna(subset=["value"])
    group_of = {a: g for g, ids in groups.items() for a in ids}
    rows = in_year[in_year["authority_id"].isin(group_of)]
    median = rows.loc[rows["authority_id"].isin(set(groups[reference])), "value"].median()
    table = pd.DataFrame({"authority_id": rows["authority_id"], "group": rows["authority_id"].map(group_of),
                          "value": rows["value"].astype(float)})
    table["reference_median"] = median
    table["distance"] = table["value"] - median
    order = {g: i for i, g in enumerate(groups)}
    table = table.assign(_g=table["group"].map(order)).sort_values(["_g", "value"], kind="stable")
    return table.drop(columns="_g").reset_index(drop=True)


def groups_of(authorities: pd.DataFrame, area_ids: Sequence[str]) -> dict[str, list[str]]:
    """{arab: [...], jewish_others: [...]}: the area's authorities in each of the two compared groups (mixed
    authorities are in neither)."""
    shown = authorities[authorities["authority_id"].isin(set(area_ids))]
    return {g: shown.loc[shown["population_group"] == g, "authority_id"].tolist() for g in (FIRST, SECOND)}
