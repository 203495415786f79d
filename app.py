"""The server's entry: `streamlit run app.py` serves the dashboard (dashboard.py, the Streamlit script) and,
when the process starts, prepares what the first visitor's page needs while that visitor's browser is still
loading Streamlit's code (ui/warm_up.py; docs/performance.md, Session 7), and gives the memory of closed
sessions back to the system (ui/memory_keeper.py). Streamlit's browser code goes out gzip-compressed
(ui/compressed_static.py).

Streamlit runs a file that defines `app = st.App(...)` as an ASGI app on its own server, with the same
command, settings (.streamlit/config.toml) and flags; the App's lifespan is the documented place for work
at start-up, its middleware the place to add a header to the page."""
import contextlib

import streamlit as st
from starlette.middleware import Middleware

from ui.compressed_static import GzipStatic
from ui.preload_headers import PreloadLinks


@contextlib.asynccontextmanager
async def _server_lifetime(_app):
    from ui import memory_keeper, warm_up  # imported here: the server must not wait for the imports it starts

    warm_up.start()
    stop_keeper = memory_keeper.start()
    yield
    stop_keeper.set()


# PreloadLinks: each page's HTML names the map, chart and grid code it will need (ui/preload_headers.py).
# GzipStatic: that code sent compressed, from copies made before the server starts (ui/compressed_static.py).
app = st.App("dashboard.py", lifespan=_server_lifetime, middleware=[Middleware(PreloadLinks), Middleware(GzipStatic)])
