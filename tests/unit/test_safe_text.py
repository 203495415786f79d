"""Visitor text shown inside Markdown stays literal text."""
from ui.safe_text import MAX_SHOWN, markdown_literal, visible


def test_value_becomes_one_code_span():
    shown = markdown_literal("![x](https://evil.example/a.png) <b>hi</b> :red[x] $x$ `tick`")
    assert shown.startswith("`") and shown.endswith("`") and shown.count("`") == 2


def test_bidi_controls_and_nul_are_removed():
    assert visible("a\u202eb\u200fc\x00d\u2066e") == "abcde"


def test_long_values_are_shortened():
    assert len(markdown_literal("a" * 10_000)) == MAX_SHOWN + 2
