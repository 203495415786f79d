"""The headline sentence: the town against the Negev median and how the gap moved, on hand-made figures,
composed in each of the three languages from the page's message keys."""
import pandas as pd
import pytest

from indicators.headline import MedianStanding, median_standing, real_median_standing, sentence
from indicators.read_model import HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL
from ui.i18n import translate

NEGEV = ["t", "n1", "n2"]
# t is the town; n1, n2 the other Negev authorities; x elsewhere (not in the Negev median).
VALUES = pd.DataFrame({
    "authority_id": ["t", "n1", "n2", "x", "t", "n1", "n2", "t", "n1", "n2"],
    "year": [2015, 2015, 2015, 2015, 2018, 2018, 2018, 2021, 2021, 2021],
    "value": [8.0, 10.0, 12.0, 99.0, 7.0, 12.0, 14.0, 6.0, 14.0, 16.0],
})


def words(lang: str):
    return lambda key, **values: translate(lang, f"town_profile.{key}", **values)


def test_below_the_median_and_the_gap_widened_since_the_first_year():
    standing = median_standing(VALUES, "t", NEGEV, HIGHER_IS_BETTER, 1)
    assert (standing.year, standing.value, standing.median) == (2021, 6.0, 14.0)  # x is not in the Negev median
    assert (standing.since, standing.since_gap) == (2015, -2.0)
    assert (standing.side, standing.verdict, standing.trend) == ("below", "worse", "widened")


@pytest.mark.parametrize("lang, expected", [
    ("en", "Below the Negev median (14), the worse side, and the gap has widened since 2015."),
    ("he", "מתחת לחציון הנגב (14), בצד הפחות טוב, והפער גדל מאז 2015."),
    ("ar", "أقل من وسيط النقب (14)، في الجانب الأسوأ، واتسعت الفجوة منذ 2015."),
])
def test_the_sentence_in_three_languages(lang, expected):
    standing = median_standing(VALUES, "t", NEGEV, HIGHER_IS_BETTER, 1)
    assert sentence(standing, words(lang), "14") == expected


def test_lower_is_better_turns_the_verdict_and_neutral_has_none():
    assert median_standing(VALUES, "t", NEGEV, LOWER_IS_BETTER, 1).verdict == "better"
    neutral = median_standing(VALUES, "t", NEGEV, NEUTRAL, 1)
    assert neutral.verdict is None
    assert sentence(neutral, words("en"), "14") == "Below the Negev median (14), and the gap has widened since 2015."


@pytest.mark.parametrize("since_gap, trend", [(-8.0, "steady"), (-9.0, "narrowed"), (-8.04, "steady"),
                                              (3.0, "was_above"), (0.0, "widened")])
def test_how_the_gap_moved(since_gap, trend):
    standing = MedianStanding(HIGHER_IS_BETTER, 2021, 6.0, 14.0, 2015, since_gap, decimals=1)
    assert standing.trend == trend


def test_was_below_reads_as_a_change_of_side():
    standing = MedianStanding(HIGHER_IS_BETTER, 2021, 16.0, 14.0, 2015, -1.0)
    assert (standing.side, standing.verdict, standing.trend) == ("above", "better", "was_below")
    assert sentence(standing, words("en"), "14") == ("Above the Negev median (14), the better side, "
                                                      "although it was below it in 2015.")


def test_level_with_the_median_at_the_shown_decimals_has_no_verdict_or_trend():
    standing = MedianStanding(HIGHER_IS_BETTER, 2021, 14.02, 14.0, 2015, -3.0, decimals=1)
    assert (standing.side, standing.verdict, standing.trend) == ("equal", None, None)
    assert sentence(standing, words("en"), "14.0") == "Level with the Negev median (14.0)."


def test_one_year_only_says_no_trend():
    one_year = VALUES[VALUES["year"] == 2021]
    standing = median_standing(one_year, "t", NEGEV, HIGHER_IS_BETTER, 1)
    assert standing.since is None and standing.trend is None
    assert sentence(standing, words("en"), "14") == "Below the Negev median (14), the worse side."


def test_no_figure_and_no_median():
    assert sentence(median_standing(VALUES, "zz", NEGEV, HIGHER_IS_BETTER, 1), words("en"), "") == \
        "No figure to set against the Negev median."
    alone = pd.DataFrame({"authority_id": ["t"], "year": [2021], "value": [5.0]})
    standing = median_standing(alone, "t", ["n1"], HIGHER_IS_BETTER, 1)
    assert standing.side is None
    assert sentence(standing, words("he"), "") == "אין חציון נגב לשנת 2021 להשוואה."


def test_a_shekel_gap_that_grew_with_prices_alone_has_not_widened():
    """Hand-made: every figure doubled between 2015 and 2021 (prices doubled). In shekels of the day the gap
    grew from 20 to 40; in constant prices it is 20 both years, so the sentence must say "steady"."""
    published = pd.DataFrame({"authority_id": ["t", "n1", "n2"] * 2, "year": [2015] * 3 + [2021] * 3,
                              "value": [80.0, 100.0, 120.0, 160.0, 200.0, 240.0]})
    constant = published.assign(value=published["value"].where(published["year"] == 2015, published["value"] / 2))
    assert median_standing(published, "t", NEGEV, HIGHER_IS_BETTER, 0).trend == "widened"
    standing = real_median_standing(published, constant, "t", NEGEV, HIGHER_IS_BETTER, 0)
    assert standing.trend == "steady" and standing.since == 2015
    assert (standing.value, standing.median) == (160.0, 200.0)  # the card's figures, as published
