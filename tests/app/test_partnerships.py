"""Partnerships page through AppTest, driven by widget keys: uploads (good and bad), edits in the tables,
the network, the map, a health check over two snapshots, downloads, the example, and the work kept across
a page switch. Files and scores are synthetic, made here."""
import datetime as dt
import json

import pytest

PAGE = "pages/partnerships.py"
ACTORS_CSV = (b"name,sector,town,role\n"
              b"Hub,civil_society,la-831,integrator\n"
              b"Council,public,la-831,partner\n"
              b"Shop,business,Dimona,partner\n"
              b"Residents,community,,partner\n")
RELATIONSHIPS_CSV = (b"actor_a,actor_b,step,note\n"
                     b"Hub,Council,partnership,\n"
                     b"Hub,Shop,cooperation,\n"
                     b"Council,Residents,informing,\n"
                     b"Shop,Residents,competition,\n")
SCORES_CSV = ("date,respondent,trait,score,note\n"
              + "".join(f"2025-01-10,R1,{trait},2,\n" for trait in ("1", "2", "3", "4", "5", "6", "7", "8"))
              + "".join(f"2025-01-10,R2,{trait},3,\n" for trait in ("1", "2", "3", "4", "5", "6", "7", "8"))
              ).encode("utf-8")


def _no_exception(at):
    assert not at.exception, [e.value for e in at.exception]


def _editor(at, name):
    return next(df for df in at.dataframe if df.key and df.key.startswith(f"partnerships_editor_{name}_"))


def _upload(at, name, file_name, data):
    uploader = next(u for u in at.get("file_uploader") if u.key.startswith(f"partnerships_upload_{name}_"))
    uploader.upload(file_name, data, "text/csv")
    at.run()
    _no_exception(at)


def _charts(at) -> set[str]:
    """Keys of the plotly charts drawn (AppTest has no accessor of its own for them)."""
    return {e.proto.id.rsplit("-", 1)[-1] for e in at.get("plotly_chart")}


def _state(at):
    return at.session_state["partnerships_state"]


@pytest.fixture
def page(open_app):
    at = open_app(PAGE, lang="en")
    _no_exception(at)
    return at


def test_a_full_use(page):
    at = page
    assert at.title[0].value == "Partnerships"
    assert any("No actors yet" in i.value for i in at.info)

    # Upload the register and the relationships.
    _upload(at, "actors", "actors.csv", ACTORS_CSV)
    assert any("Loaded 4 rows from actors.csv" in s.value for s in at.success)
    assert _editor(at, "actors").value["name"].tolist() == ["Hub", "Council", "Shop", "Residents"]
    assert _editor(at, "actors").value["town"].tolist()[:3] == ["la-831", "la-831", "la-2200"]
    _upload(at, "relationships", "rel.csv", RELATIONSHIPS_CSV)
    assert any("Loaded 4 rows" in s.value for s in at.success)

    # The network: 3 ties (competition is not one) of 6 possible pairs.
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Actors": "4", "Ties": "3", "Density": "0.50"}
    assert "partnerships_graph" in _charts(at)
    assert len(at.get("deck_gl_json_chart")) == 1
    assert any("Residents" in c.value and "Not on the map" in c.value for c in at.caption)
    assert any("Hub reaches 2 of 3 other actors directly (67%)" in m.value for m in at.markdown)
    measures = next(df.value for df in at.dataframe if "betweenness" in df.value.columns).set_index("name")
    # Hub and Council each lie on two of the three shortest paths between the others.
    assert measures.loc["Hub", "betweenness"] == pytest.approx(2 / 3)
    assert measures.loc["Council", "betweenness"] == pytest.approx(2 / 3)
    assert measures.loc["Residents", "degree"] == 1

    # A bad upload keeps the table and says where the problem is.
    _upload(at, "actors", "bad.csv", b"name,sector\nFarm,agriculture\n")
    error = next(e.value for e in at.error)
    assert "bad.csv was not loaded" in error and "row 2" in error and "“sector”" in error and "agriculture" in error
    assert len(_editor(at, "actors").value) == 4

    # Typing in the editor: one more actor; its missing sector is reported, not counted, and kept as typed.
    editor = _editor(at, "actors")
    at.session_state[editor.key] = {"edited_rows": {}, "added_rows": [{"name": "Clinic"}], "deleted_rows": []}
    at.run()
    _no_exception(at)
    assert any("Actors table, row 5, column “sector”" in w.value for w in at.warning)
    assert {"name": "Clinic", "sector": None, "town": None, "role": None} in _state(at)["actors"]
    assert {m.label: m.value for m in at.metric}["Actors"] == "4"
    at.session_state[editor.key] = {"edited_rows": {}, "added_rows": [{"name": "Clinic", "sector": "public"}],
                                    "deleted_rows": []}
    at.run()
    assert {m.label: m.value for m in at.metric}["Actors"] == "5"

    # Health check: a snapshot, a respondent, scores typed in.
    at.date_input(key="partnerships_new_date").set_value(dt.date(2025, 9, 1))
    at.button(key="partnerships_add_snapshot").click().run()
    _no_exception(at)
    at.text_input(key="partnerships_new_respondent").set_value("Dana")
    at.button(key="partnerships_add_respondent").click().run()
    scores = _editor(at, "scores")
    assert scores.value["respondent"].tolist() == ["Dana"] * 8
    at.session_state[scores.key] = {"edited_rows": {i: {"score": 5 if i < 4 else 2} for i in range(8)},
                                    "added_rows": [], "deleted_rows": []}
    at.run()
    _no_exception(at)
    assert "partnerships_radar" in _charts(at)
    bands = next(df.value for df in at.dataframe if "band" in df.value.columns)
    assert bands["band"].tolist() == ["concern"] * 4 + ["strength"] * 4  # weakest first
    assert any("Add a second snapshot" in i.value for i in at.info)

    # An earlier snapshot from a file: now there is a trend.
    _upload(at, "scores", "scores.csv", SCORES_CSV)
    assert [a["date"] for a in _state(at)["assessments"]] == ["2025-01-10", "2025-09-01"]
    at.selectbox(key="partnerships_snapshot").select("2025-09-01").run()
    assert "partnerships_trend" in _charts(at)
    trend = next(df.value for df in at.dataframe if "direction" in df.value.columns).set_index("trait")
    assert trend.loc["Shared sustainable-development goals", "change"] == "+2.50"
    assert trend.loc["Agreed funding", "direction"] == "down"

    # Downloads, and the whole state is plain JSON.
    labels = [b.label for b in at.main.get("download_button")]  # (the sidebar holds the project file)
    assert labels == ["Actors (CSV)", "Relationships (CSV)", "Scores, every snapshot (CSV)", "Everything (Excel)"]
    # Written only when clicked (not on every run of the page).
    assert all(b.proto.HasField("deferred_file_id") for b in at.main.get("download_button"))
    json.dumps(_state(at))

    # Another page and back: nothing typed is lost.
    saved = json.dumps(_state(at), sort_keys=True)
    at.text_input(key="partnerships_title").set_value("Food partnership").run()
    at.switch_page("pages/overview.py").run()
    _no_exception(at)
    at.switch_page(PAGE).run()
    _no_exception(at)
    assert at.text_input(key="partnerships_title").value == "Food partnership"
    assert _editor(at, "actors").value["name"].tolist()[-1] == "Clinic"
    assert json.dumps({**_state(at), "title": saved and _state(at)["title"]}, sort_keys=True) == \
        json.dumps({**json.loads(saved), "title": "Food partnership"}, sort_keys=True)
    assert {m.label: m.value for m in at.metric}["Actors"] == "5"


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_the_example_is_marked_and_complete(open_app, lang):
    at = open_app(PAGE, lang=lang)
    at.button(key="partnerships_load_example").click().run()
    _no_exception(at)
    banner = {"he": "דוגמה — לא נתונים אמיתיים", "ar": "مثال — ليست بيانات حقيقية"}[lang]
    assert any(banner in w.value for w in at.warning)
    assert _state(at)["is_example"] is True
    assert _charts(at) == {"partnerships_graph", "partnerships_radar", "partnerships_trend"}
    assert len(at.get("deck_gl_json_chart")) == 1
    at.button(key="partnerships_remove_snapshot").click().run()  # the latest, shown by default
    _no_exception(at)
    assert [a["date"] for a in _state(at)["assessments"]] == ["2025-01-15"]
    assert "partnerships_trend" not in _charts(at)
    at.button(key="partnerships_start_empty").click().run()
    assert _state(at)["actors"] == [] and not any(banner in w.value for w in at.warning)


def test_a_broken_workbook_then_a_hebrew_excel_csv(open_app):
    at = open_app(PAGE, lang="he")
    _upload(at, "actors", "broken.xlsx", b"not a zip")
    assert any("broken.xlsx" in e.value and "Excel" in e.value for e in at.error)
    # What Hebrew Excel writes: Windows-1255, Hebrew headers and labels.
    hebrew = "שם,מגזר,יישוב,תפקיד\nמועצה,ציבורי,ירוחם,שותף\nעמותה,חברה אזרחית,באר שבע,גוף מתכלל\n"
    _upload(at, "actors", "פעילים.csv", hebrew.encode("cp1255"))
    assert not at.error
    assert _state(at)["actors"] == [{"name": "מועצה", "sector": "public", "town": "la-831", "role": "partner"},
                                    {"name": "עמותה", "sector": "civil_society", "town": "la-9000",
                                     "role": "integrator"}]


def test_a_state_put_there_by_other_code_is_opened_exactly(page):
    """What opening a project file does: a saved dict replaces the work, editors and all."""
    from indicators.tools.partnership_example import EXAMPLE_ACTORS, example_state
    from indicators.tools.partnerships import state_to_dict

    at = page
    _upload(at, "actors", "actors.csv", ACTORS_CSV)
    saved = state_to_dict(example_state("Saved", {k: f"{k} (example)" for k, *_ in EXAMPLE_ACTORS}, str))
    at.session_state["partnerships_state"] = saved
    at.run()
    _no_exception(at)
    assert _editor(at, "actors").value["name"].tolist()[0] == "integrator_ngo (example)"
    assert at.text_input(key="partnerships_title").value == "Saved"
    assert json.dumps(_state(at)) == json.dumps(saved)  # re-saved unchanged


def test_a_damaged_state_is_reported_and_moved_aside(page):
    at = page
    at.session_state["partnerships_state"] = {"version": 99}
    at.run()
    _no_exception(at)
    assert any("partnerships" in e.value and "version" in e.value for e in at.error)
    assert at.session_state["partnerships_state_damaged"] == {"version": 99}
    assert _state(at)["actors"] == []  # the page goes on, empty


def test_a_project_file_opened_from_this_pages_sidebar(page):
    """The real path of an open: the sidebar's uploader, a damaged file refused with the work kept, then a
    saved partnership replacing the uploaded one, kept exactly."""
    from indicators.tools import project_file
    from indicators.tools.partnership_example import EXAMPLE_ACTORS, example_state
    from indicators.tools.partnerships import state_to_dict

    at = page
    _upload(at, "actors", "actors.csv", ACTORS_CSV)
    at.sidebar.file_uploader(key="project_open_partnerships_0").upload("broken.json", b"{", "application/json")
    at.run()
    _no_exception(at)
    assert any("broken.json is damaged" in e.value for e in at.sidebar.error)
    assert _editor(at, "actors").value["name"].tolist() == ["Hub", "Council", "Shop", "Residents"]
    project = project_file.new_project("la-831", saved="2026-01-01T00:00:00+00:00")
    saved = state_to_dict(example_state("Saved", {k: k for k, *_ in EXAMPLE_ACTORS}, str))
    project["tools"]["partnerships"] = saved
    at.sidebar.file_uploader(key="project_open_partnerships_0").set_value(
        ("saved.json", project_file.dumps(project), "application/json"))
    at.run()
    _no_exception(at)
    assert any("Opened saved.json" in s.value for s in at.success)
    assert at.text_input(key="partnerships_title").value == "Saved"
    assert json.dumps(_state(at)) == json.dumps(saved)


@pytest.mark.parametrize("lang", ["he", "en"])
def test_numbered_sections_never_skip_a_number(open_app, lang):
    """A new, empty partnership: every numbered heading is there (4 and 6 were left out, so 3 was followed
    by 5 and 5 by 7), each empty one with a note saying what fills it."""
    at = open_app(PAGE, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    numbers = [int(h.value.split(".")[0]) for h in at.header if h.value[:1].isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 7, numbers
