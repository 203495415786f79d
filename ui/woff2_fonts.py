"""WOFF2 copies of the bundled TTF fonts for the browser (Brotli-compressed, same glyphs and layout tables:
551 KB -> 182 KB for the four files). The TTFs stay: Pillow (map labels) and the exports read them."""
from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

FONTS_DIR = Path(__file__).resolve().parent.parent / "static" / "fonts"


def woff2_path(ttf: Path) -> Path:
    return ttf.with_suffix(".woff2")


def write_woff2(ttf: Path) -> Path:
    font = TTFont(str(ttf), recalcTimestamp=False)  # the same bytes on every run
    font.flavor = "woff2"  # needs the brotli module (a dependency of fontTools' woff2 support)
    font.save(str(woff2_path(ttf)))
    return woff2_path(ttf)


if __name__ == "__main__":
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        print(write_woff2(path))
