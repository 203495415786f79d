"""Every registered page opened from a damaged link: unknown ids, empty, very long, NUL, direction marks
and repeated parameters. Each must run without an exception and, where a value was unusable, say so."""
import pytest

from ui.navigation import registered_pages

PAGES = registered_pages()
# Every parameter a page reads from the link (README "URL parameters shared by the pages").
PARAMS = ("town", "indicator", "year", "compare", "kind", "scope", "peers_of", "peer_ses", "peer_periph",
          "peer_size", "peer_kind", "peer_k", "section", "group", "colour_group", "preset", "peer_group",
          "prices")
BAD_VALUES = {
    "unknown_id": "la-99999999",
    "long": "x" * 5000,
    "nul": "\x00la-9000",
    "percent_nul": "%00",
    "rtl_marks": "\u202ela-9000\u200f",
    "markdown": "![x](https://evil.example/p.png)",
}


def _notes(at) -> list[str]:
    return [w.value for w in at.warning] + [i.value for i in at.info]


@pytest.mark.parametrize("case", BAD_VALUES, ids=list(BAD_VALUES))
@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_bad_values_are_reported_not_raised(open_app, spec, case):
    value = BAD_VALUES[case]
    at = open_app(spec.script, lang="en", **dict.fromkeys(PARAMS, value))
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page still shows its title"
    notes = _notes(at)
    assert notes, "an unusable value gets a visible note"
    for note in notes:  # link text only ever inside a code span, which Markdown shows literally
        for marker in ("https://evil", "\x00", "\u202e"):
            assert marker not in note or note.split(marker)[0].count("`") % 2 == 1, note
    assert all(len(note) < 1000 for note in notes), "a huge value is not echoed whole"


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_empty_and_repeated_values(open_app, spec):
    at = open_app(spec.script, lang="en", **dict.fromkeys(PARAMS, ""))
    assert not at.exception, [e.value for e in at.exception]
    at = open_app(spec.script, lang=["ar", "en"], **{p: ["la-9000", "la-1161"] for p in PARAMS})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title


def test_bad_language_on_every_page(open_app):
    at = open_app(lang="\u202e" + "x" * 3000)  # the note comes with the link's first run
    assert any("lang" in note for note in _notes(at))
    assert all(len(note) < 1000 for note in _notes(at))
    for spec in PAGES:
        at = open_app(spec.script, lang="\u202e" + "x" * 3000)
        assert not at.exception, (spec.url_path, [e.value for e in at.exception])
