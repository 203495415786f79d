"""The home page from a shared link: RTL/LTR, the Negev map and a chart render, the CSV carries its
source, bundled fonts load, and axe-core finds no serious violation in our content."""
import csv
import io

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, blocking, record, summary
from tests.browser.journeys import expect_direction, open_view
from tests.browser.streamlit_server import MAIN_CONTENT

pytestmark = pytest.mark.browser
TITLES = {"he": "כלכלה מקומית", "en": "Sustainable Local Economy", "ar": "الاقتصاد المحلي"}


@pytest.mark.parametrize("lang, direction", [("he", "rtl"), ("en", "ltr"), ("ar", "rtl")])
def test_home_renders_map_and_chart_in_each_language(page, app_url, artifacts_dir, lang, direction):
    page.set_viewport_size({"width": 1280, "height": 2600})
    open_view(page, app_url, lang=lang)
    assert TITLES[lang] in page.locator(MAIN_CONTENT).first.inner_text()
    expect_direction(page, direction)
    expect(page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first).to_be_visible()
    violations = axe_violations(page)
    record(artifacts_dir, f"home-{lang}", violations)
    assert not blocking(violations), summary(violations)
    page.screenshot(path=str(artifacts_dir / f"home-{lang}.png"), full_page=True)


def test_csv_download_carries_unit_and_source(page, app_url):
    open_view(page, app_url, lang="en", indicator="population", year="2021")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the data (CSV)").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 33
    assert {"unit", "source_publisher", "source_title", "source_url"} <= set(rows[0])
    assert "Central Bureau of Statistics" in rows[0]["source_publisher"]


def test_home_is_usable_at_380px(page, app_url, artifacts_dir):
    page.set_viewport_size({"width": 380, "height": 2400})
    open_view(page, app_url, lang="he")
    expect(page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page scrolls sideways at 380 px ({width} px wide)"
    page.screenshot(path=str(artifacts_dir / "home-he-380.png"), full_page=True)


def test_bundled_fonts_render_hebrew_and_arabic(page, app_url):
    """The Noto fonts come from the app's own static files, not from the internet."""
    open_view(page, app_url, lang="he")
    loaded = page.evaluate(
        "async () => { await document.fonts.ready;"
        " return [document.fonts.check('16px \"Noto Sans Hebrew\"', 'שלום'),"
        " document.fonts.check('16px \"Noto Sans Arabic\"', 'مرحبا')]; }"
    )
    assert loaded == [True, True]
    assert page.request.get(f"{app_url}/app/static/fonts/NotoSansHebrew-Regular.woff2").ok  # config.toml's faces
