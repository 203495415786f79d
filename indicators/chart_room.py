"""Room on a bar chart's value axis for the labels printed beyond the bars' ends."""
from __future__ import annotations

import math

LABEL_ROOM = 0.18  # of the axis span: a label such as "10,497" on a phone-sized plot


def value_range_with_room(values, share: float = LABEL_ROOM) -> list[float] | None:
    """The axis range over the values and zero, widened past the longest bar on each side that has bars, so
    its label stays inside the plot area; None without a finite value (the chart's own range then)."""
    finite = [float(v) for v in values if v is not None and math.isfinite(float(v))]
    if not finite:
        return None
    low, high = min(0.0, *finite), max(0.0, *finite)
    if low == high:
        return [0.0, 1.0]
    room = share * (high - low)
    return [low - room if low < 0 else low, high + room if high > 0 else high]
