"""The source register (data/sources.yml): load it and prove each raw file is the one registered."""
from __future__ import annotations

import hashlib

import pandas as pd
import yaml

from indicators.settings import DATA_DIR, SOURCES_FILE

SOURCE_COLUMNS = ["source_id", "series", "publisher", "title", "edition", "url", "licence",
                  "obtained", "path", "sha256"]


class SourceError(RuntimeError):
    """A raw file is missing or differs from its registered checksum."""


def load_sources() -> pd.DataFrame:
    entries = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))["sources"]
    frame = pd.DataFrame(entries).rename(columns={"id": "source_id"})
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
