"""The project file: canonical bytes (open then save is byte-identical), migration from version 0, and
clear refusals for damaged, foreign, oversized and invalid files."""
import json

from indicators.tools import leaky_bucket, lm3, lm3_example, project_file

VALIDATORS = {"lm3": lm3.state_from_dict, "leaky_bucket": leaky_bucket.state_from_dict}


def _project():
    project = project_file.new_project("la-1161", saved="2026-12-03T10:00:00+00:00")
    project["tools"]["lm3"] = lm3.state_to_dict(lm3_example.example_state())
    project["tools"]["leaky_bucket"] = leaky_bucket.state_to_dict(
        {**leaky_bucket.empty_state(), "authority": "la-1161", "user_flows": {"tourism": 1234.5}})
    project["tools"]["partnerships"] = {"actors": [{"name": "עמותה", "sector": "civil"}]}  # kept as it is
    return project


def test_open_then_save_is_byte_identical():
    saved = project_file.dumps(_project())
    opened, error = project_file.loads(saved, VALIDATORS)
    assert error is None
    assert project_file.dumps(opened) == saved
    assert saved.endswith(b"}\n") and "רהט".encode() not in saved  # keys sorted, text unescaped
    assert "עמותה".encode() in saved


def test_canonical_numbers():
    assert project_file.dumps({"a": 1.0, "b": 0.1, "c": float("nan")}) == b'{\n  "a": 1,\n  "b": 0.1,\n  "c": null\n}\n'


def test_version_0_is_migrated():
    old = {"format": "kmm-project", "version": 0, "town": "la-1161", "saved": "2025-01-01T00:00:00+00:00",
           **{k: v for k, v in lm3_example.example_state().items()}}
    opened, error = project_file.loads(json.dumps(old).encode(), VALIDATORS)
    assert error is None and opened["version"] == 1
    assert opened["tools"]["lm3"] == lm3_example.example_state()
    assert opened["saved"] == "2025-01-01T00:00:00+00:00"


def test_refusals():
    cases = {
        b"{not json": "not_json",
        b"\xff\xfe\x00": "not_json",
        json.dumps({"type": "FeatureCollection"}).encode(): "foreign",
        json.dumps([1, 2]).encode(): "foreign",
        json.dumps({"format": "kmm-project", "version": 9, "tools": {}}).encode(): "newer_version",
        json.dumps({"format": "kmm-project", "version": "1", "tools": {}}).encode(): "bad_shape",
        json.dumps({"format": "kmm-project", "version": 1, "tools": []}).encode(): "bad_shape",
        json.dumps({"format": "kmm-project", "version": 1, "tools": {"poetry": {}}}).encode(): "bad_section",
        b" " * (project_file.MAX_BYTES + 1): "too_large",
    }
    for data, code in cases.items():
        project, error = project_file.loads(data, VALIDATORS)
        assert project is None and error.code == code, (data[:40], error)


def test_a_section_failing_its_tool_validation_names_the_field():
    project = _project()
    project["tools"]["lm3"]["lines"][0]["amount"] = "a lot"
    opened, error = project_file.loads(project_file.dumps(project), VALIDATORS)
    assert opened is None and error.code == "bad_section" and error.section == "lm3"
    assert "lines[0].amount" in error.detail


def test_all_three_tools_in_one_file_round_trip():
    from indicators.tools import partnerships
    from indicators.tools.partnership_example import EXAMPLE_ACTORS, example_state

    validators = {**VALIDATORS, "partnerships": lambda d: partnerships.state_to_dict(partnerships.state_from_dict(d))}
    project = _project()
    state = example_state("Example", {a[0]: a[0] for a in EXAMPLE_ACTORS}, lambda i: f"R{i}")
    project["tools"]["partnerships"] = partnerships.state_to_dict(state)
    saved = project_file.dumps(project)
    opened, error = project_file.loads(saved, validators)
    assert error is None and set(opened["tools"]) == {"lm3", "leaky_bucket", "partnerships"}
    assert project_file.dumps(opened) == saved
    project["tools"]["partnerships"]["actors"][0]["sector"] = "aliens"
    opened, error = project_file.loads(project_file.dumps(project), validators)
    assert opened is None and error.section == "partnerships" and "sector" in error.detail
