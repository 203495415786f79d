"""Cached inputs of the Peer groups page: distances per (authority, weights), feature values with sources,
and the page's table, chart and map per view."""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import shapely
import streamlit as st
from shapely.geometry import MultiPolygon, Polygon, mapping, shape

from indicators import groups, peers
from indicators.formatting import format_number
from indicators.settings import AUTHORITY_KINDS
from ui import data_access, group_style, maps, peer_charts
from ui.i18n import translate


@st.cache_data(show_spinner=False)
def feature_values() -> dict[str, pd.DataFrame]:
    """indicator_id -> each authority's latest figure with its year and source, for the peer features."""
    return {i: peers.latest_with_source(data_access.indicator_values(i)) for i in peers.FEATURE_INDICATORS.values()}


@st.cache_data(show_spinner=False, max_entries=256, ttl=3600)  # keyed on the visitor's weights: bounded
def distances(authority_id: str, weights: tuple[tuple[str, float], ...], population_group: str = groups.ALL
              ) -> pd.Series:
    """Weights as a tuple of pairs so they hash. With a population group, only its authorities are candidates."""
    every = peers.peer_distances(data_access.peer_features(), authority_id, dict(weights))
    return every.loc[groups.filter_by_group(data_access.table("authorities"), every.index, population_group)]


@st.cache_data(show_spinner=False, max_entries=256, ttl=3600)  # keyed on the visitor's weights: bounded
def peer_table(authority_id: str, weights: tuple[tuple[str, float], ...], k: int,
               population_group: str = groups.ALL) -> pd.DataFrame:
    features = data_access.peer_features()
    contributions = peers.distance_contributions(features, authority_id, dict(weights))
    return peers.peer_table(authority_id, distances(authority_id, weights, population_group), contributions,
                            data_access.table("authorities"), feature_values(), k)


@st.cache_data(show_spinner=False)
def landscape() -> pd.DataFrame:
    return peers.landscape(feature_values())


def outline(geojsons, gap: float = 0.003, tolerance: float = 0.003) -> dict:
    """One simplified GeoJSON geometry around all the given polygons: the slivers between neighbours
    closed (buffer out and back in), holes and crumbs dropped. ~25 kB for all of Israel instead of 500 kB,
    which keeps the map's per-run JSON small."""
    union = shapely.union_all([shape(json.loads(g)) for g in geojsons]).buffer(gap).buffer(-gap)
    parts = [Polygon(p.exterior) for p in getattr(union, "geoms", [union]) if p.area > gap ** 2]
    return mapping(MultiPolygon(parts).simplify(tolerance))


@st.cache_resource(show_spinner=False)
def background_layer() -> pdk.Layer:
    """The outline of all authorities, faint, under the peer map: the peers are small and far apart, and
    without the country around them the map would be hard to read."""
    geometry = outline(data_access.table("boundaries")["geojson"])
    return pdk.Layer("GeoJsonLayer", id="kmm-israel-outline",
                     data={"type": "Feature", "geometry": geometry, "properties": {}},
                     pickable=False, stroked=True, filled=True, get_fill_color=[238, 238, 238, 255],
                     get_line_color=[170, 170, 170, 255], line_width_min_pixels=1)


# --- Display pieces, cached per (town, weights, count, language): building the figure, the map and the
# tables costs more than the page's budget for a rerun. Kept as objects (cache_resource) and never mutated.

def _t(lang: str, key: str, **kw) -> str:
    return translate(lang, f"peer_groups.{key}", **kw)


def district_names(lang: str) -> dict[str, str]:
    """authority_id -> district in `lang` (the CBS Hebrew name, the English one, or our Arabic)."""
    authorities = data_access.table("authorities")
    if lang == "he":
        return dict(zip(authorities["authority_id"], authorities["district"], strict=True))
    english = dict(zip(authorities["authority_id"], authorities["district_en"], strict=True))
    if lang == "en":
        return english
    return {a: _t(lang, "district_" + str(d).lower().replace(" ", "_")) for a, d in english.items()}


@dataclass(frozen=True)
class PeerView:
    table: pd.DataFrame  # for display, translated headers
    export: pd.DataFrame  # for the CSV, with units and sources
    source_ids: list[str]
    scatter: go.Figure
    deck: pdk.Deck
    breaks: list[float]
    off_map: list[str]  # names of authorities without a boundary


@st.cache_resource(show_spinner=False, max_entries=64)
def peer_view(town: str, weights: tuple[tuple[str, float], ...], k: int, lang: str,
              population_group: str = groups.ALL, by_group: bool = False) -> PeerView | None:
    table = peer_table(town, weights, k, population_group)
    if len(table) < 2:
        return None
    names = data_access.names_of_authorities(lang)
    kinds = {kind: _t(lang, f"kind_{kind}") for kind in AUTHORITY_KINDS}
    districts = district_names(lang)
    group_of = groups.group_of(data_access.table("authorities"))
    display = pd.DataFrame({
        _t(lang, "col_rank"): ["★", *[str(r) for r in table["rank"].iloc[1:]]],
        _t(lang, "col_name"): table["authority_id"].map(names),
        _t(lang, "col_kind"): table["kind"].map(kinds),
        _t(lang, "col_district"): table["authority_id"].map(districts),
        translate(lang, "common.group_filter"): table["authority_id"].map(
            lambda a: group_style.group_name(lang, group_of.get(a, "unknown"))),
        _t(lang, "col_ses"): table["ses_index"],
        _t(lang, "col_periph"): table["peripherality_index"],
        _t(lang, "col_population"): table["population"].round(0),
        _t(lang, "col_distance"): table["distance"],
        _t(lang, "col_differs"): [_t(lang, f"feature_{f}") if isinstance(f, str) else ""
                                  for f in table["differs_most"]],
    })
    export = peers.peer_export(table, names, data_access.table("indicators"), data_access.table("sources"), lang,
                               kinds, table["authority_id"].map(districts))
    source_ids = pd.concat([table[f"{i}_source"] for i in peers.FEATURE_INDICATORS.values()]).dropna().unique()
    colours = group_style.authority_colours(table["authority_id"].tolist(), group_of) if by_group else None
    return PeerView(display, export, list(source_ids), _scatter(town, table, lang, colours), *_map(town, table, lang))


def _scatter(town: str, table: pd.DataFrame, lang: str, colours: dict[str, str] | None = None) -> go.Figure:
    names = data_access.names_of_authorities(lang)
    frame = landscape()
    frame = frame.assign(name=frame["authority_id"].map(names))
    no_data = translate(lang, "common.no_data")
    frame["hover"] = [
        f"<b>{n}</b><br>{_t(lang, 'col_ses')}: {s:.3f}<br>{_t(lang, 'col_periph')}: {p:.3f}<br>"
        f"{_t(lang, 'col_population')}: {format_number(pop) or no_data}"
        for n, s, p, pop in zip(frame["name"], frame["ses_index"], frame["peripherality_index"], frame["population"],
                                strict=True)]
    legend = {"others": _t(lang, "legend_others"), "peers": _t(lang, "legend_peers"), "chosen": names[town]}
    return peer_charts.peer_scatter(frame, town, table["authority_id"].iloc[1:].tolist(), legend,
                                    _t(lang, "col_ses"), _t(lang, "col_periph"), colours)


def _map(town: str, table: pd.DataFrame, lang: str) -> tuple[pdk.Deck, list[float], list[str]]:
    names = data_access.names_of_authorities(lang)
    boundaries = data_access.table("boundaries")
    distance = table.set_index("authority_id")["distance"]
    text = {a: _t(lang, "map_chosen") if a == town else f"{_t(lang, 'col_distance')}: {d:.2f}"
            for a, d in distance.items()}
    deck, breaks = maps.choropleth(boundaries, distance, {a: names[a] for a in distance.index}, text, lang,
                                   highlight=town, height=420)
    deck.layers.insert(0, background_layer())  # the rest of Israel, faint, for orientation
    off_map = [names[a] for a in distance.index if a not in set(boundaries["authority_id"])]
    return deck, breaks, off_map
