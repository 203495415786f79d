"""The indicator registry: one YAML declaration per indicator in indicators/definitions/, validated here.

A declaration says what the indicator means (names and descriptions in he/en/ar, unit, direction,
dimension, source) and how it is computed, in exactly one of three ways:
- `field: <field_id>`: the figure CBS publishes, mapped per edition in data/mappings/;
- `per_resident: {fields: [<field_id>, ...], per: 1 | 1000, published: <field_id>}`: a published count or
  amount divided by the end-of-year population, or CBS's own per-resident figure (`published`, optional)
  in the editions that print one (sql/templates/per_resident.sql);
- `percent_of: {numerator: <field_id>, denominator: <field_id>}`: one figure as a percentage of another
  from the same edition (sql/templates/percent_of.sql);
- `land_share: {categories: [<field_id>, ...]}`: land-use categories as a % of the jurisdiction area
  in the CBS land-use survey (sql/templates/land_share.sql);
- `sql: <file>.sql`: a query of its own over the `cbs_values` table.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from indicators.read_model import direction_from_flag
from indicators.settings import DEFINITIONS_DIR, DIMENSIONS, LANGUAGES, SQL_DIR, UNITS_FILE

_REQUIRED = ("id", "dimension", "theme", "name", "description", "unit", "higher_is_better",
             "decimals", "source_id")


METHODS = ("field", "per_resident", "percent_of", "land_share", "sql")


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
    per_resident: tuple[tuple[str, ...], int, str] | None = None  # (fields, per, published field or "")
    percent_of: tuple[str, str] | None = None  # (numerator, denominator)
    land_share: tuple[str, ...] | None = None  # land-use category fields
    notes: dict | None = None
    headline_rank: int | None = None  # 1..5: a key figure of its dimension on the town profile
    display_order: int = 0  # position in the one order every page lists indicators in (set by load_registry)

    @property
    def direction(self) -> str:
        return direction_from_flag(self.higher_is_better)

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name["en"]

    def compute_sql(self) -> tuple[str, dict]:
        """The query and its parameters, yielding (authority_id, year, edition, value, source_id) rows."""
        if self.sql_file:
            return (SQL_DIR / self.sql_file).read_text(encoding="utf-8"), {}
        if self.per_resident:
            fields, per, published = self.per_resident
            return _template("per_resident"), {"fields": list(fields), "per": per, "published": published}
        if self.percent_of:
            numerator, denominator = self.percent_of
            return _template("percent_of"), {"numerator": numerator, "denominator": denominator}
        if self.land_share:
            return _template("land_share"), {"categories": list(self.land_share)}
        return _template("field"), {"field": self.field}

    @property
    def method(self) -> str:
        if self.sql_file:
            return f"sql: {self.sql_file}"
        if self.per_resident:
            fields, per, published = self.per_resident
            preferred = f" (CBS's own {published} where published)" if published else ""
            return f"per_resident: {' + '.join(fields)} per {per:,} residents{preferred}"
        if self.percent_of:
            return f"percent_of: {self.percent_of[0]} as % of {self.percent_of[1]}"
        if self.land_share:
            return f"land_share: {' + '.join(self.land_share)} as % of landuse_total_km2"
        return f"field: {self.field}"


@lru_cache(maxsize=4)
def _template(name: str) -> str:
    return (SQL_DIR / "templates" / f"{name}.sql").read_text(encoding="utf-8")


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
    methods = [key for key in METHODS if key in raw]
    if len(methods) != 1:
        raise RegistryError(f"{path.name}: give exactly one of {', '.join(METHODS)}")
    if "field" in raw and not str(raw["field"]).replace("_", "").isalnum():
        raise RegistryError(f"{path.name}: field must be a slug")
    if "sql" in raw and not (SQL_DIR / raw["sql"]).is_file():
        raise RegistryError(f"{path.name}: sql file {raw['sql']!r} not found in {SQL_DIR}")
    return Indicator(
        id=raw["id"], dimension=raw["dimension"], theme=raw["theme"],
        name=_check_languages(path, "name", raw["name"]),
        description=_check_languages(path, "description", raw["description"]),
        unit=raw["unit"], higher_is_better=raw["higher_is_better"], decimals=int(raw["decimals"]),
        source_id=raw["source_id"], field=raw.get("field"), sql_file=raw.get("sql"),
        per_resident=_parse_per_resident(path, raw.get("per_resident")),
        percent_of=_parse_percent_of(path, raw.get("percent_of")),
        land_share=_parse_land_share(path, raw.get("land_share")),
        notes=_check_languages(path, "notes", raw["notes"]) if raw.get("notes") else None,
        headline_rank=_parse_headline(path, raw.get("headline")),
    )


def _parse_headline(path: Path, value) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
        raise RegistryError(f"{path.name}: headline must be a rank from 1 to 5 within the dimension")
    return value


def _parse_per_resident(path: Path, spec) -> tuple[tuple[str, ...], int, str] | None:
    if spec is None:
        return None
    fields = spec.get("fields") if isinstance(spec, dict) else None
    if not fields or not all(str(f).replace("_", "").isalnum() for f in fields):
        raise RegistryError(f"{path.name}: per_resident needs 'fields', a list of field slugs")
    if spec.get("per") not in (1, 1000):
        raise RegistryError(f"{path.name}: per_resident 'per' must be 1 or 1000")
    published = str(spec.get("published") or "")
    if published and not published.replace("_", "").isalnum():
        raise RegistryError(f"{path.name}: per_resident 'published' must be a field slug")
    return tuple(fields), int(spec["per"]), published


def _parse_percent_of(path: Path, spec) -> tuple[str, str] | None:
    if spec is None:
        return None
    parts = (spec.get("numerator"), spec.get("denominator")) if isinstance(spec, dict) else (None, None)
    if not all(isinstance(p, str) and p.replace("_", "").isalnum() for p in parts):
        raise RegistryError(f"{path.name}: percent_of needs field slugs 'numerator' and 'denominator'")
    return parts


def _parse_land_share(path: Path, spec) -> tuple[str, ...] | None:
    if spec is None:
        return None
    categories = spec.get("categories") if isinstance(spec, dict) else None
    if not categories or not all(str(c).startswith("landuse_") and str(c).replace("_", "").isalnum()
                                 for c in categories):
        raise RegistryError(f"{path.name}: land_share needs 'categories', a list of landuse_* field slugs")
    return tuple(categories)


@lru_cache(maxsize=1)
def load_units() -> dict:
    return yaml.safe_load(UNITS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_registry(definitions_dir: Path = DEFINITIONS_DIR) -> tuple[Indicator, ...]:
    """All declarations in the one display order: dimension (KMM order), then theme, then id."""
    units = load_units()
    indicators = [parse_declaration(p, units) for p in sorted(definitions_dir.glob("*.yml"))]
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    ordered = sorted(indicators, key=lambda ind: (order[ind.dimension], ind.theme, ind.id))
    _check_headlines(ordered)
    return tuple(replace(ind, display_order=i) for i, ind in enumerate(ordered))


def _check_headlines(indicators: list[Indicator]) -> None:
    """Each dimension's key figures have distinct ranks (the town profile shows them in that order)."""
    for dimension in DIMENSIONS:
        ranks = [ind.headline_rank for ind in indicators if ind.dimension == dimension and ind.headline_rank]
        if len(ranks) != len(set(ranks)):
            raise RegistryError(f"{dimension}: two indicators declare the same headline rank {sorted(ranks)}")
