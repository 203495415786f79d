"""The cross-sector partnership tool's vocabulary (sectors, roles, the six-step relationship scale, the
eight traits) and its state: what the page holds, to and from plain JSON-able dicts for the project file."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

# Seed README point 4: the public, business and civil-society sectors make a tri-sector partnership;
# "community" (residents' groups, informal bodies) is kept apart because point 5 says its involvement
# is what the periphery lacks.
SECTORS = ("public", "business", "civil_society", "community")
REQUIRED_SECTORS = ("public", "business", "civil_society")
# "integrator" is the local integrating body (הגוף המתכלל) that holds the whole picture (seed point 4).
ROLES = ("integrator", "partner", "funder", "advisor")
# Seed point 6, weakest to strongest: נתק → תחרות → יידוע → תאום → שיתוף פעולה → שותפות.
STEPS = ("disconnection", "competition", "informing", "coordination", "cooperation", "partnership")
STEP_RANK = {step: rank for rank, step in enumerate(STEPS, start=1)}
# Seed point 7, in the order the source lists them.
TRAITS = ("shared_goals", "added_value", "measurable_outcomes", "voluntary_respect", "integrated_approach",
          "all_sectors_early", "transparency", "agreed_funding")
SCORE_MIN, SCORE_MAX = 1, 5

ACTOR_COLUMNS = ("name", "sector", "town", "role")
RELATIONSHIP_COLUMNS = ("actor_a", "actor_b", "step", "note")
SCORE_COLUMNS = ("respondent", "trait", "score", "note")
STATE_VERSION = 1


@dataclass
class Assessment:
    """One health-check snapshot: the date it was taken and every respondent's scores."""

    date: dt.date
    scores: pd.DataFrame  # SCORE_COLUMNS; score is an integer 1–5 or missing (not scored)


@dataclass
class PartnershipState:
    """Everything the page holds for one partnership; rows stay in the order the user typed them."""

    title: str = ""
    is_example: bool = False
    actors: pd.DataFrame = field(default_factory=lambda: empty_table(ACTOR_COLUMNS))
    relationships: pd.DataFrame = field(default_factory=lambda: empty_table(RELATIONSHIP_COLUMNS))
    assessments: list[Assessment] = field(default_factory=list)


class PartnershipStateError(ValueError):
    """A saved state that cannot be opened: where in it, what was found and what was expected."""

    def __init__(self, where: str, found, expected: str):
        self.where, self.found, self.expected = where, found, expected
        super().__init__(f"{where}: found {found!r}, expected {expected}")


def empty_table(columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    if "score" in columns:
        frame["score"] = pd.Series(dtype="Int64")
    return frame


def scores_table(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(SCORE_COLUMNS)) if rows else empty_table(SCORE_COLUMNS)
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce").astype("Int64")
    return frame.astype({"respondent": "object", "trait": "object", "note": "object"})


def blank_scores(respondent: str) -> pd.DataFrame:
    """Eight empty rows, one per trait, for a new respondent."""
    return scores_table([{"respondent": respondent, "trait": trait, "score": None, "note": None} for trait in TRAITS])


# --- To and from plain dicts (the project file stores these as JSON).

def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _score(value) -> int | None:
    if value is None or pd.isna(value):
        return None
    return int(value)


def _rows(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[dict]:
    return [{c: (_score(row[c]) if c == "score" else _text(row[c])) for c in columns}
            for row in frame.to_dict("records")]


def state_to_dict(state: PartnershipState) -> dict:
    """The state as plain JSON-able data with a fixed key order; empty cells become None."""
    assessments = sorted(state.assessments, key=lambda a: a.date)
    return {
        "version": STATE_VERSION,
        "title": state.title,
        "is_example": bool(state.is_example),
        "actors": _rows(state.actors, ACTOR_COLUMNS),
        "relationships": _rows(state.relationships, RELATIONSHIP_COLUMNS),
        "assessments": [{"date": a.date.isoformat(), "scores": _rows(a.scores, SCORE_COLUMNS)} for a in assessments],
    }


_CODES = {"sector": SECTORS, "role": ROLES, "step": STEPS, "trait": TRAITS}


def _expect(condition: bool, where: str, found, expected: str) -> None:
    if not condition:
        raise PartnershipStateError(where, found, expected)


def _check_rows(rows, columns: tuple[str, ...], where: str) -> list[dict]:
    _expect(isinstance(rows, list), where, type(rows).__name__, "a list of rows")
    checked = []
    for i, row in enumerate(rows):
        here = f"{where}[{i}]"
        _expect(isinstance(row, dict), here, type(row).__name__, "an object")
        _expect(set(row) == set(columns), here, sorted(row), f"exactly the fields {list(columns)}")
        for column in columns:
            value = row[column]
            if column == "score":
                ok = value is None or (type(value) is int and SCORE_MIN <= value <= SCORE_MAX)
                _expect(ok, f"{here}.score", value, f"an integer {SCORE_MIN}–{SCORE_MAX} or null")
            elif column in _CODES:
                _expect(value is None or value in _CODES[column], f"{here}.{column}", value,
                        f"one of {list(_CODES[column])} or null")
            else:
                _expect(value is None or isinstance(value, str), f"{here}.{column}", value, "text or null")
        checked.append({c: row[c] for c in columns})
    return checked


def state_from_dict(data) -> PartnershipState:
    """Open a state saved by state_to_dict; anything malformed raises PartnershipStateError naming where."""
    _expect(isinstance(data, dict), "partnerships", type(data).__name__, "an object")
    expected_keys = {"version", "title", "is_example", "actors", "relationships", "assessments"}
    _expect(set(data) == expected_keys, "partnerships", sorted(data), f"exactly the fields {sorted(expected_keys)}")
    _expect(data["version"] == STATE_VERSION, "partnerships.version", data["version"], str(STATE_VERSION))
    _expect(isinstance(data["title"], str), "partnerships.title", data["title"], "text")
    _expect(isinstance(data["is_example"], bool), "partnerships.is_example", data["is_example"], "true or false")
    actors = _check_rows(data["actors"], ACTOR_COLUMNS, "partnerships.actors")
    relationships = _check_rows(data["relationships"], RELATIONSHIP_COLUMNS, "partnerships.relationships")
    _expect(isinstance(data["assessments"], list), "partnerships.assessments", data["assessments"], "a list")
    assessments = []
    for i, item in enumerate(data["assessments"]):
        here = f"partnerships.assessments[{i}]"
        _expect(isinstance(item, dict) and set(item) == {"date", "scores"}, here, item,
                "an object with date and scores")
        try:
            date = dt.date.fromisoformat(item["date"])
        except (TypeError, ValueError):
            raise PartnershipStateError(f"{here}.date", item["date"], "a date as YYYY-MM-DD") from None
        _expect(all(a.date != date for a in assessments), f"{here}.date", item["date"], "one snapshot per date")
        assessments.append(Assessment(date, scores_table(_check_rows(item["scores"], SCORE_COLUMNS, f"{here}.scores"))))
    return PartnershipState(
        title=data["title"], is_example=data["is_example"],
        actors=pd.DataFrame(actors, columns=list(ACTOR_COLUMNS)) if actors else empty_table(ACTOR_COLUMNS),
        relationships=(pd.DataFrame(relationships, columns=list(RELATIONSHIP_COLUMNS)) if relationships
                       else empty_table(RELATIONSHIP_COLUMNS)),
        assessments=sorted(assessments, key=lambda a: a.date),
    )
