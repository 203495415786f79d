"""The home page's first screen and the language switch outside the sidebar, through AppTest: the question
once, the search before the model text, a switch at the top of the main area that keeps the page's
town, and a map caption that says a click on the map opens a profile (tests/browser: test_getting_around)."""
import pytest

from indicators.settings import LANGUAGES
from ui.i18n import translate


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_question_once_and_the_search_before_the_text(open_app, lang):
    at = open_app(lang=lang)
    assert not at.exception
    question = translate(lang, "overview.kmm_heading")
    texts = [e.value for kind in ("title", "header", "caption", "markdown") for e in getattr(at, kind)
             if isinstance(e.value, str)]
    assert sum(question in text for text in texts) == 1, texts
    assert at.title[0].value == translate(lang, "common.app_title")
    assert at.header[0].value == question
    # The search (a text input) comes before the model text in the page's order.
    order = [node for node in at.main if node.type in ("text_input", "markdown")]
    kinds = [(node.type, getattr(node, "key", None), node.value) for node in order]
    search = next(i for i, k in enumerate(kinds) if k[0] == "text_input")
    model_text = next(i for i, k in enumerate(kinds) if k[2] == translate(lang, "overview.kmm_text"))
    assert search < model_text, kinds
    caption = translate(lang, "overview.map_caption", indicator="", year="")
    assert any(caption.split(". ")[-1][:20] in c.value for c in at.caption)


def test_the_top_switch_keeps_the_view(open_app):
    at = open_app(lang="he", indicator="population", year="2021")
    assert not at.exception
    switch = at.radio(key="ui_lang_top")
    assert switch.value == "he" and switch.proto.label_visibility.value == switch.proto.label_visibility.COLLAPSED
    switch.set_value("ar").run()
    assert not at.exception
    assert at.query_params["lang"] in ("ar", ["ar"])
    assert at.selectbox(key="w_indicator").value == "population" and at.selectbox(key="w_year").value == 2021
    assert at.title[0].value == translate("ar", "common.app_title")
