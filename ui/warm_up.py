"""What a fresh server process prepares while its first visitor's browser is still loading Streamlit's code.

A new process starts listening about 0.6 s before the first visitor's page opens its websocket (the browser
is fetching and compiling Streamlit's JavaScript), and the first script run then paid for everything at once:
importing pandas, pyarrow, DuckDB, plotly and pydeck, opening the data store, reading the message catalogue,
plotly's first figure and the home page's data (≈ 1.3 s from the websocket to the page's last message, against
≈ 0.6 s on a warmed process). app.py starts `prepare` in a background thread when the server starts, so that
work overlaps the browser's. It only fills the process-wide caches the pages use anyway (nothing per visitor),
and a failure here only costs the first visitor the time it would have paid: it is logged, never raised.
Then it makes the gzip copies of Streamlit's browser code if `make run` has not (ui/compressed_static.py)."""
from __future__ import annotations

import gc
import importlib
import inspect
import logging
import threading
import time

from ui import compressed_static

LOG = logging.getLogger(__name__)

# Modules every page's first run imports (the heavy libraries through them), and the home page's own.
MODULES = (
    "pandas", "pyarrow", "duckdb", "plotly.graph_objects", "pydeck", "PIL.Image",
    "ui.data_access", "ui.layout", "ui.navigation", "ui.embed", "ui.errors", "ui.i18n", "ui.components",
    "ui.charts", "ui.figure_cache", "ui.maps", "ui.map_cache", "ui.map_labels", "ui.tables", "ui.downloads",
    "ui.town_links", "ui.group_style", "ui.state", "indicators.exports", "indicators.formatting",
)


def prepare() -> None:
    """Import, open and read what a new visitor's home page needs (see the module's note)."""
    for name in MODULES:
        importlib.import_module(name)
    import pandas as pd

    from indicators.settings import DEFAULT_LANGUAGE
    from ui import charts, data_access, maps
    from ui.i18n import translate

    data_access.connection()
    for table in ("indicators", "authorities", "sources"):
        data_access.table(table)
    data_access.names_of_authorities(DEFAULT_LANGUAGE)
    data_access.names_of_indicators(DEFAULT_LANGUAGE)
    data_access.indicator_values(data_access.DEFAULT_INDICATOR)
    translate(DEFAULT_LANGUAGE, "common.app_title")  # reads the default language's message catalogue
    charts.warm_plotly()
    # The Negev map without values: parses the areas' outlines and draws their name labels into the atlas
    # (both kept per process, whatever indicator a visitor then colours the map by).
    negev = set(data_access.negev_ids())
    names = {a: n for a, n in data_access.names_of_authorities(DEFAULT_LANGUAGE).items() if a in negev}
    maps.choropleth(data_access.table("boundaries"), pd.Series(dtype=float), names, {}, DEFAULT_LANGUAGE)
    # Streamlit's first element of a process asks inspect.stack() whether it runs in a REPL; the first call
    # in a process maps every loaded module to its file (≈ 0.14 s with ours loaded). Do it here, once.
    inspect.stack(0)
    freeze_long_lived()


def freeze_long_lived() -> None:
    """Leave what is loaded by now (modules, the store, the shared tables: ≈ 140k objects) out of every later
    garbage collection. Streamlit runs a full collection after each script run (runner.postScriptGC), which
    scanned them all every time: 110–160 ms of a page's CPU with every page visited, ≈ 20 ms once they are
    frozen (measured in one process). They live as long as the process anyway; the garbage among them is
    collected first, so nothing collectable is kept."""
    gc.collect()
    gc.freeze()


def _prepare_logged() -> None:
    started = time.perf_counter()
    try:
        prepare()
    except Exception:  # a warm-up must never stop the server: the first visitor pays the cost instead
        LOG.exception("warm-up failed; the first visitor's page prepares what it needs")
    else:
        LOG.info("warm-up done in %.2f s", time.perf_counter() - started)
    compressed_static.ensure_built()  # after the first page's needs: usually made already (make run)


def start() -> threading.Thread:
    """Run `prepare` in a daemon thread (the server does not wait for it, nor for its end at shutdown)."""
    thread = threading.Thread(target=_prepare_logged, name="kmm-warm-up", daemon=True)
    thread.start()
    return thread
