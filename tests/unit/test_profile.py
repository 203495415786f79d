"""Headline cards and justice standings of the town profile, on tiny hand-made frames."""
import math

import pandas as pd
import pytest

from indicators.profile import (
    Card,
    describe_change,
    headline_card,
    justice_standings,
    justice_summary,
    latest_gap,
    standing,
    town_cards,
)

# a, b, c, d are "Negev"; x is elsewhere. d has no figures at all; b skips 2019; a and b tie in 2020.
VALUES = pd.DataFrame({
    "authority_id": ["a", "a", "a", "b", "b", "c", "c", "x", "x"],
    "year": [2018, 2019, 2020, 2018, 2020, 2019, 2020, 2019, 2020],
    "value": [10.0, 11.0, 12.0, 8.0, 12.0, 4.0, 5.0, 90.0, 100.0],
})
NEGEV = ["a", "b", "c", "d"]
ALL = ["a", "b", "c", "d", "x"]
GAPS = pd.DataFrame({
    "indicator_id": ["i", "i", "i", "j"],
    "year": [2019, 2021, 2022, 2022],
    "reason": ["blank", "not_reported", "not_available", "suppressed"],
})


def card(authority="a", direction=True, **kwargs) -> Card:
    return headline_card(VALUES, authority, NEGEV, ["c", "x"], ALL, direction, "i", **kwargs)


def test_latest_previous_and_change():
    result = card()
    assert (result.value, result.year, result.previous_value, result.previous_year) == (12.0, 2020, 11.0, 2019)
    assert result.change == pytest.approx(1.0)
    assert [y for y, _ in result.trend] == [2018, 2019, 2020]


def test_previous_skips_a_missing_year():
    result = card("b")
    assert (result.previous_year, result.previous_value) == (2018, 8.0)
    assert result.change == pytest.approx(4.0)


def test_rank_ties_share_the_better_place_and_count_only_authorities_with_data():
    assert (card().rank, card().rank_count) == (1, 3)  # a and b tie at 12; d has no figure in 2020
    assert card("b").rank == 1
    assert card("c").rank == 3


def test_rank_when_lower_is_better_and_without_direction():
    assert card(direction=False).rank == 2 and card("c", direction=False).rank == 1
    assert card(direction=None).rank == 1  # no direction: 1 = the highest value


def test_medians_of_the_same_year():
    result = card()
    assert result.negev_median == pytest.approx(12.0)  # 12, 12, 5
    assert (result.peer_median, result.peer_count) == (pytest.approx(52.5), 2)  # 5 and 100
    assert (result.israel_median, result.israel_count) == (pytest.approx(12.0), 4)


def test_rank_group_outside_the_negev_includes_the_authority():
    result = card("x", rank_ids=["x", "c"])
    assert (result.rank, result.rank_count) == (1, 2)


def test_assessment_follows_the_direction_and_is_silent_without_one():
    assert card(direction=True).assessment == "better"
    assert card(direction=False).assessment == "worse"
    assert card(direction=None).assessment is None
    assert describe_change(card(direction=None), 1) == ("up", None)
    assert describe_change(card(direction=False), 0) == ("up", "worse")


def test_a_change_that_rounds_to_zero_reads_as_unchanged():
    values = pd.DataFrame({"authority_id": ["a", "a"], "year": [2019, 2020], "value": [1.001, 1.004]})
    result = headline_card(values, "a", ["a"], [], ["a"], True)
    assert describe_change(result, 2) == ("same", None)
    assert describe_change(result, 3) == ("up", "better")


def test_single_year_has_no_change():
    values = pd.DataFrame({"authority_id": ["a"], "year": [2020], "value": [3.0]})
    result = headline_card(values, "a", ["a"], [], ["a"], True)
    assert result.change is None and result.assessment is None and describe_change(result, 1) is None


def test_no_data_carries_the_latest_gap_reason():
    result = card("d", gaps=GAPS)
    assert result.value is None and result.rank is None
    assert (result.gap_year, result.gap_reason) == (2022, "not_available")
    assert card("d").gap_reason is None  # no gap row: the page says "not published for this kind"


def test_a_gap_after_the_latest_figure_is_reported_and_earlier_ones_are_not():
    result = card(gaps=GAPS)
    assert (result.gap_year, result.gap_reason) == (2022, "not_available")
    assert latest_gap(GAPS, "i", 2022) is None
    assert latest_gap(GAPS, "j", None) == (2022, "suppressed")


def test_missing_values_are_ignored():
    values = pd.concat([VALUES, pd.DataFrame({"authority_id": ["a"], "year": [2021], "value": [math.nan]})])
    result = headline_card(values, "a", NEGEV, [], ALL, True)
    assert result.year == 2020


def test_town_cards_cover_every_indicator_and_read_directions_as_stored():
    observations = pd.concat([VALUES.assign(indicator_id="i"), VALUES.assign(indicator_id="k")])
    indicators = pd.DataFrame({"indicator_id": ["i", "j", "k"],
                               "higher_is_better": pd.array([True, pd.NA, False], dtype="object")})
    cards = town_cards(observations, indicators, "a", NEGEV, ["c"], ALL, gaps=GAPS)
    assert list(cards) == ["i", "j", "k"]
    assert cards["i"].assessment == "better" and cards["k"].assessment == "worse"
    assert cards["j"].value is None and cards["j"].higher_is_better is None
    assert cards["j"].gap_reason == "suppressed"


def test_standing_counts_the_others_in_the_same_year():
    item = standing(VALUES, "c", NEGEV, True, "i")
    assert (item.year, item.value, item.others) == (2020, 5.0, 2)
    assert (item.higher_than, item.lower_than) == (0, 2)
    assert (item.side, item.count) == ("lower", 2)
    assert item.better_than_median is False
    assert standing(VALUES, "c", NEGEV, False).better_than_median is True
    assert standing(VALUES, "c", NEGEV, None).better_than_median is None


def test_standing_ties_and_no_data():
    tie = standing(VALUES, "a", NEGEV, True)
    assert (tie.higher_than, tie.lower_than) == (1, 0)  # above c, level with b
    values = pd.DataFrame({"authority_id": ["a", "b"], "year": [2020, 2020], "value": [1.0, 1.0]})
    same = standing(values, "a", ["a", "b"], True)
    assert (same.side, same.count, same.better_than_median) == ("same", 1, None)
    assert standing(VALUES, "d", NEGEV, True) is None


def test_justice_standings_skip_absent_indicators_and_towns_without_figures():
    observations = VALUES.assign(indicator_id="wage_gini")
    indicators = pd.DataFrame({"indicator_id": ["wage_gini", "own_income_share_pct"],
                               "higher_is_better": [False, True]})
    result = justice_standings(observations, indicators, "c", NEGEV)
    assert [s.indicator_id for s in result["distribution"]] == ["wage_gini"]
    assert result["economic_base"] == []  # own income exists as an indicator but has no figures
    assert justice_summary(result["distribution"]) == (1, 1)  # lowest Gini: better than the median
    assert justice_standings(observations, indicators, "d", NEGEV)["distribution"] == []


def test_town_cards_agree_with_headline_card_on_real_shaped_data():
    """The vectorised pass must give exactly the per-indicator cards (ties, gaps, directions, no data)."""
    observations = pd.concat([
        VALUES.assign(indicator_id="i"),
        VALUES.assign(indicator_id="k", value=VALUES["value"] * -1),
        pd.DataFrame({"authority_id": ["c", "c"], "indicator_id": ["m", "m"], "year": [2020, 2021],
                      "value": [math.nan, 7.0]}),
    ])
    indicators = pd.DataFrame({"indicator_id": ["i", "j", "k", "m"],
                               "higher_is_better": pd.array([True, pd.NA, False, None], dtype="object")})
    directions = {"i": True, "j": None, "k": False, "m": None}
    for town in ALL:
        for rank_ids in (None, ["x", "c"]):
            cards = town_cards(observations, indicators, town, NEGEV, ["c", "x"], ALL, rank_ids, GAPS)
            for indicator_id, direction in directions.items():
                rows = observations[observations["indicator_id"] == indicator_id]
                expected = headline_card(rows, town, NEGEV, ["c", "x"], ALL, direction, indicator_id, rank_ids, GAPS)
                assert cards[indicator_id] == expected, (town, indicator_id, rank_ids)
