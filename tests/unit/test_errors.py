"""The error wrapper lets Streamlit's control flow through and keeps tracebacks in the server log."""
import logging

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, ScriptControlException, StopException
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

from ui import errors


class Page:
    url_path = "boom"

    def __init__(self, error):
        self.error = error

    def run(self):
        raise self.error


@pytest.mark.parametrize("control", [StopException(), RerunException(RerunData())])
def test_control_flow_passes_through(control, monkeypatch):
    monkeypatch.delenv(errors.RERAISE_ENV, raising=False)
    assert isinstance(control, ScriptControlException) and not isinstance(control, Exception)
    with pytest.raises(type(control)):
        errors.run_page(Page(control), "en")


def test_a_failure_is_logged_with_its_reference(monkeypatch):
    monkeypatch.delenv(errors.RERAISE_ENV, raising=False)
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    errors.LOG.addHandler(handler)
    try:
        errors.run_page(Page(ValueError("secret detail")), "en")
    finally:
        errors.LOG.removeHandler(handler)
    (record,) = records
    assert record.levelno == logging.ERROR and record.exc_info[1].args == ("secret detail",)
    assert "boom" in record.getMessage()


def test_tests_can_ask_for_the_exception(monkeypatch):
    monkeypatch.setenv(errors.RERAISE_ENV, "1")
    with pytest.raises(ValueError):
        errors.run_page(Page(ValueError("x")), "en")
