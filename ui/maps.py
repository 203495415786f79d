"""Offline choropleth maps with pydeck: our own polygons and labels, no basemap tiles needed."""
from __future__ import annotations

import json
from functools import lru_cache

import arabic_reshaper
import pandas as pd
import pydeck as pdk
from bidi import get_display

from indicators.stats import assign_classes, quantile_breaks

# Viridis, 5 classes: perceptually ordered and readable with the common colour-vision deficiencies.
PALETTE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]
NO_DATA_RGB = [200, 200, 200]
FONT = '"Noto Sans Hebrew", "Noto Sans Arabic", sans-serif'


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]


def visual_order(text: str, lang: str) -> str:
    """deck.gl lays glyphs out left to right without bidi or Arabic shaping: do both here."""
    if lang == "ar":
        return get_display(arabic_reshaper.reshape(text))
    if lang == "he":
        return get_display(text)
    return text


@lru_cache(maxsize=512)
def _geometry(geojson: str) -> dict:
    return json.loads(geojson)


def legend_entries(breaks: list[float], fmt) -> list[tuple[str, str]]:
    """(colour, "from – to") per class, for the legend drawn beside the map."""
    if len(breaks) < 2:
        return []
    return [(PALETTE[i], f"{fmt(breaks[i])} – {fmt(breaks[i + 1])}") for i in range(len(breaks) - 1)]


def choropleth(boundaries: pd.DataFrame, values: pd.Series, names: dict[str, str], value_text: dict[str, str],
               lang: str, highlight: str | None = None, height: int = 520) -> tuple[pdk.Deck, list[float]]:
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
            "properties": {"name": names[row.authority_id], "value": value_text.get(row.authority_id, ""),
                           "fill": fill + [220]},
        })
        labels.append({"position": [row.label_lon, row.label_lat],
                       "text": visual_order(names[row.authority_id], lang)})
    layers = [pdk.Layer(
        "GeoJsonLayer", data={"type": "FeatureCollection", "features": features}, pickable=True,
        stroked=True, filled=True, get_fill_color="properties.fill", get_line_color=[70, 70, 70, 255],
        line_width_min_pixels=1,
    )]
    if highlight in set(shown["authority_id"]):
        # Per-feature line widths from properties misrender in pydeck; the highlight is its own layer.
        outline = [f for f, a in zip(features, shown["authority_id"], strict=True) if a == highlight]
        layers.append(pdk.Layer("GeoJsonLayer", data={"type": "FeatureCollection", "features": outline},
                                stroked=True, filled=False, get_line_color=[0, 0, 0, 255], line_width_min_pixels=4))
    text = pdk.Layer(
        "TextLayer", data=labels, get_position="position", get_text="text", get_size=12,
        get_color=[20, 20, 20], character_set="auto", font_family=FONT, outline_width=3,
        outline_color=[255, 255, 255, 230], font_settings={"sdf": True}, get_text_anchor='"middle"',
    )
    view = _view_of(shown)
    tooltip = {"html": "<b>{name}</b><br/>{value}",
               "style": {"direction": "rtl" if lang in ("he", "ar") else "ltr", "fontFamily": FONT}}
    deck = pdk.Deck(layers=[*layers, text], initial_view_state=view, map_style=None,
                    map_provider=None, tooltip=tooltip, height=height)
    return deck, breaks


def _view_of(shown: pd.DataFrame) -> pdk.ViewState:
    if shown.empty:
        return pdk.ViewState(latitude=31.0, longitude=34.85, zoom=6.5)
    lat, lon = shown["label_lat"].mean(), shown["label_lon"].mean()
    span = max(shown["label_lat"].max() - shown["label_lat"].min(), shown["label_lon"].max() - shown["label_lon"].min())
    zoom = 7.3 if span > 1.2 else (8.2 if span > 0.4 else 9.5)
    return pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom)
