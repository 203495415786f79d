"""Cached access to the data store for pages: loaded once per process, queries cached per argument."""
from __future__ import annotations

import pandas as pd
import pyarrow
import streamlit as st

from indicators import peers, read_model, store, views
from indicators.names import authority_names, indicator_names

# pyarrow's default allocator (mimalloc) keeps freed memory in its own pools; in a long-running server
# the system allocator returns it. Measured: about 35 MB less resident memory after visiting every page.
pyarrow.set_memory_pool(pyarrow.system_memory_pool())

# The indicator a page shows before the visitor picks one (the home page's map and chart, the explorer, ...).
DEFAULT_INDICATOR = "avg_monthly_wage"


def data_ready() -> bool:
    return store.is_built()


@st.cache_resource(show_spinner=False)
def connection():
    return store.open_store()


@st.cache_resource(show_spinner=False)
def _shared_table(name: str) -> pd.DataFrame:
    return views.table(connection(), name)


def table(name: str) -> pd.DataFrame:
    """A copy the caller may change. Pages ask for these small tables dozens of times a run: copying the
    shared one costs about a tenth of what st.cache_data's unpickling did (0.1–0.35 ms against 1–2.6 ms)."""
    return _shared_table(name).copy()


@st.cache_resource(show_spinner=False)
def observations() -> pd.DataFrame:
    """Every figure of every indicator, read once per process and shared read-only (cache_resource: no
    copy of ≈ 100k rows per call). Callers filter it; they never modify it."""
    return views.observations(connection())


@st.cache_resource(show_spinner=False)
def gaps() -> pd.DataFrame:
    """Every recorded reason for a missing figure (shared read-only, like observations)."""
    return views.gaps(connection())


def _rows(frame: pd.DataFrame, column: str, value: str) -> pd.DataFrame:
    """The rows of one indicator or one authority, without that column (a copy the caller may keep)."""
    return frame.loc[frame[column] == value].drop(columns=column).reset_index(drop=True)


@st.cache_data(show_spinner=False)
def indicator_values(indicator_id: str) -> pd.DataFrame:
    """One indicator's figures, queried on their own: a fresh server's home page then needs no read of all
    the observations (the same rows as filtering observations(); tests/unit/test_views.py)."""
    return views.indicator_observations(connection(), indicator_id)


@st.cache_data(show_spinner=False)
def authority_values(authority_id: str) -> pd.DataFrame:
    """One authority's figures, queried on their own (like indicator_values): the leaky bucket needs no read
    of all the observations (the same rows as filtering observations(); tests/unit/test_views.py)."""
    return views.authority_observations(connection(), authority_id)


@st.cache_data(show_spinner=False)
def indicator_gaps(indicator_id: str) -> pd.DataFrame:
    return _rows(gaps(), "indicator_id", indicator_id)


@st.cache_data(show_spinner=False)
def authority_gaps(authority_id: str) -> pd.DataFrame:
    return _rows(gaps(), "authority_id", authority_id)


def authority_provenance(authority_id: str) -> pd.DataFrame:
    """One authority's figures with where each was read (source, edition, CBS sheet and header)."""
    return views.authority_provenance(connection(), authority_id)


@st.cache_resource(show_spinner=False)
def latest_values() -> pd.DataFrame:
    """Each authority's latest and previous figure per indicator (shared read-only, like observations)."""
    return views.latest_values(connection())


@st.cache_data(show_spinner=False)
def names_of_authorities(lang: str) -> dict[str, str]:
    return authority_names(table("authorities"), lang)


@st.cache_data(show_spinner=False)
def names_of_indicators(lang: str) -> dict[str, str]:
    return indicator_names(table("indicators"), lang)


@st.cache_data(show_spinner=False)
def authority_options(lang: str) -> list[str]:
    """Every authority as town choosers list them (the Negev's first, then by name in `lang`)."""
    return read_model.authority_options(table("authorities"), names_of_authorities(lang))


@st.cache_data(show_spinner=False)
def indicator_options() -> list[str]:
    """Every indicator in the one display order."""
    return read_model.indicator_options(table("indicators"))


@st.cache_data(show_spinner=False)
def indicators_by_dimension() -> dict[str, list[str]]:
    return read_model.indicators_by_dimension(table("indicators"))


def indicator_meta(indicator_id: str) -> dict:
    indicators = table("indicators")
    return indicators[indicators["indicator_id"] == indicator_id].iloc[0].to_dict()


def negev_ids() -> list[str]:
    authorities = table("authorities")
    return authorities.loc[authorities["is_negev"], "authority_id"].tolist()


@st.cache_data(show_spinner=False)
def peer_features() -> pd.DataFrame:
    return peers.peer_features(latest_values(), table("authorities"))


# Keyed on the visitor's slider weights, an open set of keys: bounded so memory cannot grow without end.
@st.cache_data(show_spinner=False, max_entries=256, ttl=3600)
def nearest_peers(authority_id: str, weights: tuple[tuple[str, float], ...] = (), k: int = 10) -> list[str]:
    """Cached per (authority, weights); weights as a tuple of pairs so they hash."""
    return peers.nearest_peers(peer_features(), authority_id, dict(weights) or None, k)
