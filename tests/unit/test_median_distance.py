"""A town's distance to the Negev's Jews-and-others median and Israel's median, on hand-made figures."""
import pandas as pd

from indicators.median_distance import Distance, distances, headline_distances, reference_ids
from indicators.read_model import HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL

# t is the town; j1, j2 Jews-and-others (Negev); a1 Arab (Negev); x elsewhere.
VALUES = pd.DataFrame({
    "authority_id": ["t", "j1", "j2", "a1", "x", "t", "j1"],
    "year": [2020, 2020, 2020, 2020, 2020, 2019, 2019],
    "value": [10.0, 20.0, 30.0, 5.0, 40.0, 8.0, 9.0],
})
REFERENCES = {"negev_jewish_others": ["j1", "j2"], "israel": ["t", "j1", "j2", "a1", "x"]}


def test_below_both_medians_is_worse_when_higher_is_better():
    jewish, israel = distances(VALUES, "t", 2020, REFERENCES, HIGHER_IS_BETTER)
    assert (jewish.reference, jewish.year, jewish.median, jewish.difference) == ("negev_jewish_others", 2020, 25.0,
                                                                                -15.0)
    assert jewish.side == "below" and jewish.verdict == "worse"
    assert (israel.median, israel.difference, israel.side, israel.verdict) == (20.0, -10.0, "below", "worse")


def test_direction_turns_the_verdict_not_the_side():
    jewish, _ = distances(VALUES, "t", 2020, REFERENCES, LOWER_IS_BETTER)
    assert jewish.side == "below" and jewish.verdict == "better"
    jewish, _ = distances(VALUES, "t", 2020, REFERENCES, NEUTRAL)
    assert jewish.side == "below" and jewish.verdict is None


def test_the_medians_are_of_the_town_figure_year():
    jewish, israel = distances(VALUES, "t", 2019, REFERENCES, HIGHER_IS_BETTER)
    assert jewish.median == 9.0 and jewish.side == "below"  # j2 has no 2019 figure
    assert israel.median == 8.5 and israel.side == "below"


def test_equal_and_missing():
    same = Distance("israel", 2020, median=10.0, value=10.0, direction=HIGHER_IS_BETTER)
    assert same.side == "equal" and same.verdict is None
    no_town = distances(VALUES, "t", None, REFERENCES, HIGHER_IS_BETTER)
    assert [d.side for d in no_town] == [None, None] and [d.year for d in no_town] == [None, None]
    no_reference = distances(VALUES, "t", 2020, {"negev_jewish_others": ["nobody"]}, HIGHER_IS_BETTER)[0]
    assert no_reference.median is None and no_reference.side is None and no_reference.value == 10.0


def test_headline_distances_per_indicator():
    observations = pd.concat([VALUES.assign(indicator_id="i"), VALUES.assign(indicator_id="other")])
    out = headline_distances(observations, ["i", "empty"], "t", {"i": 2020, "empty": None}, REFERENCES,
                             {"i": HIGHER_IS_BETTER, "empty": NEUTRAL, "other": NEUTRAL})
    assert set(out) == {"i", "empty"}  # only the indicators asked for
    assert [d.side for d in out["i"]] == ["below", "below"]
    assert [d.side for d in out["empty"]] == [None, None]


def test_reference_ids_are_the_negev_jewish_others_and_every_authority():
    authorities = pd.DataFrame({"authority_id": ["j", "a", "y"], "is_negev": [True, True, False],
                                "population_group": ["jewish_others", "arab", "jewish_others"]})
    assert reference_ids(authorities) == {"negev_jewish_others": ["j"], "israel": ["j", "a", "y"]}
