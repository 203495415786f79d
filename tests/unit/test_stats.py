"""Ranks, percentiles, default years and map classes on tiny hand-made frames."""
import math

import pandas as pd

from indicators.read_model import HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL
from indicators.stats import percentile_scores, rank_among


def test_rank_respects_direction():
    values = pd.Series([10.0, 30.0, 20.0], index=["a", "b", "c"])
    assert rank_among(values, HIGHER_IS_BETTER).tolist() == [3, 1, 2]
    assert rank_among(values, LOWER_IS_BETTER).tolist() == [1, 3, 2]
    assert rank_among(values, NEUTRAL).tolist() == [3, 1, 2]


def test_rank_ties_share_the_best_place():
    assert rank_among(pd.Series([5.0, 5.0, 1.0]), HIGHER_IS_BETTER).tolist() == [1, 1, 3]


def test_percentiles_span_0_to_100_and_flip_when_lower_is_better():
    values = pd.Series([1.0, 2.0, 3.0, None])
    assert percentile_scores(values, HIGHER_IS_BETTER).tolist()[:3] == [0.0, 50.0, 100.0]
    assert percentile_scores(values, LOWER_IS_BETTER).tolist()[:3] == [100.0, 50.0, 0.0]
    assert math.isnan(percentile_scores(values, HIGHER_IS_BETTER).iloc[3])


def test_single_value_scores_middle():
    assert percentile_scores(pd.Series([7.0]), HIGHER_IS_BETTER).tolist() == [50.0]


def test_quantile_classes_cover_every_value():
    from indicators.stats import assign_classes, quantile_breaks

    values = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, None])
    breaks = quantile_breaks(values, 5)
    classes = assign_classes(values, breaks)
    assert breaks[0] == 1.0 and breaks[-1] == 5.0
    assert classes.iloc[0] == 0 and classes.iloc[4] == 4 and pd.isna(classes.iloc[5])


def test_constant_values_make_one_class():
    from indicators.stats import assign_classes, quantile_breaks

    breaks = quantile_breaks(pd.Series([2.0, 2.0]))
    assert assign_classes(pd.Series([2.0, 2.0]), breaks).tolist() == [0, 0]


def test_default_year_skips_a_thin_latest_year():
    from indicators.stats import default_year

    values = pd.DataFrame({"authority_id": ["a", "b", "c", "a", "b", "c", "a"],
                           "year": [2019, 2019, 2019, 2020, 2020, 2020, 2021],
                           "value": [1.0] * 7})
    assert default_year(values, ["a", "b", "c"]) == 2020
    assert default_year(values, ["zz"]) is None
