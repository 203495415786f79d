"""The partnership's actors on the map, at their local authorities, with lines between related actors:
pydeck over our own polygons, no basemap (works offline); names drawn as server-rendered labels."""
from __future__ import annotations

import html
import math

import networkx as nx
import pandas as pd
import pydeck as pdk
import streamlit as st

from indicators.tools.partnerships import STEP_RANK
from ui.map_labels import display_size, drawable, label_icon, non_overlapping
from ui.maps import FONT, NO_BASEMAP, _geometry, _rgb, _view_of
from ui.partnership_charts import SECTOR_STYLE, STEP_STYLE
from ui.partnership_labels import Vocabulary

SPREAD_PIXELS = 22  # actors sharing a town sit on a small circle (this radius on screen) around its label point


def spread_degrees(zoom: float) -> float:
    """SPREAD_PIXELS in degrees of longitude at a zoom level (deck.gl's world is 512 px at zoom 0)."""
    return SPREAD_PIXELS * 360 / (512 * 2 ** zoom)


def actor_points(actors: pd.DataFrame, boundaries: pd.DataFrame, spread: float) -> pd.DataFrame:
    """name, town, lon, lat for actors with a town that has a boundary; several in one town are spread
    evenly on a circle (first actor to the east, then counter-clockwise) so none hides another."""
    places = boundaries.set_index("authority_id")[["label_lon", "label_lat"]]
    placed = actors[actors["town"].isin(places.index)]
    rows = []
    for town, group in placed.groupby("town", sort=False):
        lon, lat = places.at[town, "label_lon"], places.at[town, "label_lat"]
        count = len(group)
        for i, name in enumerate(group["name"]):
            angle = 2 * math.pi * i / count
            radius = spread if count > 1 else 0.0
            rows.append({"name": name, "town": town, "lon": lon + radius * math.cos(angle),
                         "lat": lat + radius * math.sin(angle)})
    return pd.DataFrame(rows, columns=["name", "town", "lon", "lat"])


def actors_map(graph: nx.Graph, boundaries: pd.DataFrame, town_names: dict[str, str], negev: list[str],
               words: Vocabulary, height: int = 520) -> pdk.Deck | None:
    """The Negev's authorities as a light backdrop (towns with actors a shade darker), a line per
    relationship above disconnection (width and colour by step), a dot per actor (colour by sector, a
    black ring for the integrator) and its name. None when no actor has a town with a boundary."""
    actors = pd.DataFrame([{"name": n, **d} for n, d in graph.nodes(data=True)],
                          columns=["name", "sector", "role", "town"])
    used = set(actors["town"].dropna()) & set(boundaries["authority_id"])
    if not used:
        return None
    view = _view_of(boundaries[boundaries["authority_id"].isin(used)], height)
    view.zoom = min(view.zoom, 10.5)  # one town alone would otherwise fill the map
    points = actor_points(actors, boundaries, spread_degrees(view.zoom))
    at = points.set_index("name")
    shown = boundaries[boundaries["authority_id"].isin(set(negev) | used)]
    features = [{"type": "Feature", "geometry": _geometry(row.geojson),
                 "properties": {"name": town_names.get(row.authority_id, row.authority_id), "value": "",
                                "fill": [205, 215, 225, 200] if row.authority_id in used else [235, 235, 235, 160]}}
                for row in shown.itertuples()]
    lines = [{"from": [at.at[a, "lon"], at.at[a, "lat"]], "to": [at.at[b, "lon"], at.at[b, "lat"]],
              "colour": _rgb(STEP_STYLE[d["step"]]["color"]) + [230], "width": STEP_STYLE[d["step"]]["width"],
              "name": f"{a} — {b}", "value": words.label("step", d["step"])}
             for a, b, d in graph.edges(data=True)
             if d["rank"] > STEP_RANK["disconnection"] and a in at.index and b in at.index]
    sector_of = actors.set_index("name")["sector"]
    role_of = actors.set_index("name")["role"]
    dots = [{"position": [row.lon, row.lat], "name": row.name,
             "value": f"{words.label('sector', sector_of[row.name])} · {town_names.get(row.town, row.town)}",
             "colour": _rgb(SECTOR_STYLE[sector_of[row.name]]["color"]) + [255],
             "ring": 3 if role_of[row.name] == "integrator" else 1,
             "radius": 9 if role_of[row.name] == "integrator" else 7}
            for row in points.itertuples()]
    texts = [(row, drawable(row.name)) for row in points.itertuples()]
    labels = [{"position": [row.lon, row.lat], "icon": label_icon(text)} for row, text in texts if text]
    labels = non_overlapping(labels, view.zoom)
    for label in labels:
        label["size"] = display_size(label["icon"])[1]
    layers = [
        pdk.Layer("GeoJsonLayer", data={"type": "FeatureCollection", "features": features}, pickable=True,
                  stroked=True, filled=True, get_fill_color="properties.fill", get_line_color=[140, 140, 140, 255],
                  line_width_min_pixels=1),
        pdk.Layer("LineLayer", data=lines, get_source_position="from", get_target_position="to",
                  get_color="colour", get_width="width", width_units='"pixels"', pickable=True),
        pdk.Layer("ScatterplotLayer", data=dots, get_position="position", get_fill_color="colour",
                  get_line_color=[0, 0, 0, 255], get_line_width="ring", line_width_units='"pixels"', stroked=True,
                  get_radius="radius", radius_units='"pixels"', pickable=True),
        # Labels just above each dot (pixel offset), quoted: pydeck reads bare strings as JavaScript.
        pdk.Layer("IconLayer", data=labels, get_position="position", get_icon="icon", get_size="size",
                  size_units='"pixels"', get_pixel_offset=[0, -16]),
    ]
    tooltip = {"html": "<b>{name}</b><br/>{value}",
               "style": {"direction": "rtl" if words.lang in ("he", "ar") else "ltr", "fontFamily": FONT}}
    return pdk.Deck(layers=layers, initial_view_state=view, map_style=NO_BASEMAP, map_provider=None, tooltip=tooltip,
                    height=height)


def legend(words: Vocabulary) -> None:
    """Sector swatches with their names, and a sentence on what line width means (not colour alone)."""
    items = "".join(
        f'<span class="kmm-legend-item" role="listitem"><span class="kmm-swatch" '
        f'style="background:{style["color"]};border-radius:50%"></span>'
        f'{html.escape(words.label("sector", sector))}</span>'
        for sector, style in SECTOR_STYLE.items())
    title = html.escape(words.t("map_legend_sectors"))
    st.markdown(f'<div class="kmm-legend"><strong>{title}</strong><span class="kmm-legend" role="list" '
                f'aria-label="{title}">{items}</span></div>', unsafe_allow_html=True)
    st.caption(words.t("map_legend_lines"))
