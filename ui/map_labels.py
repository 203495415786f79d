"""Map labels drawn as small images with the bundled fonts, placed so that they do not overlap.

deck.gl's TextLayer draws glyphs one by one, left to right, from a font atlas that holds only the
characters it was told about, so it draws no Hebrew or Arabic. Each label is instead rendered once on
the server by Pillow, whose Raqm layout engine (bundled in its wheel) does the bidi reordering and
Arabic shaping, cached, and placed with an IconLayer.

Maps of published authority names pack their labels into one atlas image (`atlas`), written once under
static/map_labels/ and served by Streamlit's static serving: the deck's JSON carries only the atlas's
address and each label's rectangle, the browser fetches and decodes one image and keeps it across
indicator and year changes (the labels do not change with them). User-entered names (the partnership
tool) stay per-label data URLs (`label_icon`): they are one visitor's and must not be served to others.
"""
from __future__ import annotations

import base64
import hashlib
import io
import math
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
FONTS_DIR = STATIC_DIR / "fonts"
ATLAS_DIR = STATIC_DIR / "map_labels"  # generated at first use, not in git (.gitignore)
ATLAS_URL = "app/static/map_labels"  # where Streamlit serves ATLAS_DIR, relative to the page (as the fonts)
ATLAS_WIDTH = 1024  # pixels; authority labels are ≤ ~400 px wide at PIXEL_SCALE
ATLAS_GAP = 2  # transparent pixels between packed labels, so filtering never bleeds a neighbour in
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
def _layout(text: str) -> tuple[int, int, int, int]:
    """(width, height, left, top) of the label image of `text`, without drawing it."""
    font = _font(_script(text), LABEL_HEIGHT * PIXEL_SCALE)
    left, top, right, bottom = font.getbbox(text, stroke_width=HALO * PIXEL_SCALE)
    return right - left + 2, bottom - top + 2, left, top


def label_size(text: str) -> dict:
    """The label's pixel size as an icon-like dict ({"width", "height"}), for `non_overlapping`."""
    width, height, _, _ = _layout(text)
    return {"width": width, "height": height}


def _render(text: str) -> Image.Image:
    """`text` in dark grey with a white halo on a transparent image of `_layout(text)`'s size."""
    width, height, left, top = _layout(text)
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    ImageDraw.Draw(image).text((1 - left, 1 - top), text, font=_font(_script(text), LABEL_HEIGHT * PIXEL_SCALE),
                               fill=(25, 25, 25, 255), stroke_width=HALO * PIXEL_SCALE,
                               stroke_fill=(255, 255, 255, 235))
    return image


@lru_cache(maxsize=4096)
def label_icon(text: str) -> dict:
    """An IconLayer icon: a PNG data URL of `text` in dark grey with a white halo (size in CSS px)."""
    image = _render(text)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # fast: labels are tiny and rendered at start-up
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return {"url": url, "width": image.width, "height": image.height, "anchorY": image.height // 2, "mask": False}


def pack(sizes: dict[str, tuple[int, int]], width: int = ATLAS_WIDTH, gap: int = ATLAS_GAP
         ) -> tuple[dict[str, dict], int]:
    """Shelf packing: each key's rectangle {x, y, width, height} in an atlas `width` wide, tallest first
    (then by key, so the same sizes always give the same atlas), and the atlas's height."""
    mapping, x, y, shelf = {}, 0, 0, 0
    for key, (w, h) in sorted(sizes.items(), key=lambda item: (-item[1][1], item[0])):
        if w > width:
            raise ValueError(f"label {key!r} is {w} px wide, wider than the atlas ({width} px)")
        if x + w > width:  # next shelf
            x, y, shelf = 0, y + shelf + gap, 0
        mapping[key] = {"x": x, "y": y, "width": w, "height": h}
        x, shelf = x + w + gap, max(shelf, h)
    return mapping, y + shelf


def _atlas_png(texts: tuple[str, ...]) -> tuple[bytes, dict[str, dict]]:
    """The labels of `texts` packed into one PNG, and IconLayer's iconMapping (text -> rectangle)."""
    sizes = {text: _layout(text)[:2] for text in texts}
    width = max([ATLAS_WIDTH, *(w for w, _ in sizes.values())])  # a very long name widens the atlas
    rectangles, height = pack(sizes, width=width)
    image = Image.new("RGBA", (width, max(height, 1)), (255, 255, 255, 0))
    for text, box in rectangles.items():
        image.paste(_render(text), (box["x"], box["y"]))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    mapping = {text: {**box, "anchorY": box["height"] // 2, "mask": False} for text, box in rectangles.items()}
    return buffer.getvalue(), mapping


ATLAS_FILES_MAX = 256  # ~15 KB each: label sets that depend on a visitor's choice (the peer map) cannot fill the disk


def _write_once(directory: Path, name: str, data: bytes, max_files: int = ATLAS_FILES_MAX) -> bool:
    """`data` in directory/name unless it is there already (written whole, then renamed: a server process
    and a concurrent one never serve half a file). False when the directory is not writable, or already
    holds max_files files (the caller then sends the image inline)."""
    target = directory / name
    if target.exists():
        return True
    try:
        if directory.is_dir() and sum(1 for _ in directory.glob("*.png")) >= max_files:
            return False
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
        return True
    except OSError:
        return False


@lru_cache(maxsize=256)
def atlas(texts: tuple[str, ...], directory: Path = ATLAS_DIR) -> tuple[str, dict[str, dict]]:
    """(iconAtlas address, iconMapping) for these labels of published names. The file is named by its
    content's hash, so a new set of labels (or a new Pillow) gives a new address, never a stale image;
    where static/ cannot be written (a read-only image) the atlas travels as one data URL instead."""
    png, mapping = _atlas_png(tuple(sorted(set(texts))))
    name = hashlib.sha256(png).hexdigest()[:20] + ".png"
    if _write_once(directory, name, png):
        return f"{ATLAS_URL}/{name}", mapping
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii"), mapping


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
