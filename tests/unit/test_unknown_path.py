"""A link to no page is taken over before st.navigation: the home page runs without Streamlit's English
dialog, and dashboard.py gets the path for its own note. Known pages and reruns are left alone."""
from types import SimpleNamespace

import pytest

from ui import navigation


class FakePages:
    def __init__(self, name: str | None, page_hash: str | None = None):
        self.intended_page_name, self.intended_page_script_hash = name, page_hash

    def set_script_intent(self, page_hash: str, name: str) -> None:
        self.intended_page_script_hash, self.intended_page_name = page_hash, name


@pytest.fixture
def request_for(monkeypatch):
    def _request(name, page_hash=None):
        pages = FakePages(name, page_hash)
        monkeypatch.setattr(navigation, "get_script_run_ctx", lambda: SimpleNamespace(pages_manager=pages))
        return pages
    return _request


def test_an_unknown_path_is_taken_over(request_for):
    pages = request_for("no_such_page")
    assert navigation.take_unknown_path() == "no_such_page"
    assert pages.intended_page_name == ""  # st.navigation now runs the home page without a dialog


@pytest.mark.parametrize("name", ["town_profile", "compare", "", None])
def test_known_pages_and_the_home_page_are_left_alone(request_for, name):
    pages = request_for(name)
    assert navigation.take_unknown_path() is None
    assert pages.intended_page_name == name


def test_the_home_page_under_its_own_name_runs_without_a_note(request_for):
    pages = request_for("overview")  # the default page is served at /, not /overview
    assert navigation.take_unknown_path() is None
    assert pages.intended_page_name == ""


def test_a_rerun_names_its_page_by_hash(request_for):
    pages = request_for("no_such_page", page_hash="abc")
    assert navigation.take_unknown_path() is None
    assert pages.intended_page_name == "no_such_page"


def test_outside_a_script_run(monkeypatch):
    monkeypatch.setattr(navigation, "get_script_run_ctx", lambda: None)
    assert navigation.take_unknown_path() is None
