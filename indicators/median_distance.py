"""A town's distance to reference medians on its headline figures: to the median of the Negev's authorities
of Jews and others, and to Israel's median (all local authorities), in the year of the town's own figure.
The gap page measures the groups against each other; this puts one town on the same scale."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from indicators.read_model import better_than, group_medians

REFERENCES = ("negev_jewish_others", "israel")


@dataclass(frozen=True)
class Distance:
    """The town's figure against one reference median in the same year."""

    reference: str
    year: int | None
    median: float | None = None

    value: float | None = None
    direction: str = "neutral"

    @property
    def difference(self) -> float | None:
        """Town minus median; None when either is missing."""
        if self.value is None or self.median is None:
            return None
        return self.value - self.median

    @property
    def side(self) -> str | None:
        """"above", "below" or "equal" the median; None without data."""
        difference = self.difference
        if difference is None:
            return None
        return "equal" if difference == 0 else ("above" if difference > 0 else "below")

    @property
    def verdict(self) -> str | None:
        """"better" or "worse" than the median; None with no direction, no data or a tie."""
        if self.difference is None:
            return None
        better = better_than(self.direction, self.value, self.median)
        return None if better is None else ("better" if better else "worse")


def reference_ids(authorities: pd.DataFrame) -> dict[str, list[str]]:
    """reference -> the authorities whose median it is."""
    negev = authorities[authorities["is_negev"].astype(bool)]
    return {"negev_jewish_others": negev.loc[negev["population_group"] == "jewish_others", "authority_id"].tolist(),
            "israel": authorities["authority_id"].tolist()}


def distances(values: pd.DataFrame, authority_id: str, year: int | None, references: Mapping[str, Sequence[str]],
              direction: str) -> list[Distance]:
    """One Distance per reference for one indicator. values: that indicator's figures (authority_id, year,
    value). Without a town figure in `year` (year None) each Distance carries no value, so the page says
    "no data"; a reference with no figure that year has no median."""
    if year is None:
        return [Distance(name, None, direction=direction) for name in references]
    in_year = values[values["year"] == year].dropna(subset=["value"])
    own = in_year.loc[in_year["authority_id"] == authority_id, "value"]
    value = float(own.iloc[0]) if len(own) else None
    medians = group_medians(in_year, references)
    out = []
    for name in references:
        median = medians[name].get(year) if name in medians else None
        median = None if median is None or pd.isna(median) else float(median)
        out.append(Distance(name, int(year), median, value, direction))
    return out


def headline_distances(observations: pd.DataFrame, indicator_ids: Sequence[str], authority_id: str,
                       years: Mapping[str, int | None], references: Mapping[str, Sequence[str]],
                       direction_of: Mapping[str, str]) -> dict[str, list[Distance]]:
    """indicator_id -> its distances, for the given (headline) indicators. years: the year of the town's
    figure per indicator (the card's year; None where the town has none)."""
    wanted = observations[observations["indicator_id"].isin(set(indicator_ids))]
    by_indicator = dict(tuple(wanted.groupby("indicator_id")))
    empty = pd.DataFrame(columns=["authority_id", "year", "value"])
    return {i: distances(by_indicator.get(i, empty), authority_id, years.get(i), references, direction_of[i])
            for i in indicator_ids}
