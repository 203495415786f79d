"""Pure computations for the town profile: one headline card per indicator (latest figure, change,
rank, benchmark medians, why a figure is missing) and the justice-lens standing of a town among the
Negev's authorities. "Israel" medians are medians of all local authorities, not national totals."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.formatting import format_value
from indicators.prices import CONSTANT, CURRENT, in_constant_prices, is_shekels
from indicators.read_model import NEUTRAL, best_first_sign, better_than, directions, judge_change, ordered_indicators

# The justice lens: who gets the income (distribution) and whether the town has an economic base of
# its own (local economic base). Indicators absent from the data are skipped, not invented.
JUSTICE_GROUPS: dict[str, tuple[str, ...]] = {
    "distribution": ("wage_gini", "pct_earning_min_wage_or_less", "women_to_men_wage_ratio_pct"),
    "economic_base": ("own_income_share_pct", "nonresidential_arnona_share_pct",
                      "business_floor_area_per_capita", "industry_commerce_land_share_pct"),
}


@dataclass(frozen=True)
class Card:
    """What a headline card shows for one indicator of one authority."""

    indicator_id: str
    direction: str  # read_model.DIRECTIONS
    value: float | None = None
    year: int | None = None
    previous_value: float | None = None
    previous_year: int | None = None
    rank: int | None = None  # 1 = best (or the highest value when there is no better direction)
    rank_count: int = 0  # authorities of the rank group with a figure in `year`, this one included
    negev_median: float | None = None
    peer_median: float | None = None
    peer_count: int = 0
    israel_median: float | None = None
    israel_count: int = 0
    gap_year: int | None = None  # the latest year after `year` with a missing figure …
    gap_reason: str | None = None  # … and the reason CBS gives for it
    trend: tuple[tuple[int, float], ...] = ()

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous_value is None:
            return None
        return self.value - self.previous_value

    @property
    def assessment(self) -> str | None:
        """"better", "worse" or "same" for the change; None when the indicator has no better direction."""
        return judge_change(self.direction, self.change)


def describe_change(card: Card, decimals: int, change: float | None = None) -> tuple[str, str | None] | None:
    """("up"|"down"|"same", "better"|"worse"|None) as the card will print it: a change that rounds
    to zero at the indicator's decimals reads as "same", with no verdict. None: nothing to compare.
    change: the change to describe when it is not the card's own (shekels in constant prices)."""
    change = card.change if change is None else change
    if change is None:
        return None
    if round(abs(change), decimals) == 0:
        return "same", None
    return ("up" if change > 0 else "down"), judge_change(card.direction, change)


def change_in_prices(card: Card, unit: str, basis: str, price_index: pd.DataFrame) -> tuple[float | None, str]:
    """(change, price basis it is in) of a card's "since <year>" line. Shekels in current prices mix two
    years' price levels (a wage that rose less than prices reads as a rise), so in constant prices both
    figures are first turned into base-year shekels; any other unit, or a year the index lacks, keeps the
    published change, said to be in current prices."""
    if card.change is None or not is_shekels(unit) or basis != CONSTANT:
        return card.change, CURRENT
    pair = pd.DataFrame({"year": [card.previous_year, card.year], "value": [card.previous_value, card.value]})
    real = in_constant_prices(pair, price_index)["value"]
    if real.isna().any():
        return card.change, CURRENT
    return float(real.iloc[1] - real.iloc[0]), CONSTANT


def latest_gap(gaps: pd.DataFrame | None, indicator_id: str, after_year: int | None) -> tuple[int, str] | None:
    """(year, reason) of the latest missing figure of one indicator, after `after_year` if given.

    gaps: one authority's gap rows (indicator_id, year, reason)."""
    if gaps is None or gaps.empty:
        return None
    rows = gaps[gaps["indicator_id"] == indicator_id]
    if after_year is not None:
        rows = rows[rows["year"] > after_year]
    if rows.empty:
        return None
    last = rows.sort_values("year").iloc[-1]
    return int(last["year"]), str(last["reason"])


def rank_group(authorities: pd.DataFrame, authority_id: str) -> list[str]:
    """Whom a town is ranked among: the Negev's authorities, or its own district's outside the Negev."""
    row = authorities.set_index("authority_id").loc[authority_id]
    if bool(row["is_negev"]):
        return authorities.loc[authorities["is_negev"].astype(bool), "authority_id"].tolist()
    return authorities.loc[authorities["district_en"] == row["district_en"], "authority_id"].tolist()


def town_cards(observations: pd.DataFrame, latest: pd.DataFrame, indicators: pd.DataFrame, authority_id: str,
               negev_ids, peer_ids, all_ids, rank_ids=None, gaps: pd.DataFrame | None = None) -> dict[str, Card]:
    """Every indicator's card for one authority, in display order, in one vectorised pass.

    observations: authority_id, indicator_id, year, value (every authority); latest: views.latest_values()
    (the one definition of latest and previous figure); indicators: the published table. The rank is taken
    among `rank_ids` (default: the Negev) plus the authority itself, in the authority's latest year of each
    indicator; the medians are of the Negev, the peers and all authorities in that same year."""
    direction_of = directions(indicators)
    own_latest = latest[latest["authority_id"] == authority_id].set_index("indicator_id")
    obs = observations.loc[observations["value"].notna(), ["authority_id", "indicator_id", "year", "value"]]
    own = obs[obs["authority_id"] == authority_id].sort_values(["indicator_id", "year"])
    # Every authority's figure in the town's latest year of each indicator.
    in_year = obs.merge(own_latest[["year"]].reset_index(), on=["indicator_id", "year"])
    group = set(negev_ids if rank_ids is None else rank_ids) | {authority_id}
    ranked = in_year[in_year["authority_id"].isin(group)].copy()
    signs = ranked["indicator_id"].map(lambda i: best_first_sign(direction_of.get(i, NEUTRAL))).astype(float)
    turned = ranked["value"] * signs
    ranked["rank"] = (-turned).groupby(ranked["indicator_id"]).rank(method="min")  # 1 = best or highest
    rank_count = ranked.groupby("indicator_id").size()
    town_rank = ranked[ranked["authority_id"] == authority_id].set_index("indicator_id")["rank"]
    medians = {name: in_year[in_year["authority_id"].isin(set(ids))].groupby("indicator_id")["value"].agg(
        ["median", "size"]) for name, ids in (("negev", negev_ids), ("peers", peer_ids), ("israel", all_ids))}
    trends = {i: tuple((int(y), float(v)) for y, v in zip(rows["year"], rows["value"], strict=True))
              for i, rows in own.groupby("indicator_id", sort=False)}

    def stat(name: str, indicator_id: str, column: str):
        table = medians[name]
        return table.at[indicator_id, column] if indicator_id in table.index else None

    cards = {}
    for indicator_id in ordered_indicators(indicators)["indicator_id"]:
        direction = direction_of[indicator_id]
        if indicator_id not in own_latest.index:
            gap = latest_gap(gaps, indicator_id, None)
            cards[indicator_id] = Card(indicator_id, direction, gap_year=gap[0] if gap else None,
                                       gap_reason=gap[1] if gap else None)
            continue
        row = own_latest.loc[indicator_id]
        year = int(row["year"])
        gap = latest_gap(gaps, indicator_id, year)
        cards[indicator_id] = Card(
            indicator_id, direction, float(row["value"]), year, _float(row["previous_value"]),
            None if pd.isna(row["previous_year"]) else int(row["previous_year"]),
            rank=int(town_rank[indicator_id]), rank_count=int(rank_count[indicator_id]),
            negev_median=_float(stat("negev", indicator_id, "median")),
            peer_median=_float(stat("peers", indicator_id, "median")),
            peer_count=int(stat("peers", indicator_id, "size") or 0),
            israel_median=_float(stat("israel", indicator_id, "median")),
            israel_count=int(stat("israel", indicator_id, "size") or 0),
            gap_year=gap[0] if gap else None, gap_reason=gap[1] if gap else None, trend=trends[indicator_id],
        )
    return cards


def year_grid(tidy: pd.DataFrame, indicators: pd.DataFrame, headers: tuple[str, str]) -> pd.DataFrame:
    """A town's figures as indicator × year text (each at its indicator's decimals), in display order,
    for reading on screen; tidy: exports.authorities_table rows. headers: (indicator, unit) column titles."""
    if tidy.empty:
        return tidy
    meta = indicators.set_index("indicator_id")
    text = [format_value(v, int(meta.at[i, "decimals"]), meta.at[i, "unit"])
            for v, i in zip(tidy["value"], tidy["indicator_id"], strict=True)]
    wide = tidy.assign(text=text).pivot_table(index=["indicator_id", "indicator", "unit"], columns="year",
                                              values="text", aggfunc="first")
    wide.columns = [str(c) for c in wide.columns]
    order = meta["display_order"]
    wide = wide.reset_index().sort_values("indicator_id", key=lambda ids: ids.map(order)).drop(columns="indicator_id")
    return wide.rename(columns={"indicator": headers[0], "unit": headers[1]}).reset_index(drop=True)


def _median(values: pd.Series) -> float | None:
    valid = values.dropna()
    return float(valid.median()) if len(valid) else None


def _float(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


@dataclass(frozen=True)
class Standing:
    """Where one authority stands on one indicator among a comparison group, in its latest year."""

    indicator_id: str
    direction: str
    value: float
    year: int
    higher_than: int  # other authorities of the group with a lower figure that year
    lower_than: int  # … with a higher figure
    others: int  # other authorities of the group with a figure that year
    group_median: float | None  # median of the others

    @property
    def side(self) -> str:
        """"higher", "lower" or "same": the comparison a sentence should make (the larger count wins)."""
        if self.higher_than == 0 and self.lower_than == 0:
            return "same"
        return "higher" if self.higher_than >= self.lower_than else "lower"

    @property
    def count(self) -> int:
        return {"higher": self.higher_than, "lower": self.lower_than, "same": self.others}[self.side]

    @property
    def better_than_median(self) -> bool | None:
        """Whether the figure is on the better side of the others' median (None: no direction/tie/no data)."""
        return better_than(self.direction, self.value, self.group_median)


def standing(values: pd.DataFrame, authority_id: str, compare_ids, direction: str,
             indicator_id: str = "") -> Standing | None:
    """The authority's latest figure against the others of `compare_ids` in the same year."""
    own = values[(values["authority_id"] == authority_id)].dropna(subset=["value"])
    if own.empty:
        return None
    last = own.sort_values("year").iloc[-1]
    year, value = int(last["year"]), float(last["value"])
    others = values[(values["year"] == year) & values["authority_id"].isin(set(compare_ids))
                    & (values["authority_id"] != authority_id)]["value"].dropna()
    return Standing(indicator_id, direction, value, year, higher_than=int((others < value).sum()),
                    lower_than=int((others > value).sum()), others=len(others), group_median=_median(others))


def justice_standings(observations: pd.DataFrame, indicators: pd.DataFrame, authority_id: str,
                      compare_ids) -> dict[str, list[Standing]]:
    """Per justice group, the standings of the indicators that exist and have a figure for the town."""
    direction_of = directions(indicators)
    result: dict[str, list[Standing]] = {}
    for group, indicator_ids in JUSTICE_GROUPS.items():
        found = []
        for indicator_id in indicator_ids:
            if indicator_id not in direction_of:
                continue
            rows = observations[observations["indicator_id"] == indicator_id]
            item = standing(rows, authority_id, compare_ids, direction_of[indicator_id], indicator_id)
            if item is not None and item.others:
                found.append(item)
        result[group] = found
    return result


def justice_summary(standings: list[Standing]) -> tuple[int, int]:
    """(indicators on the better side of the group median, indicators where that can be said)."""
    judged = [s.better_than_median for s in standings if s.better_than_median is not None]
    return sum(judged), len(judged)
