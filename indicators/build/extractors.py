"""The registered sources of figures: every extractor has the same shape, and the build runs them in turn.

To add a source: write `extract(mapping_path) -> Extracted` beside a mapping file read through
mapping_files.load_mapping, and list it in EXTRACTORS.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators.build import cbs_budget, cbs_budget_mapping, cbs_indices, cbs_labour_force, cbs_physical
from indicators.build.mapping_files import load_mapping
from indicators.build.records import KEY_COLUMNS, DuplicateRecordError, Extracted


@dataclass(frozen=True)
class Extractor:
    name: str
    mapping_file: Path
    extract: Callable[[Path], Extracted]                   # called with mapping_file (and raw_dir= in tests)
    field_editions: Callable[[Path], dict[str, set[int]]]  # field id -> editions that map a column to it


def _per_edition_fields(check) -> Callable[[Path], dict[str, set[int]]]:
    def field_editions(path: Path) -> dict[str, set[int]]:
        fields = load_mapping(path, check)["fields"]
        return {fid: {ed for ed, entry in f["editions"].items() if entry is not None} for fid, f in fields.items()}
    return field_editions


def _index_field_editions(path: Path) -> dict[str, set[int]]:
    """An index table is one edition: a field is mapped in it when any of its data years is."""
    out: dict[str, set[int]] = {}
    for table in load_mapping(path, cbs_indices.check_mapping)["tables"].values():
        for field_id, years in table["fields"].items():
            mapped = any(cell is not None for cell in years.values())
            out.setdefault(field_id, set()).update({int(table["edition"])} if mapped else set())
    return out


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("cbs_physical", cbs_physical.MAPPING_FILE, cbs_physical.extract,
              _per_edition_fields(cbs_physical.check_mapping)),
    Extractor("cbs_budget", cbs_budget_mapping.MAPPING_FILE, cbs_budget.extract,
              _per_edition_fields(cbs_budget_mapping.check_mapping)),
    Extractor("cbs_indices", cbs_indices.MAPPING_FILE, cbs_indices.extract, _index_field_editions),
    Extractor("cbs_labour_force", cbs_labour_force.MAPPING_FILE, cbs_labour_force.extract,
              _per_edition_fields(cbs_labour_force.check_mapping)),
)


def extract_sources(extractors: tuple[Extractor, ...] = EXTRACTORS) -> Extracted:
    """Every registered extractor's figures, gaps and columns read, stacked; two sources may not give the
    same authority, field, year and edition."""
    extracted = Extracted.concat([source.extract(source.mapping_file) for source in extractors])
    keys = [frame[KEY_COLUMNS] for frame in (extracted.values, extracted.gaps)]
    twice = pd.concat(keys, ignore_index=True).duplicated(keep=False)
    if twice.any():
        clash = pd.concat(keys, ignore_index=True)[twice].head(5).to_string(index=False)
        raise DuplicateRecordError(f"two extractors give the same records:\n{clash}")
    return extracted


def mapped_field_editions(extractors: tuple[Extractor, ...] = EXTRACTORS) -> dict[str, tuple[str, tuple[int, ...]]]:
    """field id -> (mapping file name, editions that map a column to it), over every registered mapping."""
    out = {}
    for source in extractors:
        for field_id, editions in source.field_editions(source.mapping_file).items():
            out[field_id] = (source.mapping_file.name, tuple(sorted(editions)))
    return out


def known_field_ids(extractors: tuple[Extractor, ...] = EXTRACTORS) -> set[str]:
    """Every field id some mapping file produces in at least one edition (for checking indicator inputs)."""
    return {field_id for field_id, (_, editions) in mapped_field_editions(extractors).items() if editions}
