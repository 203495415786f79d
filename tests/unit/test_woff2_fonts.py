"""The browser's WOFF2 fonts (config.toml) are the bundled TTFs, glyph for glyph."""
import tomllib
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from ui.woff2_fonts import FONTS_DIR, woff2_path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"
TTFS = sorted(FONTS_DIR.glob("*.ttf"))


@pytest.mark.parametrize("ttf", TTFS, ids=[p.stem for p in TTFS])
def test_woff2_has_the_ttfs_characters_and_glyphs(ttf):
    original, compressed = TTFont(str(ttf)), TTFont(str(woff2_path(ttf)))
    assert compressed.flavor == "woff2"
    assert compressed.getBestCmap() == original.getBestCmap()
    assert compressed.getGlyphOrder() == original.getGlyphOrder()
    # GSUB/GPOS (shaping) included; WOFF2 drops only the digital signature, which compression invalidates.
    assert set(compressed.keys()) == set(original.keys()) - {"DSIG"}
    assert woff2_path(ttf).stat().st_size < ttf.stat().st_size / 2


def test_config_serves_each_font_face_as_woff2_from_static():
    faces = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["theme"]["fontFaces"]
    assert faces and all(face["url"].startswith("app/static/fonts/") and face["url"].endswith(".woff2")
                         for face in faces)
    assert all((FONTS_DIR / face["url"].rsplit("/", 1)[1]).is_file() for face in faces)
