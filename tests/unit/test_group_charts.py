"""Charts coloured by population group, and a trend chart holding a whole preset of towns."""
import pandas as pd

from ui import charts


def test_ranked_bar_takes_group_colours_and_outlines_the_highlight():
    frame = pd.DataFrame({"authority_id": ["a", "b"], "name": ["A", "B"], "value": [1.0, 2.0], "text": ["1", "2"]})
    bar = charts.ranked_bar(frame, "v", highlight="a", colours={"a": "#E69F00", "b": "#0072B2"}).data[0]
    assert list(bar.marker.color) == ["#E69F00", "#0072B2"]  # sorted ascending: a, then b
    assert list(bar.marker.line.width) == [3, 0.5]
    plain = charts.ranked_bar(frame, "v", highlight="a").data[0]
    assert list(plain.marker.color) == [charts.HIGHLIGHT, charts.BASE]


def test_many_lines_thin_out_but_chosen_ones_stay_bold():
    rows = [{"series": f"t{i}", "year": y, "value": float(i + y), "text": ""} for i in range(9) for y in (2020, 2021)]
    figure = charts.trend_lines(pd.DataFrame(rows), "v", "year", colours={"t0": "#E69F00"}, bold=frozenset({"t1"}))
    widths = {trace.name: trace.line.width for trace in figure.data}
    assert widths["t1"] == 2.5 and widths["t2"] == 1.2
    assert figure.data[0].line.color == "#E69F00"
    few = charts.trend_lines(pd.DataFrame(rows[:6]), "v", "year")
    assert {trace.line.width for trace in few.data} == {2.5}
