"""Steps the browser tests share: open a view from a shared link and wait until it has rendered."""
from __future__ import annotations

import time
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


DECK = '[data-testid="stDeckGlJsonChart"]'
SKELETON = '[data-testid="stSkeleton"]'
PLOTLY = '[data-testid="stPlotlyChart"]'


def wait_drawn(page, quiet_checks: int = 3, interval_ms: int = 250, timeout_s: float = 120) -> float:
    """After the script run: wait until the browser has drawn what it received. Lazily loaded elements
    show a skeleton first, maps draw their canvas after their layers load, plotly its svg; wait until no
    skeleton is left and every map and chart is drawn, seen on several checks in a row. Returns the
    time.perf_counter() at which it was first seen drawn (the checks after it only confirm it)."""
    wait_idle(page, int(timeout_s * 1000))
    quiet, deadline, drawn_at = 0, time.monotonic() + timeout_s, 0.0
    while quiet < quiet_checks:
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not finish drawing")
        decks, charts = page.locator(DECK), page.locator(PLOTLY)
        drawn = (page.locator(SKELETON).count() == 0
                 and all(decks.nth(i).locator("canvas").count() for i in range(decks.count()))
                 and all(charts.nth(i).locator(".main-svg").count() for i in range(charts.count()))
                 and page.locator(RUNNING).count() == 0)
        if drawn and quiet == 0:
            drawn_at = time.perf_counter()
        quiet = quiet + 1 if drawn else 0
        page.wait_for_timeout(interval_ms)
    return drawn_at
