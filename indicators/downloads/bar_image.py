"""Grouped horizontal bars drawn with Pillow as a PNG, for slides: one group per key figure, one bar per
place (a town and its medians, or the towns compared), each figure on its own scale. Pillow's Raqm
engine orders right-to-left text and shapes Arabic; no browser is needed, so a slide pack is quick."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from indicators.settings import ROOT

FONTS_DIR = ROOT / "static" / "fonts"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
COLOURS = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]  # Okabe–Ito
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
SCALE = 2  # drawn at twice the size it is shown, so it stays sharp when projected


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    text: str  # the value as printed, or the words for "no data"


@dataclass(frozen=True)
class BarGroup:
    title: str
    bars: tuple[Bar, ...]


@lru_cache(maxsize=32)  # every size, weight and family the charts use
def _font(lang: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Noto Sans Arabic for Arabic (it has digits too); DejaVu Sans for Hebrew and English, since the
    bundled Noto Sans Hebrew has no digits or Latin letters and Pillow does not fall back between fonts."""
    if lang == "ar":
        path = FONTS_DIR / ("NotoSansArabic-Bold.ttf" if bold else "NotoSansArabic-Regular.ttf")
    else:
        path = DEJAVU.with_name("DejaVuSans-Bold.ttf") if bold else DEJAVU
    return ImageFont.truetype(str(path), size * SCALE, layout_engine=ImageFont.Layout.RAQM)


@lru_cache(maxsize=1)
def _noto_arabic_characters() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # WeasyPrint's dependency: read once, for the font's character map

    return frozenset(TTFont(str(FONTS_DIR / "NotoSansArabic-Regular.ttf")).getBestCmap())


def text_font(text: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Noto Sans Arabic for Arabic words; DejaVu Sans (which has Arabic letters too) for figures, Hebrew, Latin
    and any Arabic text with a character the Noto font lacks (brackets, %, ₪, dashes, ×...): Pillow does not
    fall back between fonts, so such a character would show as an empty box."""
    arabic = _ARABIC.search(text) and all(ord(c) in _noto_arabic_characters() for c in text)
    return _font("ar" if arabic else "en", size, bold)


def png_bytes(image: Image.Image) -> bytes:
    """Fastest zlib level: these images are mostly flat colour, so a higher level barely shrinks them but
    takes most of a large PDF's time (WeasyPrint then compresses its copy again)."""
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def jpeg_bytes(image: Image.Image) -> bytes:
    """For a PDF: WeasyPrint embeds a JPEG as it is, where it would decode a PNG and compress it again (most of
    a long ranking's time). High quality, no colour subsampling: text edges stay clean at print size."""
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=92, subsampling=0)
    return out.getvalue()


def bar_groups_png(groups: list[BarGroup], lang: str, rtl: bool, width: int = 760, largest: float | None = None,
                   colours: list[str] | None = None) -> bytes:
    return png_bytes(bar_groups_image(groups, lang, rtl, width, largest, colours))


def bar_groups_image(groups: list[BarGroup], lang: str, rtl: bool, width: int = 760, largest: float | None = None,
                     colours: list[str] | None = None) -> Image.Image:
    """The groups one under another; labels on the reading side, bars growing away from them. largest: one
    scale for every group (else each group's own); colours: one per bar of a group (else Okabe–Ito in turn).
    Each text takes the font that has its glyphs (text_font): `lang` no longer picks it."""
    row, gap, title_h = 26, 18, 30
    height = sum(title_h * bool(g.title) + row * len(g.bars) + gap for g in groups) + 10
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    direction = "rtl" if rtl else "ltr"
    label_w, value_w = 200, 90
    bar_w = width - label_w - value_w - 30
    y = 6
    for group in groups:
        if group.title:  # an untitled group (one chart split in panels) takes no room for it
            _text(draw, group.title, y, width, rtl, text_font(group.title, 15, bold=True), direction)
            y += title_h
        scale = largest or max((abs(b.value) for b in group.bars if b.value is not None), default=0) or 1
        for i, bar in enumerate(group.bars):
            length = 0 if bar.value is None else abs(bar.value) / scale * bar_w
            if rtl:  # label at the right edge, the bar grows leftwards from beside it
                _text(draw, bar.label, y + 3, width, True, text_font(bar.label, 12), direction, right=width - 6)
                x1 = width - label_w - 10
                x0 = x1 - length
                value_x = x0 - 8
                anchor = "ra"
            else:
                _text(draw, bar.label, y + 3, width, False, text_font(bar.label, 12), direction, left=6)
                x0 = label_w + 10
                x1 = x0 + length
                value_x = x1 + 8
                anchor = "la"
            if length:
                draw.rectangle([x0 * SCALE, (y + 4) * SCALE, x1 * SCALE, (y + row - 4) * SCALE],
                               fill=(colours or COLOURS)[i % len(colours or COLOURS)])
            draw.text((value_x * SCALE, (y + 5) * SCALE), bar.text, fill="#222222", font=text_font(bar.text, 12),
                      anchor=anchor,
                      direction=direction if _ARABIC.search(bar.text) or _HEBREW.search(bar.text) else "ltr")
            y += row
        y += gap
    return image


def _text(draw, text: str, y: float, width: int, rtl: bool, font, direction: str,
          left: float | None = None, right: float | None = None) -> None:
    if rtl:
        draw.text(((right if right is not None else width - 6) * SCALE, y * SCALE), text, fill="#222222",
                  font=font, anchor="ra", direction=direction)
    else:
        draw.text(((left if left is not None else 6) * SCALE, y * SCALE), text, fill="#222222", font=font,
                  anchor="la", direction=direction)
