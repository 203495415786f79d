"""English phrases inside Hebrew and Arabic messages keep their own order: a citation with brackets, left to
the paragraph's direction, came out as "The) New Economics Foundation … Money Trail, 2002)"."""
import pytest

from ui.i18n import translate

CITATION = "\u2066New Economics Foundation (The Money Trail, 2002)\u2069"  # left-to-right isolate


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_lm3_citation_is_isolated_left_to_right(lang):
    intro = translate(lang, "local_spend.intro")
    assert CITATION in intro
    assert intro.count("\u2066") == intro.count("\u2069")  # every isolate closed
