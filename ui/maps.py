"""Offline choropleth maps with pydeck: our own polygons and labels, no basemap tiles needed."""
from __future__ import annotations

import json
import math
from functools import lru_cache

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from indicators.stats import assign_classes, quantile_breaks
from ui.map_labels import PIXEL_SCALE, atlas, label_size, non_overlapping

# Viridis, 5 classes: perceptually ordered and readable with the common colour-vision deficiencies.
PALETTE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]
NO_DATA_RGB = [200, 200, 200]
# st.pydeck_chart draws a CARTO basemap (a request to basemaps.cartocdn.com) whenever a deck's JSON has no
# mapStyle, which is what map_style=None gives. pydeck's "default style" marker is the one value the
# chart removes without putting a basemap in its place (streamlit 1.67, DeckGlJsonChart); with
# map_provider=None pydeck passes it through unchanged.
NO_BASEMAP = "__MAP_STYLE__"
FONT = '"Noto Sans Hebrew", "Noto Sans Arabic", sans-serif'  # tooltips are HTML: the browser shapes them
# Only the fill is picked (tooltips, clicks). deck.gl picks synchronously in its pointerdown handler, and its
# tap recogniser drops a click whose pointerup is handled more than 250 ms (wall clock) after the pointerdown.
# Picking the outlines as well took ~300 ms in software WebGL (Chromium without a GPU), so no click on the
# Negev map reached st.pydeck_chart's on_select; without them the pick takes 20-50 ms. Outlines are still drawn.
OUTLINES_NOT_PICKED = {"polygons-stroke": {"pickable": False}}


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]


@lru_cache(maxsize=512)
def _geometry(geojson: str) -> dict:
    return json.loads(geojson)


def compact_json(deck: pdk.Deck) -> str:
    """The deck's JSON without pydeck's two-space indentation and with Hebrew and Arabic as themselves:
    a quarter of the size (≈ 170 KB instead of ≈ 660 KB for the Negev map) to build, hash, send and parse."""
    return json.dumps(deck, sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False)


def serialise_once(deck: pdk.Deck) -> pdk.Deck:
    """For a cached deck that never changes: st.pydeck_chart calls deck.to_json() on every run, so
    compute it once and hand back the same text."""
    spec = deck.to_json()
    deck.to_json = lambda: spec
    # The layers' Python data (every polygon's coordinates) is in `spec` now; a cache of decks keeps only that.
    deck.layers = []
    return deck


def legend_entries(breaks: list[float], fmt) -> list[tuple[str, str]]:
    """(colour, "from – to") per class, for the legend drawn beside the map."""
    if len(breaks) < 2:
        return []
    return [(PALETTE[i], f"{fmt(breaks[i])} – {fmt(breaks[i + 1])}") for i in range(len(breaks) - 1)]


def choropleth(boundaries: pd.DataFrame, values: pd.Series, names: dict[str, str], value_text: dict[str, str],
               lang: str, highlight: str | None = None, height: int = 520,
               no_data_text: str = "") -> tuple[pdk.Deck, list[float]]:
    """A pydeck map of the given authorities coloured by `values` (authority_id -> value).

    Returns the deck and the class breaks (for the legend). Tooltips show name and the formatted value.
    """
    shown = boundaries[boundaries["authority_id"].isin(values.index) | boundaries["authority_id"].isin(names)]
    shown = shown[shown["authority_id"].isin(names)]
    breaks = quantile_breaks(values.reindex(shown["authority_id"]))
    classes = assign_classes(values.reindex(shown["authority_id"]), breaks)
    features, labels = [], []
    for row, cls in zip(shown.itertuples(), classes, strict=True):
        fill = NO_DATA_RGB if pd.isna(cls) else _rgb(PALETTE[int(cls) if len(breaks) > 2 else 2])
        features.append({
            "type": "Feature", "geometry": _geometry(row.geojson),
            # authority_id: a click on the map names the authority it picked (ui/town_links.py).
            "properties": {"authority_id": row.authority_id, "name": names[row.authority_id],
                           "value": value_text.get(row.authority_id, no_data_text), "fill": fill + [220]},
        })
        labels.append({"authority_id": row.authority_id, "position": [row.label_lon, row.label_lat],
                       "text": names[row.authority_id], "icon": label_size(names[row.authority_id])})
    # Fixed layer ids (pydeck gives each layer a random one): the same map then serialises to the same
    # message, which the browser keeps, so a revisit is sent as a short reference instead of ~0.6 MB.
    layers = [pdk.Layer(
        "GeoJsonLayer", id="kmm-areas", data={"type": "FeatureCollection", "features": features}, pickable=True,
        stroked=True, filled=True, get_fill_color="properties.fill", get_line_color=[70, 70, 70, 255],
        line_width_min_pixels=1, _sub_layer_props=OUTLINES_NOT_PICKED,
    )]
    if highlight in set(shown["authority_id"]):
        # Per-feature line widths from properties misrender in pydeck; the highlight is its own layer.
        outline = [f for f, a in zip(features, shown["authority_id"], strict=True) if a == highlight]
        layers.append(pdk.Layer("GeoJsonLayer", id="kmm-highlight",
                                data={"type": "FeatureCollection", "features": outline},
                                stroked=True, filled=False, get_line_color=[0, 0, 0, 255], line_width_min_pixels=4))
    view = _view_of(shown, height)
    labels = non_overlapping(_by_priority(labels, shown, highlight), view.zoom)
    # One atlas image for the kept labels (ui/map_labels.atlas); each label names its rectangle in it.
    atlas_url, mapping = atlas(tuple(sorted({label["text"] for label in labels})))
    labels = [{"authority_id": label["authority_id"], "position": label["position"], "icon": label["text"],
               "size": label["icon"]["height"] / PIXEL_SCALE} for label in labels]
    # Quoted: pydeck turns a bare string argument into a JavaScript expression.
    text = pdk.Layer("IconLayer", id="kmm-labels", data=labels, get_position="position", get_icon="icon",
                     get_size="size", size_units='"pixels"', icon_atlas=f'"{atlas_url}"', icon_mapping=mapping)
    tooltip = {"html": "<b>{name}</b><br/>{value}",
               "style": {"direction": "rtl" if lang in ("he", "ar") else "ltr", "fontFamily": FONT}}
    deck = pdk.Deck(layers=[*layers, text], initial_view_state=view, map_style=NO_BASEMAP,
                    map_provider=None, tooltip=tooltip, height=height)
    deck.to_json = lambda: compact_json(deck)  # (layers added later by the caller are included)
    return deck, breaks


def _by_priority(labels: list[dict], shown: pd.DataFrame, highlight: str | None) -> list[dict]:
    """The highlighted authority first, then cities and local councils (small, densely packed, and
    what most readers look for), then regional councils, each group largest first."""
    info = shown.set_index("authority_id")
    def key(label):
        aid = label["authority_id"]
        return (aid != highlight, aid.startswith("rc-"), -float(info.at[aid, "area_km2"] or 0))
    return sorted(labels, key=key)


def _bounds(geometries: list[dict]) -> tuple[float, float, float, float]:
    lons, lats = [], []
    for geometry in geometries:
        rings = geometry["coordinates"] if geometry["type"] == "Polygon" else [
            ring for polygon in geometry["coordinates"] for ring in polygon]
        for ring in rings:
            lons.extend(point[0] for point in ring)
            lats.extend(point[1] for point in ring)
    return min(lons), min(lats), max(lons), max(lats)


def _mercator_y(lat: float) -> float:
    return (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2


def _view_of(shown: pd.DataFrame, height: int, width: int = 620) -> pdk.ViewState:
    """Fit the shown polygons into a map of about this size (deck.gl's world is 512 px at zoom 0)."""
    if shown.empty:
        return pdk.ViewState(latitude=31.0, longitude=34.85, zoom=6.5)
    west, south, east, north = _bounds([_geometry(g) for g in shown["geojson"]])
    zoom_x = math.log2(width / (512 * max(east - west, 1e-3) / 360))
    zoom_y = math.log2(height / (512 * max(_mercator_y(south) - _mercator_y(north), 1e-5)))
    return pdk.ViewState(latitude=(south + north) / 2, longitude=(west + east) / 2,
                         zoom=round(min(zoom_x, zoom_y) - 0.15, 2))
