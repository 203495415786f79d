"""The friendly error box: a page that fails shows a short message in the visitor's language, and the
traceback goes to the server's log, never to the browser."""
from __future__ import annotations

import os
import uuid

import streamlit as st
from streamlit.logger import get_logger

from ui.i18n import translate

LOG = get_logger("kmm.pages")  # streamlit's handler and format: the server log
# AppTest suites read failures from AppTest.exception; with this set, the wrapper lets them through.
RERAISE_ENV = "KMM_RERAISE_PAGE_ERRORS"


def run_page(page, lang: str) -> None:
    """Run the chosen page. st.stop, st.rerun and st.switch_page work by raising exceptions derived from
    BaseException (streamlit's ScriptControlException), so catching Exception leaves them untouched."""
    try:
        page.run()
    except Exception as error:  # noqa: BLE001 - every failure of a page ends here by design
        if os.environ.get(RERAISE_ENV) == "1":
            raise
        show_failure(error, lang, getattr(page, "url_path", "?"))


def show_failure(error: Exception, lang: str, where: str) -> str:
    """Log the traceback with a short reference and show the visitor that reference only."""
    reference = uuid.uuid4().hex[:8]
    LOG.error("page %s failed (ref %s)", where, reference, exc_info=error)
    st.error(translate(lang, "common.page_error", ref=reference), icon="⚠️")
    return reference
