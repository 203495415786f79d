"""Every page registered in the navigation runs without an exception, in each language."""
import pytest

from indicators.settings import LANGUAGES
from ui.navigation import registered_pages

PAGES = registered_pages()


def test_navigation_registers_pages():
    assert PAGES and sum(p.default for p in PAGES) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_page_runs_without_exception(open_app, spec, lang):
    at = open_app(spec.script, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page shows a title"
    # A download leaves the page as it is: a click that reran it cost the server a whole page, and a second
    # download clicked during that rerun was lost (its button was being drawn again).
    assert all(b.proto.ignore_rerun for b in at.get("download_button")), spec.url_path


def test_unknown_language_falls_back_with_a_note(open_app):
    at = open_app(lang="klingon")
    assert not at.exception
    assert any("klingon" in w.value for w in at.warning)
    assert at.query_params["lang"] in ("he", ["he"])
