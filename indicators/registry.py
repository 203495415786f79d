"""The indicator registry: one YAML declaration per indicator in indicators/definitions/, validated here.

A declaration says what the indicator means (names and descriptions in he/en/ar, unit, direction with a
one-line reason in he/en/ar, dimension, source) and how it is computed, in exactly one of five forms:
- `field: <field_id>`: the figure CBS publishes, mapped per edition in data/mappings/;
- `per_resident: {fields: [<field_id>, ...], per: 1 | 1000, published: <field_id>}`: a published count or
  amount divided by the end-of-year population (`fields` lists the names the figure carries across
  editions, first one found wins), or CBS's own per-resident figure (`published`, optional) in the
  editions that print one (sql/templates/per_resident.sql);
- `percent_of: {numerator: <field_id>, denominator: <field_id>}`: one figure as a percentage of another
  from the same edition (sql/templates/percent_of.sql);
- `land_share: {categories: [<field_id>, ...]}`: land-use categories as a % of the jurisdiction area
  in the CBS land-use survey (sql/templates/land_share.sql);
- `sql: <file>.sql` with `inputs: [<field_id>, ...]`: a query of its own over the `cbs_values` table,
  declaring every field it reads.

Each form becomes a `Method`: the form, the CBS fields it reads (`inputs`) and its parameters as
declared. Every input must be a field some registered extractor's mapping produces
(indicators/build/extractors.known_field_ids).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from indicators.build.extractors import known_field_ids
from indicators.read_model import direction_from_flag
from indicators.settings import DEFINITIONS_DIR, DIMENSIONS, LANGUAGES, SQL_DIR, UNITS_FILE

_REQUIRED = ("id", "dimension", "theme", "name", "description", "unit", "higher_is_better",
             "direction_reason", "decimals", "source_id")

FORMS = ("field", "per_resident", "percent_of", "land_share", "sql")
# Fields the shared queries read besides the declared ones (sql/templates/*.sql).
POPULATION_FIELD = "population_total"
# The shared views over cbs_values (indicators/sql/shared/) and the fields each reads.
SHARED_VIEW_INPUTS = {"population_at_year_end": (POPULATION_FIELD,)}
LAND_TOTAL_FIELD = "landuse_total_km2"


class RegistryError(ValueError):
    """A declaration is malformed: the message names the file and the field."""


@dataclass(frozen=True)
class Method:
    """How an indicator is computed: one of FORMS, every CBS field its query reads, and the parameters as
    declared (field → field; per_resident → fields, per, published; percent_of → numerator, denominator;
    land_share → categories; sql → file)."""
    form: str
    inputs: tuple[str, ...]
    params: dict

    def query(self) -> tuple[str, dict]:
        """The query text and its bound parameters."""
        if self.form == "sql":
            return query_text("sql", self.params["file"]), {}
        if self.form == "per_resident":
            return query_text("per_resident"), {"fields": list(self.params["fields"]), "per": self.params["per"],
                                                "published": self.params.get("published", "")}
        if self.form == "land_share":
            return query_text("land_share"), {"categories": list(self.params["categories"])}
        return query_text(self.form), dict(self.params)

    def columns(self) -> dict:
        """The method as published in the indicators table (data/schema.yml: method_form, method_inputs,
        method_params)."""
        return {"method_form": self.form, "method_inputs": list(self.inputs),
                "method_params": json.dumps(self.params, sort_keys=True, separators=(",", ":"))}


@dataclass(frozen=True)
class Indicator:
    id: str
    dimension: str
    theme: str
    name: dict
    description: dict
    unit: str
    higher_is_better: bool | None
    direction_reason: dict  # why higher is better, worse or neither, in every language (shown beside it)
    decimals: int
    source_id: str
    method: Method
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
        return self.method.query()

    @property
    def field(self) -> str | None:
        """The CBS field of a `field:` indicator (None for the other forms)."""
        return self.method.params["field"] if self.method.form == "field" else None

    @property
    def sql_file(self) -> str | None:
        return self.method.params["file"] if self.method.form == "sql" else None


def query_text(form: str, sql_file: str | None = None) -> str:
    """A shared query (indicators/sql/templates/<form>.sql) or, for `sql`, an indicator's own query; only a
    bare *.sql name inside indicators/sql/ is accepted."""
    if form == "sql":
        if not sql_file or Path(sql_file).name != sql_file or not sql_file.endswith(".sql"):
            raise ValueError(f"not an indicator query file: {sql_file!r}")
        return (SQL_DIR / sql_file).read_text(encoding="utf-8")
    if form not in FORMS:
        raise ValueError(f"not a computation form: {form!r}")
    return _template(form)


@lru_cache(maxsize=8)
def _template(name: str) -> str:
    return (SQL_DIR / "templates" / f"{name}.sql").read_text(encoding="utf-8")


def _is_slug(value) -> bool:
    return isinstance(value, str) and value.replace("_", "").isalnum()


def _slugs(path: Path, value, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(_is_slug(v) for v in value):
        raise RegistryError(f"{path.name}: {what} must be a non-empty list of field slugs")
    return tuple(value)


def _check_languages(path: Path, key: str, value) -> dict:
    missing = [lang for lang in LANGUAGES if not isinstance(value, dict) or not str(value.get(lang) or "").strip()]
    if missing:
        raise RegistryError(f"{path.name}: '{key}' needs non-empty he, en and ar texts (missing: {', '.join(missing)})")
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
    return Indicator(
        id=raw["id"], dimension=raw["dimension"], theme=raw["theme"],
        name=_check_languages(path, "name", raw["name"]),
        description=_check_languages(path, "description", raw["description"]),
        unit=raw["unit"], higher_is_better=raw["higher_is_better"],
        direction_reason=_check_languages(path, "direction_reason", raw["direction_reason"]),
        decimals=int(raw["decimals"]),
        source_id=raw["source_id"], method=parse_method(path, raw),
        notes=_check_languages(path, "notes", raw["notes"]) if raw.get("notes") else None,
        headline_rank=_parse_headline(path, raw.get("headline")),
    )


def _parse_headline(path: Path, value) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
        raise RegistryError(f"{path.name}: headline must be a rank from 1 to 5 within the dimension")
    return value


def parse_method(path: Path, raw: dict) -> Method:
    forms = [key for key in FORMS if key in raw]
    if len(forms) != 1:
        raise RegistryError(f"{path.name}: give exactly one of {', '.join(FORMS)}")
    form = forms[0]
    if "inputs" in raw and form != "sql":
        raise RegistryError(f"{path.name}: 'inputs' is declared only by sql indicators (the other forms name "
                            "their fields)")
    return _PARSERS[form](path, raw[form], raw)


def _parse_field(path: Path, spec, _raw) -> Method:
    if not _is_slug(spec):
        raise RegistryError(f"{path.name}: field must be a slug")
    return Method("field", (spec,), {"field": spec})


def _parse_per_resident(path: Path, spec, _raw) -> Method:
    spec = spec if isinstance(spec, dict) else {}
    fields = _slugs(path, spec.get("fields"), "per_resident 'fields'")
    if spec.get("per") not in (1, 1000):
        raise RegistryError(f"{path.name}: per_resident 'per' must be 1 or 1000")
    params = {"fields": list(fields), "per": int(spec["per"])}
    published = spec.get("published")
    if published is not None:
        if not _is_slug(published):
            raise RegistryError(f"{path.name}: per_resident 'published' must be a field slug")
        params["published"] = published
    inputs = (*fields, POPULATION_FIELD) + ((published,) if published else ())
    return Method("per_resident", inputs, params)


def _parse_percent_of(path: Path, spec, _raw) -> Method:
    parts = (spec.get("numerator"), spec.get("denominator")) if isinstance(spec, dict) else (None, None)
    if not all(_is_slug(p) for p in parts):
        raise RegistryError(f"{path.name}: percent_of needs field slugs 'numerator' and 'denominator'")
    return Method("percent_of", parts, {"numerator": parts[0], "denominator": parts[1]})


def _parse_land_share(path: Path, spec, _raw) -> Method:
    categories = spec.get("categories") if isinstance(spec, dict) else None
    if not isinstance(categories, list) or not categories or not all(
            _is_slug(c) and c.startswith("landuse_") for c in categories):
        raise RegistryError(f"{path.name}: land_share needs 'categories', a list of landuse_* field slugs")
    return Method("land_share", (*categories, LAND_TOTAL_FIELD), {"categories": list(categories)})


def _parse_sql(path: Path, spec, raw) -> Method:
    if not isinstance(spec, str) or not (SQL_DIR / spec).is_file() or Path(spec).name != spec:
        raise RegistryError(f"{path.name}: sql file {spec!r} not found in {SQL_DIR}")
    inputs = _slugs(path, raw.get("inputs"), "sql indicators' 'inputs' (every field the query reads)")
    return Method("sql", inputs, {"file": spec})


_PARSERS = {"field": _parse_field, "per_resident": _parse_per_resident, "percent_of": _parse_percent_of,
            "land_share": _parse_land_share, "sql": _parse_sql}


def check_inputs(indicators, known: frozenset[str]) -> None:
    """Every input is a field some mapping produces; an sql query names exactly its declared inputs."""
    for ind in indicators:
        unknown = [f for f in ind.method.inputs if f not in known]
        if unknown:
            raise RegistryError(f"{ind.id}.yml: {', '.join(unknown)} is not a field any mapping in data/mappings/ "
                                "produces")
        if ind.method.form == "sql":
            text = query_text("sql", ind.sql_file)
            named = set(re.findall(r"'([a-z][a-z0-9_]*)'", text)) & known
            named |= {f for view, fields in SHARED_VIEW_INPUTS.items() if view in text for f in fields}
            if named != set(ind.method.inputs):
                raise RegistryError(f"{ind.id}.yml: 'inputs' {sorted(ind.method.inputs)} differ from the fields "
                                    f"{ind.sql_file} reads {sorted(named)}")


@lru_cache(maxsize=1)
def load_units() -> dict:
    return yaml.safe_load(UNITS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_registry(definitions_dir: Path = DEFINITIONS_DIR) -> tuple[Indicator, ...]:
    """All declarations in the one display order (dimension in the KMM order, then theme, then id); fails on
    an input no mapping produces."""
    units = load_units()
    indicators = [parse_declaration(p, units) for p in sorted(definitions_dir.glob("*.yml"))]
    check_inputs(indicators, frozenset(known_field_ids()))
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
