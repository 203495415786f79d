"""Steps the browser tests share: open a view from a shared link and wait until it has rendered."""
from __future__ import annotations

from urllib.parse import urlencode

from playwright.sync_api import expect

from tests.browser.streamlit_server import MAIN_CONTENT

# Streamlit shows this while a script run is in progress.
RUNNING = '[data-testid="stStatusWidget"]'


def open_view(page, app_url: str, path: str = "", timeout: int = 45_000, **params) -> None:
    """Open `/<path>?<params>` as a shared link would, and wait for the script run to finish."""
    query = f"?{urlencode(params)}" if params else ""
    page.goto(f"{app_url}/{path}{query}")
    page.locator(MAIN_CONTENT).first.wait_for(timeout=timeout)
    wait_idle(page, timeout)


def wait_idle(page, timeout: int = 45_000) -> None:
    expect(page.locator(RUNNING)).to_have_count(0, timeout=timeout)
    page.wait_for_timeout(300)  # let charts and maps paint after the run completes


def expect_direction(page, direction: str) -> None:
    """The main area's text direction (the RTL stylesheet arrives with the first script run)."""
    expect(page.locator('[data-testid="stMain"]')).to_have_css("direction", direction)
