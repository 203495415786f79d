"""Load and validate data/mappings/cbs_budget.yml: per edition, which column holds which budget field."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from indicators.settings import MAPPINGS_DIR

MAPPING_FILE = MAPPINGS_DIR / "cbs_budget.yml"
KINDS = ("money", "area", "percent", "per_capita")


class MappingError(ValueError):
    """The mapping file is malformed: the message names the field and edition."""


@dataclass(frozen=True)
class ColumnSpec:
    """One column to read: the header texts that must all head it, and which occurrence to take."""
    field_id: str
    texts: tuple[str, ...]
    occurrence: int | None
    sheet_family: str | None      # only for sheets of this family (pre-2016 la/rc sheets differ)
    kind: str
    budget_row: bool


@dataclass(frozen=True)
class Edition:
    edition: int
    source_id: str
    path: Path                    # relative to data/raw
    year_from: str                # header_text | band | inferred
    year: int | None              # stated data year (checked against the sheet where it says one)
    sheets: tuple[dict, ...]
    scale: dict
    columns: tuple[ColumnSpec, ...]
    absent: tuple[str, ...]       # fields declared absent (null) for this edition
    extra: dict                   # layout keys used only by one reader (e.g. the 2022 CSV)


def _specs(field_id: str, meta: dict, entry) -> list[ColumnSpec]:
    entries = entry if isinstance(entry, list) else [entry]
    specs = []
    for item in entries:
        if isinstance(item, str):
            item = {"header": item}
        if not isinstance(item, dict) or "header" not in item:
            raise MappingError(f"{MAPPING_FILE.name}: {field_id}: bad entry {item!r}")
        texts = item["header"] if isinstance(item["header"], list) else [item["header"]]
        specs.append(ColumnSpec(field_id, tuple(texts), item.get("occurrence"), item.get("sheet_family"),
                                meta["kind"], bool(meta.get("budget_row"))))
    return specs


def load_mapping(path: Path = MAPPING_FILE) -> dict[int, Edition]:
    """Every edition with its column specs; every field must say something (a header or null) per edition."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    editions = {}
    for ed, info in raw["editions"].items():
        columns, absent = [], []
        for field_id, meta in raw["fields"].items():
            if meta.get("kind") not in KINDS:
                raise MappingError(f"{path.name}: {field_id}: kind must be one of {KINDS}")
            if ed not in meta["editions"]:
                raise MappingError(f"{path.name}: {field_id}: edition {ed} not declared (use null if absent)")
            entry = meta["editions"][ed]
            if entry is None:
                absent.append(field_id)
            else:
                columns.extend(_specs(field_id, meta, entry))
        known = {"source_id", "file", "year_from", "year", "sheets", "scale"}
        editions[int(ed)] = Edition(
            edition=int(ed), source_id=info["source_id"], path=Path(info["file"]),
            year_from=info["year_from"], year=info.get("year"), sheets=tuple(info.get("sheets", ())),
            scale=info["scale"], columns=tuple(columns), absent=tuple(absent),
            extra={k: v for k, v in info.items() if k not in known},
        )
    return editions
