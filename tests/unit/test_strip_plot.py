"""The justice-lens strip chart: robust scale, outliers at the edge, the town's label off the dots, hover names."""
import pandas as pd
import pytest

from ui.charts import STRIP_LABEL_Y, STRIP_ROWS, strip_plot
from ui.group_style import group_colour

NOTE = "towns beyond the scale"


def frame(values: list[float], town: str = "a0") -> pd.DataFrame:
    ids = [f"a{i}" for i in range(len(values))]
    return pd.DataFrame({
        "panel": "Floor area", "authority_id": ids, "value": values,
        "colour": [group_colour("arab" if i % 2 else "jewish_others") for i in range(len(values))],
        "hover": [f"Town {i}: {v:,.1f} m² per person" for i, v in enumerate(values)],
        "label": [f"Town {i}: {v:,.1f}" for i, v in enumerate(values)],
    })


def traces(figure):
    others, mine = figure.data[0], figure.data[1]
    return others, mine


def test_an_outlier_does_not_squeeze_the_others_and_is_marked_at_the_edge():
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 721.0]
    figure = strip_plot(frame(values), "a0", NOTE)
    others, _ = traces(figure)
    low, high = figure.layout.xaxis.range
    assert high < 12  # the scale fits the towns 1–8, not 721
    outlier = list(others.hovertext).index("Town 8: 721.0 m² per person")
    assert others.marker.symbol[outlier] == "triangle-right" and low < others.x[outlier] <= high
    assert max(x for i, x in enumerate(others.x) if i != outlier) == 8.0
    assert all(s == "circle" for i, s in enumerate(others.marker.symbol) if i != outlier)
    assert NOTE in [a.text for a in figure.layout.annotations]


def test_without_outliers_there_is_no_note():
    figure = strip_plot(frame([1.0, 2.0, 3.0, 4.0, 5.0]), "a0", NOTE)
    assert NOTE not in [a.text for a in figure.layout.annotations]


def test_the_towns_label_sits_above_every_dot_and_inside_the_plot():
    figure = strip_plot(frame([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], town="a0"), "a0", NOTE)
    label = next(a for a in figure.layout.annotations if a.text == "<b>Town 0: 1.0</b>")
    assert label.y == STRIP_LABEL_Y > max(STRIP_ROWS) and label.yanchor == "bottom"
    assert label.xanchor == "left"  # at the low end: it grows inwards, not out of the plot
    figure = strip_plot(frame([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), "a5", NOTE)
    assert next(a for a in figure.layout.annotations if a.text == "<b>Town 5: 6.0</b>").xanchor == "right"


def test_every_dot_names_its_town_and_figure_and_keeps_its_group_colour():
    data = frame([1.0, 2.0, 3.0, 4.0])
    figure = strip_plot(data, "a1", NOTE)
    others, mine = traces(figure)
    assert sorted(others.hovertext) == ["Town 0: 1.0 m² per person", "Town 2: 3.0 m² per person",
                                        "Town 3: 4.0 m² per person"]
    assert "%{hovertext}" in others.hovertemplate and "%{hovertext}" in mine.hovertemplate
    assert list(mine.hovertext) == ["Town 1: 2.0 m² per person"]
    # The town keeps its group's colour; the black outline and the diamond highlight it.
    assert list(mine.marker.color) == [group_colour("arab")] and mine.marker.line.color == "#000000"
    assert list(mine.marker.symbol) == ["diamond"]
    assert set(others.marker.color) == {group_colour("arab"), group_colour("jewish_others")}


@pytest.mark.parametrize("town", ["a0", "a8"])
def test_the_town_itself_beyond_the_scale_is_drawn_at_the_edge_with_its_true_label(town):
    values = [721.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0] if town == "a0" else [1.0, 2, 3, 4, 5, 6, 7, 8, 721.0]
    figure = strip_plot(frame(values), town, NOTE)
    _, mine = traces(figure)
    assert list(mine.marker.symbol) == ["triangle-right"] and mine.x[0] <= figure.layout.xaxis.range[1]
    assert any(a.text.startswith("<b>Town") and "721.0" in a.text for a in figure.layout.annotations)


@pytest.mark.parametrize("lang, name", [("ar", "رهط"), ("he", "רהט")])
def test_in_hebrew_and_arabic_the_label_reads_right_to_left_with_its_figure_left_to_right(lang, name):
    """SVG text is laid out left to right: without the isolates Arabic showed "%56.9" and "رهط" on the left."""
    from ui import town_profile_data

    items = town_profile_data.justice("la-1161")["distribution"]
    figure = town_profile_data.justice_figure("la-1161", lang, "distribution",
                                              tuple(f"p{i}" for i in range(len(items))), NOTE)
    labels = [a.text for a in figure.layout.annotations if name in a.text]
    assert labels and all(text.startswith(f"<b>\u2067{name}: \u2066") and text.endswith("\u2069\u2069</b>")
                          for text in labels)
    assert all(h.startswith("\u2067") and "\u2066" in h for h in figure.data[0].hovertext)
