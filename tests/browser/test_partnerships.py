"""Partnerships in the browser: upload an actors and a relationships CSV through the file chooser, see the
network graph and the map drawn, download the export and read it back; the example in Hebrew, English and
Arabic at 1400 px and on a 390 px phone, with screenshots for review and axe-core on our content."""
import csv
import io

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
    # Maps and charts are drawn without a GPU here, so a loaded machine can keep the page busy for a while.
    expander = page.locator('[data-testid="stExpander"]').filter(has_text=label)
    expander.locator("summary").click(timeout=90_000)
    chooser = expander.locator('[data-testid="stFileUploaderDropzoneInput"]')
    chooser.set_input_files({"name": file_name, "mimeType": "text/csv", "buffer": text.encode("utf-8")},
                            timeout=90_000)
    expect(page.get_by_text(f"from {file_name}")).to_be_visible(timeout=90_000)
    wait_idle(page, 90_000)


def test_upload_see_graph_and_map_download(page, app_url, artifacts_dir):
    open_view(page, app_url, "partnerships", lang="en")
    expect_direction(page, "ltr")
    _upload(page, "Upload actors (CSV or Excel)", "actors.csv", ACTORS)
    _upload(page, "Upload relationships (CSV or Excel)", "relationships.csv", RELATIONSHIPS)
    graph = page.locator(PLOTLY).first
    expect(graph.locator(".main-svg").first).to_be_visible()
    # 3 steps, 4 sectors and the integrator legend entry.
    expect(graph.locator(".scatterlayer .trace")).to_have_count(3 + 4 + 1, timeout=20_000)
    expect(graph.get_by_text("=Residents")).to_be_visible()  # a name that looks like a formula stays text
    expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=30_000)

    with page.expect_download() as download:
        page.get_by_role("button", name="Actors (CSV)").click(timeout=90_000)
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows] == ["Hub", "Council", "Shop", "'=Residents"]  # neutralised for spreadsheets
    assert rows[1]["town"] == "la-831" and rows[1]["town name"] == "Yeruham" and rows[0]["role"] == "Integrator"
    with page.expect_download() as download:
        page.get_by_role("button", name="Everything (Excel)").click(timeout=90_000)
    assert download.value.suggested_filename == "kmm-partnership.xlsx"
    assert download.value.path().read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("lang, direction", [("he", "rtl"), ("en", "ltr"), ("ar", "rtl")])
def test_the_example_in_each_language(page, app_url, artifacts_dir, lang, direction):
    page.set_viewport_size({"width": 1400, "height": 900})
    open_view(page, app_url, "partnerships", lang=lang)
    page.get_by_role("button", name=EXAMPLE[lang]).click(timeout=90_000)
    wait_idle(page, 90_000)
    expect_direction(page, direction)
    expect(page.locator(PLOTLY)).to_have_count(3, timeout=30_000)  # network, radar, trend
    expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=30_000)
    violations = axe_violations(page)
    record(artifacts_dir, f"partnerships-{lang}", violations)
    assert not blocking(violations), summary(violations)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(height + 50, 9000)})
    page.wait_for_timeout(2000)
    page.screenshot(path=str(artifacts_dir / f"partnerships-{lang}-1400.png"), full_page=True)


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_the_example_on_a_phone(page, app_url, artifacts_dir, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, app_url, "partnerships", lang=lang)
    page.get_by_role("button", name=EXAMPLE[lang]).click(timeout=90_000)
    wait_idle(page, 90_000)
    expect(page.locator(PLOTLY)).to_have_count(3, timeout=30_000)
    # Nothing wider than the screen except the scrollable tables' and charts' own content.
    assert page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth") <= 410
    page.screenshot(path=str(artifacts_dir / f"partnerships-{lang}-390.png"))
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 390, "height": min(height + 50, 12000)})
    page.wait_for_timeout(2000)
    page.screenshot(path=str(artifacts_dir / f"partnerships-{lang}-390-full.png"), full_page=True)
