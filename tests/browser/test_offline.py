"""No page makes the visitor's browser talk to anyone but the app itself (no font, tile, style or
analytics request to another origin): offline the page still works, online no third party learns who
visits. Covers every page registered in ui/navigation.py, and an unknown page path."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import open_view, wait_drawn
from tests.browser.streamlit_server import MAIN_CONTENT
from ui.navigation import registered_pages

pytestmark = pytest.mark.browser
PAGES = registered_pages()
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}


def foreign_requests(page, app_url: str) -> list[str]:
    """A list that fills with every request the page makes to another origin (or over another scheme)."""
    origin = urlsplit(app_url)
    own = {(origin.hostname, origin.port)}
    seen: list[str] = []

    def check(request):
        parts = urlsplit(request.url)
        if parts.scheme in LOCAL_SCHEMES:
            return
        if parts.scheme not in ("http", "https", "ws", "wss") or (parts.hostname, parts.port) not in own:
            seen.append(request.url)

    # A map's basemap style is fetched from a worker: Playwright reported it only as a failed request
    # (offline), never through "request", so both are watched, on the whole context.
    page.context.on("request", check)
    page.context.on("requestfailed", check)
    page.on("websocket", lambda ws: check(type("R", (), {"url": ws.url})()))
    return seen


def settle(page) -> None:
    """Let maps, charts and images finish whatever they fetch (a map is drawn only after its basemap
    style has loaded or failed: offline that took 10-20 s here)."""
    wait_drawn(page, quiet_checks=4, interval_ms=1000)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_page_requests_only_its_own_origin(page, direct_server, spec):
    seen = foreign_requests(page, direct_server)
    open_view(page, direct_server, "" if spec.default else spec.url_path, lang="he")
    settle(page)
    assert seen == [], f"{spec.url_path} asked other origins: {seen}"


def test_favicon_is_ours(page, direct_server):
    open_view(page, direct_server, lang="he")
    href = page.locator('link[rel="icon"], link[rel="shortcut icon"]').first.get_attribute("href")
    assert href and "gstatic" not in href and (href.startswith("data:image/svg") or href.startswith("/"))


def test_unknown_page_path_shows_a_page_not_a_crash(page, direct_server):
    """/no_such_page: the home page with a note naming the path (Streamlit's own dialog only if this is a fresh
    server's very first request); nothing foreign."""
    seen = foreign_requests(page, direct_server)
    page.goto(f"{direct_server}/no_such_page?lang=he")
    page.locator(MAIN_CONTENT).first.wait_for(timeout=45_000)
    settle(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    note = page.locator('[data-testid="stAlert"]').filter(has_text="/no_such_page")
    expect(note.or_(page.get_by_text("Page not found")).first).to_be_visible()
    assert seen == []
