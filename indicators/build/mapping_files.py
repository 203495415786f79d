"""The one reader of data/mappings/*.yml: parses a mapping file and validates it before any extractor follows it.

Every mapping file has the same common parts, checked here: entries for raw files (`editions:` keyed by
edition year, or `tables:` keyed by source id) that each name a source of data/sources.yml and its file;
and, where it has `fields:`, each field's `editions:` declaring every edition (an entry, or null when the
edition does not publish the field). A layout's own keys are checked by the function the caller passes.
A malformed file fails here, naming the file and the key.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import yaml

from indicators.settings import SOURCES_FILE

RAW_PREFIX = "raw/"  # data/sources.yml paths are relative to data/; mapping `file:` paths to data/raw/


class MappingError(ValueError):
    """A mapping file is malformed: the message names the file and the key."""


Check = Callable[[dict, "Keys"], None]


class Keys:
    """Builds the error message for one key path inside one mapping file."""

    def __init__(self, path: Path, parts: tuple = ()) -> None:
        self.path, self.parts = Path(path), parts

    def __truediv__(self, part) -> Keys:
        return Keys(self.path, (*self.parts, part))

    def error(self, problem: str) -> MappingError:
        key = ".".join(str(p) for p in self.parts) or "(top level)"
        return MappingError(f"{self.path.name}: {key}: {problem}")


def require_keys(entry, keys: Keys, required: Iterable[str], optional: Iterable[str] | None = ()) -> None:
    """The entry is a mapping holding every required key and nothing beyond required + optional
    (optional=None: other keys are the layout's to check)."""
    if not isinstance(entry, dict):
        raise keys.error(f"expected a mapping, got {entry!r}")
    required = set(required)
    missing = sorted(required - set(entry))
    if missing:
        raise keys.error(f"missing {', '.join(missing)}")
    unknown = sorted(set(entry) - required - set(optional or ()), key=str)
    if unknown and optional is not None:
        raise keys.error(f"unknown key(s) {', '.join(map(str, unknown))}")


def require_one_of(value, allowed: Iterable, keys: Keys) -> None:
    allowed = tuple(allowed)
    if value not in allowed:
        raise keys.error(f"{value!r} is not one of {allowed}")


@lru_cache(maxsize=1)
def registered_files() -> dict[str, str]:
    """source_id -> its file relative to data/raw, from the source register."""
    entries = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))["sources"]
    return {e["id"]: e["path"].removeprefix(RAW_PREFIX) for e in entries}


def check_source_entry(entry: dict, source_id, keys: Keys) -> None:
    """An entry for one raw file names a registered source and exactly that source's file."""
    files = registered_files()
    if source_id not in files:
        raise keys.error(f"source_id {source_id!r} is not in {SOURCES_FILE.name}")
    if entry.get("file") != files[source_id]:
        raise keys.error(f"file {entry.get('file')!r} is not {source_id}'s registered file {files[source_id]!r}")


def _check_common(raw: dict, keys: Keys) -> None:
    for edition, entry in (raw.get("editions") or {}).items():
        if not isinstance(edition, int):
            raise (keys / "editions" / edition).error("an edition is keyed by its publication year")
        require_keys(entry, keys / "editions" / edition, ["source_id", "file"], optional=None)
        check_source_entry(entry, entry["source_id"], keys / "editions" / edition)
    for source_id, entry in (raw.get("tables") or {}).items():
        require_keys(entry, keys / "tables" / source_id, ["file", "edition"], optional=None)
        check_source_entry(entry, source_id, keys / "tables" / source_id)
    editions = set(raw.get("editions") or ())
    for field_id, field in (raw.get("fields") or {}).items():
        per_edition = field.get("editions") if isinstance(field, dict) else None
        if not isinstance(per_edition, dict):
            raise (keys / "fields" / field_id).error("expected an `editions:` mapping")
        undeclared = sorted(editions - set(per_edition))
        if undeclared:
            raise (keys / "fields" / field_id / "editions").error(
                f"edition {undeclared[0]} not declared (use null if absent)")
        unknown = sorted(set(per_edition) - editions, key=str)
        if unknown:
            raise (keys / "fields" / field_id / "editions").error(f"edition {unknown[0]} is not in `editions:`")


@lru_cache(maxsize=16)
def load_mapping(path: Path, check: Check) -> dict:
    """The parsed, validated mapping file (treat it as read-only: it is shared between callers)."""
    path = Path(path)
    keys = Keys(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise keys.error(f"not valid YAML: {err}") from err
    if not isinstance(raw, dict):
        raise keys.error("expected a mapping at the top level")
    _check_common(raw, keys)
    check(raw, keys)
    return raw
