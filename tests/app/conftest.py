"""AppTest helpers: open the real dashboard (dashboard.py, the script app.py serves) at a given query string."""
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")  # the Streamlit script app.py serves
# The friendly error box (ui/errors.py) would hide a failing page from AppTest.exception: let it through.
os.environ["KMM_RERAISE_PAGE_ERRORS"] = "1"


@pytest.fixture
def open_app():
    """open_app(page_script=None, **query) -> AppTest that has run dashboard.py (and switched to the page)."""

    def _open(page_script: str | None = None, **query) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page_script:
            # The default page has already rewritten parameters it shares with this page (indicator,
            # year): give the page the link's own values, as a shared link to it would.
            at.switch_page(page_script)  # (switching clears the query string, as a page link does)
            for key, value in query.items():
                at.query_params[key] = value
            at.run()
        return at

    return _open


@pytest.fixture
def open_tab():
    """open_tab(at, key, label) -> at: open the tab labelled `label` of the tabs with `key`, as a click does,
    and rerun. The pages' dimension tabs build only the open tab, so a test opens a dimension to read it."""

    def _open(at: AppTest, key: str, label: str) -> AppTest:
        at.session_state[key] = label
        return at.run()

    return _open
