"""The indicator explorer's trend drawn with Pillow as a PNG (as the gap view's charts, no browser): one line per
chosen town in the page's colours, the medians dashed in black, years left to right in every language, the
legend under the plot from the reading side."""
from __future__ import annotations

from PIL import Image, ImageDraw

from indicators.downloads.bar_image import COLOURS, SCALE
from indicators.downloads.explorer_document import TrendLine
from indicators.downloads.gap_images import GRID, INK, MUTED, _png, _ticks, _width, _write


def _dashed(draw, points: list[tuple[float, float]], colour: str, dash: float) -> None:
    """Dashes of `dash` units along each segment (Pillow draws only solid lines)."""
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        steps = max(1, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / dash))
        for i in range(0, steps, 2):
            a, b = i / steps, min(i + 1, steps) / steps
            draw.line([(x0 + (x1 - x0) * a) * SCALE, (y0 + (y1 - y0) * a) * SCALE,
                       (x0 + (x1 - x0) * b) * SCALE, (y0 + (y1 - y0) * b) * SCALE], fill=colour, width=2 * SCALE)


def trend_png(lines: tuple[TrendLine, ...], axis_label: str, tick_text, rtl: bool, width: int = 900,
              height: int = 420) -> bytes:
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    legend_rows = (len(lines) + 2) // 3
    left, right, top, bottom = 70, width - 20, 40, height - 40 - 20 * legend_rows
    years = sorted({y for line in lines for y in line.years})
    values = [v for line in lines for v in line.values]
    ticks = _ticks(min(values), max(values))
    low, high = min(ticks[0], min(values)), max(ticks[-1], max(values))

    def x_of(year: int) -> float:
        return left + (years.index(year) + 0.5) / len(years) * (right - left)

    def y_of(value: float) -> float:
        return bottom - (value - low) / ((high - low) or 1.0) * (bottom - top)

    _write(draw, (width - 10 if rtl else 10, 8), axis_label, rtl, 14, "ra" if rtl else "la", MUTED)
    for tick in ticks:
        if low <= tick <= high:
            draw.line([left * SCALE, y_of(tick) * SCALE, right * SCALE, y_of(tick) * SCALE], fill=GRID, width=SCALE)
            _write(draw, (left - 6, y_of(tick)), tick_text(tick), rtl, 11, "rm", MUTED)
    for year in years:
        _write(draw, (x_of(year), bottom + 6), str(year), rtl, 11, "ma", MUTED)
    towns = medians = 0
    for i, line in enumerate(lines):
        colour = INK if line.median else COLOURS[towns % len(COLOURS)]
        towns += not line.median
        points = [(x_of(y), y_of(v)) for y, v in zip(line.years, line.values, strict=True)]
        if line.median:  # the first (Negev) dashed, the next (Israel, a preset) dotted, as on the page
            _dashed(draw, points, colour, 6 if medians == 0 else 2)
            medians += 1
        elif len(points) > 1:
            draw.line([(x * SCALE, y * SCALE) for x, y in points], fill=colour, width=3 * SCALE)
        for x, y in points:
            draw.ellipse([(x - 3) * SCALE, (y - 3) * SCALE, (x + 3) * SCALE, (y + 3) * SCALE], fill=colour)
        # Legend: three entries a row, the first on the reading side.
        slot = (width - 20) / 3
        column, row = i % 3, i // 3
        x = width - 10 - column * slot if rtl else 10 + column * slot
        y = bottom + 32 + row * 20
        swatch = [(x - 24, y), (x - 4, y)] if rtl else [(x + 4, y), (x + 24, y)]
        if line.median:
            _dashed(draw, swatch, colour, 6 if medians == 1 else 2)
        else:
            draw.line([(px * SCALE, py * SCALE) for px, py in swatch], fill=colour, width=3 * SCALE)
        label = line.label
        while len(label) > 4 and _width(draw, label, rtl, 11) > slot - 40:  # a long name is cut, not overlapped
            label = label[:-2] + "…"
        _write(draw, (x - 30 if rtl else x + 30, y), label, rtl, 11, "rm" if rtl else "lm")
    return _png(image)
