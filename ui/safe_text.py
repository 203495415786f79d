"""Text from a visitor (a link's query string, an uploaded file) made safe to show inside Markdown:
invisible and direction-changing characters removed, long values shortened, Markdown syntax escaped."""
from __future__ import annotations

import re
import unicodedata

MAX_SHOWN = 60
ELLIPSIS = "…"
# CommonMark lets any ASCII punctuation be backslash-escaped. These are the characters that can make
# Markdown out of text: links and images (which would make the browser fetch another site), HTML, code,
# Streamlit's own :red[...], :material/x: and $maths$, emphasis, tables and "www." autolinks. Others
# (- _ / , = …) are left alone, so ids such as la-9000 or own_income_share_pct read as they are.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*{}\[\]()<>#+.!|~:$&])")


def visible(text: str) -> str:
    """Drop control and format characters (NUL, bidi overrides and marks, zero-width joiners): shown
    inside a sentence they would reorder or hide the surrounding words."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))


def shortened(text: str, limit: int = MAX_SHOWN) -> str:
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def markdown_literal(value: object, limit: int = MAX_SHOWN) -> str:
    """`value` as text that Markdown shows literally: no formatting, links, images or HTML."""
    text = shortened(visible(str(value)), limit)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
