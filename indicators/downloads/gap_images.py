"""The population-gap view's charts drawn with Pillow as PNGs, for its slide pack and PDF: the gap per year as
bars from a zero line, and the towns of one year as a dumbbell against the reference group's median. No
browser is needed (as for the profile's bars); Raqm orders right-to-left labels and shapes Arabic. Time and
values run left to right in every language, as on the page's charts; town names sit on the reading side."""
from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw

from indicators.downloads.bar_image import _ARABIC, _HEBREW, SCALE, png_bytes, text_font

BAR = "#0072B2"
GROUP_COLOURS = ("#D55E00", "#0072B2")  # Arab, Jews and others: as on the page (charts.HIGHLIGHT, charts.BASE)
GRID, INK, MUTED = "#dddddd", "#222222", "#555555"


@dataclass(frozen=True)
class TownDot:
    label: str
    group: int  # 0 = Arab, 1 = Jews and others (index into GROUP_COLOURS and the legend)
    value: float


def _direction(text: str, rtl: bool) -> str:
    return "rtl" if rtl and (_ARABIC.search(text) or _HEBREW.search(text)) else "ltr"


def _write(draw, xy, text: str, rtl: bool, size: int = 12, anchor: str = "la", fill: str = INK,
           bold: bool = False) -> None:
    """Text at (x, y) in drawing units."""
    font = text_font(text, size, bold)
    draw.text((xy[0] * SCALE, xy[1] * SCALE), text, fill=fill, font=font, anchor=anchor,
              direction=_direction(text, rtl))


def _png(image: Image.Image) -> bytes:
    return png_bytes(image)


def gap_bars_png(years: list[int], gaps: list[float], texts: list[str], axis_label: str, lang: str, rtl: bool,
                 width: int = 760, height: int = 400) -> bytes:
    """One bar per year from the zero line (a negative gap hangs below it), its figure written at its end."""
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 20, width - 20, 40, height - 50
    low, high = min([0.0, *gaps]), max([0.0, *gaps])
    span = (high - low) or 1.0

    def y_of(value: float) -> float:
        return top + (high - value) / span * (bottom - top)

    _write(draw, (width - 10 if rtl else 10, 8), axis_label, rtl, 15, "ra" if rtl else "la", MUTED)
    slot = (right - left) / max(len(years), 1)
    zero = y_of(0.0)
    for i, (year, gap, text) in enumerate(zip(years, gaps, texts, strict=True)):
        x0, x1 = left + i * slot + slot * 0.18, left + (i + 1) * slot - slot * 0.18
        y0, y1 = sorted((zero, y_of(gap)))
        draw.rectangle([x0 * SCALE, y0 * SCALE, x1 * SCALE, max(y1, y0 + 1) * SCALE], fill=BAR)
        label_y, anchor = (y_of(gap) - 4, "md") if gap >= 0 else (y_of(gap) + 4, "ma")
        _write(draw, ((x0 + x1) / 2, label_y), text, rtl, 13, anchor)
        _write(draw, ((x0 + x1) / 2, bottom + 24), str(year), rtl, 14, "ma", MUTED)
    draw.line([left * SCALE, zero * SCALE, right * SCALE, zero * SCALE], fill=INK, width=2 * SCALE)
    return _png(image)


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (steps of 1, 2 or 5 times a power of ten)."""
    import math

    raw = (high - low) / max(count - 1, 1) or 1.0
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    return [first + i * step for i in range(int((high - first) / step) + 2) if first + i * step <= high + step / 2]


def dumbbell_png(*args, **kwargs) -> bytes:
    """dumbbell_image as PNG bytes."""
    return _png(dumbbell_image(*args, **kwargs))


def dumbbell_image(towns: list[TownDot], reference: float, reference_label: str, legend: tuple[str, str],
                   tick_text, lang: str, rtl: bool, low: float | None = None, high: float | None = None,
                   width: int = 900, axis_label: str = "", show_legend: bool = True) -> Image.Image:
    """Each town a dot in its group's colour, joined to the reference median (a dashed line). low/high fix
    the value scale, so that the towns split over several slides are drawn on one scale; tick_text formats
    the axis figures."""
    row, label_w, top = 20, 190, 56
    height = top + row * len(towns) + 58
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    values = [t.value for t in towns] + [reference]
    low = min(values) if low is None else low
    high = max(values) if high is None else high
    ticks = _ticks(low, high)
    low, high = min(low, ticks[0]), max(high, ticks[-1])
    plot_l, plot_r = (20, width - label_w - 10) if rtl else (label_w + 10, width - 20)

    def x_of(value: float) -> float:
        return plot_l + (value - low) / ((high - low) or 1.0) * (plot_r - plot_l)

    bottom = top + row * len(towns)
    for tick in ticks:
        if low <= tick <= high:
            draw.line([x_of(tick) * SCALE, top * SCALE, x_of(tick) * SCALE, bottom * SCALE], fill=GRID, width=SCALE)
            _write(draw, (x_of(tick), bottom + 6), tick_text(tick), rtl, 11, "ma", MUTED)
    if axis_label:
        _write(draw, ((plot_l + plot_r) / 2, bottom + 28), axis_label, rtl, 12, "ma", MUTED)
    # The legend on the reading side, above the plot.
    x = width - 10 if rtl else 10
    for group, label in enumerate(legend if show_legend else ()):
        _dot(draw, x - 6 if rtl else x + 6, 14, GROUP_COLOURS[group], group)
        _write(draw, (x - 16 if rtl else x + 16, 14), label, rtl, 12, "rm" if rtl else "lm")
        shift = _width(draw, label, rtl, 12) + 40
        x = x - shift if rtl else x + shift
    ref_x = x_of(reference)
    for y in range(top, bottom, 8):  # dashed
        draw.line([ref_x * SCALE, y * SCALE, ref_x * SCALE, min(y + 4, bottom) * SCALE], fill=INK, width=SCALE)
    # The median's label centred over its line, but moved in where it would run off the image.
    half = _width(draw, reference_label, rtl, 11) / 2
    label_x = min(max(ref_x, half + 4), width - half - 4)
    _write(draw, (label_x, top - 8), reference_label, rtl, 11, "md")
    for i, town in enumerate(towns):
        y = top + row * i + row / 2
        draw.line([x_of(town.value) * SCALE, y * SCALE, ref_x * SCALE, y * SCALE], fill="#bbbbbb", width=2 * SCALE)
        _dot(draw, x_of(town.value), y, GROUP_COLOURS[town.group], town.group)
        label_x, anchor = (width - 10, "rm") if rtl else (10, "lm")
        _write(draw, (label_x, y), town.label, rtl, 11, anchor)
    return image


def _width(draw, text: str, rtl: bool, size: int) -> float:
    """Width of the text in drawing units."""
    return draw.textlength(text, font=text_font(text, size), direction=_direction(text, rtl)) / SCALE


def _dot(draw, x: float, y: float, colour: str, group: int, r: float = 5) -> None:
    """A diamond for the Arab authorities and a circle for the others, as on the page (not by colour alone)."""
    if group == 0:
        points = [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]
        draw.polygon([(px * SCALE, py * SCALE) for px, py in points], fill=colour)
    else:
        draw.ellipse([(x - r) * SCALE, (y - r) * SCALE, (x + r) * SCALE, (y + r) * SCALE], fill=colour)


def side_by_side(pngs: list[bytes], rtl: bool) -> bytes:
    """Panels in one image, the first on the reading side; panels shorter than the first are top-aligned."""
    if len(pngs) == 1:
        return pngs[0]
    return _png(joined([Image.open(io.BytesIO(p)) for p in pngs], rtl))


def joined(panels: list[Image.Image], rtl: bool) -> Image.Image:
    """side_by_side for images not yet encoded (a large chart is then compressed once, not twice)."""
    if len(panels) == 1:
        return panels[0]
    image = Image.new("RGB", (sum(p.width for p in panels), max(p.height for p in panels)), "white")
    x = 0
    for panel in reversed(panels) if rtl else panels:
        image.paste(panel, (x, 0))
        x += panel.width
    return image
