"""Message catalogues: UI text per language, in ui/messages/<lang>/<namespace>.yml.

A key is "<namespace>.<name>" where the namespace is the file name, so each page keeps its own file.
Pure Python (no streamlit) so that tests can check every key exists in every language.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from indicators.settings import DEFAULT_LANGUAGE, LANGUAGES, RTL_LANGUAGES

MESSAGES_DIR = Path(__file__).resolve().parent / "messages"
# libyaml's loader (bundled in PyYAML's wheels) reads the catalogues ~10x faster than the pure-Python one:
# on a fresh server the first page waited ~0.4 s (idle machine) for them. Same result (tests/unit/test_i18n.py).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=len(LANGUAGES))
def load_catalogue(lang: str) -> dict[str, str]:
    """All messages of one language, flattened to "namespace.key" -> text."""
    catalogue: dict[str, str] = {}
    for path in sorted((MESSAGES_DIR / lang).glob("*.yml")):
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        for key, text in entries.items():
            catalogue[f"{path.stem}.{key}"] = str(text)
    return catalogue


def translate(lang: str, key: str, **values) -> str:
    """The message for `key` in `lang`, with {named} placeholders filled; falls back to English."""
    text = load_catalogue(lang).get(key) or load_catalogue("en").get(key) or key
    return text.format(**values) if values else text


def resolve_language(requested: str | None) -> tuple[str, bool]:
    """(language, was_valid): an unknown ?lang= falls back to Hebrew and is reported."""
    if requested in LANGUAGES:
        return requested, True
    return DEFAULT_LANGUAGE, requested in (None, "")


def text_direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"
