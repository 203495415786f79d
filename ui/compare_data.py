"""Cached inputs of the Compare page: computed once per process (or once per selection), never per rerun."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators import comparison, read_model
from indicators.exports import authorities_table
from indicators.formatting import format_value
from indicators.groups import group_of
from indicators.settings import DIMENSIONS
from ui import charts, compare_charts, data_access, group_style, prices
from ui.i18n import translate

_PER_SELECTION = 64  # cached selections kept per function


@st.cache_data(show_spinner=False)
def percentiles() -> pd.DataFrame:
    """Every authority's percentile per indicator among all of Israel's authorities."""
    return comparison.percentile_matrix(data_access.observations(), data_access.table("indicators"))


@st.cache_data(show_spinner=False)
def medians() -> pd.DataFrame:
    """Negev and Israel (all authorities) medians per indicator in its reference year."""
    observations = data_access.observations()
    groups = {"negev": data_access.negev_ids(), "israel": data_access.table("authorities")["authority_id"].tolist()}
    return comparison.reference_year_medians(observations, comparison.reference_years(observations), groups)


def _gaps(authority_ids: tuple[str, ...]) -> pd.DataFrame:
    parts = [data_access.authority_gaps(a).assign(authority_id=a) for a in authority_ids]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["authority_id", "indicator_id", "year", "reason"])


@st.cache_data(show_spinner=False, max_entries=_PER_SELECTION)
def grid(authority_ids: tuple[str, ...]) -> pd.DataFrame:
    indicator_ids = data_access.table("indicators")["indicator_id"].tolist()
    return comparison.latest_grid(data_access.latest_values(), _gaps(authority_ids), indicator_ids, authority_ids)


@st.cache_data(show_spinner=False, max_entries=_PER_SELECTION)
def export(authority_ids: tuple[str, ...], lang: str) -> pd.DataFrame:
    return authorities_table(data_access.observations(), authority_ids, data_access.table("indicators"),
                             data_access.names_of_authorities(lang), data_access.table("sources"), lang)


# --- Display pieces, cached per (selection, language). Plotly figures are slow to build and to
# unpickle, so they are kept as objects (cache_resource: shared, never mutated by the page) and rebuilt
# only when the selection or the language changes.

def _t(lang: str, key: str, **kw) -> str:
    return translate(lang, f"compare.{key}", **kw)


def dimension_titles(lang: str) -> dict[str, str]:
    return {d: _t(lang, f"dimension_{d}") for d in DIMENSIONS}


@st.cache_data(show_spinner=False, max_entries=_PER_SELECTION)
def side_by_side(authority_ids: tuple[str, ...], lang: str) -> pd.DataFrame:
    names = data_access.names_of_authorities(lang)
    columns = {a: names[a] for a in authority_ids} | {"negev": _t(lang, "negev_median"),
                                                       "israel": _t(lang, "israel_median")}
    labels = {"indicator": translate(lang, "common.indicator"), "unit": _t(lang, "unit"),
              "no_data": translate(lang, "common.no_data")}
    return comparison.comparison_table(grid(authority_ids), medians(), data_access.table("indicators"), columns,
                                       labels, lang, lambda reason: _t(lang, f"reason_{reason}"))


# Figure columns of the side-by-side table: "10,497 (2019)" fits; a longer no-data reason is cut (in full on
# click), and so may be a long town name in the header (in full in the chips above). With three towns the
# whole table then fits beside the sidebar at 1400 px in every language, the unit column included (left to
# the grid, English figure columns took up to the no-data reasons' width and pushed the unit out of view).
VALUE_WIDTH = 105
# English indicator names are wider than their Hebrew and Arabic ones; left to the grid, that column took
# the unit column's room. A longer name is cut at this width, in full on click. The same width in every
# language: on a 390 px phone (a 356 px grid) the indicator and one whole figure column then fill the grid
# where a reader starts (the right in Hebrew and Arabic), instead of a figure cut at the screen's edge.
INDICATOR_WIDTH = 250


def side_by_side_columns(authority_ids: tuple[str, ...], lang: str) -> dict:
    """Column settings of the side-by-side table: figure columns of one width, the Israel median headed
    short with its full name as the header's help."""
    names = data_access.names_of_authorities(lang)
    width = VALUE_WIDTH
    config = {names[a]: st.column_config.TextColumn(width=width) for a in authority_ids}
    config[_t(lang, "negev_median")] = st.column_config.TextColumn(width=width)
    config[_t(lang, "israel_median")] = st.column_config.TextColumn(
        _t(lang, "israel_median_short"), help=_t(lang, "israel_median"), width=width)
    config[translate(lang, "common.indicator")] = st.column_config.TextColumn(width=INDICATOR_WIDTH)
    return config


@st.cache_resource(show_spinner=False, max_entries=_PER_SELECTION)
def percentile_view(authority_ids: tuple[str, ...], lang: str) -> tuple[go.Figure, pd.DataFrame]:
    """The dot plot and its data table."""
    names = data_access.names_of_authorities(lang)
    ordered = read_model.ordered_indicators(data_access.table("indicators"))
    indicator_names = dict(zip(ordered["indicator_id"], ordered[f"name_{lang}"], strict=True))
    direction_of = read_model.directions(ordered)
    axis_label = {i: compare_charts.short_label(n) + (" *" if direction_of[i] == read_model.NEUTRAL else "")
                  for i, n in indicator_names.items()}
    scores = percentiles()
    scores = scores[scores["authority_id"].isin(authority_ids)].merge(
        ordered[["indicator_id", "decimals", "unit"]], on="indicator_id")
    scores["authority"] = scores["authority_id"].map(names)
    scores["label"] = scores["indicator_id"].map(axis_label)
    scores["value_text"] = [format_value(v, int(d), u) for v, d, u in
                            zip(scores["value"], scores["decimals"], scores["unit"], strict=True)]
    scores["hover"] = [f"<b>{a}</b><br>{indicator_names[i]}: {v} ({y})<br>{_t(lang, 'percentile_word')}: {p:.0f}"
                       for a, i, v, y, p in zip(scores["authority"], scores["indicator_id"], scores["value_text"],
                                                scores["year"], scores["percentile"], strict=True)]
    rows = {d: [axis_label[i] for i in ids] for d, ids in read_model.indicators_by_dimension(ordered).items()}
    titles = dimension_titles(lang)
    figure = compare_charts.percentile_dots(scores, rows, titles, [names[a] for a in authority_ids],
                                            _t(lang, "percentile_axis"))
    direction_text = {read_model.HIGHER_IS_BETTER: _t(lang, "direction_higher"),
                      read_model.LOWER_IS_BETTER: _t(lang, "direction_lower"),
                      read_model.NEUTRAL: _t(lang, "direction_none")}
    table = pd.DataFrame({
        translate(lang, "common.town"): scores["authority"],
        _t(lang, "dimension"): scores["dimension"].map(titles),
        translate(lang, "common.indicator"): scores["indicator_id"].map(indicator_names),
        translate(lang, "common.year"): scores["year"],
        _t(lang, "value"): scores["value_text"],
        _t(lang, "percentile_word"): scores["percentile"].round(0),
        _t(lang, "direction"): scores["indicator_id"].map(lambda i: direction_text[direction_of[i]]),
    })
    return figure, table


@st.cache_resource(show_spinner=False, max_entries=_PER_SELECTION)
def summary_view(authority_ids: tuple[str, ...], lang: str) -> tuple[go.Figure, pd.DataFrame]:
    """The per-dimension bars and their data table."""
    names = data_access.names_of_authorities(lang)
    titles = dimension_titles(lang)
    summary = comparison.dimension_summary(percentiles(), list(authority_ids))
    summary["authority"] = summary["authority_id"].map(names)
    summary["text"] = summary["percentile"].round(0).astype(int).astype(str)
    figure = compare_charts.dimension_bars(summary, titles, [names[a] for a in authority_ids],
                                           _t(lang, "summary_axis"))
    table = pd.DataFrame({
        translate(lang, "common.town"): summary["authority"], _t(lang, "dimension"): summary["dimension"].map(titles),
        _t(lang, "summary_axis"): summary["percentile"], _t(lang, "indicator_count"): summary["indicators"],
    })
    return figure, table


@st.cache_resource(show_spinner=False, max_entries=_PER_SELECTION)
def trend_view(authority_ids: tuple[str, ...], indicator_id: str, lang: str,
               basis: str, by_group: bool = False) -> tuple[go.Figure | None, list[str]]:
    """The trend chart (None without figures), shekel amounts in the price basis asked for, and the chosen
    authorities with no figures; by_group colours each town's line by its population group."""
    names = data_access.names_of_authorities(lang)
    meta = data_access.indicator_meta(indicator_id)
    values = prices.shown(data_access.indicator_values(indicator_id), meta["unit"], basis)
    median_names = [_t(lang, "negev_median"), _t(lang, "israel_median")]
    groups = [sorted(data_access.negev_ids()), data_access.table("authorities")["authority_id"].tolist()]
    frame = read_model.trend_frame(values, list(authority_ids), names, dict(zip(median_names, groups, strict=True)))
    have = set(values.loc[values["authority_id"].isin(authority_ids), "authority_id"])
    missing = [names[a] for a in authority_ids if a not in have]
    if frame.empty:
        return None, missing
    frame["text"] = [format_value(v, int(meta["decimals"]), meta["unit"]) for v in frame["value"]]
    label = f"{meta[f'name_{lang}']} ({prices.axis_unit(lang, meta['unit'], meta[f'unit_{lang}'], basis)})"
    colours = None
    if by_group:
        by_id = group_style.authority_colours(list(authority_ids), group_of(data_access.table("authorities")))
        colours = {names[a]: c for a, c in by_id.items()}
    figure = charts.trend_lines(frame, label, translate(lang, "common.year"), meta[f"name_{lang}"], colours=colours)
    return compare_charts.restyle_medians(figure, median_names), missing
