"""Browser fixtures: one Streamlit server per session, headless Debian Chromium through Playwright."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.foreign_requests import foreign_requests
from tests.browser.streamlit_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    start_server,
    stop_server,
    wait_healthy,
)

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# Maps and charts paint after the script run; on a loaded 2-core machine that can take seconds.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def chromium_executable():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing and CI=true: browser tests must run in CI")
        pytest.skip(f"browser tests skipped: {CHROMIUM} missing (enable: sudo apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def app_url(chromium_executable):
    # Served by the README's own command, so the suite proves `make run` works on this checkout.
    proc, url = start_server(via_make=True)
    try:
        wait_healthy(url, timeout=300, proc=proc)
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def direct_server(chromium_executable):
    """The app started with `streamlit run` directly (no `make`): for tests that need no set-up step."""
    proc, url = start_server()
    try:
        wait_healthy(url, timeout=120, proc=proc)
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    # Every journey, not only each page's first screen (tests/browser/test_offline.py): the partnerships
    # map once asked basemaps.cartocdn.com for a style once actors were entered, and no test saw it.
    outside = foreign_requests(page)
    yield page
    context.close()
    assert not outside, f"requests left this machine: {sorted(set(outside))[:5]}"


@pytest.fixture(scope="session")
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
