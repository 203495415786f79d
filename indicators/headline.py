"""The plain sentence under each headline figure of the town profile: where the town stands against the
Negev median and whether that gap widened or narrowed since its first year with figures ("below the
Negev median, the worse side, and the gap has widened since 2015"). Pure: the words come from message
keys through a translate function, so every language composes the same parts."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from indicators.read_model import better_than, group_medians


@dataclass(frozen=True)
class MedianStanding:
    """A town's figure against the Negev median in its latest year, and the gap in its first year."""

    direction: str
    year: int | None = None
    value: float | None = None
    median: float | None = None
    since: int | None = None  # the town's first year with both its figure and a Negev median …
    since_gap: float | None = None  # … and its figure minus the median that year
    decimals: int = 1  # a gap that rounds to the same figure at these decimals has not moved
    trend_gap: float | None = None  # the latest gap in since_gap's prices, when those differ (shekels)

    @property
    def gap(self) -> float | None:
        if self.value is None or self.median is None:
            return None
        return self.value - self.median

    @property
    def side(self) -> str | None:
        """"above", "below" or "equal" (at the indicator's decimals); None without figures."""
        gap = self.gap
        if gap is None:
            return None
        if round(gap, self.decimals) == 0:
            return "equal"
        return "above" if gap > 0 else "below"

    @property
    def verdict(self) -> str | None:
        """"better" or "worse" than the median; None for a neutral indicator (a larger population is not
        better), a tie or no figures."""
        if self.side in (None, "equal"):
            return None
        better = better_than(self.direction, self.value, self.median)
        return None if better is None else ("better" if better else "worse")

    @property
    def trend(self) -> str | None:
        """Since `since`: "widened", "narrowed" or "steady" on the same side, "was_above"/"was_below" when
        the town was on the other side then; None with one year only or when level with the median now."""
        if self.since_gap is None or self.side in (None, "equal"):
            return None
        then = round(self.since_gap, self.decimals)
        if then != 0 and (then > 0) != (self.gap > 0):
            return "was_above" if then > 0 else "was_below"
        now = self.gap if self.trend_gap is None else self.trend_gap
        change = round(abs(now), self.decimals) - round(abs(self.since_gap), self.decimals)
        if round(change, self.decimals) == 0:
            return "steady"
        return "widened" if change > 0 else "narrowed"


def median_standing(values: pd.DataFrame, authority_id: str, negev_ids: Sequence[str], direction: str,
                    decimals: int) -> MedianStanding:
    """values: one indicator's figures (authority_id, year, value) for every authority. The latest year is
    the town's latest figure (as on its card); the earlier one, the town's first year with a Negev median."""
    valid = values.dropna(subset=["value"])
    own = valid[valid["authority_id"] == authority_id].set_index("year")["value"].sort_index()
    if own.empty:
        return MedianStanding(direction, decimals=decimals)
    medians = group_medians(valid, {"negev": negev_ids}).get("negev", pd.Series(dtype=float)).dropna()
    year = int(own.index[-1])
    median = float(medians[year]) if year in medians.index else None
    earlier = [y for y in own.index[:-1] if y in medians.index]
    since = int(earlier[0]) if earlier else None
    return MedianStanding(direction, year, float(own.iloc[-1]), median, since,
                          float(own[since] - medians[since]) if since is not None else None, decimals)


def real_median_standing(values: pd.DataFrame, constant: pd.DataFrame, authority_id: str, negev_ids: Sequence[str],
                         direction: str, decimals: int) -> MedianStanding:
    """As median_standing, with the figures as published (the card's figure and median), but whether the gap
    widened is judged in constant prices (`constant`: the same figures deflated): a shekel gap grows with
    inflation alone, which is not the town falling behind."""
    published = median_standing(values, authority_id, negev_ids, direction, decimals)
    real = median_standing(constant, authority_id, negev_ids, direction, decimals)
    if real.since is None or real.gap is None:
        return replace(published, since=None, since_gap=None)
    return replace(published, since=real.since, since_gap=real.since_gap, trend_gap=real.gap)


def sentence(standing: MedianStanding, t: Callable[..., str], median_text: str) -> str:
    """One sentence in the visitor's language. t(key, **values): the page's translate function for its
    message keys (sentence_*); median_text: the Negev median, formatted for reading."""
    if standing.value is None:
        return t("sentence_no_figure")
    if standing.side is None:
        return t("sentence_no_median", year=standing.year)
    verdict = t(f"sentence_{standing.verdict}") if standing.verdict else ""
    trend = t(f"sentence_{standing.trend}", year=standing.since) if standing.trend else ""
    return t("sentence", position=t(f"sentence_{standing.side}", median=median_text), verdict=verdict, trend=trend)
