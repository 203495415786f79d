"""Local spend and LM3 (NEF's Local Multiplier 3, *The Money Trail*, 2002): pure arithmetic on one
organisation's spending table, with nested rings of what counts as local, survey averaging and a what-if.

Round 1 is the organisation's income (or budget) for a period; Round 2 what of it goes to suppliers and
staff inside the chosen ring; Round 3 what those suppliers and staff re-spend inside the same ring.
LM3 = (R1 + R2 + R3) / R1, between 1 (everything leaks at once) and 3 (everything stays local).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from indicators.tools.section_error import SectionError, is_finite_number

SUPPLIER, STAFF = "supplier", "staff"
KINDS = (SUPPLIER, STAFF)
# Two places that are not authorities: a supplier abroad, and one in Israel whose town is not given.
OUTSIDE_ISRAEL = "outside_israel"
ISRAEL_ELSEWHERE = "israel"
RING_TOWN, RING_AREA, RING_ISRAEL = 1, 2, 3
RINGS = (RING_TOWN, RING_AREA, RING_ISRAEL)
OUTSIDE = 4  # the level of a place beyond every ring


@dataclass(frozen=True)
class SpendLine:
    """One row of the spending table: a supplier or a staff group and what it received in the period."""

    name: str
    amount: float
    place: str | None  # an authority_id, ISRAEL_ELSEWHERE, OUTSIDE_ISRAEL, or None when not given
    kind: str = SUPPLIER
    sector: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SurveyAnswer:
    """One respondent of a local supplier or staff group: what they received and the share of it (0–100)
    they say they spend inside the chosen ring."""

    supplier: str
    received: float
    share_pct: float
    respondent: str = ""


@dataclass(frozen=True)
class Rings:
    """Nested rings of locality: 1 = the town, 2 = an area around it (the town included), 3 = Israel."""

    town: str
    area: frozenset[str]

    def level(self, place: str | None) -> int:
        """The innermost ring that holds `place` (OUTSIDE beyond them all, and for a missing place)."""
        if not place or place == OUTSIDE_ISRAEL:
            return OUTSIDE
        if place == self.town:
            return RING_TOWN
        if place in self.area:
            return RING_AREA
        return RING_ISRAEL


@dataclass(frozen=True)
class LineShare:
    """The re-spend share used for one local line, and where it came from."""

    name: str
    amount: float
    share_pct: float | None
    basis: str  # "survey", "default" (the user's assumption) or "missing"
    respondents: int = 0


@dataclass(frozen=True)
class LM3Result:
    round1: float
    total_spend: float
    ring_amounts: dict[int, float]  # spending inside each ring (cumulative: ring 2 includes ring 1)
    ring_shares_pct: dict[int, float | None]  # of total spending; None when nothing was spent
    chosen_ring: int
    round2: float
    round3: float | None  # None while a local line has neither survey answers nor a default share
    lm3: float | None
    leak_round1: float  # R1 - R2: spent outside the ring, or not in the table at all
    leak_round2: float | None  # R2 - R3
    respend_share_pct: float | None  # R3 / R2: what local recipients re-spend locally, on average
    line_shares: tuple[LineShare, ...]
    default_share_pct: float | None
    default_used_for: tuple[str, ...]  # lines whose Round 3 rests on the user's default share
    missing_share: tuple[str, ...]
    survey_unused: tuple[str, ...]  # survey answers naming no local line
    unplaced: tuple[str, ...]  # lines without a place (counted as not local)
    problems: tuple[str, ...] = field(default=())  # "no_round1", "round2_exceeds_round1"

    @property
    def rests_on_assumption(self) -> bool:
        return bool(self.default_used_for)


def _key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def survey_shares(answers: Iterable[SurveyAnswer]) -> dict[str, tuple[float, int]]:
    """Per supplier (by normalised name): (share re-spent locally in %, number of respondents).

    As in NEF's LM3 survey sheets, each respondent's share is weighted by what that respondent received,
    so a large supplier's answer counts for more than a small one's; when no respondent gives an amount
    (all zero) the plain mean is used.
    """
    grouped: dict[str, list[SurveyAnswer]] = {}
    for answer in answers:
        grouped.setdefault(_key(answer.supplier), []).append(answer)
    shares = {}
    for name, group in grouped.items():
        weight = sum(a.received for a in group)
        if weight > 0:
            share = sum(a.received * a.share_pct for a in group) / weight
        else:
            share = sum(a.share_pct for a in group) / len(group)
        shares[name] = (share, len(group))
    return shares


def _line_shares(local: Sequence[SpendLine], survey: dict[str, tuple[float, int]],
                 default_share_pct: float | None) -> tuple[LineShare, ...]:
    shares = []
    for line in local:
        answer = survey.get(_key(line.name))
        if answer is not None:
            shares.append(LineShare(line.name, line.amount, answer[0], "survey", answer[1]))
        elif default_share_pct is not None:
            shares.append(LineShare(line.name, line.amount, default_share_pct, "default"))
        else:
            shares.append(LineShare(line.name, line.amount, None, "missing"))
    return tuple(shares)


def compute_lm3(round1: float | None, lines: Sequence[SpendLine], rings: Rings, chosen_ring: int = RING_TOWN,
                survey: Iterable[SurveyAnswer] = (), default_share_pct: float | None = None) -> LM3Result:
    """Rounds 1–3, LM3 and the leaks for the chosen ring, plus every ring's share of total spending."""
    round1 = float(round1 or 0)
    total = sum(line.amount for line in lines)
    levels = [rings.level(line.place) for line in lines]
    ring_amounts = {ring: sum(li.amount for li, lv in zip(lines, levels, strict=True) if lv <= ring)
                    for ring in RINGS}
    ring_shares = {ring: (100 * amount / total if total > 0 else None) for ring, amount in ring_amounts.items()}
    local = [li for li, lv in zip(lines, levels, strict=True) if lv <= chosen_ring]
    round2 = ring_amounts[chosen_ring]

    answers = list(survey)
    shares = _line_shares(local, survey_shares(answers), default_share_pct)
    missing = tuple(s.name for s in shares if s.basis == "missing")
    round3 = None if missing else sum(s.amount * s.share_pct / 100 for s in shares)
    local_keys = {_key(li.name) for li in local}
    unused = tuple(sorted({a.supplier for a in answers if _key(a.supplier) not in local_keys}))

    problems = []
    if round1 <= 0:
        problems.append("no_round1")
    elif round2 > round1:
        problems.append("round2_exceeds_round1")
    lm3 = None
    if not problems and round3 is not None:
        lm3 = (round1 + round2 + round3) / round1
    return LM3Result(
        round1=round1, total_spend=total, ring_amounts=ring_amounts, ring_shares_pct=ring_shares,
        chosen_ring=chosen_ring, round2=round2, round3=round3, lm3=lm3,
        leak_round1=round1 - round2, leak_round2=None if round3 is None else round2 - round3,
        respend_share_pct=(100 * round3 / round2) if round3 is not None and round2 > 0 else None,
        line_shares=shares, default_share_pct=default_share_pct,
        default_used_for=tuple(s.name for s in shares if s.basis == "default"),
        missing_share=missing, survey_unused=unused,
        unplaced=tuple(li.name for li in lines if not li.place), problems=tuple(problems),
    )


def assumed_new_share_pct(result: LM3Result) -> float | None:
    """The re-spend share assumed for money moved to new local suppliers: what today's local recipients
    re-spend on average (R3 / R2), else the user's default share, else unknown."""
    if result.respend_share_pct is not None:
        return result.respend_share_pct
    return result.default_share_pct


@dataclass(frozen=True)
class WhatIf:
    move_pct: float
    moved: float  # ₪ moved from suppliers outside the ring to suppliers inside it
    round2: float
    round3: float | None
    lm3: float | None
    extra_circulating: float | None  # extra ₪ spent inside the ring in Rounds 2 and 3
    assumed_share_pct: float | None


def what_if(result: LM3Result, move_pct: float) -> WhatIf:
    """Move `move_pct` % of today's spending outside the chosen ring to suppliers inside it."""
    move_pct = min(max(float(move_pct), 0.0), 100.0)
    moved = (result.total_spend - result.round2) * move_pct / 100
    share = assumed_new_share_pct(result)
    round2 = result.round2 + moved
    round3 = None
    extra = None
    if result.round3 is not None and share is not None:
        round3 = result.round3 + moved * share / 100
        extra = moved * (1 + share / 100)
    lm3 = None
    if round3 is not None and result.round1 > 0 and round2 <= result.round1:
        lm3 = (result.round1 + round2 + round3) / result.round1
    return WhatIf(move_pct, moved, round2, round3, lm3, extra, share)


def localisation_candidates(lines: Sequence[SpendLine], result: LM3Result, rings: Rings,
                            top: int = 10) -> pd.DataFrame:
    """Suppliers outside the chosen ring, ranked by what they would add if bought inside it: their
    amount in Round 2 plus its local re-spend (at the assumed share) in Round 3."""
    share = assumed_new_share_pct(result)
    outside = [li for li in lines if rings.level(li.place) > result.chosen_ring]
    rows = []
    for line in outside:
        added = line.amount * (1 + share / 100) if share is not None else None
        gain = added / result.round1 if added is not None and result.round1 > 0 else None
        rows.append({"name": line.name, "place": line.place, "kind": line.kind, "sector": line.sector,
                     "amount": line.amount, "added_circulation": added, "lm3_gain": gain})
    table = pd.DataFrame(rows, columns=["name", "place", "kind", "sector", "amount", "added_circulation",
                                        "lm3_gain"])
    return table.sort_values("amount", ascending=False, kind="stable").head(top).reset_index(drop=True)


def spend_by_group(lines: Sequence[SpendLine], rings: Rings, chosen_ring: int, by: str) -> pd.DataFrame:
    """Total and local spending per tag (a line counts under each of its tags) or per sector.
    Lines with no tag or sector fall under the group ""."""
    rows = []
    for line in lines:
        groups = (line.tags or ("",)) if by == "tags" else (line.sector,)
        local = rings.level(line.place) <= chosen_ring
        for group in groups:
            rows.append({"group": group, "total": line.amount, "local": line.amount if local else 0.0})
    table = pd.DataFrame(rows, columns=["group", "total", "local"])
    table = table.groupby("group", as_index=False, sort=False)[["total", "local"]].sum()
    table["local_share_pct"] = [100 * lo / to if to > 0 else math.nan
                                for lo, to in zip(table["local"], table["total"], strict=True)]
    return table.sort_values("total", ascending=False, kind="stable").reset_index(drop=True)


def rounds_table(result: LM3Result) -> pd.DataFrame:
    """One row per round: the amount, what stays for the next round and what leaks out of the ring."""
    return pd.DataFrame([
        {"round": 1, "amount": result.round1, "leak": result.leak_round1},
        {"round": 2, "amount": result.round2, "leak": result.leak_round2},
        {"round": 3, "amount": result.round3, "leak": None},
    ])


# --- The tool's section of the project file: plain JSON, validated on open.

SECTION = "lm3"
RING_MODES = ("radius", "negev", "authorities")
_LINE_FIELDS = ("name", "amount", "place", "kind", "sector", "tags")
_SURVEY_FIELDS = ("supplier", "respondent", "received", "share_pct")


def empty_state() -> dict:
    return {"town": None, "organisation": "", "period": "", "round1": None,
            "ring": {"mode": "radius", "radius_km": 20, "authorities": []}, "chosen_ring": RING_TOWN,
            "default_share_pct": None, "what_if_pct": 10, "lines": [], "survey": [], "example": False}


def _number(value, field_name: str, allow_none: bool = True, low: float | None = None, high: float | None = None):
    if value is None and allow_none:
        return None
    if not is_finite_number(value):
        raise _error(field_name, "a number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise _error(field_name, f"a number from {low} to {high}")
    return int(value) if float(value).is_integer() else float(value)


def _text(value, field_name: str, allow_none: bool = False) -> str | None:
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise _error(field_name, "text")
    return value


def _error(field_name: str, expected: str) -> SectionError:
    return SectionError(SECTION, field_name, expected)


def _records(value, field_name: str, fields: tuple[str, ...]) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        raise _error(field_name, "a list of rows")
    for i, row in enumerate(value):
        extra = set(row) - set(fields)
        if extra:
            raise _error(f"{field_name}[{i}]", f"only the fields {', '.join(fields)}")
    return value


def state_from_dict(data) -> dict:
    """The tool's state from a project file's section; SectionError names the first field that is wrong."""
    if not isinstance(data, dict):
        raise _error("", "an object")
    state = empty_state()
    unknown = set(data) - set(state)
    if unknown:
        raise _error(sorted(unknown)[0], "a known field")
    state.update(data)
    state["town"] = _text(state["town"], "town", allow_none=True)
    state["organisation"] = _text(state["organisation"], "organisation")
    state["period"] = _text(state["period"], "period")
    state["round1"] = _number(state["round1"], "round1", low=0)
    ring = state["ring"]
    if not isinstance(ring, dict) or ring.get("mode") not in RING_MODES:
        raise _error("ring.mode", " or ".join(RING_MODES))
    authorities = ring.get("authorities", [])
    if not isinstance(authorities, list) or not all(isinstance(a, str) for a in authorities):
        raise _error("ring.authorities", "a list of authority ids")
    state["ring"] = {"mode": ring["mode"], "radius_km": _number(ring.get("radius_km", 20), "ring.radius_km",
                                                                 allow_none=False, low=0, high=500),
                     "authorities": list(authorities)}
    if state["chosen_ring"] not in RINGS:
        raise _error("chosen_ring", "1, 2 or 3")
    state["default_share_pct"] = _number(state["default_share_pct"], "default_share_pct", low=0, high=100)
    state["what_if_pct"] = _number(state["what_if_pct"], "what_if_pct", allow_none=False, low=0, high=100)
    if not isinstance(state["example"], bool):
        raise _error("example", "true or false")
    lines = []
    for i, row in enumerate(_records(state["lines"], "lines", _LINE_FIELDS)):
        where = f"lines[{i}]"
        tags = row.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise _error(f"{where}.tags", "a list of text")
        kind = row.get("kind", SUPPLIER)
        if kind not in KINDS:
            raise _error(f"{where}.kind", " or ".join(KINDS))
        lines.append({"name": _text(row.get("name", ""), f"{where}.name"),
                      "amount": _number(row.get("amount"), f"{where}.amount", low=0),
                      "place": _text(row.get("place"), f"{where}.place", allow_none=True), "kind": kind,
                      "sector": _text(row.get("sector", ""), f"{where}.sector"), "tags": tags})
    survey = []
    for i, row in enumerate(_records(state["survey"], "survey", _SURVEY_FIELDS)):
        where = f"survey[{i}]"
        survey.append({"supplier": _text(row.get("supplier", ""), f"{where}.supplier"),
                       "respondent": _text(row.get("respondent", ""), f"{where}.respondent"),
                       "received": _number(row.get("received"), f"{where}.received", low=0),
                       "share_pct": _number(row.get("share_pct"), f"{where}.share_pct", low=0, high=100)})
    state["lines"], state["survey"] = lines, survey
    return state


def state_to_dict(state: dict) -> dict:
    """The section as written to the project file (validated, so a saved file always opens again)."""
    return state_from_dict(state)


def spend_lines(state: dict) -> tuple[list[SpendLine], list[int]]:
    """The complete rows of the state's table as SpendLines, and the 1-based numbers of rows left out
    because they have no name or no amount yet."""
    lines, incomplete = [], []
    for i, row in enumerate(state["lines"], start=1):
        if not str(row.get("name") or "").strip() or row.get("amount") is None:
            if any(row.get(k) not in (None, "", []) for k in _LINE_FIELDS):
                incomplete.append(i)
            continue
        lines.append(SpendLine(row["name"], float(row["amount"]), row.get("place") or None,
                               row.get("kind") or SUPPLIER, row.get("sector") or "", tuple(row.get("tags") or ())))
    return lines, incomplete


def survey_answers(state: dict) -> list[SurveyAnswer]:
    """Survey rows with a supplier and a share; a row without an amount received weighs nothing."""
    return [SurveyAnswer(r["supplier"], float(r.get("received") or 0), float(r["share_pct"]), r.get("respondent") or "")
            for r in state["survey"] if str(r.get("supplier") or "").strip() and r.get("share_pct") is not None]
