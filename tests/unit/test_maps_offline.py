"""Every map the pages draw asks for no basemap, has stable layer ids, and is sent as compact JSON."""
import json

import pandas as pd
import pytest

from indicators import store, views
from indicators.tools import partnership_network as network
from ui import maps, partnership_map
from ui.partnership_labels import Vocabulary


@pytest.fixture(scope="module")
def deck_json():
    con = store.open_store()
    boundaries = views.table(con, "boundaries")
    ids = boundaries["authority_id"].head(5).tolist()
    deck, _ = maps.choropleth(boundaries, pd.Series({a: float(i) for i, a in enumerate(ids)}),
                              {a: f"שם {a}" for a in ids}, {a: "x" for a in ids}, "he", highlight=ids[0])
    return deck.to_json()


def test_no_basemap_is_requested(deck_json):
    spec = json.loads(deck_json)
    # st.pydeck_chart fills a missing mapStyle with a CARTO style from basemaps.cartocdn.com.
    assert spec.get("mapStyle") == maps.NO_BASEMAP
    assert "cartocdn" not in deck_json and "mapbox" not in deck_json.lower()


def test_partnership_map_asks_for_no_basemap():
    """The partnerships page's actors map too: with map_style=None it asked basemaps.cartocdn.com for tiles."""
    con = store.open_store()
    boundaries = views.table(con, "boundaries")
    town = boundaries["authority_id"].iloc[0]
    actors = pd.DataFrame({"name": ["A", "B"], "sector": ["public", "business"], "town": [town, town],
                           "role": ["integrator", "partner"]})
    relationships = pd.DataFrame({"actor_a": ["A"], "actor_b": ["B"], "step": ["partnership"]})
    deck = partnership_map.actors_map(network.build_graph(actors, relationships), boundaries, {town: "x"}, [town],
                                      Vocabulary("en"))
    text = deck.to_json()
    assert json.loads(text).get("mapStyle") == maps.NO_BASEMAP
    assert "cartocdn" not in text and "mapbox" not in text.lower()


def test_layer_ids_are_fixed(deck_json):
    """Random ids would make the same map a different message every time (no reuse by the browser)."""
    assert [layer["id"] for layer in json.loads(deck_json)["layers"]] == ["kmm-areas", "kmm-highlight", "kmm-labels"]


def test_json_is_compact_and_keeps_hebrew(deck_json):
    assert "\n" not in deck_json and "שם" in deck_json


def test_serialised_once_is_the_same_text(deck_json):
    con = store.open_store()
    boundaries = views.table(con, "boundaries")
    ids = boundaries["authority_id"].head(5).tolist()
    deck, _ = maps.choropleth(boundaries, pd.Series({a: float(i) for i, a in enumerate(ids)}),
                              {a: f"שם {a}" for a in ids}, {a: "x" for a in ids}, "he", highlight=ids[0])
    assert maps.serialise_once(deck).to_json() == deck_json and deck.layers == []


def test_only_the_areas_fill_is_picked(deck_json):
    """A click reaches on_select only if deck.gl's pick on pointerdown is quick (ui/maps.OUTLINES_NOT_PICKED):
    the fill of kmm-areas is the one thing picked; its outlines, the highlight and the labels are not."""
    layers = {layer["id"]: layer for layer in json.loads(deck_json)["layers"]}
    assert layers["kmm-areas"]["pickable"] is True
    assert layers["kmm-areas"]["_subLayerProps"] == {"polygons-stroke": {"pickable": False}}
    assert not any(layers[other].get("pickable") for other in ("kmm-highlight", "kmm-labels"))
