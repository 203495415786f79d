"""A page that fails shows the visitor a short message in their language, never the traceback."""
import pytest
from streamlit.testing.v1 import AppTest

from ui import errors
from ui.i18n import translate


def _failing_page(lang):
    import streamlit as st

    from ui import errors

    class Page:
        url_path = "boom"

        def run(self):
            st.write("before the failure")
            raise KeyError("secret detail from the server")

    errors.run_page(Page(), lang)
    st.write("after the page")


def _stopping_page():
    import streamlit as st

    from ui import errors

    class Page:
        url_path = "stops"

        def run(self):
            st.stop()

    errors.run_page(Page(), "en")
    st.write("never shown")


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_failure_shows_a_friendly_box(monkeypatch, lang):
    monkeypatch.delenv(errors.RERAISE_ENV, raising=False)
    at = AppTest.from_function(_failing_page, args=(lang,)).run()
    assert not at.exception
    (box,) = at.error
    start = translate(lang, "common.page_error", ref="").split(".")[0]
    assert box.value.startswith(start)
    assert "secret detail" not in box.value and "Traceback" not in box.value
    assert [m.value for m in at.markdown][-1] == "after the page"


def test_st_stop_is_not_an_error(monkeypatch):
    monkeypatch.delenv(errors.RERAISE_ENV, raising=False)
    at = AppTest.from_function(_stopping_page).run()
    assert not at.exception and not at.error
    assert "never shown" not in [m.value for m in at.markdown]
