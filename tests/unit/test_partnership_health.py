"""Health-check statistics, bands, order and trends, on synthetic scores made up here."""
import datetime as dt
import statistics

import pandas as pd
import pytest

from indicators.tools import partnership_health as health
from indicators.tools.partnerships import TRAITS, Assessment, scores_table


def _scores(per_respondent: dict[str, dict[str, int | None]]) -> pd.DataFrame:
    return scores_table([{"respondent": r, "trait": trait, "score": score, "note": None}
                         for r, scores in per_respondent.items() for trait, score in scores.items()])


def _all(value):
    return dict.fromkeys(TRAITS, value)


@pytest.mark.parametrize("mean, expected", [(5.0, "strength"), (4.0, "strength"), (3.99, "borderline"),
                                            (3.0, "borderline"), (2.99, "concern"), (1.0, "concern"),
                                            (None, None)])
def test_band_thresholds(mean, expected):
    assert health.band(mean) == expected


def test_mean_spread_and_band_per_trait():
    scores = _scores({"a": {**_all(4), "agreed_funding": 1}, "b": {**_all(4), "agreed_funding": 4},
                      "c": {**_all(5), "agreed_funding": 2}})
    summary = health.trait_summary(scores).set_index("trait")
    funding = summary.loc["agreed_funding"]
    assert funding["mean"] == pytest.approx(7 / 3)
    assert funding["sd"] == pytest.approx(statistics.stdev([1, 4, 2]))
    assert (funding["min"], funding["max"], funding["respondents"]) == (1, 4, 3)
    assert funding["band"] == "concern" and bool(funding["divided"])  # 1 to 4 spans 3 points
    goals = summary.loc["shared_goals"]
    assert goals["mean"] == pytest.approx(13 / 3) and goals["band"] == "strength" and not goals["divided"]


def test_weakest_first_ties_in_listed_order_and_unscored_last():
    scores = _scores({"a": {**_all(3), "transparency": 2, "shared_goals": None, "added_value": 2}})
    order = health.trait_summary(scores)["trait"].tolist()
    # added_value and transparency tie at 2 (listed order), the 3s follow in listed order, unscored last.
    assert order[:2] == ["added_value", "transparency"]
    assert order[-1] == "shared_goals"
    assert order[2:-1] == [t for t in TRAITS if t not in ("added_value", "transparency", "shared_goals")]
    unscored = health.trait_summary(scores).set_index("trait").loc["shared_goals"]
    assert unscored["respondents"] == 0 and pd.isna(unscored["mean"]) and pd.isna(unscored["band"])


def test_empty_scores_are_not_counted_and_one_score_has_no_sd():
    scores = _scores({"a": _all(2), "b": _all(None)})
    row = health.trait_summary(scores).set_index("trait").loc["shared_goals"]
    assert row["respondents"] == 1 and row["mean"] == 2 and pd.isna(row["sd"])


def test_trend_across_snapshots():
    first = Assessment(dt.date(2025, 1, 1), _scores({"a": _all(2), "b": _all(3)}))
    middle = Assessment(dt.date(2025, 6, 1), _scores({"a": _all(5)}))
    last = Assessment(dt.date(2025, 12, 1), _scores({"a": {**_all(3), "transparency": 2,
                                                            "agreed_funding": None, "shared_goals": 5}}))
    long = health.trend_table([last, first, middle])  # given out of order
    assert long["date"].tolist()[:1] == [dt.date(2025, 1, 1)]
    assert len(long) == 8 + 8 + 7  # funding not scored in the last snapshot
    trend = health.trend_by_trait([first, middle, last]).set_index("trait")
    assert trend.loc["shared_goals", "change"] == pytest.approx(2.5) and trend.loc["shared_goals", "direction"] == "up"
    assert trend.loc["transparency", "change"] == pytest.approx(-0.5)
    assert trend.loc["transparency", "direction"] == "down"  # half a point counts
    assert trend.loc["added_value", "change"] == pytest.approx(0.5)
    assert trend.loc["added_value", "direction"] == "up"
    # Funding: its last scored snapshot is the middle one.
    assert trend.loc["agreed_funding", "last_date"] == dt.date(2025, 6, 1)


def test_trend_steady_and_single_snapshot():
    first = Assessment(dt.date(2025, 1, 1), _scores({"a": _all(3)}))
    second = Assessment(dt.date(2025, 2, 1), _scores({"a": _all(3), "b": _all(4)}))
    trend = health.trend_by_trait([first, second]).set_index("trait")
    assert trend.loc["shared_goals", "change"] == pytest.approx(0.5) and trend.loc["shared_goals", "direction"] == "up"
    steady = health.trend_by_trait([first, Assessment(dt.date(2025, 3, 1), _scores({"a": _all(3), "b": _all(3),
                                                                                     "c": _all(4)}))])
    assert set(steady["direction"]) == {"steady"}
    alone = health.trend_by_trait([first])
    assert alone["direction"].isna().all()


def test_respondents_in_order_and_next_snapshot_date():
    scores = _scores({"b": _all(1), "a": _all(2)})
    assert health.respondents(scores) == ["b", "a"]
    taken = [Assessment(dt.date(2025, 5, 1), scores), Assessment(dt.date(2025, 5, 2), scores)]
    assert health.next_snapshot_date(taken, dt.date(2025, 5, 1)) == dt.date(2025, 5, 3)
    assert health.next_snapshot_date(taken, dt.date(2025, 4, 1)) == dt.date(2025, 4, 1)
