"""Editable tables read right to left in Hebrew and Arabic, as the read-only ones do (ui/tables.py): the
editor lists its columns backwards, so the first stands at the right; an edit still lands in the field
it was made in (edits are keyed by column name, and the page reads back the frame's own columns)."""
import pytest

from indicators.tools import partnerships as model

ACTORS_CSV = b"name,sector,town,role\nHub,civil_society,la-831,integrator\nCouncil,public,la-831,partner\n"


def _no_exception(at):
    assert not at.exception, [e.value for e in at.exception]


def _editor(at, prefix):
    return next(df for df in at.dataframe if df.key and df.key.startswith(prefix))


@pytest.mark.parametrize("lang, rtl", [("he", True), ("ar", True), ("en", False)])
def test_partnership_actors_editor_mirrors_and_edits_the_right_field(open_app, lang, rtl):
    at = open_app("pages/partnerships.py", lang=lang)
    uploader = next(u for u in at.get("file_uploader") if u.key.startswith("partnerships_upload_actors_"))
    uploader.upload("actors.csv", ACTORS_CSV, "text/csv")
    at.run()
    _no_exception(at)
    editor = _editor(at, "partnerships_editor_actors_")
    columns = list(model.ACTOR_COLUMNS)
    assert list(editor.proto.column_order) == (columns[::-1] if rtl else columns)
    # The second actor's town, edited in the grid: only that field changes.
    at.session_state[editor.key] = {"edited_rows": {1: {"town": "la-1161"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    _no_exception(at)
    actors = at.session_state["partnerships_state"]["actors"]
    assert actors[1] == {"name": "Council", "sector": "public", "town": "la-1161", "role": "partner"}
    assert actors[0]["town"] == "la-831"


@pytest.mark.parametrize("lang, rtl", [("ar", True), ("en", False)])
def test_local_spend_survey_editor_mirrors_and_edits_the_right_field(open_app, lang, rtl):
    at = open_app("pages/local_spend.py", lang=lang)
    _no_exception(at)
    editor = _editor(at, f"lm3_survey_{lang}_")
    columns = ["supplier", "respondent", "received", "share_pct"]
    assert list(editor.proto.column_order) == (columns[::-1] if rtl else columns)
    lines = _editor(at, f"lm3_lines_{lang}_")
    assert list(lines.proto.column_order)[-1 if rtl else 0] == "name"
    row = {"supplier": "Bakery", "respondent": "C", "received": 100000, "share_pct": 30}
    at.session_state[editor.key] = {"edited_rows": {}, "added_rows": [row], "deleted_rows": []}
    at.run()
    _no_exception(at)
    survey = at.session_state["kmm_project"]["tools"]["lm3"]["survey"]
    assert survey == [{"supplier": "Bakery", "respondent": "C", "received": 100000.0, "share_pct": 30.0}]
