"""Ranks, percentiles, medians and change-since-previous on tiny hand-made frames."""
import math

import pandas as pd

from indicators.stats import (
    benchmark_table,
    latest_and_change,
    median_by_year,
    percentile_scores,
    rank_among,
)


def test_rank_respects_direction():
    values = pd.Series([10.0, 30.0, 20.0], index=["a", "b", "c"])
    assert rank_among(values, True).tolist() == [3, 1, 2]
    assert rank_among(values, False).tolist() == [1, 3, 2]
    assert rank_among(values, None).tolist() == [3, 1, 2]


def test_rank_ties_share_the_best_place():
    assert rank_among(pd.Series([5.0, 5.0, 1.0]), True).tolist() == [1, 1, 3]


def test_percentiles_span_0_to_100_and_flip_when_lower_is_better():
    values = pd.Series([1.0, 2.0, 3.0, None])
    assert percentile_scores(values, True).tolist()[:3] == [0.0, 50.0, 100.0]
    assert percentile_scores(values, False).tolist()[:3] == [100.0, 50.0, 0.0]
    assert math.isnan(percentile_scores(values, True).iloc[3])


def test_single_value_scores_middle():
    assert percentile_scores(pd.Series([7.0]), True).tolist() == [50.0]


def _values():
    return pd.DataFrame({
        "authority_id": ["a", "b", "c", "a", "b"],
        "year": [2020, 2020, 2020, 2021, 2021],
        "value": [1.0, 3.0, 100.0, 2.0, 4.0],
    })


def test_median_by_year_uses_only_the_group():
    assert median_by_year(_values(), ["a", "b"]).to_dict() == {2020: 2.0, 2021: 3.0}


def test_benchmark_table_has_a_column_per_group():
    table = benchmark_table(_values(), {"negev": ["a", "b"], "israel": ["a", "b", "c"]})
    assert table.loc[2020, "israel"] == 3.0 and table.loc[2021, "negev"] == 3.0


def test_latest_and_change_skips_missing_years():
    series = pd.DataFrame({"year": [2018, 2019, 2021], "value": [5.0, 7.0, 6.0]})
    latest = latest_and_change(series)
    assert (latest.value, latest.year, latest.previous_year, latest.change) == (6.0, 2021, 2019, -1.0)


def test_latest_and_change_without_data():
    latest = latest_and_change(pd.DataFrame({"year": [], "value": []}))
    assert latest.value is None and latest.change is None


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
