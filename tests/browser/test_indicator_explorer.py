"""The indicator explorer opened from a shared link in each language: direction, map and charts drawn,
CSV with unit and source columns, axe on our content, screenshots (one at phone width)."""
import csv
import io

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, blocking, record, summary
from tests.browser.journeys import expect_direction, open_view

pytestmark = pytest.mark.browser

MAP_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
PLOTLY = '[data-testid="stPlotlyChart"] .js-plotly-plot'
TITLES = {"he": "חקר מדד", "en": "Indicator explorer", "ar": "استكشاف مؤشر"}


def _open(page, app_url, **params) -> None:
    open_view(page, app_url, "indicator_explorer", **params)
    # The first session on a freshly started server may get Streamlit's "Page not found" modal while
    # st.navigation registers the pages (the page itself then renders); close it so the page is usable.
    dialog = page.locator('[role="dialog"]')
    if dialog.count():
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)


def _screenshot(page, path, width: int) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to fit it first."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, 16_000)})
    page.wait_for_timeout(800)  # charts and the map resize to the new viewport
    page.screenshot(path=str(path), full_page=True)


def _download_header(page, key: str) -> list[str]:
    """The header row of the CSV behind the download button with this widget key."""
    button = page.locator(f".st-key-{key} button")
    expect(button).to_be_enabled()
    with page.expect_download() as download:
        button.click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    return next(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("lang, direction", [("he", "rtl"), ("en", "ltr"), ("ar", "rtl")])
def test_explorer_from_a_shared_link(page, app_url, artifacts_dir, lang, direction):
    _open(page, app_url, lang=lang, indicator="own_income_share_pct", town="la-1161")
    expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text(TITLES[lang])
    expect_direction(page, direction)
    expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=20_000)
    expect(page.locator(PLOTLY)).to_have_count(2, timeout=20_000)
    # The link's choices survive the first run (they are written back to the URL, not dropped).
    assert "indicator=own_income_share_pct" in page.url and "town=la-1161" in page.url

    sourced = {"unit", "source_publisher", "source_title", "source_edition", "source_url"}
    year_header = _download_header(page, "explorer_csv_year")
    assert sourced | {"rank_among_shown", "percentile_israel", "kind"} <= set(year_header)
    assert sourced | {"year", "value"} <= set(_download_header(page, "explorer_csv_series"))

    own = axe_violations(page)
    record(artifacts_dir, f"explore-{lang}", own)
    if lang == "he":  # the whole page (with Streamlit's own chrome) once, for the record only
        record(artifacts_dir, "explore-he-page", axe_violations(page, context=None))
    assert not blocking(own), summary(own)
    _screenshot(page, artifacts_dir / f"explore-{lang}.png", 1280)


def test_explorer_at_phone_width(page, app_url, artifacts_dir):
    page.set_viewport_size({"width": 380, "height": 800})
    _open(page, app_url, lang="he", indicator="avg_monthly_wage", year="2019")
    expect(page.locator(MAP_CANVAS).first).to_be_visible(timeout=20_000)
    expect(page.locator(PLOTLY)).to_have_count(2, timeout=20_000)
    # Nothing wider than the screen: the page must not scroll sideways.
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    _screenshot(page, artifacts_dir / "explore-he-380.png", 380)
