"""Parsing the view out of the URL query string (pure, no streamlit). Every value is checked against
the allowed options; anything else falls back to a default and is reported, never raised."""
from __future__ import annotations

from collections.abc import Sequence

LIST_SEPARATOR = ","


def parse_choice(raw: str | None, options: Sequence, default):
    """(value, ok). Options may be ints (years): the raw text is compared as text."""
    if raw is None or raw == "":
        return default, True
    by_text = {str(option): option for option in options}
    if raw in by_text:
        return by_text[raw], True
    return default, False


def parse_list(raw: str | None, options: Sequence, default: list, max_items: int | None = None):
    """(values, ok) for a comma-separated list; unknown items are dropped and reported.

    An absent parameter means "the default"; a present but empty one means "nothing chosen"."""
    if raw is None:
        return list(default), True
    if raw == "":
        return [], True
    allowed = {str(option): option for option in options}
    items = [part.strip() for part in raw.split(LIST_SEPARATOR) if part.strip()]
    kept = list(dict.fromkeys(allowed[item] for item in items if item in allowed))
    ok = all(item in allowed for item in items)
    if max_items is not None and len(kept) > max_items:
        kept, ok = kept[:max_items], False
    return (kept if kept else list(default)), ok


def format_list(values: Sequence) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)
