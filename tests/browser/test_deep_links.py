"""A shared link opened first thing on a freshly started server shows the full app, not a bare page."""
import pytest
from playwright.sync_api import expect

from tests.browser.journeys import expect_direction, open_view
from tests.browser.streamlit_server import MAIN_CONTENT, start_server, stop_server, wait_healthy

pytestmark = pytest.mark.browser


def test_first_request_of_a_fresh_server_is_a_deep_link(page, chromium_executable):
    proc, url = start_server()
    try:
        wait_healthy(url, proc=proc)
        open_view(page, url, "town_profile", lang="ar", town="la-1161")
        expect_direction(page, "rtl")
        expect(page.locator(MAIN_CONTENT).first).to_contain_text("رهط")
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.locator('[data-testid="stSidebarNav"]')).to_contain_text("ملف السلطة المحلية")
    finally:
        stop_server(proc)


def test_language_switch_keeps_the_page_and_the_view(page, app_url):
    open_view(page, app_url, "town_profile", lang="he", town="la-1161")
    expect(page.locator(MAIN_CONTENT).first).to_contain_text("רהט")
    page.locator('[data-testid="stSidebarUserContent"]').get_by_text("English", exact=True).click()
    expect(page.locator(MAIN_CONTENT).first).to_contain_text("Rahat")
    expect_direction(page, "ltr")
    assert "lang=en" in page.url and "town=la-1161" in page.url and "/town_profile" in page.url
