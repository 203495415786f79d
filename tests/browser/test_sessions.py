"""Two visitors at the same time on one server: what one chooses (language, town, indicator) never
shows up in the other's session."""
import pytest
from playwright.sync_api import expect

from tests.browser.journeys import expect_direction, open_view, wait_idle
from tests.browser.streamlit_server import MAIN_CONTENT

pytestmark = pytest.mark.browser


def test_two_concurrent_sessions_stay_apart(browser, direct_server):
    app_url = direct_server
    first = browser.new_context(viewport={"width": 1280, "height": 900})
    second = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        a, b = first.new_page(), second.new_page()
        open_view(a, app_url, "town_profile", lang="en", town="la-1161")
        open_view(b, app_url, "town_profile")  # no parameters: the defaults
        expect(a.locator(MAIN_CONTENT).first).to_contain_text("Rahat")
        # While the first session is open with its choices, the second sees Hebrew and Be'er Sheva.
        expect_direction(b, "rtl")
        expect(b.locator(MAIN_CONTENT).first).to_contain_text("באר שבע")
        # The second switches language; the first is not affected, even after a rerun of its own.
        b.locator('[data-testid="stSidebarUserContent"]').get_by_text("العربية", exact=True).click(force=True)
        wait_idle(b)
        expect_direction(b, "rtl")
        a.reload()
        a.locator(MAIN_CONTENT).first.wait_for()
        wait_idle(a)
        expect_direction(a, "ltr")
        expect(a.locator(MAIN_CONTENT).first).to_contain_text("Rahat")
        assert "la-1161" not in b.url and "lang=en" not in b.url
    finally:
        first.close()
        second.close()
