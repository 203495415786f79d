"""The shared read model on tiny hand-made frames: direction, the one display order, trend frames."""
import pandas as pd
import pytest

from indicators import read_model as rm


def test_direction_from_the_declaration_flag():
    assert rm.direction_from_flag(True) == rm.HIGHER_IS_BETTER
    assert rm.direction_from_flag(False) == rm.LOWER_IS_BETTER
    for neutral in (None, float("nan"), pd.NA):
        assert rm.direction_from_flag(neutral) == rm.NEUTRAL


def test_judging_a_change_follows_the_direction_and_stays_silent_when_neutral():
    assert rm.judge_change(rm.HIGHER_IS_BETTER, 2.0) == "better"
    assert rm.judge_change(rm.LOWER_IS_BETTER, 2.0) == "worse"
    assert rm.judge_change(rm.LOWER_IS_BETTER, -0.5) == "better"
    assert rm.judge_change(rm.HIGHER_IS_BETTER, 0.0) == "same"
    assert rm.judge_change(rm.NEUTRAL, 5.0) is None
    assert rm.judge_change(rm.HIGHER_IS_BETTER, None) is None
    with pytest.raises(ValueError):
        rm.judge_change("up", 1.0)


def test_better_than_a_reference():
    assert rm.better_than(rm.HIGHER_IS_BETTER, 3.0, 2.0) is True
    assert rm.better_than(rm.LOWER_IS_BETTER, 3.0, 2.0) is False
    assert rm.better_than(rm.HIGHER_IS_BETTER, 2.0, 2.0) is None
    assert rm.better_than(rm.NEUTRAL, 3.0, 2.0) is None
    assert rm.better_than(rm.HIGHER_IS_BETTER, 3.0, None) is None


def _indicators():
    return pd.DataFrame({
        "indicator_id": ["w", "x", "y", "z"],
        "dimension": ["social", "environmental", "economic", "economic"],
        "dimension_order": [1, 2, 0, 0],
        "display_order": [2, 3, 1, 0],
        "direction": [rm.NEUTRAL, rm.LOWER_IS_BETTER, rm.HIGHER_IS_BETTER, rm.HIGHER_IS_BETTER],
        "headline_rank": pd.array([1, None, 2, 1], dtype="Int32"),
    })


def test_indicators_read_in_the_published_display_order():
    assert rm.indicator_options(_indicators()) == ["z", "y", "w", "x"]
    assert rm.indicators_by_dimension(_indicators()) == {"economic": ["z", "y"], "social": ["w"],
                                                         "environmental": ["x"]}
    assert rm.headline_ids(_indicators()) == {"economic": ["z", "y"], "social": ["w"], "environmental": []}
    assert rm.directions(_indicators())["x"] == rm.LOWER_IS_BETTER


def test_authority_options_put_the_negev_first_then_names():
    authorities = pd.DataFrame({"authority_id": ["a", "b", "c"], "is_negev": [False, True, True]})
    assert rm.authority_options(authorities, {"a": "Aleph", "b": "Zed", "c": "Beth"}) == ["c", "b", "a"]


def _values():
    return pd.DataFrame({
        "authority_id": ["a", "b", "c", "d", "e", "a", "b", "d", "d"],
        "year": [2020, 2020, 2020, 2020, 2020, 2021, 2021, 2021, 2019],
        "value": [10.0, 30.0, 20.0, 40.0, None, 12.0, 32.0, 44.0, 1.0],
    })


def test_group_medians_per_year():
    table = rm.group_medians(_values(), {"negev": ["a", "b", "c"], "two": ["a", "d"]})
    assert table.loc[2020, "negev"] == 20.0 and table.loc[2021, "two"] == 28.0
    assert pd.isna(table.loc[2019, "negev"])


def test_trend_frame_lists_chosen_series_in_order_then_medians_within_their_years():
    groups = {"Negev": ["a", "b", "c"], "Israel": ["a", "b", "c", "d", "e"]}
    frame = rm.trend_frame(_values(), ["b", "a"], {"a": "Alpha", "b": "Beta"}, groups)
    assert list(dict.fromkeys(frame["series"])) == ["Beta", "Alpha", "Negev", "Israel"]
    assert frame[frame["series"] == "Negev"].set_index("year")["value"].to_dict() == {2020: 20.0, 2021: 22.0}
    assert 2019 not in set(frame["year"])  # d's 2019 figure is outside the chosen authorities' years
    wide = rm.trend_table(frame)
    assert wide.columns.tolist() == ["Beta", "Alpha", "Negev", "Israel"] and wide.index.tolist() == [2021, 2020]


def test_trend_frame_is_empty_when_no_chosen_authority_has_a_figure():
    frame = rm.trend_frame(_values(), ["e", "zz"], {"e": "Echo"}, {"Negev": ["a"]})
    assert frame.empty and list(frame.columns) == ["series", "year", "value"]
    assert rm.trend_table(frame).empty
