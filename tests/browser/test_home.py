"""The app serves, renders its main content right-to-left in Hebrew and left-to-right in English."""
import pytest
from playwright.sync_api import expect

from tests.browser.streamlit_server import MAIN_CONTENT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang, direction", [("he", "rtl"), ("en", "ltr"), ("ar", "rtl")])
def test_home_renders_in_each_language(page, app_url, artifacts_dir, lang, direction):
    page.goto(f"{app_url}/?lang={lang}")
    title = page.locator(MAIN_CONTENT).first
    title.wait_for(timeout=30_000)
    expected = {"he": "כלכלה מקומית", "en": "Sustainable Local Economy", "ar": "الاقتصاد المحلي"}[lang]
    assert expected in title.inner_text()
    # The RTL stylesheet arrives with the first script run; expect() retries until it applies.
    expect(page.locator(".stApp")).to_have_css("direction", direction)
    page.screenshot(path=str(artifacts_dir / f"home-{lang}.png"), full_page=True)


def test_bundled_fonts_render_hebrew_and_arabic(page, app_url):
    """The Noto fonts come from the app's own static files, not from the internet."""
    page.goto(f"{app_url}/?lang=he")
    page.locator(MAIN_CONTENT).first.wait_for(timeout=30_000)
    loaded = page.evaluate(
        "async () => { await document.fonts.ready;"
        " return [document.fonts.check('16px \"Noto Sans Hebrew\"', 'שלום'),"
        " document.fonts.check('16px \"Noto Sans Arabic\"', 'مرحبا')]; }"
    )
    assert loaded == [True, True]
    response = page.request.get(f"{app_url}/app/static/fonts/NotoSansHebrew-Regular.ttf")
    assert response.ok
