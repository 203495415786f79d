"""Pure computations for the indicator explorer: which authorities are shown (area, kind, peer group),
their ranks and percentiles in a year, the medians drawn as reference lines, and the trend frame.
"Israel" means the median of all Israel's local authorities, not a national total."""
from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from indicators.formatting import format_value
from indicators.groups import ALL, filter_by_group
from indicators.read_model import group_medians
from indicators.settings import AUTHORITY_KINDS
from indicators.stats import percentile_scores, rank_among

KINDS = AUTHORITY_KINDS
SCOPES = ("negev", "israel")


def filter_authorities(authorities: pd.DataFrame, scope: str, kinds: Iterable[str],
                       peer_group: Iterable[str] | None = None, population_group: str = ALL) -> list[str]:
    """Ids of the authorities of the chosen kinds and population group in the area (Negev or all Israel) —
    or, when a peer group is given, in that group instead of the area: peer groups are drawn from all of
    Israel, so cutting them to the Negev would leave one or two. The authorities table's order is kept."""
    shown = authorities[authorities["kind"].isin(set(kinds))]
    if peer_group is not None:
        shown = shown[shown["authority_id"].isin(set(peer_group))]
    elif scope == "negev":
        shown = shown[shown["is_negev"].astype(bool)]
    return filter_by_group(authorities, shown["authority_id"], population_group)


def year_table(values: pd.DataFrame, year: int, shown_ids: Iterable[str], all_ids: Iterable[str],
               direction: str) -> pd.DataFrame:
    """The shown authorities that have a figure in `year`: authority_id, value, source_id, rank (among
    the shown, 1 = best or highest) and percentile (among all given authorities, i.e. Israel's).

    Sorted by rank."""
    in_year = values[values["year"] == year].drop_duplicates("authority_id").set_index("authority_id")
    everyone = in_year.loc[in_year.index.isin(set(all_ids)), "value"]
    percentile = percentile_scores(everyone, direction)
    shown = in_year[in_year.index.isin(set(shown_ids))].dropna(subset=["value"])
    table = pd.DataFrame({
        "authority_id": shown.index,
        "year": year,
        "value": shown["value"].to_numpy(),
        "source_id": shown["source_id"].to_numpy(),
        "rank": rank_among(shown["value"], direction).to_numpy(),
        "percentile": percentile.reindex(shown.index).to_numpy(),
    })
    return table.sort_values(["rank", "authority_id"], kind="stable").reset_index(drop=True)


def missing_in_year(values: pd.DataFrame, year: int, shown_ids: Iterable[str]) -> list[str]:
    """The shown authorities with no figure in `year` (in the given order)."""
    present = set(values.loc[(values["year"] == year) & values["value"].notna(), "authority_id"])
    return [a for a in shown_ids if a not in present]


def reference_medians(values: pd.DataFrame, year: int, negev_ids: Iterable[str],
                      all_ids: Iterable[str]) -> dict[str, float | None]:
    """The Negev median and the Israel median (of all authorities) in one year; None without data."""
    table = group_medians(values[values["year"] == year], {"negev": list(negev_ids), "israel": list(all_ids)})
    if table.empty:
        return {"negev": None, "israel": None}
    return {k: (None if pd.isna(v) else float(v)) for k, v in table.iloc[0].items()}


def value_text(value: float | None, decimals: int, unit: str, unit_label: str) -> str | None:
    """A figure with its unit: "12.3%" or "9,546 ₪ per month"; None where there is no figure."""
    text = format_value(value, decimals, unit)
    if text is None or unit.startswith("percent"):
        return text
    return f"{text} {unit_label}"


def tooltip_texts(in_year: pd.Series, ids: Iterable[str], fmt: Callable[[float], str | None], year: int,
                  no_data: str) -> dict[str, str]:
    """authority_id -> "<value with unit> · <year>" for the map tooltip ("No data · <year>" if none)."""
    texts = {}
    for authority_id in ids:
        value = in_year.get(authority_id)
        shown = fmt(value) if value is not None and not pd.isna(value) else None
        texts[authority_id] = f"{shown or no_data} · {year}"
    return texts


def with_ranks(tidy: pd.DataFrame, ranked: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """The tidy download table plus kind, rank and percentile columns (matched on authority_id)."""
    extra = ranked.set_index("authority_id")
    out = tidy.copy()
    out.insert(2, "kind", out["authority_id"].map(kinds))
    position = out.columns.get_loc("unit") + 1
    out.insert(position, "rank_among_shown", out["authority_id"].map(extra["rank"]).astype("Int64"))
    out.insert(position + 1, "percentile_israel", out["authority_id"].map(extra["percentile"]).round(1))
    return out


def gap_reasons(gaps: pd.DataFrame, year: int, ids: Iterable[str]) -> dict[str, str]:
    """authority_id -> the reason its figure for `year` is missing (only where a reason is recorded)."""
    wanted = set(ids)
    rows = gaps[(gaps["year"] == year) & gaps["authority_id"].isin(wanted)]
    return dict(zip(rows["authority_id"], rows["reason"], strict=True))


def with_missing(ranked: pd.DataFrame, missing_ids: list[str], reasons: dict[str, str]) -> pd.DataFrame:
    """The year table plus one row per shown authority without a figure (value empty, `reason` set,
    "no_data" where none is recorded), so the table says why rather than silently leaving it out."""
    table = ranked.assign(reason=pd.Series(pd.NA, index=ranked.index, dtype="object"))
    if not missing_ids:
        return table
    missing = pd.DataFrame({"authority_id": missing_ids,
                            "reason": [reasons.get(a, "no_data") for a in missing_ids]})
    return pd.concat([table, missing], ignore_index=True)


def bar_range(values: pd.Series, headroom: float = 0.22) -> list[float] | None:
    """An x-axis range for horizontal bars that leaves room for the value written beyond each bar's
    end (plotly's autorange would clip it on narrow screens). Includes 0, as bars start there."""
    valid = values.dropna()
    if valid.empty:
        return None
    low, high = min(0.0, float(valid.min())), max(0.0, float(valid.max()))
    if low == high:  # all zero: let plotly choose
        return None
    span = high - low
    return [low - (span * headroom if low < 0 else 0.0), high + (span * headroom if high > 0 else 0.0)]
