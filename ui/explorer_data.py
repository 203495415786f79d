"""Cached pieces of the indicator explorer: the map and the two charts built once per view."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators import explorer
from indicators.stats import value_in_year
from ui import charts, compare_charts, figure_cache, maps
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


@figure_cache.shared
def bars_figure(bars: pd.DataFrame, label: str, title: str, town: str | None, colours: dict[str, str] | None,
                medians: dict[str, tuple[float | None, str]], rtl: bool = False) -> go.Figure:
    """Ranked bars with the Negev and Israel medians (value, label) as reference lines; in Hebrew and Arabic
    (rtl) read from the right."""
    figure = charts.ranked_bar(bars, label, title, highlight=town, colours=colours)
    figure.update_xaxes(range=explorer.bar_range(bars["value"]))
    if rtl:
        charts.mirror_bars(figure)
    # Both labels just above the plot, on either side of their lines, clear of the bars and axis ticks.
    for (value, text), dash, side in zip((medians["negev"], medians["israel"]), ("dash", "dot"), ("right", "left"),
                                         strict=True):
        if value is not None:
            figure.add_vline(x=value, line_dash=dash, line_color="#000000", line_width=1.5)
            figure.add_annotation(x=value, y=1, yref="paper", yanchor="bottom", xanchor=side, showarrow=False,
                                  text=text, font={"size": 12, "color": "#000000"})
    return figure


@figure_cache.shared
def trend_figure(trend: pd.DataFrame, value_label: str, year_label: str, title: str,
                 colours: dict[str, str] | None, bold: frozenset[str], benchmarks: tuple[str, ...]) -> go.Figure:
    """One line per authority, the benchmarks' medians restyled as reference lines."""
    figure = charts.trend_lines(trend, value_label, year_label, title, colours=colours, bold=bold)
    figure = compare_charts.restyle_medians(figure, list(benchmarks))
    figure.update_layout(legend={"y": -0.22})  # clear of the year axis title
    return figure
