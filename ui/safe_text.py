"""Text from a visitor (a link's query string, an uploaded file) made safe to show inside Markdown:
invisible and direction-changing characters removed, long values shortened, shown as literal code."""
from __future__ import annotations

import unicodedata

MAX_SHOWN = 60
ELLIPSIS = "…"
# Backticks inside the value would end the code span early.
_BACKTICK = "`"
_BACKTICK_STANDIN = "ˋ"


def visible(text: str) -> str:
    """Drop control and format characters (NUL, bidi overrides and marks, zero-width joiners): shown
    inside a sentence they would reorder or hide the surrounding words."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))


def shortened(text: str, limit: int = MAX_SHOWN) -> str:
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def markdown_literal(value: object, limit: int = MAX_SHOWN) -> str:
    """`value` as an inline code span, which Markdown shows as it is: no formatting, HTML, links or images,
    none of Streamlit's :directives: or $maths$, and no automatic links (backslash escapes do not stop
    those: "https\\://…" was still turned into a link)."""
    text = shortened(visible(str(value)), limit).replace(_BACKTICK, _BACKTICK_STANDIN)
    return f"{_BACKTICK}{text}{_BACKTICK}" if text.strip() else text
