"""The server dies and comes back on the same port while a visitor has a page open: the page reconnects by
itself to the view its URL describes (town and language, not the defaults), answers the visitor again, and a
project file saved before the crash opens on the new server."""
import os
import signal

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import open_view, wait_idle
from tests.browser.streamlit_server import MAIN_CONTENT, start_server, stop_server, wait_healthy

pytestmark = pytest.mark.browser
METRIC = '[data-testid="stMetricValue"]'


@pytest.fixture
def restartable(chromium_executable):
    """A server of this test's own, and a way to kill it hard and start it again on the same port."""
    servers = [start_server()]
    url = servers[0][1]
    wait_healthy(url, timeout=120, proc=servers[0][0])

    def crash_and_restart() -> None:
        os.killpg(servers[-1][0].pid, signal.SIGKILL)  # no clean shutdown: what a crash or an OOM kill does
        servers[-1][0].wait()
        servers.append(start_server(port=int(url.rsplit(":", 1)[1])))
        wait_healthy(url, timeout=120, proc=servers[-1][0])

    yield url, crash_and_restart
    for proc, _ in servers:
        stop_server(proc)


def _save_example_project(page, url) -> bytes:
    open_view(page, url, "", lang="en")  # a fresh server routes its first deep link without dashboard.py
    open_view(page, url, "local_spend", lang="en")
    page.get_by_role("tab", name="Templates and example").click()
    page.get_by_role("button", name="Load the example").click()
    expect(page.locator(METRIC).nth(3)).to_have_text("1.55", timeout=30_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save the project").click()
    return download.value.path().read_bytes()


def _switch_to_hebrew(page) -> None:
    """Click עברית; on a loaded machine a click during a run can be lost, so once more if nothing came."""
    main = page.locator('[data-testid="stMain"]')
    for attempt in range(2):
        page.locator('[data-testid="stSidebarUserContent"]').get_by_text("עברית", exact=True).click(force=True)
        try:
            expect(main).to_have_css("direction", "rtl", timeout=30_000)
            return
        except AssertionError:
            if attempt:
                raise


def test_a_crash_and_restart_loses_neither_the_view_nor_a_saved_project(page, restartable, tmp_path):
    url, crash_and_restart = restartable
    saved = _save_example_project(page, url)
    open_view(page, url, "town_profile", lang="en", town="la-1161")
    expect(page.locator(MAIN_CONTENT).first).to_contain_text("Rahat")
    sockets = []
    page.on("websocket", lambda socket: sockets.append(socket.url))

    crash_and_restart()

    # The open page finds the new server by itself (no reload) and shows the link's view, in its language.
    for _ in range(120):  # the frontend retries with a back-off of a few seconds
        if sockets:
            break
        page.wait_for_timeout(500)
    assert sockets, "the page did not open a new connection to the restarted server"
    # On a fresh server the first run of a deep link goes through Streamlit's pages/ routing (the sidebar lists
    # file names) until page_language() reruns it through dashboard.py: wait for the app's own navigation.
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Town profile", exact=True)).to_be_visible(timeout=90_000)
    expect(page.get_by_role("heading", name="All figures for Rahat")).to_be_visible(timeout=90_000)
    wait_idle(page, 60_000)
    assert "town=la-1161" in page.url and "lang=en" in page.url
    # It is live: switching the language is answered by the new server, and the town stays.
    _switch_to_hebrew(page)
    expect(page.locator(MAIN_CONTENT).first).to_contain_text("רהט")

    # The project saved before the crash opens on the new server with the same results.
    project = tmp_path / "project.json"
    project.write_bytes(saved)
    open_view(page, url, "local_spend", lang="en")
    page.get_by_test_id("stFileUploader").filter(has_text="Open a project file").locator(
        'input[type="file"]').set_input_files(str(project))
    expect(page.get_by_text("Opened project.json")).to_be_visible(timeout=30_000)
    expect(page.locator(METRIC).nth(3)).to_have_text("1.55", timeout=30_000)
