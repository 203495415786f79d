"""The CBS field ids the build's header mappings produce (data/mappings/*.yml), and in which editions:
the registry checks every indicator's inputs against them, the methods page names the mapping file."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from indicators.settings import MAPPINGS_DIR

MAPPING_FILES = ("cbs_physical.yml", "cbs_budget.yml", "indices_tables.yml")


@lru_cache(maxsize=4)
def field_mappings(mappings_dir: Path = MAPPINGS_DIR) -> dict[str, tuple[str, tuple[int, ...]]]:
    """field_id -> (mapping file, editions that map a column to it), from data/mappings/*.yml."""
    found: dict[str, tuple[str, set[int]]] = {}
    for file_name in MAPPING_FILES:
        raw = yaml.safe_load((mappings_dir / file_name).read_text(encoding="utf-8")) or {}
        blocks = [raw.get("fields") or {}]
        blocks += [(t.get("fields") or {}) | {"_edition": t.get("edition")} for t in (raw.get("tables") or {}).values()]
        for block in blocks:
            table_edition = block.get("_edition")
            for field_id, spec in block.items():
                if field_id == "_edition" or not isinstance(spec, dict):
                    continue
                editions = found.setdefault(field_id, (file_name, set()))[1]
                per_edition = spec.get("editions") if isinstance(spec.get("editions"), dict) else spec
                mapped = [k for k, v in per_edition.items() if isinstance(k, int) and v is not None]
                if table_edition is not None and mapped:
                    editions.add(int(table_edition))  # index tables: the table's edition, not the data year
                elif table_edition is None:
                    editions.update(mapped)
    return {f: (file_name, tuple(sorted(eds))) for f, (file_name, eds) in found.items()}


def known_field_ids() -> frozenset[str]:
    """Every field id some mapping produces: the only names an indicator may read from `cbs_values`."""
    return frozenset(field_mappings())
