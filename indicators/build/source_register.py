"""The source register (data/sources.yml): load it and prove each raw file is the one registered."""
from __future__ import annotations

import hashlib

import pandas as pd
import yaml

from indicators.settings import DATA_DIR, LANGUAGES, SOURCES_FILE

DISPLAY_FIELDS = ("publisher", "title", "licence")  # each with a display text per language (`display:`)
SOURCE_COLUMNS = ["source_id", "series", "publisher", "title", "edition", "url", "licence",
                  "obtained", "path", "sha256", "transcribed",
                  *(f"{field}_{lang}" for field in DISPLAY_FIELDS for lang in LANGUAGES)]


class SourceError(RuntimeError):
    """A raw file is missing or differs from its registered checksum."""


class SourceDisplayError(ValueError):
    """A source lacks a publisher, title or licence text in one of the languages."""


def display_texts(entry: dict) -> dict[str, str]:
    """`display: {publisher: {he, en, ar}, ...}` flattened to publisher_he … licence_ar; every one required."""
    display = entry.get("display") or {}
    texts = {}
    for field in DISPLAY_FIELDS:
        for lang in LANGUAGES:
            text = (display.get(field) or {}).get(lang)
            if not isinstance(text, str) or not text.strip():
                raise SourceDisplayError(f"data/sources.yml: {entry.get('id')}: display.{field}.{lang} is missing")
            texts[f"{field}_{lang}"] = text.strip()
    return texts


def load_sources() -> pd.DataFrame:
    entries = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))["sources"]
    rows = [{k: v for k, v in e.items() if k != "display"} | display_texts(e)
            | {"transcribed": bool(e.get("transcribed", False))} for e in entries]
    frame = pd.DataFrame(rows).rename(columns={"id": "source_id"})
    frame["edition"] = frame["edition"].astype("int32")
    frame["obtained"] = frame["obtained"].astype(str)
    return frame[SOURCE_COLUMNS]


def verify_checksums(sources: pd.DataFrame) -> None:
    for row in sources.itertuples():
        path = DATA_DIR / row.path
        if not path.is_file():
            raise SourceError(f"{row.source_id}: raw file {path} is missing")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != row.sha256:
            raise SourceError(f"{row.source_id}: {path.name} has SHA-256 {digest}, register says {row.sha256}")
