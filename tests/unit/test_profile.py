"""Headline cards and justice standings of the town profile, on tiny hand-made frames."""
import math

import duckdb
import pandas as pd
import pytest

from indicators import views
from indicators.profile import (
    Card,
    change_in_prices,
    describe_change,
    justice_standings,
    justice_summary,
    latest_gap,
    rank_group,
    standing,
    town_cards,
)
from indicators.read_model import HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL, judge_change
from indicators.stats import rank_among

FLAG = {True: HIGHER_IS_BETTER, False: LOWER_IS_BETTER, None: NEUTRAL}

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


def latest_of(observations: pd.DataFrame) -> pd.DataFrame:
    """The store's own "latest" view, run on the given rows (the one definition of latest)."""
    con = duckdb.connect(":memory:")
    frame = observations.assign(source_id="s", edition=2022)  # noqa: F841 (read by DuckDB by name)
    con.execute("CREATE TABLE observations AS SELECT * FROM frame WHERE value IS NOT NULL")
    return views.latest_values(con)


def indicator_table(directions: dict[str, bool | None]) -> pd.DataFrame:
    ids = list(directions)
    return pd.DataFrame({"indicator_id": ids, "direction": [FLAG[directions[i]] for i in ids],
                         "display_order": range(len(ids))})


def cards_of(values: pd.DataFrame, authority: str, negev, peers, everyone, directions: dict, rank_ids=None,
             gaps=None) -> dict[str, Card]:
    observations = values if "indicator_id" in values else values.assign(indicator_id="i")
    return town_cards(observations, latest_of(observations), indicator_table(directions), authority, negev, peers,
                      everyone, rank_ids, gaps)


def card(authority="a", direction=True, **kwargs) -> Card:
    return cards_of(VALUES, authority, NEGEV, ["c", "x"], ALL, {"i": direction}, **kwargs)["i"]


def headline_card(values, authority_id, negev_ids, peer_ids, all_ids, direction, indicator_id="",
                  rank_ids=None, gaps=None) -> Card:
    """Oracle: one card computed the plain way, one indicator at a time (town_cards must agree)."""
    own = values[values["authority_id"] == authority_id].dropna(subset=["value"]).sort_values("year")
    direction = FLAG[direction]
    if own.empty:
        gap = latest_gap(gaps, indicator_id, None)
        return Card(indicator_id, direction, gap_year=gap[0] if gap else None, gap_reason=gap[1] if gap else None)
    last, prev = own.iloc[-1], (own.iloc[-2] if len(own) > 1 else None)
    year = int(last["year"])
    in_year = values[values["year"] == year].dropna(subset=["value"]).set_index("authority_id")["value"]
    group = set(negev_ids if rank_ids is None else rank_ids) | {authority_id}
    ranked = rank_among(in_year[in_year.index.isin(group)], direction)
    peers = in_year[in_year.index.isin(set(peer_ids))]
    everyone = in_year[in_year.index.isin(set(all_ids))]
    negev = in_year[in_year.index.isin(set(negev_ids))]
    gap = latest_gap(gaps, indicator_id, year)
    return Card(
        indicator_id, direction, float(last["value"]), year,
        None if prev is None else float(prev["value"]), None if prev is None else int(prev["year"]),
        rank=int(ranked[authority_id]), rank_count=len(ranked),
        negev_median=float(negev.median()) if len(negev) else None,
        peer_median=float(peers.median()) if len(peers) else None, peer_count=len(peers),
        israel_median=float(everyone.median()) if len(everyone) else None, israel_count=len(everyone),
        gap_year=gap[0] if gap else None, gap_reason=gap[1] if gap else None,
        trend=tuple((int(y), float(v)) for y, v in zip(own["year"], own["value"], strict=True)))


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
    result = cards_of(values, "a", ["a"], [], ["a"], {"i": True})["i"]
    assert describe_change(result, 2) == ("same", None)
    assert describe_change(result, 3) == ("up", "better")


def test_single_year_has_no_change():
    values = pd.DataFrame({"authority_id": ["a"], "year": [2020], "value": [3.0]})
    result = cards_of(values, "a", ["a"], [], ["a"], {"i": True})["i"]
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
    result = cards_of(values, "a", NEGEV, [], ALL, {"i": True})["i"]
    assert result.year == 2020


def test_town_cards_cover_every_indicator_in_display_order_with_their_direction():
    observations = pd.concat([VALUES.assign(indicator_id="i"), VALUES.assign(indicator_id="k")])
    indicators = indicator_table({"k": False, "i": True, "j": None})
    cards = town_cards(observations, latest_of(observations), indicators, "a", NEGEV, ["c"], ALL, gaps=GAPS)
    assert list(cards) == ["k", "i", "j"]
    assert cards["i"].assessment == "better" and cards["k"].assessment == "worse"
    assert cards["j"].value is None and cards["j"].direction == NEUTRAL
    assert cards["j"].gap_reason == "suppressed"


def test_standing_counts_the_others_in_the_same_year():
    item = standing(VALUES, "c", NEGEV, HIGHER_IS_BETTER, "i")
    assert (item.year, item.value, item.others) == (2020, 5.0, 2)
    assert (item.higher_than, item.lower_than) == (0, 2)
    assert (item.side, item.count) == ("lower", 2)
    assert item.better_than_median is False
    assert standing(VALUES, "c", NEGEV, LOWER_IS_BETTER).better_than_median is True
    assert standing(VALUES, "c", NEGEV, NEUTRAL).better_than_median is None


def test_standing_ties_and_no_data():
    tie = standing(VALUES, "a", NEGEV, HIGHER_IS_BETTER)
    assert (tie.higher_than, tie.lower_than) == (1, 0)  # above c, level with b
    values = pd.DataFrame({"authority_id": ["a", "b"], "year": [2020, 2020], "value": [1.0, 1.0]})
    same = standing(values, "a", ["a", "b"], HIGHER_IS_BETTER)
    assert (same.side, same.count, same.better_than_median) == ("same", 1, None)
    assert standing(VALUES, "d", NEGEV, HIGHER_IS_BETTER) is None


def test_justice_standings_skip_absent_indicators_and_towns_without_figures():
    observations = VALUES.assign(indicator_id="wage_gini")
    indicators = indicator_table({"wage_gini": False, "own_income_share_pct": True})
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
    directions = {"i": True, "j": None, "k": False, "m": None}
    indicators = indicator_table(directions)
    latest = latest_of(observations)
    for town in ALL:
        for rank_ids in (None, ["x", "c"]):
            cards = town_cards(observations, latest, indicators, town, NEGEV, ["c", "x"], ALL, rank_ids, GAPS)
            for indicator_id, direction in directions.items():
                rows = observations[observations["indicator_id"] == indicator_id]
                expected = headline_card(rows, town, NEGEV, ["c", "x"], ALL, direction, indicator_id, rank_ids, GAPS)
                assert cards[indicator_id] == expected, (town, indicator_id, rank_ids)


def test_rank_group_is_the_negev_or_the_district():
    authorities = pd.DataFrame({"authority_id": ["a", "b", "x", "y"], "is_negev": [True, True, False, False],
                                "district_en": ["South", "South", "North", "South"]})
    assert rank_group(authorities, "b") == ["a", "b"]
    assert rank_group(authorities, "x") == ["x"]


def test_assessment_uses_the_read_models_judgement():
    assert card(direction=False).assessment == judge_change(LOWER_IS_BETTER, card().change)


# Two years of a price index (base 2019): prices rose 10 % from 2018 to 2019.
PRICE_INDEX = pd.DataFrame({"year": [2018, 2019], "index": [100 / 1.1, 100.0]})


def wage_card(direction: str = HIGHER_IS_BETTER) -> Card:
    """A wage that rose 5 % in shekels while prices rose 10 %."""
    return Card("w", direction, value=1050.0, year=2019, previous_value=1000.0, previous_year=2018)


def test_a_shekel_change_in_constant_prices_takes_out_inflation():
    change, basis = change_in_prices(wage_card(), "ils_per_month", "constant", PRICE_INDEX)
    assert basis == "constant" and change == pytest.approx(1050.0 - 1100.0)  # 2018's 1,000 ₪ = 1,100 ₪ of 2019
    assert describe_change(wage_card(), 0, change) == ("down", "worse")  # a rise in shekels, a fall in value
    assert describe_change(wage_card(), 0) == ("up", "better")  # the published (current-price) change


def test_current_prices_other_units_and_uncovered_years_keep_the_published_change():
    assert change_in_prices(wage_card(), "ils_per_month", "current", PRICE_INDEX) == (pytest.approx(50.0), "current")
    assert change_in_prices(wage_card(), "percent", "constant", PRICE_INDEX) == (pytest.approx(50.0), "current")
    short_index = PRICE_INDEX[PRICE_INDEX["year"] == 2019]
    assert change_in_prices(wage_card(), "ils_per_month", "constant", short_index) == (pytest.approx(50.0), "current")
    single = Card("w", HIGHER_IS_BETTER, value=1050.0, year=2019)
    assert change_in_prices(single, "ils_per_month", "constant", PRICE_INDEX) == (None, "current")
