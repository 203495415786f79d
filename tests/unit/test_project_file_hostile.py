"""Damaged, oversized and hostile project files: whatever the bytes, loads returns a project or a reason
(never raises), the reason's message names the file and what was expected in every language, and text the
visitor typed (direction controls, formulas) opens as it was saved."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.tools import leaky_bucket, lm3, lm3_example, partnerships, project_file, spend_table
from indicators.tools.partnership_example import EXAMPLE_ACTORS, example_state
from tests import hostile
from ui.i18n import translate

VALIDATORS = {"lm3": lambda d: lm3.state_to_dict(lm3.state_from_dict(d)),
              "leaky_bucket": lambda d: leaky_bucket.state_to_dict(leaky_bucket.state_from_dict(d)),
              "partnerships": lambda d: partnerships.state_to_dict(partnerships.state_from_dict(d))}
CODES = {"too_large", "not_json", "foreign", "newer_version", "bad_shape", "bad_section"}
quick = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# JSON values as a damaged or hand-edited file could hold them: huge numbers, hostile text, nesting.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=False, allow_infinity=False) | hostile.bidi_text() | hostile.formula_text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12)


def _open(data: bytes):
    """loads, checked: a project or a known reason, never an exception; a reason reads in three languages."""
    project, error = hostile.assert_fails_politely(lambda: project_file.loads(data, VALIDATORS))
    assert (project is None) != (error is None)
    if error is not None:
        assert error.code in CODES
        assert len(error.detail or "") <= project_file.MAX_DETAIL
        for lang in ("he", "en", "ar"):
            message = translate(lang, f"project_file.error_{error.code}", file="x.json",
                                section=error.section or "", detail=error.detail or "")
            assert "x.json" in message and not any(f"{{{k}}}" in message for k in ("file", "section", "detail"))
    return project, error


def _example() -> dict:
    project = project_file.new_project("la-1161", saved="2026-12-03T10:00:00+00:00")
    project["tools"]["lm3"] = lm3.state_to_dict(lm3_example.example_state())
    project["tools"]["leaky_bucket"] = leaky_bucket.state_to_dict(
        {**leaky_bucket.empty_state(), "authority": "la-1161", "user_flows": {"tourism": 1234.5}})
    project["tools"]["partnerships"] = partnerships.state_to_dict(
        example_state("Example", {a[0]: a[0] for a in EXAMPLE_ACTORS}, lambda i: f"R{i}"))
    return project


@quick
@given(data=hostile.file_bytes())
def test_random_bytes_are_refused_politely(data):
    _open(data)


@quick
@given(document=st.dictionaries(st.sampled_from(["format", "version", "town", "saved", "tools", "extra"]),
                                json_values, max_size=5))
def test_json_of_any_shape_is_refused_politely(document):
    _open(json.dumps({"format": "kmm-project", **document}).encode())


@quick
@given(section=st.sampled_from(list(VALIDATORS)), field=st.text(max_size=3) | st.sampled_from(
    ["town", "round1", "ring", "lines", "survey", "what_if_pct", "authority", "user_flows", "plug", "title",
     "actors", "assessments"]),
    value=json_values)
def test_a_section_with_any_field_value_opens_or_names_the_section(section, field, value):
    """One field of a good file replaced by anything: it opens (and saves again the same), or the reason
    names the section."""
    project = _example()
    project["tools"][section] = {**project["tools"][section], field: value}
    opened, error = _open(json.dumps(project, ensure_ascii=False).encode())
    if error is None:
        saved = project_file.dumps(opened)
        assert project_file.dumps(_open(saved)[0]) == saved
    else:
        assert error.code == "bad_section" and error.section == section


@settings(max_examples=25, deadline=None)
@given(name=hostile.bidi_text(), formula=hostile.formula_text())
def test_direction_controls_and_formulas_in_text_open_as_saved(name, formula):
    """The visitor's own text is theirs: kept as typed in the file, neutralised only in spreadsheet exports."""
    project = _example()
    project["tools"]["lm3"]["organisation"] = name
    project["tools"]["lm3"]["lines"][0]["name"] = formula
    saved = project_file.dumps(project)
    opened, error = _open(saved)
    assert error is None
    assert opened["tools"]["lm3"]["organisation"] == name and opened["tools"]["lm3"]["lines"][0]["name"] == formula
    assert project_file.dumps(opened) == saved
    assert not str(spend_table.safe_cell(formula)).startswith(hostile.FORMULA_STARTS)


def _with(**changes) -> bytes:
    return json.dumps({**_example(), **changes}).encode()


@pytest.mark.parametrize(("data", "code", "named"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not_json", ""),               # a picture, not text
    ("{\"format\": \"kmm-project\"}".encode("utf-16"), "not_json", ""),          # another encoding
    (b"[" * 100_000, "not_json", ""),                                             # nested beyond any file
    (b'{"format": "kmm-project", "version": 1, "n": ' + b"9" * 5000 + b"}", "not_json", "digits"),
    (b"", "not_json", ""),
    (b"null", "foreign", ""),
    (json.dumps({"format": "kmm-project", "version": 2, "tools": {}}).encode(), "newer_version", "2"),
    (json.dumps({"format": "kmm-project", "version": -1, "tools": {}}).encode(), "bad_shape", "version"),
    (json.dumps({"format": "kmm-project", "version": True, "tools": {}}).encode(), "bad_shape", "version"),
    (_with(tools={"lm3": []}), "bad_section", "lm3"),
    (_with(town="../../etc/passwd"), "bad_shape", "town"),
    (_with(town="la-1161\u202e"), "bad_shape", "town"),
    (_with(saved=12), "bad_shape", "saved"),
    (_with(owner="me"), "bad_shape", "owner"),
    (_with(tools={"poetry": {}}), "bad_section", "lm3, leaky_bucket"),
])
def test_damaged_files_name_what_was_expected(data, code, named):
    project, error = _open(data)
    assert error.code == code and named in f"{error.section} {error.detail}"


def test_huge_numbers_in_a_section_are_refused_with_the_field():
    project = _example()
    project["tools"]["lm3"]["lines"][0]["amount"] = 10**400  # beyond a float: json reads it, float() overflows
    project["tools"]["leaky_bucket"]["user_flows"]["tourism"] = 10**400
    _, error = _open(json.dumps(project).encode())
    assert error.section == "lm3" and "lines[0].amount: expected a number" in error.detail
    del project["tools"]["lm3"]
    _, error = _open(json.dumps(project).encode())
    assert error.section == "leaky_bucket" and "user_flows.tourism" in error.detail
    project["tools"]["leaky_bucket"]["user_flows"]["tourism"] = float("inf")  # json writes and reads Infinity
    _, error = _open(json.dumps(project).encode())
    assert "user_flows.tourism" in error.detail


def test_a_huge_bad_value_is_shortened_in_the_reason():
    project = _example()
    del project["tools"]["lm3"], project["tools"]["leaky_bucket"]
    project["tools"]["partnerships"] = {"version": 1, "title": "", "is_example": False,
                                        "actors": [{"name": "A", "sector": "x" * hostile.HUGE, "town": None,
                                                    "role": None}], "relationships": [], "assessments": []}
    _, error = _open(json.dumps(project).encode())
    assert error.section == "partnerships" and "actors[0].sector" in error.detail
    assert len(error.detail) == project_file.MAX_DETAIL and error.detail.endswith("…")


def test_over_the_limit_is_refused_before_reading():
    padding = " " * project_file.MAX_BYTES
    _, error = _open(json.dumps(_example()).encode()[:-1] + padding.encode() + b"}")
    assert error.code == "too_large" and error.detail == "5.0"


def test_an_older_version_is_migrated_and_saves_as_the_current_one():
    old = {"format": "kmm-project", "version": 0, "town": "la-1161", "saved": "2025-01-01T00:00:00+00:00",
           **lm3_example.example_state()}
    opened, error = _open(json.dumps(old).encode())
    assert error is None and opened["version"] == project_file.VERSION
    again, _ = _open(project_file.dumps(opened))
    assert again == opened
