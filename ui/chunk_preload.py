"""Early download of the browser code of a page's heavy elements: plotly charts, pydeck maps, data grids.

Streamlit's browser asks for an element's JavaScript only when that element's message arrives. The chart
and map bundles are 4.7 and 3.0 MB to fetch and compile, and they arrived at the end of a script run of
0.3–1.5 s, so the map's canvas and the chart were the last things drawn on a new visitor's page (a cold
start's trace: map message at 2.9 s, its canvas at 4.0 s). Two ways start that work earlier: the page's HTML
carries a `Link: rel=modulepreload` header for its bundles (ui/preload_headers.py, the one that counts for a
visitor opening a link), and the page's first element carries the same `<link>` tags, for a page opened from
within the app, where no new HTML is fetched.

The bundles' file names are content-hashed by Streamlit's build and change with its version, so they are
read from the installed package; a kind whose bundle is not found exactly once gives no link (the page
still works, it only loses the head start). Names are checked against a strict pattern and escaped: the
links are fixed text, never anything a visitor sent."""
from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import streamlit

JS_DIR = Path(streamlit.__file__).resolve().parent / "static" / "static" / "js"
# Each heavy element kind and the name Streamlit's build gives the bundle that draws it.
BUNDLES = {"chart": "PlotlyChart", "map": "DeckGlJsonChart", "grid": "DataFrame"}
_FILE_NAME = re.compile(r"[A-Za-z]+\.[A-Za-z0-9_-]+\.js")


@cache
def bundle_file(kind: str, js_dir: Path = JS_DIR) -> str | None:
    """The installed file name of `kind`'s bundle, or None when it is unknown or not found exactly once."""
    prefix = BUNDLES.get(kind)
    if prefix is None or not js_dir.is_dir():
        return None
    names = [p.name for p in js_dir.glob(f"{prefix}.*.js") if _FILE_NAME.fullmatch(p.name)]
    return names[0] if len(names) == 1 else None


def file_names(kinds: tuple[str, ...], js_dir: Path = JS_DIR) -> list[str]:
    """The installed bundles of `kinds`, each once, in the order asked."""
    return list(dict.fromkeys(name for kind in kinds if (name := bundle_file(kind, js_dir))))


def links(kinds: tuple[str, ...], js_dir: Path = JS_DIR) -> str:
    """`<link rel="modulepreload">` tags for the bundles of `kinds`. The address is relative to the page
    (`static/js/...`), as Streamlit's own index page loads them, so it also holds under a base URL path."""
    return "".join(f'<link rel="modulepreload" href="static/js/{html.escape(name)}">'
                   for name in file_names(kinds, js_dir))


def link_header(kinds: tuple[str, ...], js_dir: Path = JS_DIR) -> str:
    """The same as an HTTP `Link` header value, sent with the page itself (ui/preload_headers.py)."""
    return ", ".join(f"<static/js/{name}>; rel=modulepreload" for name in file_names(kinds, js_dir))
