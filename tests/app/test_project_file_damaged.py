"""A tool page keeps its table when damaged project files are opened one after another: each is refused in
the sidebar with the file named and what was wrong, direction controls in the file name dropped."""
import json

from indicators.tools import project_file

PAGE = "pages/partnerships.py"
ACTORS_CSV = b"name,sector,town,role\nHub,civil_society,la-831,integrator\nCouncil,public,la-831,partner\n"
GOOD = project_file.new_project("la-831")
DAMAGED = [
    ("random.json", bytes(range(256)) * 4, "random.json is damaged: it is not valid JSON"),
    ("newer.json", json.dumps({**GOOD, "version": 7}).encode(), "saved by a newer version of the app (schema 7)"),
    ("wrong.json", json.dumps({**GOOD, "tools": {"partnerships": {"title": 5}}}).encode(),
     "the section «partnerships» is not valid"),
    ("digits.json", b'{"format": "kmm-project", "version": 1, "n": ' + b"9" * 5000 + b"}", "digits"),
    ("big.json", b" " * (project_file.MAX_BYTES + 1), "too large for a project file"),
    ("report\u202egpj.json", b"=cmd|' /C calc'!A0", "reportgpj.json is damaged"),
]


def test_damaged_project_files_leave_the_table_as_it_was(open_app):
    at = open_app(PAGE, lang="en")
    uploader = next(u for u in at.get("file_uploader") if u.key.startswith("partnerships_upload_actors_"))
    uploader.upload("actors.csv", ACTORS_CSV, "text/csv")
    at.run()
    before = at.session_state["partnerships_state"]
    assert [a["name"] for a in before["actors"]] == ["Hub", "Council"]

    for name, data, expected in DAMAGED:
        at.sidebar.file_uploader(key="project_open_partnerships_0").upload(name, data, "application/json")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        errors = " ".join(e.value for e in at.sidebar.error)
        assert expected in errors and "Nothing was changed" in errors, (name, errors)
        assert "\u202e" not in errors
        assert at.session_state["partnerships_state"] == before, name
        names = next(df for df in at.dataframe if df.key and df.key.startswith("partnerships_editor_actors_"))
        assert names.value["name"].tolist() == ["Hub", "Council"]
