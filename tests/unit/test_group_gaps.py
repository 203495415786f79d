"""The population-group gap on tiny hand-made frames: medians, weighted figures, gap and its movement."""
import math

import pandas as pd
import pytest

from indicators.group_gaps import gap_by_year, gap_ranking, gap_trend, group_series, yearly_spread

GROUPS = {"arab": ["a1", "a2"], "jewish_others": ["j1", "j2", "j3"]}


def _values():
    # Arab medians 10 → 16 ; Jewish-and-others medians 30 → 30: the gap narrows from −20 to −14.
    rows = [("a1", 2015, 8.0), ("a2", 2015, 12.0), ("j1", 2015, 20.0), ("j2", 2015, 30.0), ("j3", 2015, 40.0),
            ("a1", 2020, 14.0), ("a2", 2020, 18.0), ("j1", 2020, 25.0), ("j2", 2020, 30.0), ("j3", 2020, 35.0)]
    return pd.DataFrame(rows, columns=["authority_id", "year", "value"])


def test_group_medians_and_counts_per_year():
    table = group_series(_values(), GROUPS)
    assert table.loc[2015, "arab_median"] == 10.0 and table.loc[2020, "jewish_others_median"] == 30.0
    assert table.loc[2020, "arab_count"] == 2 and table.loc[2020, "jewish_others_count"] == 3


def test_population_weighted_figure_is_total_over_total():
    population = pd.DataFrame({"authority_id": ["a1", "a2"], "year": [2015, 2015], "value": [100.0, 300.0]})
    table = group_series(_values(), GROUPS, population)
    assert table.loc[2015, "arab_weighted"] == pytest.approx((8 * 100 + 12 * 300) / 400)
    assert math.isnan(table.loc[2015, "jewish_others_weighted"])  # no population figures for that group


def test_gap_difference_ratio_and_size_in_standard_deviations():
    values = _values()
    gaps = gap_by_year(group_series(values, GROUPS), yearly_spread(values, sum(GROUPS.values(), [])))
    assert gaps.loc[2015, "gap"] == -20.0 and gaps.loc[2015, "ratio"] == pytest.approx(1 / 3)
    spread = values[values["year"] == 2015]["value"].std(ddof=0)
    assert gaps.loc[2015, "gap_sd"] == pytest.approx(-20.0 / spread)


@pytest.mark.parametrize(("direction", "behind"), [("higher_is_better", "arab"),
                                                   ("lower_is_better", "jewish_others"), ("neutral", None)])
def test_narrowing_does_not_depend_on_direction_but_who_is_behind_does(direction, behind):
    trend = gap_trend(gap_by_year(group_series(_values(), GROUPS)), direction)
    assert (trend.first_year, trend.last_year, trend.first_gap, trend.last_gap) == (2015, 2020, -20.0, -14.0)
    assert trend.movement == "narrowing" and trend.change == -6.0
    assert trend.behind == behind


def test_widening_stable_and_reversed():
    def trend_of(first, last):
        gaps = pd.DataFrame({"gap": [first, last]}, index=[2015, 2020])
        return gap_trend(gaps, "higher_is_better").movement
    assert trend_of(-5.0, -9.0) == "widening"
    assert trend_of(-10.0, -10.3) == "stable"
    assert trend_of(-5.0, 4.0) == "reversed"
    assert gap_trend(pd.DataFrame({"gap": [float("nan")]}, index=[2015]), "neutral").movement is None


def test_a_year_without_one_group_has_no_gap():
    values = _values()[lambda v: ~((v["year"] == 2020) & v["authority_id"].str.startswith("a"))]
    gaps = gap_by_year(group_series(values, GROUPS))
    assert math.isnan(gaps.loc[2020, "gap"])
    assert gap_trend(gaps, "higher_is_better").movement is None  # one year only


def test_ranking_orders_indicators_by_the_size_of_the_latest_gap():
    small = _values().assign(value=lambda v: v["value"].where(v["authority_id"].str.startswith("j"),
                                                                v["value"] + 12))
    observations = pd.concat([_values().assign(indicator_id="big"), small.assign(indicator_id="small")])
    indicators = pd.DataFrame({"indicator_id": ["small", "big"], "dimension": ["social", "economic"],
                               "direction": ["higher_is_better", "higher_is_better"]})
    table = gap_ranking(observations, indicators, GROUPS, sum(GROUPS.values(), []), min_group_size=2)
    assert table["indicator_id"].tolist() == ["big", "small"]
    assert table.loc[0, "movement"] == "narrowing" and table.loc[0, "behind"] == "arab"


def test_ranking_leaves_out_years_where_a_group_has_too_few_towns():
    observations = _values().assign(indicator_id="big")
    indicators = pd.DataFrame({"indicator_id": ["big"], "dimension": ["social"], "direction": ["higher_is_better"]})
    area = sum(GROUPS.values(), [])
    assert gap_ranking(observations, indicators, GROUPS, area).empty  # two Arab towns: below the default of 3
    table = gap_ranking(observations, indicators, GROUPS, area, min_group_size=2)
    assert table.loc[0, "arab_count"] == 2 and table.loc[0, "jewish_others_count"] == 3


def test_town_distances_measure_each_town_from_the_reference_median():
    from indicators.group_gaps import town_distances

    table = town_distances(_values(), 2020, GROUPS)
    assert table["authority_id"].tolist() == ["a1", "a2", "j1", "j2", "j3"]
    assert table.set_index("authority_id").loc["a1", "distance"] == -16.0  # 14 − median(25, 30, 35)


def test_groups_of_an_area_leave_mixed_authorities_out():
    from indicators.group_gaps import groups_of

    authorities = pd.DataFrame({"authority_id": ["a", "b", "c", "d"],
                                "population_group": ["arab", "jewish_others", "mixed", "arab"]})
    assert groups_of(authorities, ["a", "b", "c"]) == {"arab": ["a"], "jewish_others": ["b"]}
