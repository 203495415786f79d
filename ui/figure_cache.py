"""Figures that every visitor of a view shares, built and serialised once per process (a plotly figure
takes 0.05–0.3 s of CPU to build, mostly plotly's property validation, and the same view is asked for
again and again). Bounded: at most 64 views per figure, each dropped after an hour unused.
Callers never modify a returned figure (chart_image.captioned draws on a deep copy)."""
from __future__ import annotations

import functools

import streamlit as st

from ui import charts

MAX_VIEWS = 64
TTL_SECONDS = 3600


def shared(build):
    """`build` (a function returning a plotly figure), cached on its arguments and serialised once."""
    @functools.wraps(build)  # the cache is keyed on the builder's own name and source
    def serialised(*args, **kwargs):
        return charts.serialise_once(build(*args, **kwargs))
    return st.cache_resource(show_spinner=False, max_entries=MAX_VIEWS, ttl=TTL_SECONDS)(serialised)


ranked_bar = shared(charts.ranked_bar)
