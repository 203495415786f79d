"""The indicator registry: one YAML declaration per indicator in indicators/definitions/, validated here.

A declaration says what the indicator means (names and descriptions in he/en/ar, unit, direction,
dimension, source) and how it is computed: either `field: <field_id>` (the figure CBS publishes,
mapped per edition in data/mappings/) or `sql: <file>.sql` (a query over the `cbs_values` table).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from indicators.settings import DEFINITIONS_DIR, DIMENSIONS, LANGUAGES, SQL_DIR, UNITS_FILE

_REQUIRED = ("id", "dimension", "theme", "name", "description", "unit", "higher_is_better",
             "decimals", "source_id")


class RegistryError(ValueError):
    """A declaration is malformed: the message names the file and the field."""


@dataclass(frozen=True)
class Indicator:
    id: str
    dimension: str
    theme: str
    name: dict
    description: dict
    unit: str
    higher_is_better: bool | None
    decimals: int
    source_id: str
    field: str | None = None
    sql_file: str | None = None
    notes: dict | None = None

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name["en"]

    def compute_sql(self) -> str:
        """The query yielding (authority_id, year, edition, value, source_id) rows from cbs_values."""
        if self.sql_file:
            return (SQL_DIR / self.sql_file).read_text(encoding="utf-8")
        return (
            "SELECT authority_id, year, edition, value, source_id FROM cbs_values "
            f"WHERE field_id = '{self.field}'"  # field ids are validated slugs from our own YAML
        )


def _check_languages(path: Path, key: str, value) -> dict:
    if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGUAGES):
        raise RegistryError(f"{path.name}: '{key}' needs non-empty he, en and ar texts")
    return value


def parse_declaration(path: Path, units: dict) -> Indicator:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise RegistryError(f"{path.name}: missing {', '.join(missing)}")
    if raw["id"] != path.stem:
        raise RegistryError(f"{path.name}: id {raw['id']!r} must equal the file name")
    if raw["dimension"] not in DIMENSIONS:
        raise RegistryError(f"{path.name}: dimension must be one of {DIMENSIONS}")
    if raw["unit"] not in units:
        raise RegistryError(f"{path.name}: unit {raw['unit']!r} is not in units.yml")
    if raw["higher_is_better"] not in (True, False, None):
        raise RegistryError(f"{path.name}: higher_is_better must be true, false or null")
    has_field, has_sql = "field" in raw, "sql" in raw
    if has_field == has_sql:
        raise RegistryError(f"{path.name}: give exactly one of 'field' or 'sql'")
    if has_field and not str(raw["field"]).replace("_", "").isalnum():
        raise RegistryError(f"{path.name}: field must be a slug")
    if has_sql and not (SQL_DIR / raw["sql"]).is_file():
        raise RegistryError(f"{path.name}: sql file {raw['sql']!r} not found in {SQL_DIR}")
    return Indicator(
        id=raw["id"], dimension=raw["dimension"], theme=raw["theme"],
        name=_check_languages(path, "name", raw["name"]),
        description=_check_languages(path, "description", raw["description"]),
        unit=raw["unit"], higher_is_better=raw["higher_is_better"], decimals=int(raw["decimals"]),
        source_id=raw["source_id"], field=raw.get("field"), sql_file=raw.get("sql"),
        notes=_check_languages(path, "notes", raw["notes"]) if raw.get("notes") else None,
    )


@lru_cache(maxsize=1)
def load_units() -> dict:
    return yaml.safe_load(UNITS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_registry(definitions_dir: Path = DEFINITIONS_DIR) -> tuple[Indicator, ...]:
    """All declarations, sorted by dimension then id."""
    units = load_units()
    indicators = [parse_declaration(p, units) for p in sorted(definitions_dir.glob("*.yml"))]
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    return tuple(sorted(indicators, key=lambda ind: (order[ind.dimension], ind.id)))
