"""Cached building blocks of the town profile page: every card, chart, map and table of one town is
computed once per (town, language) and reused on reruns, so a warm rerun only renders."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from indicators import profile
from indicators.exports import tidy_table
from indicators.formatting import format_value
from indicators.stats import benchmark_table
from ui import charts, data_access, maps


@st.cache_resource(show_spinner=False)
def observations() -> pd.DataFrame:
    """Every figure of every indicator (shared, read-only: cache_resource avoids copying 100k rows)."""
    ids = data_access.table("indicators")["indicator_id"].tolist()
    frames = [data_access.indicator_values(i).assign(indicator_id=i) for i in ids]
    return pd.concat(frames, ignore_index=True)


@st.cache_resource(show_spinner=False)
def metas() -> dict[str, dict]:
    """indicator_id -> its row of the indicators table (shared, read-only; the page reads it ~300 times a run)."""
    return {row["indicator_id"]: row for row in data_access.table("indicators").to_dict("records")}


@st.cache_resource(show_spinner=False)
def indicator_order() -> dict[str, list[str]]:
    """dimension -> its indicator ids, grouped by theme so that related cards sit together."""
    ordered = data_access.table("indicators").sort_values(["dimension", "theme", "indicator_id"])
    return {d: rows["indicator_id"].tolist() for d, rows in ordered.groupby("dimension", sort=False)}


@st.cache_data(show_spinner=False)
def town_options(lang: str) -> list[str]:
    """All authorities, the Negev's first, each part in the language's alphabetical order."""
    authorities = data_access.table("authorities")
    names = data_access.names_of_authorities(lang)
    ordered = authorities.assign(name=authorities["authority_id"].map(names)).sort_values(
        ["is_negev", "name"], ascending=[False, True])
    return ordered["authority_id"].tolist()


def authority(authority_id: str) -> dict:
    authorities = data_access.table("authorities")
    return authorities[authorities["authority_id"] == authority_id].iloc[0].to_dict()


@st.cache_data(show_spinner=False)
def rank_group(authority_id: str) -> list[str]:
    """Whom the town is ranked among: the Negev's authorities, or its district's outside the Negev."""
    authorities = data_access.table("authorities")
    row = authority(authority_id)
    if row["is_negev"]:
        return data_access.negev_ids()
    return authorities.loc[authorities["district_en"] == row["district_en"], "authority_id"].tolist()


@st.cache_data(show_spinner=False)
def peers(authority_id: str) -> list[str]:
    return data_access.nearest_peers(authority_id)


@st.cache_data(show_spinner=False)
def cards(authority_id: str) -> dict[str, profile.Card]:
    """All headline cards of one town (≈56), computed in one pass over all observations."""
    all_ids = data_access.table("authorities")["authority_id"].tolist()
    return profile.town_cards(observations(), data_access.table("indicators"), authority_id,
                              data_access.negev_ids(), peers(authority_id), all_ids,
                              rank_ids=rank_group(authority_id), gaps=data_access.authority_gaps(authority_id))


@st.cache_resource(show_spinner=False, max_entries=64)
def sparklines(authority_id: str) -> dict[str, go.Figure]:
    """One sparkline per indicator with figures (cache_resource: plotly figures are slow to build and
    st.plotly_chart only reads them)."""
    return {i: charts.serialise_once(charts.sparkline(pd.DataFrame(card.trend, columns=["year", "value"])))
            for i, card in cards(authority_id).items() if len(card.trend) > 1}


@st.cache_resource(show_spinner=False, max_entries=64)
def locator_map(authority_id: str, lang: str, kind_labels: tuple[tuple[str, str], ...]) -> pdk.Deck | None:
    """The Negev (or the town's district) in grey with the town coloured and outlined; None if the town
    has no boundary."""
    boundaries = data_access.table("boundaries")
    if authority_id not in set(boundaries["authority_id"]):
        return None
    names = data_access.names_of_authorities(lang)
    shown = {a: names[a] for a in rank_group(authority_id)}
    kinds = dict(kind_labels)
    kind_of = data_access.table("authorities").set_index("authority_id")["kind"]
    value_text = {a: kinds.get(kind_of[a], "") for a in shown}
    deck, _ = maps.choropleth(boundaries, pd.Series({authority_id: 1.0}), shown, value_text, lang,
                              highlight=authority_id, height=320)
    # A disc too: a small town is a few pixels at the Negev's scale. Under the labels (the last layer),
    # so that its name stays readable on top of it.
    row = authority(authority_id)
    deck.layers.insert(len(deck.layers) - 1, pdk.Layer(
        "ScatterplotLayer", data=[{"position": [row["label_lon"], row["label_lat"]]}], get_position="position",
        get_radius=2000, radius_min_pixels=18, radius_max_pixels=40, stroked=True, filled=True,
        get_fill_color=[213, 94, 0, 150], get_line_color=[0, 0, 0, 255], line_width_min_pixels=2))
    return maps.serialise_once(deck)


@st.cache_data(show_spinner=False)
def trend_frame(authority_id: str, indicator_id: str, labels: tuple[str, str, str, str]) -> pd.DataFrame:
    """series, year, value, text for the trend chart: the town and the three benchmark medians.

    labels: display names of (town, Negev median, peer median, Israel median)."""
    values = data_access.indicator_values(indicator_id)
    meta = metas()[indicator_id]
    all_ids = data_access.table("authorities")["authority_id"].tolist()
    own = values[values["authority_id"] == authority_id].set_index("year")["value"].rename("town")
    medians = benchmark_table(values, {"negev": data_access.negev_ids(), "peers": peers(authority_id),
                                       "israel": all_ids})
    wide = pd.concat([own, medians], axis=1).sort_index()
    if own.dropna().empty:
        return pd.DataFrame(columns=["series", "year", "value", "text"])
    # Benchmarks only over the years the town has figures, so the lines are comparable.
    wide = wide.loc[own.dropna().index.min():own.dropna().index.max()]
    long = wide.rename(columns=dict(zip(["town", "negev", "peers", "israel"], labels, strict=True)))
    long = long.rename_axis("year").reset_index().melt("year", var_name="series", value_name="value")
    long = long.dropna(subset=["value"])
    long["text"] = long["value"].map(lambda v: format_value(v, int(meta["decimals"]), meta["unit"]))
    return long[["series", "year", "value", "text"]]


@st.cache_resource(show_spinner=False, max_entries=256)
def trend_figure(authority_id: str, indicator_id: str, labels: tuple[str, str, str, str], value_label: str,
                 year_label: str, title: str) -> go.Figure:
    figure = charts.trend_lines(trend_frame(authority_id, indicator_id, labels), value_label, year_label, title)
    figure.update_layout(margin={"t": 75})  # the title has two lines (indicator, then town and benchmarks)
    return charts.serialise_once(figure)


@st.cache_data(show_spinner=False)
def justice(authority_id: str) -> dict[str, list[profile.Standing]]:
    compare = sorted(set(data_access.negev_ids()) | {authority_id})
    return profile.justice_standings(observations(), data_access.table("indicators"), authority_id, compare)


@st.cache_resource(show_spinner=False, max_entries=64)
def justice_figure(authority_id: str, lang: str, group: str, panel_labels: tuple[str, ...],
                   legend: tuple[str, str]) -> go.Figure:
    """Dots of the Negev's authorities (and the town) on each indicator of one justice group."""
    names = data_access.names_of_authorities(lang)
    compare = set(data_access.negev_ids()) | {authority_id}
    standings = justice(authority_id)[group]
    frames = []
    for item, label in zip(standings, panel_labels, strict=True):
        meta = metas()[item.indicator_id]
        values = data_access.indicator_values(item.indicator_id)
        rows = values[(values["year"] == item.year) & values["authority_id"].isin(compare)].dropna(subset=["value"])
        frames.append(pd.DataFrame({
            "panel": label, "authority_id": rows["authority_id"], "name": rows["authority_id"].map(names),
            "value": rows["value"],
            "text": rows["value"].map(lambda v, m=meta: format_value(v, int(m["decimals"]), m["unit"])),
        }))
    frame = pd.concat(frames, ignore_index=True)
    return charts.serialise_once(charts.strip_plot(frame, authority_id, legend[0], legend[1]))


@st.cache_data(show_spinner=False)
def town_table(authority_id: str, lang: str) -> pd.DataFrame:
    """Every figure of the town, tidy (one row per indicator × year) with unit and source columns."""
    values = data_access.authority_values(authority_id).assign(authority_id=authority_id)
    names = data_access.names_of_authorities(lang)
    sources = data_access.table("sources")
    indicators = data_access.table("indicators")
    frames = [tidy_table(values[values["indicator_id"] == i].reset_index(drop=True), names,
                         metas()[i], sources, lang)
              for i in indicators["indicator_id"] if (values["indicator_id"] == i).any()]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


@st.cache_data(show_spinner=False)
def wide_table(authority_id: str, lang: str, headers: tuple[str, str]) -> pd.DataFrame:
    """Indicator × year, formatted, for reading on screen (the CSV stays tidy)."""
    tidy = town_table(authority_id, lang)
    if tidy.empty:
        return tidy
    indicators = data_access.table("indicators").set_index("indicator_id")
    tidy = tidy.assign(text=[format_value(v, int(indicators.loc[i, "decimals"]), indicators.loc[i, "unit"])
                             for v, i in zip(tidy["value"], tidy["indicator_id"], strict=True)])
    wide = tidy.pivot_table(index=["indicator_id", "indicator", "unit"], columns="year", values="text",
                            aggfunc="first")
    wide.columns = [str(c) for c in wide.columns]
    order = {i: n for n, i in enumerate(indicators.sort_values(["dimension", "theme"]).index)}
    wide = wide.reset_index().sort_values("indicator_id", key=lambda ids: ids.map(order)).drop(columns="indicator_id")
    return wide.rename(columns={"indicator": headers[0], "unit": headers[1]})
