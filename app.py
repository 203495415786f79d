"""The server's entry: `streamlit run app.py` serves the dashboard (dashboard.py, the Streamlit script) and,
when the process starts, prepares what the first visitor's page needs while that visitor's browser is still
loading Streamlit's code (ui/warm_up.py; docs/performance.md, Cold start).

Streamlit runs a file that defines `app = st.App(...)` as an ASGI app on its own server, with the same
command, settings (.streamlit/config.toml) and flags; the App's lifespan is the documented place for work
at start-up."""
import contextlib

import streamlit as st


@contextlib.asynccontextmanager
async def _start_warm_up(_app):
    from ui import warm_up  # imported here: the server must not wait for the imports it starts

    warm_up.start()
    yield


app = st.App("dashboard.py", lifespan=_start_warm_up)
