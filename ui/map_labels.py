"""Map labels drawn as small images with the bundled fonts, placed so that they do not overlap.

deck.gl's TextLayer draws glyphs one by one, left to right, from a font atlas that holds only the
characters it was told about, so it draws no Hebrew or Arabic. Each label is instead rendered once on
the server by Pillow, whose Raqm layout engine (bundled in its wheel) does the bidi reordering and
Arabic shaping, cached, and placed with an IconLayer.
"""
from __future__ import annotations

import base64
import io
import math
import re
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS_DIR = Path(__file__).resolve().parent.parent / "static" / "fonts"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
PIXEL_SCALE = 2  # rendered at twice the displayed size so labels stay sharp on dense screens
LABEL_HEIGHT = 13  # displayed font size in CSS pixels
HALO = 3


@lru_cache(maxsize=8)
def _font(script: str, size: int) -> ImageFont.FreeTypeFont:
    files = {"ar": "NotoSansArabic-Bold.ttf", "he": "NotoSansHebrew-Bold.ttf"}
    if script in files:
        return ImageFont.truetype(str(FONTS_DIR / files[script]), size)
    return ImageFont.load_default(size=size)  # Pillow's built-in Latin font


def _script(text: str) -> str:
    return "ar" if _ARABIC.search(text) else ("he" if _HEBREW.search(text) else "latin")


@lru_cache(maxsize=4096)
def label_icon(text: str) -> dict:
    """An IconLayer icon: a PNG data URL of `text` in dark grey with a white halo (size in CSS px)."""
    font = _font(_script(text), LABEL_HEIGHT * PIXEL_SCALE)
    halo = HALO * PIXEL_SCALE
    left, top, right, bottom = font.getbbox(text, stroke_width=halo)
    width, height = right - left + 2, bottom - top + 2
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    ImageDraw.Draw(image).text((1 - left, 1 - top), text, font=font, fill=(25, 25, 25, 255),
                               stroke_width=halo, stroke_fill=(255, 255, 255, 235))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # fast: labels are tiny and rendered at start-up
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return {"url": url, "width": width, "height": height, "anchorY": height // 2, "mask": False}


def display_size(icon: dict) -> tuple[float, float]:
    """(width, height) in CSS pixels when drawn with IconLayer get_size = display height."""
    return icon["width"] / PIXEL_SCALE, icon["height"] / PIXEL_SCALE


def _screen_xy(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web-Mercator pixel position at a zoom level (deck.gl's 512-pixel world)."""
    scale = 512 * 2 ** zoom
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * scale
    return x, y


def non_overlapping(labels: list[dict], zoom: float, padding: float = 2.0) -> list[dict]:
    """Keep labels in the given priority order, dropping any that would overlap one already kept at
    the initial zoom (tooltips and the data table still name every authority)."""
    kept, boxes = [], []
    for label in labels:
        x, y = _screen_xy(*label["position"], zoom)
        width, height = display_size(label["icon"])
        box = (x - width / 2 - padding, y - height / 2 - padding, x + width / 2 + padding, y + height / 2 + padding)
        if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in boxes):
            kept.append(label)
            boxes.append(box)
    return kept


def drawable(text: str) -> str | None:
    """`text` as the label fonts can draw it: the Hebrew and Arabic fonts have no Latin letters, digits or
    brackets, so punctuation they lack is dropped (“מפעל (דוגמה)” → “מפעל דוגמה”); None when a letter
    or digit would be lost (the caller then shows no label and leaves the name to tooltips and tables)."""
    font = _font(_script(text), LABEL_HEIGHT * PIXEL_SCALE)
    missing = font.getmask("\U0010fffd").getbbox()  # what the font draws for a character it lacks
    kept = []
    for char in text:
        if char.isspace() or font.getmask(char).getbbox() != missing:
            kept.append(char)
        elif char.isalnum():
            return None
        else:
            kept.append(" ")
    return re.sub(r"\s+", " ", "".join(kept)).strip() or None
