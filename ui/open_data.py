"""The "whole database" block of the Data and methods page: one zip download, and each published
table's stable URL (served from static/data/) with its checksum and a one-line pandas example."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from indicators.downloads import open_data
from ui import tables
from ui.i18n import translate


@lru_cache(maxsize=2)
def _database_zip(version: str) -> bytes:
    """Built once per data build and process, on the first click (a plain cache: the download runs on a
    thread of its own, outside Streamlit's script context)."""
    return open_data.database_zip()


@st.cache_resource(show_spinner=False)
def _static_listing(version: str) -> dict:
    """static/data/ brought up to date with the published tables (normally `make run` has done it)."""
    if not open_data.is_published_static():
        return open_data.publish_static()
    return open_data.manifest()


def app_root() -> str:
    """scheme://host:port/ of the app as the user reaches it ("" when unknown, e.g. in tests)."""
    url = st.context.url
    if not url:
        return ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def open_data_section(lang: str) -> None:
    def w(key: str, **values) -> str:
        return translate(lang, f"downloads.{key}", **values)

    listing = open_data.manifest()
    version = listing["version"]
    st.markdown(f"### {w('open_heading')}")
    st.markdown(w("open_intro", version=version))
    st.download_button(w("open_zip"), data=lambda: _database_zip(version), file_name=f"kmm-database-{version}.zip",
                       mime="application/zip", key="methods_database_zip", icon=":material/database:",
                       on_click="ignore")
    _static_listing(version)
    base = f"{app_root()}{open_data.STATIC_URL_PATH}"
    rows = pd.DataFrame([{w("open_col_table"): f["table"], w("open_col_url"): f"{base}/{f['file']}",
                          w("open_col_rows"): f["rows"], "SHA-256": f["sha256"]} for f in listing["files"]])
    tables.show(lang, rows, hide_index=True, width="stretch", key="methods_open_urls",
                column_config={w("open_col_url"): st.column_config.LinkColumn(w("open_col_url"))})
    st.caption(w("open_manifest", url=f"{base}/{open_data.MANIFEST}"))
    st.code(f'import pandas as pd\nobservations = pd.read_parquet("{base}/observations.parquet")\n\n'
            f"# DuckDB (with its httpfs extension):\n"
            f"# SELECT * FROM read_parquet('{base}/observations.parquet');", language="python")
