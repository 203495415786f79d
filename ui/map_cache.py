"""Choropleth maps built once per view and kept for every visitor (a map takes ~0.3 s of CPU to build and
serialise; the same view is asked for again and again)."""
from __future__ import annotations

import pandas as pd
import pydeck as pdk
import streamlit as st

from ui import data_access, maps


@st.cache_resource(show_spinner=False, max_entries=64)
def choropleth(values: pd.Series, names: dict[str, str], value_text: dict[str, str], lang: str,
               highlight: str | None = None, height: int = 520,
               no_data_text: str = "") -> tuple[pdk.Deck, list[float]]:
    """maps.choropleth over the published boundaries, serialised once. Shared: callers never modify it."""
    deck, breaks = maps.choropleth(data_access.table("boundaries"), values, names, value_text, lang,
                                   highlight=highlight, height=height, no_data_text=no_data_text)
    return maps.serialise_once(deck), breaks
