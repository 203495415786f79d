"""Local spend (LM3) through AppTest: a full use driven by widget keys — town, Round 1, a CSV upload, survey
answers, the what-if — then a bad upload and a too-large Round 2 that keep the work, a project file opened
(and a damaged one refused), a page switch that loses nothing, and the example in every language."""
import pytest

from indicators.tools import lm3_example, project_file

PAGE = "pages/local_spend.py"
SPEND_CSV = ("supplier or staff group,amount (ILS),place,type (supplier/staff)\n"
             "Local staff,300000,Rahat,staff\nBakery,100000,רהט,supplier\nConsultants,100000,Tel Aviv - Yafo,supplier\n"
             ).encode()
SURVEY_CSV = (b"supplier,respondent,received,share\nLocal staff,A,100000,40\nLocal staff,B,200000,70\n"
              b"Bakery,C,100000,30\n")


def _no_exception(at):
    assert not at.exception, [e.value for e in at.exception]


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _texts(at, kind: str) -> str:
    return " ".join(e.value for e in getattr(at, kind))


@pytest.fixture
def used(open_app):
    """The page after the first steps of a typical use: Rahat, Round 1 = 1,000,000, a table uploaded."""
    at = open_app(PAGE, lang="en")
    _no_exception(at)
    assert "Choose the town" in _texts(at, "info")
    at.selectbox(key="lm3_town_0").set_value("la-1161")
    at.number_input(key="lm3_round1_0").set_value(1_000_000.0)
    at.run()
    at.file_uploader(key="lm3_upload_0_0").upload("spending.csv", SPEND_CSV, "text/csv")
    at.run()
    _no_exception(at)
    return at


def test_a_full_use(used):
    at = used
    assert "Read 3 rows from spending.csv (utf-8)." in _texts(at, "success")
    assert "Round 3 needs a re-spend share" in _texts(at, "warning")  # no survey answers yet
    assert _metrics(at)["Round 2 (₪)"] == "400,000" and _metrics(at)["LM3"] == "—"

    at.file_uploader(key="lm3_upload_survey_0_1").upload("survey.csv", SURVEY_CSV, "text/csv")
    at.run()
    _no_exception(at)
    # R3 = 300,000 × 60% (weighted: (100k×40 + 200k×70)/300k) + 100,000 × 30% = 210,000
    metrics = _metrics(at)
    assert (metrics["Round 2 (₪)"], metrics["Round 3 (₪)"], metrics["LM3"]) == ("400,000", "210,000", "1.61")
    assert len(at.get("plotly_chart")) == 1

    at.slider(key="lm3_whatif_0").set_value(50)
    at.run()
    # 50% of the 100,000 outside moves in; new recipients re-spend 52.5% (R3 / R2): LM3 1.6862
    metrics = _metrics(at)
    assert metrics["Moved to local suppliers (₪)"] == "50,000" and metrics["New LM3"] == "1.69"
    assert metrics["Extra ₪ circulating locally"] == "76,250"

    # A default share is an assumption, and says so.
    at.number_input(key="lm3_default_share_0").set_value(20.0)
    at.radio(key="lm3_chosen_ring_0").set_value(3)
    at.run()
    assert "Assumption: 20.0% re-spent locally" in " ".join(c.value for c in at.caption)
    assert _metrics(at)["Round 2 (₪)"] == "500,000"


def test_bad_upload_and_round2_over_round1_keep_the_work(used):
    at = used
    bad = b"supplier or staff group,amount (ILS),place\nX,=1+1,Rahat\nY,-3,Rahat\nZ,5,Atlantis\n"
    at.file_uploader(key="lm3_upload_0_1").upload("bad.csv", bad, "text/csv")
    at.run()
    _no_exception(at)
    errors = _texts(at, "error")
    assert "bad.csv, row 2, column «amount (ILS)»: «=1+1» is a formula" in errors
    assert "bad.csv, row 3, column «amount (ILS)»: «-3» is negative" in errors
    assert "bad.csv, row 4, column «place»: «Atlantis» is not a known place" in errors
    assert "Nothing was changed" in errors
    assert _metrics(at)["Round 2 (₪)"] == "400,000"

    at.number_input(key="lm3_round1_0").set_value(300_000.0)
    at.run()
    assert "Round 2 (400,000 ₪) is larger than Round 1 (300,000 ₪)" in _texts(at, "error")


def test_nothing_is_lost_on_a_page_switch(used):
    at = used
    at.switch_page("pages/leaky_bucket.py")
    at.run()
    _no_exception(at)
    at.switch_page(PAGE)
    at.run()
    _no_exception(at)
    assert at.selectbox(key="lm3_town_0").value == "la-1161"
    assert _metrics(at)["Round 2 (₪)"] == "400,000"


def test_open_a_project_file_and_refuse_a_damaged_one(used):
    at = used
    at.sidebar.file_uploader(key="project_open_lm3_0").upload("broken.json", b"{oops", "application/json")
    at.run()
    assert "broken.json is damaged" in _texts(at.sidebar, "error")
    assert _metrics(at)["Round 2 (₪)"] == "400,000"  # the current work is kept

    project = project_file.new_project("la-1161", saved="2026-01-01T00:00:00+00:00")
    project["tools"]["lm3"] = lm3_example.example_state()
    at.sidebar.file_uploader(key="project_open_lm3_0").set_value(
        ("example.json", project_file.dumps(project), "application/json"))
    at.run()
    _no_exception(at)
    assert "Opened example.json" in _texts(at, "success")
    metrics = _metrics(at)
    assert (metrics["Round 2 (₪)"], metrics["Round 3 (₪)"], metrics["LM3"]) == ("380,000", "172,000", "1.55")
    assert at.number_input(key="lm3_round1_1").value == 1_000_000


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_the_example_in_each_language(open_app, lang):
    at = open_app(PAGE, lang=lang)
    at.button(key="lm3_example_load").click()
    at.run()
    _no_exception(at)
    assert len(at.warning) >= 1  # the "example — not real data" banner
    assert [m.value for m in at.metric][:4] == ["1,000,000", "380,000", "172,000", "1.55"]
    assert {b.key for b in at.get("download_button")} >= {"lm3_export_csv", "lm3_export_xlsx", "lm3_export_print",
                                                            "project_save_lm3", "lm3_example_csv"}
    # The workbooks and the templates are written only when their button is clicked (not on every run).
    deferred = {b.key for b in at.get("download_button") if b.proto.HasField("deferred_file_id")}
    assert deferred >= {"lm3_export_xlsx", "lm3_template_xlsx_he", "lm3_template_xlsx_en", "lm3_template_csv_he"}


def test_one_project_file_restores_all_three_tools(open_app):
    from indicators.tools import leaky_bucket, partnerships
    from indicators.tools.partnership_example import EXAMPLE_ACTORS, example_state

    project = project_file.new_project("la-1161", saved="2026-01-01T00:00:00+00:00")
    project["tools"]["lm3"] = lm3_example.example_state()
    project["tools"]["leaky_bucket"] = {**leaky_bucket.empty_state(), "authority": "la-831",
                                        "user_flows": {"tourism": 5_000_000}}
    project["tools"]["partnerships"] = partnerships.state_to_dict(
        example_state("Yeruham food partnership", {a[0]: a[0] for a in EXAMPLE_ACTORS}, lambda i: f"R{i}"))
    at = open_app(PAGE, lang="en")
    at.sidebar.file_uploader(key="project_open_lm3_0").upload("all.json", project_file.dumps(project),
                                                              "application/json")
    at.run()
    _no_exception(at)
    assert _metrics(at)["LM3"] == "1.55"
    at.switch_page("pages/leaky_bucket.py")
    at.run()
    _no_exception(at)
    assert at.selectbox(key="lb_authority_1").value == "la-831"
    assert at.number_input(key="lb_tourism_1").value == 5_000_000
    at.switch_page("pages/partnerships.py")
    at.run()
    _no_exception(at)
    assert at.text_input(key="partnerships_title").value == "Yeruham food partnership"
