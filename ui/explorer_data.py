"""Cached pieces of the indicator explorer: the map built once per view."""
from __future__ import annotations

import streamlit as st

from indicators import explorer
from indicators.stats import value_in_year
from ui import maps
from ui.data_access import indicator_meta, indicator_values, names_of_authorities, table


@st.cache_resource(show_spinner=False, max_entries=64)
def map_deck(indicator_id: str, year: int, shown_ids: tuple[str, ...], lang: str, highlight: str | None,
             no_data: str):
    """The choropleth and its class breaks for one view, built and serialised once.

    With all of Israel shown the deck's JSON is ~0.5 MB; pydeck re-encodes it on every rerun
    (st.pydeck_chart calls deck.to_json()), which alone would blow the page's time budget."""
    meta = indicator_meta(indicator_id)
    decimals, unit, unit_label = int(meta["decimals"]), meta["unit"], meta[f"unit_{lang}"]
    in_year = value_in_year(indicator_values(indicator_id), year).reindex(list(shown_ids)).dropna()
    names = names_of_authorities(lang)
    tooltips = explorer.tooltip_texts(in_year, shown_ids, lambda v: explorer.value_text(v, decimals, unit, unit_label),
                                      year, no_data)
    deck, breaks = maps.choropleth(table("boundaries"), in_year, {a: names[a] for a in shown_ids}, tooltips, lang,
                                   highlight=highlight)
    return maps.serialise_once(deck), breaks
