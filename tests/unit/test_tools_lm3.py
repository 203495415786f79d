"""LM3 arithmetic: rings, survey averaging, rounds and leaks, validation, what-if, groups, candidates —
on small synthetic tables whose results are worked out by hand in the comments."""
import pytest

from indicators.tools import lm3, lm3_example
from indicators.tools.lm3 import Rings, SpendLine, SurveyAnswer
from indicators.tools.section_error import SectionError

RINGS = Rings(town="t", area=frozenset({"t", "near"}))


def _lines():
    # town 300 + 100, near 200, elsewhere in Israel 150, abroad 50: total 800
    return [SpendLine("Staff", 300, "t", lm3.STAFF), SpendLine("Baker", 100, "t", sector="food", tags=("small",)),
            SpendLine("Printer", 200, "near", sector="print", tags=("small", "social")),
            SpendLine("Chain", 150, "far", sector="food"), SpendLine("Cloud", 50, lm3.OUTSIDE_ISRAEL)]


def test_ring_levels_are_nested():
    assert [RINGS.level(p) for p in ("t", "near", "far", lm3.ISRAEL_ELSEWHERE, lm3.OUTSIDE_ISRAEL, None)] == \
        [1, 2, 3, 3, 4, 4]


def test_ring_shares_of_total_spending():
    result = lm3.compute_lm3(1000, _lines(), RINGS, 1, default_share_pct=50)
    assert result.total_spend == 800
    assert result.ring_amounts == {1: 400, 2: 600, 3: 750}
    assert result.ring_shares_pct == {1: 50.0, 2: 75.0, 3: 93.75}


def test_survey_average_is_weighted_by_what_each_respondent_received():
    answers = [SurveyAnswer("Staff", 100, 40), SurveyAnswer("staff ", 200, 70), SurveyAnswer("Baker", 0, 20),
               SurveyAnswer("Baker", 0, 60)]
    shares = lm3.survey_shares(answers)
    assert shares["staff"] == (pytest.approx(60.0), 2)  # (100×40 + 200×70) / 300
    assert shares["baker"] == (pytest.approx(40.0), 2)  # no amounts: the plain mean


def test_rounds_lm3_and_leaks_for_the_town():
    survey = [SurveyAnswer("Staff", 100, 40), SurveyAnswer("Staff", 200, 70), SurveyAnswer("Baker", 100, 30)]
    result = lm3.compute_lm3(1000, _lines(), RINGS, 1, survey)
    # R2 = 400; R3 = 300 × 60% + 100 × 30% = 210; LM3 = (1000 + 400 + 210) / 1000
    assert result.round2 == 400 and result.round3 == pytest.approx(210)
    assert result.lm3 == pytest.approx(1.61)
    assert result.leak_round1 == 600 and result.leak_round2 == pytest.approx(190)
    assert result.respend_share_pct == pytest.approx(52.5)
    assert not result.rests_on_assumption and result.missing_share == ()


def test_default_share_is_used_and_reported_as_an_assumption():
    survey = [SurveyAnswer("Staff", 100, 50)]
    result = lm3.compute_lm3(1000, _lines(), RINGS, 2, survey, default_share_pct=25)
    # R2 = 600; R3 = 300 × 50% + (100 + 200) × 25% = 225
    assert result.round3 == pytest.approx(225)
    assert result.default_used_for == ("Baker", "Printer") and result.rests_on_assumption
    assert result.lm3 == pytest.approx(1.825)


def test_missing_share_leaves_round3_and_lm3_unknown():
    result = lm3.compute_lm3(1000, _lines(), RINGS, 1, [SurveyAnswer("Staff", 1, 50)])
    assert result.missing_share == ("Baker",) and result.round3 is None and result.lm3 is None


def test_round2_larger_than_round1_is_refused():
    result = lm3.compute_lm3(300, _lines(), RINGS, 1, default_share_pct=10)
    assert result.problems == ("round2_exceeds_round1",) and result.lm3 is None
    assert lm3.compute_lm3(None, _lines(), RINGS, 1, default_share_pct=10).problems == ("no_round1",)


def test_all_local_gives_three_and_none_local_gives_one():
    everything_local = [SpendLine("A", 1000, "t")]
    assert lm3.compute_lm3(1000, everything_local, RINGS, 1, default_share_pct=100).lm3 == 3
    nothing_local = [SpendLine("A", 1000, "far")]
    assert lm3.compute_lm3(1000, nothing_local, RINGS, 1).lm3 == 1


def test_survey_answers_for_no_local_line_are_listed():
    result = lm3.compute_lm3(1000, _lines(), RINGS, 1, [SurveyAnswer("Chain", 10, 10), SurveyAnswer("Ghost", 1, 1)],
                             default_share_pct=0)
    assert result.survey_unused == ("Chain", "Ghost")


def test_what_if_moves_a_share_of_non_local_spending():
    survey = [SurveyAnswer("Staff", 1, 60), SurveyAnswer("Baker", 1, 30)]
    result = lm3.compute_lm3(1000, _lines(), RINGS, 1, survey)  # R2 400, R3 210, share 52.5%
    scenario = lm3.what_if(result, 25)
    assert scenario.moved == 100  # 25% of the 400 spent outside the town
    assert scenario.round2 == 500 and scenario.round3 == pytest.approx(262.5)
    assert scenario.lm3 == pytest.approx(1.7625)
    assert scenario.extra_circulating == pytest.approx(152.5)
    assert lm3.what_if(result, 0).lm3 == pytest.approx(result.lm3)


def test_spend_by_tag_and_sector():
    by_tag = lm3.spend_by_group(_lines(), RINGS, 2, "tags").set_index("group")
    assert by_tag.loc["small", "total"] == 300 and by_tag.loc["small", "local"] == 300
    assert by_tag.loc["", "total"] == 500  # untagged lines
    by_sector = lm3.spend_by_group(_lines(), RINGS, 1, "sector").set_index("group")
    assert by_sector.loc["food", "total"] == 250 and by_sector.loc["food", "local_share_pct"] == 40


def test_localisation_candidates_rank_outside_suppliers_by_what_they_would_add():
    result = lm3.compute_lm3(1000, _lines(), RINGS, 1, default_share_pct=50)
    table = lm3.localisation_candidates(_lines(), result, RINGS)
    assert table["name"].tolist() == ["Printer", "Chain", "Cloud"]
    assert table.loc[0, "added_circulation"] == pytest.approx(300)  # 200 × (1 + 50%)
    assert table.loc[0, "lm3_gain"] == pytest.approx(0.3)


def test_worked_example():
    """The example file's numbers, as written in the handover note."""
    state = lm3_example.example_state()
    lines, incomplete = lm3.spend_lines(state)
    assert incomplete == []
    town = Rings("la-1161", frozenset({"la-1161"}))
    result = lm3.compute_lm3(state["round1"], lines, town, 1, lm3.survey_answers(state), state["default_share_pct"])
    assert result.round2 == 380_000
    assert result.round3 == pytest.approx(172_000)  # 300k × 41.33% (124k) + 80k × 60% (48k)
    assert result.lm3 == pytest.approx(1.552)
    assert result.default_used_for == ()
    scenario = lm3.what_if(result, 10)
    assert scenario.moved == 32_000 and scenario.lm3 == pytest.approx(1.59848, abs=1e-5)


def test_state_round_trip_and_validation():
    state = lm3_example.example_state()
    assert lm3.state_from_dict(lm3.state_to_dict(state)) == state
    for bad in ({"round1": "a lot"}, {"chosen_ring": 4}, {"lines": [{"name": "x", "amount": -1}]},
                {"survey": [{"supplier": "x", "share_pct": 120}]}, {"ring": {"mode": "moon"}}, {"colour": "red"}):
        with pytest.raises(SectionError):
            lm3.state_from_dict({**lm3.empty_state(), **bad})


def test_incomplete_rows_are_kept_in_state_but_left_out_of_the_sums():
    state = lm3.empty_state()
    state["lines"] = [{"name": "A", "amount": 5, "place": "t", "kind": "supplier", "sector": "", "tags": []},
                      {"name": "", "amount": 7, "place": None, "kind": "supplier", "sector": "", "tags": []}]
    lines, incomplete = lm3.spend_lines(state)
    assert [li.name for li in lines] == ["A"] and incomplete == [2]
