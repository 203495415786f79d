"""Charts read in the page's direction: in Hebrew and Arabic the home page's ranked bars grow from the right
(value axis reversed, town names at the right) and the leaky bucket's Sankey flows from right to left
(inflows at the right, leaks at the left); in English both read from the left."""
import json

import pytest

LEAKY = "pages/leaky_bucket.py"


def _figures(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _ranked_bar(at) -> dict:
    bars = [f for f in _figures(at) if f["data"] and f["data"][0].get("type") == "bar"
            and f["data"][0].get("orientation") == "h"]
    assert len(bars) == 1, "the home page has one ranked bar chart"
    return bars[0]


@pytest.mark.parametrize(("lang", "rtl"), [("he", True), ("ar", True), ("en", False)])
def test_home_ranked_bars_grow_from_the_readers_side(open_app, lang, rtl):
    at = open_app(lang=lang)
    assert not at.exception
    layout = _ranked_bar(at)["layout"]
    low, high = layout["xaxis"]["range"]
    assert (low > high) == rtl, layout["xaxis"]  # a reversed range runs right to left
    assert (layout["yaxis"].get("side") == "right") == rtl


def _sankey(at) -> dict:
    sankeys = [f["data"][0] for f in _figures(at) if f["data"][0].get("type") == "sankey"]
    assert len(sankeys) == 1
    return sankeys[0]


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("he", True), ("en", False)])
def test_leaky_bucket_sankey_flows_from_the_readers_side(open_app, lang, rtl):
    at = open_app(LEAKY, lang=lang, town="la-1161")
    at.number_input(key="lb_spending_outside_0").set_value(100_000_000.0)  # a leak, so all three columns exist
    at.run()
    assert not at.exception
    sankey = _sankey(at)
    x, sources, targets = sankey["node"]["x"], sankey["link"]["source"], sankey["link"]["target"]
    inflows = {s for s in sources if s not in targets}  # nodes money only leaves: the inflows
    outflows = {t for t in targets if t not in sources}  # the leaks and what circulates
    assert inflows and outflows
    for node in inflows:
        assert (x[node] > 0.5) == rtl, (node, x)
    for node in outflows:
        assert (x[node] < 0.5) == rtl, (node, x)
