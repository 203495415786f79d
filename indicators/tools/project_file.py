"""The project file: one JSON document holding every KMM tool's work for one town, with a versioned schema,
a canonical serialisation (open then save gives the same bytes) and migration of older versions.

Version 1: {"format": "kmm-project", "version": 1, "town": <authority_id or null>, "saved": <ISO time>,
            "tools": {"lm3": {...}, "leaky_bucket": {...}, "partnerships": {...}}}
Version 0 (the first drafts): the LM3 tool's fields at the top level beside format/version/town/saved,
            and no other tool.
Each section is a plain dict; its tool module validates it (state_from_dict), so this module imports none.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

FORMAT = "kmm-project"
VERSION = 1
MAX_BYTES = 5 * 1024 * 1024
SECTIONS = ("lm3", "leaky_bucket", "partnerships")
_META = ("format", "version", "town", "saved")
MAX_DETAIL = 200  # characters of a reason shown to the visitor: a huge bad value would flood the message
# The town names the saved file (kmm-project-<town>.json), so only an authority id's shape is accepted.
_TOWN_ID = re.compile(r"(la|rc)-\d{1,6}")


@dataclass(frozen=True)
class OpenError:
    """Why a file could not be opened: a message code and, where it helps, the section and field."""

    code: str  # too_large, not_json, foreign, newer_version, bad_shape, bad_section
    section: str | None = None
    detail: str | None = None


def new_project(town: str | None = None, saved: str = "") -> dict:
    return {"format": FORMAT, "version": VERSION, "town": town, "saved": saved, "tools": {}}


def _canonical(value):
    """Numbers that compare equal are written one way (1.0 as 1), so a re-saved file has the same bytes;
    NaN and infinity are not JSON and become null."""
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return value


def dumps(project: dict) -> bytes:
    """Canonical bytes: sorted keys, two-space indent, UTF-8 text as written (not \\u escapes), one
    trailing newline."""
    text = json.dumps(_canonical(project), sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def migrate(document: dict) -> dict:
    """A document of any known version, brought to the current one."""
    if document.get("version") == 0:
        lm3 = {k: v for k, v in document.items() if k not in _META}
        if lm3:
            lm3.setdefault("town", document.get("town"))  # version 0 kept the LM3 tool's town at the top
        document = {"format": FORMAT, "version": 1, "town": document.get("town"),
                    "saved": document.get("saved", ""), "tools": {"lm3": lm3} if lm3 else {}}
    return document


Validator = Callable[[dict], dict]


def _short(text: str) -> str:
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"


def _shape_problem(document: dict) -> str | None:
    """Which top-level field is wrong, and what it should hold; None when the layout is right."""
    extra = set(document) - {*_META, "tools"}
    if extra:
        return f"{_short(sorted(extra)[0])}: not a field of a project file"
    if not isinstance(document.get("tools"), dict):
        return "tools: expected an object of tool sections"
    town = document.get("town")
    if not (town is None or (isinstance(town, str) and _TOWN_ID.fullmatch(town))):
        return "town: expected an authority id such as la-1161, or null"
    if not isinstance(document.get("saved", ""), str):
        return "saved: expected a date and time as text"
    return None


def loads(data: bytes, validators: dict[str, Validator]) -> tuple[dict | None, OpenError | None]:
    """(project, None) or (None, why). Each section present is passed through its validator (the tool's
    state_from_dict), which raises ValueError with the field named when the section is wrong; a section
    with no validator is kept as it is, so a file from a fuller version of the app survives a round trip."""
    if len(data) > MAX_BYTES:
        return None, OpenError("too_large", detail=f"{len(data) / 1024 / 1024:.1f}")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as error:  # ValueError: bad UTF-8, bad JSON, an integer of 4,300+ digits
        return None, OpenError("not_json", detail=_short(str(error)))
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return None, OpenError("foreign")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        return None, OpenError("bad_shape", detail="version: expected a whole number from 0")
    if version > VERSION:
        return None, OpenError("newer_version", detail=_short(str(version)))
    document = migrate(document)
    problem = _shape_problem(document)
    if problem:
        return None, OpenError("bad_shape", detail=problem)
    tools, town = document["tools"], document.get("town")
    unknown = set(tools) - set(SECTIONS)
    if unknown:
        return None, OpenError("bad_section", section=_short(sorted(unknown)[0]),
                               detail="expected one of " + ", ".join(SECTIONS))
    checked = {}
    for section, content in tools.items():
        validate = validators.get(section)
        try:
            checked[section] = validate(content) if validate else content
        except (ValueError, RecursionError) as error:
            return None, OpenError("bad_section", section=section, detail=_short(str(error)))
    return {"format": FORMAT, "version": VERSION, "town": town, "saved": document.get("saved", ""),
            "tools": checked}, None
