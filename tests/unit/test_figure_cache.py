"""ui/figure_cache: a view's figure is built once and shared; different builders never share entries."""
import pandas as pd
import plotly.graph_objects as go

from ui import figure_cache

calls = []


def _bars(frame: pd.DataFrame, title: str) -> go.Figure:
    calls.append(title)
    return go.Figure(go.Bar(x=frame["value"], y=frame["name"]), layout={"title": {"text": title}})


def _lines(frame: pd.DataFrame, title: str) -> go.Figure:
    calls.append(f"lines {title}")
    return go.Figure(go.Scatter(x=frame["value"], y=frame["name"]))


def test_the_same_view_is_built_once_and_serialised_once():
    bars = figure_cache.shared(_bars)
    frame = pd.DataFrame({"name": ["a", "b"], "value": [1.0, 2.0]})
    first, again = bars(frame, "one"), bars(frame.copy(), "one")
    assert first is again and calls.count("one") == 1
    assert first.to_dict() is first.to_dict()  # st.plotly_chart's to_dict(): computed once
    assert bars(frame.assign(value=[3.0, 4.0]), "one") is not first  # other figures, another view
    assert bars(frame, "two").to_dict()["layout"]["title"]["text"] == "two"


def test_two_builders_keep_their_own_figures():
    bars, lines = figure_cache.shared(_bars), figure_cache.shared(_lines)
    frame = pd.DataFrame({"name": ["a"], "value": [1.0]})
    assert bars(frame, "x").to_dict()["data"][0]["type"] == "bar"
    assert lines(frame, "x").to_dict()["data"][0]["type"] == "scatter"


def test_the_cache_is_bounded():
    assert figure_cache.MAX_VIEWS <= 64 and figure_cache.TTL_SECONDS <= 3600
