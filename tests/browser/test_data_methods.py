"""The Data and methods page opened from shared links in each language: direction, catalogue and register
rendered, the catalogue CSV with unit and source columns, search, tabs, axe on our content, screenshots
(one at phone width)."""
import csv
import io
import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from indicators.settings import PUBLISHED_DIR
from tests.browser.accessibility import axe_violations, blocking, record, summary
from tests.browser.journeys import expect_direction, open_view, wait_idle

pytestmark = pytest.mark.browser

TITLES = {"he": "נתונים ושיטות", "en": "Data and methods", "ar": "البيانات والمنهجية"}
GRID = '[data-testid="stMain"] [data-testid="stDataFrame"]'
EXPANDERS = '[data-testid="stMain"] [data-testid="stExpander"]'


def _open(page, app_url, **params) -> None:
    open_view(page, app_url, "data_methods", **params)
    # A fresh server may show Streamlit's "Page not found" modal while st.navigation registers the pages.
    dialog = page.locator('[role="dialog"]')
    if dialog.count():
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)


def _download_header(page) -> list[str]:
    with page.expect_download() as download:
        page.locator('[data-testid="stMain"] [data-testid="stDownloadButton"] button').first.click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    return next(csv.reader(io.StringIO(text)))


def _check_axe(page, artifacts_dir, name: str, whole_page: bool = True) -> None:
    own = axe_violations(page)
    record(artifacts_dir, name, own)
    if whole_page:  # Streamlit's own chrome too: recorded for review, not failed on
        record(artifacts_dir, f"{name}-page", axe_violations(page, context=None))
    assert not blocking(own), summary(own)


@pytest.mark.parametrize("lang, direction", [("he", "rtl"), ("en", "ltr"), ("ar", "rtl")])
def test_catalogue_from_a_shared_link(page, app_url, artifacts_dir, lang, direction):
    _open(page, app_url, lang=lang)
    expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text(TITLES[lang])
    expect_direction(page, direction)
    expect(page.locator(GRID).first).to_be_visible(timeout=20_000)
    assert page.locator(EXPANDERS).count() >= 50, "one expander per indicator"

    header = _download_header(page)
    assert {"indicator_id", "unit", "source", "source_publisher", "licence", "first_year", "last_year"} <= set(header)

    _check_axe(page, artifacts_dir, f"methods-{lang}")
    page.screenshot(path=str(artifacts_dir / f"methods-{lang}.png"), full_page=True)


def test_search_and_tabs_in_english(page, app_url, artifacts_dir):
    _open(page, app_url, lang="en")
    search = page.get_by_label("Search the indicators")
    search.fill("water")
    search.press("Enter")
    wait_idle(page)
    total = len(pd.read_parquet(PUBLISHED_DIR / "indicators.parquet"))
    captions = '[data-testid="stMain"] [data-testid="stCaptionContainer"]'
    caption = page.locator(captions, has_text=f"of {total} indicators")
    expect(caption.first).not_to_have_text(f"{total} of {total} indicators")
    expect(page.locator(EXPANDERS).first).to_contain_text("ater")
    # A closed expander carries only its label; opening it builds the details (pages/data_methods.py).
    assert page.locator(EXPANDERS).first.get_by_text("Definition:").count() == 0
    page.locator(EXPANDERS).first.locator("summary").click()
    expect(page.locator(EXPANDERS).first.get_by_text("Definition:")).to_be_visible(timeout=20_000)

    for tab, name in (("Sources", "sources"), ("Known gaps", "gaps"), ("Methods", "methods"),
                      ("Using the database", "database")):
        page.get_by_role("tab", name=tab).click()
        expect(page).to_have_url(re.compile(f"section={name}"))  # the open tab is in the link
        wait_idle(page)
        page.screenshot(path=str(artifacts_dir / f"methods-en-{name}.png"), full_page=True)
        if name in ("sources", "gaps"):
            expect(page.locator(GRID).first).to_be_visible(timeout=20_000)
            _check_axe(page, artifacts_dir, f"methods-en-{name}", whole_page=False)


def test_gaps_at_phone_width_in_arabic(page, app_url, artifacts_dir):
    page.set_viewport_size({"width": 380, "height": 800})
    _open(page, app_url, lang="ar", section="gaps")
    expect(page.get_by_role("tab", name="ثغرات معروفة")).to_have_attribute("aria-selected", "true")
    expect(page.locator(GRID).first).to_be_visible(timeout=20_000)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, "nothing wider than the screen"
    page.screenshot(path=str(artifacts_dir / "methods-ar-gaps-380.png"), full_page=True)
    _open(page, app_url, lang="he")
    expect(page.locator(GRID).first).to_be_visible(timeout=20_000)
    page.screenshot(path=str(artifacts_dir / "methods-he-380.png"), full_page=True)
