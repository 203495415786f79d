"""The partnership tool's state to and from plain dicts (for the project file): an exact round trip,
a deterministic order, and a clear error naming where a damaged state is wrong. Also the example."""
import copy
import datetime as dt
import json

import pandas as pd
import pytest

from indicators.tools import partnership_network as network
from indicators.tools.partnership_checks import town_lookup
from indicators.tools.partnership_example import EXAMPLE_ACTORS, example_state
from indicators.tools.partnerships import (
    Assessment,
    PartnershipState,
    PartnershipStateError,
    blank_scores,
    scores_table,
    state_from_dict,
    state_to_dict,
)


def _example():
    return example_state("Example", {key: f"{key} (example)" for key, *_ in EXAMPLE_ACTORS}, lambda i: f"R{i}")


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def test_round_trip_is_exact():
    data = state_to_dict(_example())
    text = _json(data)
    again = state_to_dict(state_from_dict(json.loads(text)))
    assert _json(again) == text
    assert list(data) == ["version", "title", "is_example", "actors", "relationships", "assessments"]
    assert data["is_example"] is True and data["assessments"][0]["date"] == "2025-01-15"


def test_incomplete_rows_are_kept_as_typed():
    """What a user has half typed in an editor (no sector yet, an empty score, NaN from pandas) survives."""
    state = PartnershipState(title="t")
    state.actors = pd.DataFrame([{"name": "A", "sector": None, "town": float("nan"), "role": None}])
    state.relationships = pd.DataFrame([{"actor_a": "A", "actor_b": None, "step": "informing", "note": "  "}])
    state.assessments = [Assessment(dt.date(2025, 2, 1), blank_scores("R"))]
    data = state_to_dict(state)
    assert data["actors"] == [{"name": "A", "sector": None, "town": None, "role": None}]
    assert data["relationships"][0]["note"] is None
    assert [row["score"] for row in data["assessments"][0]["scores"]] == [None] * 8
    assert state_to_dict(state_from_dict(data)) == data


def test_assessments_saved_in_date_order_and_scores_as_integers():
    state = PartnershipState(assessments=[
        Assessment(dt.date(2025, 6, 1), scores_table([{"respondent": "R", "trait": "transparency", "score": 4.0,
                                                       "note": "ok"}])),
        Assessment(dt.date(2025, 1, 1), blank_scores("R")),
    ])
    data = state_to_dict(state)
    assert [a["date"] for a in data["assessments"]] == ["2025-01-01", "2025-06-01"]
    assert data["assessments"][1]["scores"] == [{"respondent": "R", "trait": "transparency", "score": 4, "note": "ok"}]


def _damaged(change):
    data = copy.deepcopy(state_to_dict(_example()))
    change(data)
    return data


@pytest.mark.parametrize("change, where", [
    (lambda d: d.update(version=99), "partnerships.version"),
    (lambda d: d.pop("title"), "partnerships"),
    (lambda d: d.update(is_example="yes"), "partnerships.is_example"),
    (lambda d: d["actors"][2].update(sector="farm"), "partnerships.actors[2].sector"),
    (lambda d: d["actors"][0].update(extra=1), "partnerships.actors[0]"),
    (lambda d: d["relationships"][1].update(step="friends"), "partnerships.relationships[1].step"),
    (lambda d: d["assessments"][0]["scores"][3].update(score=7), "partnerships.assessments[0].scores[3].score"),
    (lambda d: d["assessments"][0]["scores"][3].update(score="4"), "partnerships.assessments[0].scores[3].score"),
    (lambda d: d["assessments"][1].update(date="15/09/2025"), "partnerships.assessments[1].date"),
    (lambda d: d["assessments"][1].update(date="2025-01-15"), "partnerships.assessments[1].date"),
    (lambda d: d.update(actors={}), "partnerships.actors"),
])
def test_damaged_state_names_where(change, where):
    with pytest.raises(PartnershipStateError) as error:
        state_from_dict(_damaged(change))
    assert error.value.where == where
    assert where in str(error.value)


def test_not_a_dict():
    with pytest.raises(PartnershipStateError):
        state_from_dict(["not", "a", "state"])


def test_example_is_marked_and_shows_the_flags_it_is_meant_to():
    state = _example()
    assert state.is_example and all("(example)" in name for name in state.actors["name"])
    graph = network.build_graph(state.actors, state.relationships)
    assert [f.code for f in network.flags(graph)] == ["isolated_actor"]
    assert len(state.assessments) == 2 and all(len(a.scores) == 3 * 8 for a in state.assessments)


def test_town_lookup_accepts_ids_and_names_in_three_languages():
    authorities = pd.DataFrame([{"authority_id": "la-831", "name_he": "ירוחם", "name_en": "Yeruham",
                                 "name_ar": "يروحام"}])
    lookup = town_lookup(authorities)
    assert set(lookup.values()) == {"la-831"} and len(lookup) == 4
