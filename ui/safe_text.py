"""Text from a visitor (a link's query string, an uploaded file) made safe to show inside Markdown:
invisible and direction-changing characters removed, long values shortened, Markdown syntax escaped."""
from __future__ import annotations

import re
import unicodedata

MAX_SHOWN = 60
ELLIPSIS = "…"
# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them also
# disarms Streamlit's own additions (:red[...], :material/x:, $maths$) and links/images that would make
# the browser fetch another site.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&\"'=/%;@^?,])")


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
