"""No page makes the visitor's browser talk to anyone but the app itself (no font, tile, style or
analytics request to another origin): offline the page still works, online no third party learns who
visits. Covers every page registered in ui/navigation.py, and an unknown page path."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.foreign_requests import foreign_requests
from tests.browser.journeys import open_view, wait_drawn
from tests.browser.streamlit_server import MAIN_CONTENT, start_server, stop_server, wait_healthy
from ui.navigation import registered_pages

pytestmark = pytest.mark.browser
PAGES = registered_pages()


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


def _expect_our_note_only(page) -> None:
    """The home page with our note naming the path, and no Streamlit "Page not found" dialog."""
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator('[data-testid="stAlert"]').filter(has_text="/no_such_page")).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_unknown_page_path_shows_a_page_not_a_crash(page, direct_server):
    """/no_such_page: the home page with a note naming the path; nothing foreign."""
    seen = foreign_requests(page, direct_server)
    page.goto(f"{direct_server}/no_such_page?lang=he")
    page.locator(MAIN_CONTENT).first.wait_for(timeout=45_000)
    settle(page)
    _expect_our_note_only(page)
    assert seen == []


def test_unknown_page_path_as_a_fresh_servers_first_request(page, chromium_executable):
    """The very first request of a just-started server goes through Streamlit's pages/-folder routing,
    which sends its own dialog before dashboard.py runs (ui/navigation.dismiss_streamlit_not_found): the
    visitor still sees only our note."""
    proc, url = start_server()
    try:
        wait_healthy(url, timeout=120, proc=proc)
        page.goto(f"{url}/no_such_page?lang=ar")
        page.locator(MAIN_CONTENT).first.wait_for(timeout=90_000)
        settle(page)
        _expect_our_note_only(page)
        expect(page.locator(MAIN_CONTENT).first).to_contain_text("الاقتصاد المحلي")
    finally:
        stop_server(proc)
