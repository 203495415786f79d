"""The town profile opened from a shared link: direction, map, charts, CSV download, accessibility, and
screenshots (desktop in three languages, and a 380 px phone)."""
import csv
import io
import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, blocking, record, summary
from tests.browser.journeys import expect_direction, open_view, wait_idle

pytestmark = pytest.mark.browser

TOWN = "la-1161"  # Rahat
NAMES = {"he": "רהט", "en": "Rahat", "ar": "رهط"}
MAP_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
PLOTLY = '[data-testid="stPlotlyChart"] .js-plotly-plot'


def open_profile(page, app_url: str, lang: str) -> None:
    """Open the shared link and wait for the whole page (the download button comes last)."""
    open_view(page, app_url, "town_profile", lang=lang, town=TOWN)
    # On a fresh server the first deep link can flash Streamlit's "Page not found" dialog although the
    # page itself runs (the page list is only known after the first run); close it if it is there.
    dialog = page.get_by_role("dialog")
    if dialog.count():
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)
    page.locator('[data-testid="stDownloadButton"]').first.wait_for(timeout=60_000)
    wait_idle(page)


def full_screenshot(page, path) -> None:
    """Streamlit scrolls inside its main block, so grow the viewport to the content before the shot."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, 16_000)})
    page.wait_for_timeout(800)  # charts re-layout to the new size
    page.screenshot(path=str(path))


@pytest.mark.parametrize("lang, direction", [("he", "rtl"), ("en", "ltr"), ("ar", "rtl")])
def test_town_profile_from_a_shared_link(page, app_url, artifacts_dir, lang, direction):
    open_profile(page, app_url, lang)
    expect_direction(page, direction)
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text(NAMES[lang])
    expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=20_000)
    expect(page.locator(PLOTLY).first).to_be_attached(timeout=20_000)
    # The first tab's key-figure block at least: its percentile summary and 3–5 key figures.
    assert page.locator('.st-key-headline_economic [data-testid="stMetric"]').count() >= 4

    with page.expect_download() as download:
        page.locator('[data-testid="stDownloadButton"] button').first.click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert {"unit", "source_publisher", "source_title", "source_edition", "source_id"} <= set(header)
    assert all(row[0] == TOWN for row in list(csv.reader(io.StringIO(text)))[1:])

    violations = axe_violations(page)
    record(artifacts_dir, f"town-{lang}", violations)
    if lang == "he":  # the whole page once (Streamlit's own chrome included), for the record only
        record(artifacts_dir, "town-he-page", axe_violations(page, context=None))
    assert not blocking(violations), summary(violations)
    full_screenshot(page, artifacts_dir / f"town-{lang}.png")


def test_town_profile_on_a_phone(browser, app_url, artifacts_dir):
    context = browser.new_context(viewport={"width": 380, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_profile(page, app_url, "he")
        expect_direction(page, "rtl")
        expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=20_000)
        # Only the open tab is built: the other dimensions' blocks are not in the page at all.
        expect(page.locator(".st-key-headline_economic")).to_be_visible()
        expect(page.locator(".st-key-headline_environmental")).to_have_count(0)
        page.get_by_role("tab").nth(2).click()  # the environmental cards, built on the click
        wait_idle(page)
        expect(page.locator(".st-key-headline_environmental")).to_be_visible()
        expect(page.locator(".st-key-headline_economic")).to_have_count(0)
        expect(page).to_have_url(re.compile(r"[?&]dim=environmental"))  # a shared link reopens this tab
        overflow = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth")
        assert overflow <= 380 + 1, "nothing wider than the phone's screen"
        page.screenshot(path=str(artifacts_dir / "town-he-380-top.png"))
        full_screenshot(page, artifacts_dir / "town-he-380.png")
    finally:
        context.close()


@pytest.mark.parametrize("width", [1400, 390])
def test_key_figures_on_screen_and_in_print(browser, app_url, artifacts_dir, width):
    """Rahat in Hebrew: each dimension's key-figure block on screen; in print only those blocks, the map and
    the trend chart, without controls, in a few pages."""
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500,
                                  has_touch=width < 500)
    page = context.new_page()
    try:
        open_profile(page, app_url, "he")
        expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=20_000)
        block = page.locator(".st-key-headline_economic")
        expect(block).to_be_visible()
        expect(block.locator('[data-testid="stMetric"]')).to_have_count(5)  # percentile + 4 key figures
        expect(block.get_by_text("חציון הנגב").first).to_be_visible()
        page.screenshot(path=str(artifacts_dir / f"town-he-{width}-headline-top.png"))
        full_screenshot(page, artifacts_dir / f"town-he-{width}-headline.png")
        if width < 500:
            return
        # The browser draws only the open tab: the switch lays the three dimensions out one after another.
        page.get_by_text("שלושת המרחבים בעמוד אחד (להדפסה)").click()
        wait_idle(page)
        page.emulate_media(media="print")
        for dimension in ("economic", "social", "environmental"):
            expect(page.locator(f".st-key-headline_{dimension}")).to_be_visible()
        expect(page.locator(".st-key-print_hide_justice")).to_be_hidden()
        expect(page.locator(".st-key-print_hide_table")).to_be_hidden()
        expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible()  # the trend
        expect(page.locator(MAP_CANVAS).first).to_be_visible()
        expect(page.locator(".st-key-town_all_social")).to_be_hidden()  # the "all indicators" switches
        expect(page.locator('[data-testid="stSelectbox"]').first).to_be_hidden()
        pdf = page.pdf(format="A4", print_background=True)
        (artifacts_dir / "town-he-print.pdf").write_bytes(pdf)
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        assert 1 <= pages <= 6, pages
    finally:
        context.close()
