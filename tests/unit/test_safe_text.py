"""Visitor text shown inside Markdown stays literal text."""
from ui.safe_text import MAX_SHOWN, markdown_literal, visible


def test_links_images_and_html_are_escaped():
    shown = markdown_literal("![x](https://evil.example/a.png) <b>hi</b> :red[x] $x$")
    for raw in ("![", "](", "<b>", ":red[", "$x$", "https://"):
        assert raw not in shown


def test_bidi_controls_and_nul_are_removed():
    assert visible("a\u202eb\u200fc\x00d\u2066e") == "abcde"


def test_long_values_are_shortened():
    assert len(markdown_literal("a" * 10_000)) == MAX_SHOWN
