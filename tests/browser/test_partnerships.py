"""Partnerships in the browser, as journeys on one page load each: in English, upload an actors and a
relationships CSV through the file chooser, see the network graph and the map, download the exports, save
the project file, replace the work with the example (axe-core, screenshot), open the file again and get the
uploaded network back — and the same bytes when it is saved again — then the example on a 390 px phone.
Hebrew and Arabic: the example at 1400 px and on a phone, right to left. Everything a browser is not
needed for (the measures, bands, snapshots, a damaged state) is in tests/app/test_partnerships.py."""
import csv
import io
import json

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, blocking, record, summary
from tests.browser.journeys import expect_direction, open_view, wait_idle

pytestmark = pytest.mark.browser

PLOTLY = '[data-testid="stPlotlyChart"] .js-plotly-plot'
MAP_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
ACTORS = "name,sector,town,role\nHub,civil_society,la-831,integrator\nCouncil,public,Yeruham,partner\n" \
         "Shop,business,la-2200,partner\n=Residents,community,,partner\n"
RELATIONSHIPS = "actor_a,actor_b,step\nHub,Council,partnership\nHub,Shop,coordination\nCouncil,=Residents,informing\n"
EXAMPLE = {"he": "טעינת הדוגמה", "en": "Load the example", "ar": "تحميل المثال"}
# Maps and charts are drawn without a GPU here, so a loaded machine can keep the page busy for a while.
SLOW = 90_000


@pytest.fixture(scope="module")
def app_url(direct_server):
    """A server of this module's own (streamlit run directly), opened once at the home page first: on a
    fresh server the first request for a sub-path runs as an old-style pages/ script."""
    return direct_server


@pytest.fixture(scope="module", autouse=True)
def _home_first(browser, app_url):
    context = browser.new_context()
    open_view(context.new_page(), app_url, "", lang="en")
    context.close()


def _upload(page, label: str, file_name: str, text: str) -> None:
    expander = page.locator('[data-testid="stExpander"]').filter(has_text=label)
    expander.locator("summary").click(timeout=SLOW)
    chooser = expander.locator('[data-testid="stFileUploaderDropzoneInput"]')
    chooser.set_input_files({"name": file_name, "mimeType": "text/csv", "buffer": text.encode("utf-8")},
                            timeout=SLOW)
    expect(page.get_by_text(f"from {file_name}")).to_be_visible(timeout=SLOW)
    wait_idle(page, SLOW)


def _download(page, button: str) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click(timeout=SLOW)
    return download.value.path().read_bytes()


def _expect_uploaded_network(page) -> None:
    graph = page.locator(PLOTLY).first
    expect(graph.locator(".main-svg").first).to_be_visible(timeout=SLOW)
    # 3 steps, 4 sectors and the integrator legend entry.
    expect(graph.locator(".scatterlayer .trace")).to_have_count(3 + 4 + 1, timeout=30_000)
    expect(graph.get_by_text("=Residents")).to_be_visible()  # a name that looks like a formula stays text
    expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=30_000)


def _load_example(page, lang: str) -> None:
    # On a loaded machine a click during the page's first paint can be lost: click again if nothing came.
    for attempt in range(2):
        page.get_by_role("button", name=EXAMPLE[lang]).click(timeout=SLOW)
        wait_idle(page, SLOW)
        try:
            expect(page.locator(PLOTLY)).to_have_count(3, timeout=45_000)  # network, radar, trend
            break
        except AssertionError:
            if attempt:
                raise
    expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=30_000)


def _check_and_shoot_at_1400(page, artifacts_dir, lang: str) -> None:
    violations = axe_violations(page)
    record(artifacts_dir, f"partnerships-{lang}", violations)
    assert not blocking(violations), summary(violations)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(height + 50, 9000)})
    page.wait_for_timeout(2000)
    page.screenshot(path=str(artifacts_dir / f"partnerships-{lang}-1400.png"), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 900})


def _check_and_shoot_on_a_phone(page, artifacts_dir, lang: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    wait_idle(page, SLOW)
    expect(page.locator(PLOTLY)).to_have_count(3, timeout=30_000)
    # Nothing wider than the screen except the scrollable tables' and charts' own content.
    assert page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth") <= 410
    # The first screen only: a 12,000 px tall phone page repaints every map and chart, for little review value.
    page.screenshot(path=str(artifacts_dir / f"partnerships-{lang}-390.png"))


def test_upload_download_save_example_open_again_in_english(page, app_url, artifacts_dir, tmp_path):
    page.set_viewport_size({"width": 1400, "height": 900})
    open_view(page, app_url, "partnerships", lang="en")
    expect_direction(page, "ltr")
    # 1. Upload the register and the relationships: the network and the map are drawn.
    _upload(page, "Upload actors (CSV or Excel)", "actors.csv", ACTORS)
    _upload(page, "Upload relationships (CSV or Excel)", "relationships.csv", RELATIONSHIPS)
    _expect_uploaded_network(page)

    # 2. The exports, read back.
    rows = list(csv.DictReader(io.StringIO(_download(page, "Actors (CSV)").decode("utf-8-sig"))))
    assert [r["name"] for r in rows] == ["Hub", "Council", "Shop", "'=Residents"]  # neutralised for spreadsheets
    assert rows[1]["town"] == "la-831" and rows[1]["town name"] == "Yeruham" and rows[0]["role"] == "Integrator"
    assert _download(page, "Everything (Excel)")[:2] == b"PK"

    # 3. Save the project file: it holds the uploaded register and relationships.
    saved = _download(page, "Save the project")
    section = json.loads(saved)["tools"]["partnerships"]
    assert [a["name"] for a in section["actors"]] == ["Hub", "Council", "Shop", "=Residents"]
    assert len(section["relationships"]) == 3

    # 4. The example replaces the work: every chart and the map, no serious axe finding, a screenshot.
    _load_example(page, "en")
    expect(page.get_by_text("=Residents")).to_have_count(0)
    _check_and_shoot_at_1400(page, artifacts_dir, "en")

    # 5. Open the saved file: the uploaded network is back, and saved again it is the same bytes.
    project = tmp_path / "project.json"
    project.write_bytes(saved)
    page.get_by_test_id("stFileUploader").filter(has_text="Open a project file").locator(
        'input[type="file"]').set_input_files(str(project), timeout=SLOW)
    expect(page.get_by_text("Opened project.json")).to_be_visible(timeout=SLOW)
    wait_idle(page, SLOW)
    _expect_uploaded_network(page)
    assert _download(page, "Save the project") == saved

    # 6. The example on a phone (last: a narrow window folds the sidebar away).
    _load_example(page, "en")
    _check_and_shoot_on_a_phone(page, artifacts_dir, "en")


@pytest.mark.parametrize("lang, direction", [("he", "rtl"), ("ar", "rtl")])
def test_the_example_at_1400_and_on_a_phone(page, app_url, artifacts_dir, lang, direction):
    page.set_viewport_size({"width": 1400, "height": 900})
    open_view(page, app_url, "partnerships", lang=lang)
    _load_example(page, lang)
    expect_direction(page, direction)
    _check_and_shoot_at_1400(page, artifacts_dir, lang)
    _check_and_shoot_on_a_phone(page, artifacts_dir, lang)
