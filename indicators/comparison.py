"""Pure computations behind the Compare page: the chosen set of authorities from the URL, the side-by-side
table (latest figure of each authority, Negev and Israel medians), percentile scores among all of
Israel's authorities and their medians per dimension.

"Israel" is the median of all of Israel's local authorities in the CBS files (not a national total)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from indicators.formatting import format_value
from indicators.read_model import NEUTRAL, directions, ordered_indicators
from indicators.settings import DIMENSIONS
from indicators.stats import default_year, percentile_scores


@dataclass(frozen=True)
class Selection:
    """The authorities a `?compare=` list asks for: the usable ones, in order, and what was dropped."""
    kept: list[str]
    unknown: list[str]
    over_cap: list[str]


def parse_selection(raw: str | None, options: Sequence[str], max_items: int) -> Selection:
    """Known ids in the order given (duplicates removed), capped at `max_items`; never raises."""
    items = [part.strip() for part in (raw or "").split(",") if part.strip()]
    allowed = set(options)
    known = list(dict.fromkeys(item for item in items if item in allowed))
    unknown = [item for item in dict.fromkeys(items) if item not in allowed]
    return Selection(known[:max_items], unknown, known[max_items:])


def selection_cap(max_items: int, preset: Sequence[str]) -> int:
    """How many authorities may be compared: the usual cap, or all of a chosen preset's towns."""
    return max(max_items, len(preset))


def listed_options(options: Sequence[str], in_group: Sequence[str], chosen: Sequence[str]) -> list[str]:
    """The chooser's list under a group filter: the group's authorities and those already chosen, in the
    options' order (a chosen town outside the group is not silently dropped)."""
    keep = set(in_group) | set(chosen)
    return [a for a in options if a in keep]


def default_selection(town: str | None, options: Sequence[str], preferred: Sequence[str], size: int = 3) -> list[str]:
    """The town from the link (if known) first, then the preferred authorities, `size` in all."""
    allowed = set(options)
    ordered = [a for a in [town, *preferred] if a in allowed]
    return list(dict.fromkeys(ordered))[:size]


def reference_years(observations: pd.DataFrame) -> pd.Series:
    """indicator_id -> the latest well-covered year across all authorities (stats.default_year), the
    year in which authorities are ranked against each other and medians are taken."""
    years = {}
    for indicator_id, rows in observations.groupby("indicator_id", sort=True):
        year = default_year(rows, rows["authority_id"].unique())
        if year is not None:
            years[indicator_id] = year
    return pd.Series(years, dtype="Int64", name="year")


def percentile_matrix(observations: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Every authority's percentile among all authorities, per indicator, in the reference year.

    Direction-adjusted (100 = best) where the indicator has a better direction; for neutral indicators
    the score rises with the value and `neutral` is True.
    Columns: authority_id, indicator_id, dimension, year, value, percentile, neutral."""
    years = reference_years(observations)
    meta = indicators.set_index("indicator_id")
    direction_of = directions(indicators)
    # One pass to split the observations (a mask over all of them per indicator cost seconds).
    by_indicator = dict(tuple(observations.groupby("indicator_id", sort=False)))
    parts = []
    for indicator_id, year in years.items():
        if indicator_id not in meta.index:
            continue
        direction = direction_of[indicator_id]
        rows = by_indicator[indicator_id]
        rows = rows[rows["year"] == year]
        values = rows.set_index("authority_id")["value"].dropna()
        parts.append(pd.DataFrame({
            "authority_id": values.index, "indicator_id": indicator_id,
            "dimension": meta.at[indicator_id, "dimension"], "year": int(year), "value": values.to_numpy(),
            "percentile": percentile_scores(values, direction).to_numpy(), "neutral": direction == NEUTRAL,
        }))
    columns = ["authority_id", "indicator_id", "dimension", "year", "value", "percentile", "neutral"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def dimension_summary(percentiles: pd.DataFrame, authority_ids: Sequence[str]) -> pd.DataFrame:
    """Median percentile per dimension for each authority, over indicators with a better direction
    only (a neutral indicator's percentile says "larger", not "better").
    Columns: authority_id, dimension, percentile, indicators (how many went into the median)."""
    scored = percentiles[~percentiles["neutral"].astype(bool) & percentiles["authority_id"].isin(set(authority_ids))]
    summary = (scored.groupby(["authority_id", "dimension"])["percentile"]
               .agg(percentile="median", indicators="count").reset_index())
    order = {a: i for i, a in enumerate(authority_ids)}
    rank = {d: i for i, d in enumerate(DIMENSIONS)}
    summary = summary.sort_values(by=["authority_id", "dimension"],
                                  key=lambda c: c.map(order) if c.name == "authority_id" else c.map(rank))
    return summary.reset_index(drop=True)


def latest_grid(latest: pd.DataFrame, gaps: pd.DataFrame, indicator_ids: Sequence[str],
                authority_ids: Sequence[str]) -> pd.DataFrame:
    """Every (authority, indicator) pair: its most recent figure and year, or, where there is none,
    the reason CBS gives for the most recent missing figure (None if no reason is recorded).
    Columns: authority_id, indicator_id, value, year, reason."""
    grid = pd.MultiIndex.from_product([list(authority_ids), list(indicator_ids)],
                                      names=["authority_id", "indicator_id"]).to_frame(index=False)
    found = latest[latest["authority_id"].isin(set(authority_ids))][["authority_id", "indicator_id", "value", "year"]]
    grid = grid.merge(found, on=["authority_id", "indicator_id"], how="left")
    last_gap = (gaps.sort_values("year").groupby(["authority_id", "indicator_id"], as_index=False).last()
                [["authority_id", "indicator_id", "reason"]]) if not gaps.empty else \
        pd.DataFrame(columns=["authority_id", "indicator_id", "reason"])
    grid = grid.merge(last_gap, on=["authority_id", "indicator_id"], how="left")
    grid["reason"] = grid["reason"].where(grid["value"].isna(), None)
    grid["reason"] = grid["reason"].astype(object).where(grid["reason"].notna(), None)
    return grid


def reference_year_medians(observations: pd.DataFrame, years: pd.Series,
                           groups: dict[str, Sequence[str]]) -> pd.DataFrame:
    """indicator_id-indexed medians of each group of authorities in the indicator's reference year.
    Columns: one per group, plus `year`."""
    in_year = observations.merge(years.rename("ref_year"), left_on="indicator_id", right_index=True)
    in_year = in_year[in_year["year"] == in_year["ref_year"]]
    table = pd.DataFrame({"year": years})
    for name, ids in groups.items():
        subset = in_year[in_year["authority_id"].isin(set(ids))]
        table[name] = subset.groupby("indicator_id")["value"].median()
    return table


def cell_text(value, year, reason: str | None, decimals: int, unit: str, no_data: str,
              reason_text: Callable[[str], str]) -> str:
    """"1,234 (2021)" or "No data — not reported"."""
    if value is None or pd.isna(value):
        return f"{no_data} — {reason_text(reason)}" if reason else no_data
    return f"{format_value(float(value), decimals, unit)} ({int(year)})"


def comparison_table(grid: pd.DataFrame, medians: pd.DataFrame, indicators: pd.DataFrame,
                     columns: dict[str, str], labels: dict[str, str], lang: str,
                     reason_text: Callable[[str], str]) -> pd.DataFrame:
    """The side-by-side display table: one row per indicator (grouped by dimension), one text column
    per authority and per median group, then the unit.

    columns: authority_id or median-group name -> column header, in display order.
    labels: {"indicator", "unit", "dimension", "no_data"} headers and the no-data word."""
    rows = []
    by_pair = grid.set_index(["indicator_id", "authority_id"])
    for meta in ordered_indicators(indicators).itertuples():
        decimals, unit = int(meta.decimals), meta.unit
        row = {"dimension": meta.dimension, labels["indicator"]: getattr(meta, f"name_{lang}")}
        for key, header in columns.items():
            if key in medians.columns:
                value = medians[key].get(meta.indicator_id)
                year = medians["year"].get(meta.indicator_id)
                row[header] = cell_text(value, year, None, decimals, unit, labels["no_data"], reason_text)
            else:
                cell = by_pair.loc[(meta.indicator_id, key)] if (meta.indicator_id, key) in by_pair.index else None
                row[header] = labels["no_data"] if cell is None else cell_text(
                    cell["value"], cell["year"], cell["reason"], decimals, unit, labels["no_data"], reason_text)
        # The unit last: on a phone the first screen then shows the indicator beside the first authority.
        row[labels["unit"]] = getattr(meta, f"unit_{lang}")
        rows.append(row)
    return pd.DataFrame(rows)
