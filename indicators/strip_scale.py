"""The value scale of a justice-lens strip: one far outlier (a town with 721 m² of business floor per resident
beside a median of 6) would squeeze every other town into one spot, so the scale covers the towns within
Tukey's far-out fences and a town beyond them is drawn just past the edge, marked, with its true value."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

# Tukey's "far out" fences (3 × the interquartile range): 1.5 would also cut towns that squeeze nothing
# (a wage ratio of 49 % beside a quartile of 63 %).
FENCE = 3.0
EDGE_ROOM = 0.06  # of the scale: how far past the edge a town beyond it is drawn


@dataclass(frozen=True)
class StripScale:
    """The part of the axis the strip shows; `low`/`high` are the extreme values drawn where they are."""

    low: float
    high: float
    clipped_low: bool  # some value lies below `low` (drawn at `low_edge`)
    clipped_high: bool

    @property
    def room(self) -> float:
        return EDGE_ROOM * ((self.high - self.low) or 1.0)

    @property
    def low_edge(self) -> float:
        return self.low - self.room

    @property
    def high_edge(self) -> float:
        return self.high + self.room

    @property
    def clipped(self) -> bool:
        return self.clipped_low or self.clipped_high


def strip_scale(values: pd.Series, fence: float = FENCE) -> StripScale | None:
    """The robust scale of one strip's values; None without a finite value. Nothing is cut when the
    quartiles coincide (many equal values): the fences would then cut every other town."""
    finite = pd.Series(values, dtype=float).replace([math.inf, -math.inf], math.nan).dropna()
    if finite.empty:
        return None
    q1, q3 = finite.quantile(0.25), finite.quantile(0.75)
    spread = q3 - q1
    if spread == 0:
        return StripScale(float(finite.min()), float(finite.max()), False, False)
    inside = finite[(finite >= q1 - fence * spread) & (finite <= q3 + fence * spread)]
    low, high = float(inside.min()), float(inside.max())
    return StripScale(low, high, bool((finite < low).any()), bool((finite > high).any()))


def positions(values: pd.Series, scale: StripScale) -> tuple[pd.Series, pd.Series]:
    """(x position, side) of each value: itself within the scale; just past the edge beyond it, with side
    -1 (below) or 1 (above) so the chart can mark it, 0 otherwise."""
    values = pd.Series(values, dtype=float)
    side = pd.Series(0, index=values.index).mask(values < scale.low, -1).mask(values > scale.high, 1)
    x = values.mask(side == -1, scale.low_edge).mask(side == 1, scale.high_edge)
    return x, side
