"""Bar labels stay inside the plot: the value axis reaches past the longest bar on each side with bars."""
from indicators.chart_room import value_range_with_room


def test_room_past_the_longest_bar():
    assert value_range_with_room([10, 50, None, float("nan")], share=0.2) == [0.0, 60.0]


def test_room_on_both_sides_of_zero():
    assert value_range_with_room([-5, 5], share=0.1) == [-6.0, 6.0]
    assert value_range_with_room([-10, -2], share=0.1) == [-11.0, 0.0]


def test_nothing_to_scale():
    assert value_range_with_room([None]) is None
    assert value_range_with_room([0, 0]) == [0.0, 1.0]


def test_ranked_bars_leave_room_for_their_labels():
    import pandas as pd

    from ui.charts import ranked_bar

    frame = pd.DataFrame({"authority_id": ["a", "b"], "name": ["A", "B"], "value": [100.0, 40.0],
                          "text": ["100", "40"]})
    low, high = ranked_bar(frame, "value").layout.xaxis.range
    assert low == 0 and high > 100
