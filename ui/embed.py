"""Embeds: a view opened with ?embed=true (Streamlit's own embedding switch) shows only its main chart,
its source line and a link to the full view, for an iframe on another site. The view's other URL
parameters (indicator, year, town, compare, lang) choose the chart, as they do on the page."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from indicators.formatting import format_value, join_items
from indicators.prices import CURRENT, is_shekels
from indicators.stats import default_year, value_in_year
from ui import charts, components, data_access, prices
from ui.downloads import view_link
from ui.i18n import text_direction, translate
from ui.url_params import parse_choice, parse_list

DEFAULT_INDICATOR = data_access.DEFAULT_INDICATOR
DEFAULT_TOWN = "la-9000"
GAP_INDICATOR = "own_income_share_pct"  # the population-gap page's default


def requested() -> bool:
    """?embed=true is read by Streamlit itself (it is not in st.query_params)."""
    return bool(st.context.is_embedded)


def _param(name: str, options, default):
    value, _ = parse_choice(st.query_params.get(name), options, default)
    return value


def _indicator() -> str:
    return _param("indicator", data_access.table("indicators")["indicator_id"].tolist(), DEFAULT_INDICATOR)


def negev_bars(lang: str):
    """The Negev's authorities ranked on one indicator in one year (the overview's and explorer's chart)."""
    indicator_id = _indicator()
    meta = data_access.indicator_meta(indicator_id)
    values = data_access.indicator_values(indicator_id)
    negev = data_access.negev_ids()
    years = sorted(values.loc[values["authority_id"].isin(negev), "year"].unique().tolist())
    if not years:
        return None, []
    year = _param("year", years, default_year(values, negev) or years[-1])
    in_year = value_in_year(values, year).reindex(negev).dropna()
    names = data_access.names_of_authorities(lang)
    frame = in_year.rename("value").reset_index()
    frame["name"] = frame["authority_id"].map(names)
    frame["text"] = [format_value(v, int(meta["decimals"]), meta["unit"]) for v in frame["value"]]
    label = f"{meta[f'name_{lang}']} ({meta[f'unit_{lang}']})"
    figure = charts.ranked_bar(frame, label, join_items([meta[f'name_{lang}'], year], lang),
                              rtl=text_direction(lang) == "rtl")
    return figure, values.loc[values["year"] == year, "source_id"].unique()


def town_trend(lang: str):
    """One town against the Negev, peer-group and Israel medians (the town profile's trend chart)."""
    from ui import town_profile_data as data

    town = _param("town", data_access.table("authorities")["authority_id"].tolist(), DEFAULT_TOWN)
    indicator_id = _indicator()
    meta = data.metas()[indicator_id]
    name = data_access.names_of_authorities(lang)[town]
    labels = (name, translate(lang, "town_profile.trend_negev"), translate(lang, "town_profile.trend_peers"),
              translate(lang, "town_profile.trend_israel"))
    basis = prices.chosen()  # the price basis of the view the embed code was copied from
    if data.trend_frame(town, indicator_id, labels, basis).empty:
        return None, []
    unit = prices.axis_unit(lang, meta["unit"], meta[f"unit_{lang}"], basis)
    figure = data.trend_figure(town, indicator_id, labels, basis, f"{meta[f'name_{lang}']} ({unit})",
                               translate(lang, "common.year"),
                               f"{meta[f'name_{lang}']}<br>{translate(lang, 'town_profile.trend_subtitle', town=name)}")
    return figure, data_access.indicator_values(indicator_id)["source_id"].dropna().unique()


def compare_trend(lang: str):
    """The compared authorities over time (the compare page's trend chart)."""
    from ui import compare_data

    all_ids = data_access.table("authorities")["authority_id"].tolist()
    chosen, _ = parse_list(st.query_params.get("compare"), all_ids, [DEFAULT_TOWN], max_items=6)
    indicator_id = _indicator()
    figure, _ = compare_data.trend_view(tuple(chosen), indicator_id, lang, prices.chosen())
    return figure, data_access.indicator_values(indicator_id)["source_id"].dropna().unique()


def group_gap(lang: str):
    """The gap between the two population groups' medians over the years (the population-gap page's chart)."""
    from ui import gap_view

    indicator_id = _param("indicator", data_access.table("indicators")["indicator_id"].tolist(), GAP_INDICATOR)
    scope = _param("scope", list(gap_view.SCOPES), "negev")
    meta = data_access.indicator_meta(indicator_id)
    basis = prices.chosen() if is_shekels(meta["unit"]) else CURRENT  # as the page: shekels in constant prices
    table = gap_view.gap_table(indicator_id, scope, basis)
    if table["gap"].dropna().empty:
        return None, []
    name = meta[f"name_{lang}"]
    unit = prices.axis_unit(lang, meta["unit"], meta[f"unit_{lang}"], basis)
    figure = gap_view.gap_figure(table, indicator_id, gap_view.gap_axis_label(indicator_id, lang, unit),
                                 translate(lang, "common.year"),
                                 f"{name}: {translate(lang, 'population_gaps.gap_title')}")
    values = data_access.indicator_values(indicator_id)
    return figure, values.loc[values["authority_id"].isin(gap_view.area_ids(scope)), "source_id"].dropna().unique()


VIEWS = {"": negev_bars, "overview": negev_bars, "indicator_explorer": negev_bars, "town_profile": town_trend,
         "compare": compare_trend, "population_gaps": group_gap}


def render(url_path: str, lang: str) -> None:
    """The embedded view: its chart, source line and a link that opens the full view in a new tab."""
    view = VIEWS.get(url_path or "")
    figure, source_ids = view(lang) if view and data_access.data_ready() else (None, [])
    if figure is None:
        st.info(translate(lang, "downloads.embed_none"))
    else:
        st.plotly_chart(figure, width="stretch", config={"displaylogo": False}, key="embed_chart")
        components.source_line(data_access.table("sources"), pd.unique(pd.Series(source_ids)), lang)
    # The link repeats the visitor's own query string: escaped, so a crafted link cannot inject markup.
    link, label = html.escape(view_link(), quote=True), html.escape(translate(lang, "downloads.embed_link"))
    st.markdown(f'<a href="{link}" target="_blank" rel="noopener">{label}</a>', unsafe_allow_html=True)
