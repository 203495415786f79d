"""The published tables' contract (data/schema.yml) as a small typed model, validated on load: a malformed
file fails with the file and the key path named."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from indicators.settings import DATA_DIR

SCHEMA_FILE = DATA_DIR / "schema.yml"
TYPES = ("string", "int32", "int64", "double", "bool", "list<string>")
# Tests that take no argument, and those that do (with the shape the argument must have).
PLAIN_TESTS = ("not_null", "unique", "sequence")
ARGUMENT_TESTS = ("accepted_values", "range", "relationships", "unique_within")
_TABLE_KEYS = {"meaning", "key", "columns"}
_COLUMN_KEYS = {"type", "meaning", "unit", "tests"}


class ContractError(ValueError):
    """data/schema.yml is malformed: the message names the file and the key."""


@dataclass(frozen=True)
class ColumnTest:
    name: str
    # accepted_values: tuple; range: (min, max); relationships: (table, column); unique_within: column
    argument: object = None

    def describe(self) -> str:
        """Short text for docs/schema.md."""
        if self.name == "accepted_values":
            return "one of " + ", ".join(f"`{v}`" for v in self.argument)
        if self.name == "range":
            low, high = self.argument
            return f"{'' if low is None else low}–{'' if high is None else high}"
        if self.name == "relationships":
            return f"in {self.argument[0]}.{self.argument[1]}"
        if self.name == "unique_within":
            return f"unique within {self.argument}"
        return self.name.replace("_", " ")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    meaning: str
    unit: str | None
    tests: tuple[ColumnTest, ...]


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


@dataclass(frozen=True)
class Contract:
    tables: tuple[Table, ...]

    def table(self, name: str) -> Table:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(f"not a published table: {name}")

    def table_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.tables)


@lru_cache(maxsize=4)
def load_contract(path: Path = SCHEMA_FILE) -> Contract:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = _Where(path.name)
    if not isinstance(raw, dict) or set(raw) != {"tables"} or not isinstance(raw["tables"], dict) or not raw["tables"]:
        raise where.error("the file must hold one key, 'tables', mapping table names to tables")
    tables = tuple(_parse_table(where.at("tables", name), name, spec) for name, spec in raw["tables"].items())
    contract = Contract(tables)
    _check_references(where, contract)
    return contract


class _Where:
    """A key path inside the file, for error messages: 'schema.yml: tables.gaps.columns.reason.tests'."""

    def __init__(self, file_name: str, keys: tuple[str, ...] = ()):
        self.file_name, self.keys = file_name, keys

    def at(self, *keys) -> _Where:
        return _Where(self.file_name, self.keys + tuple(str(k) for k in keys))

    def error(self, message: str) -> ContractError:
        return ContractError(f"{self.file_name}: {'.'.join(self.keys) or '(top)'}: {message}")


def _text(where: _Where, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error("needs a non-empty text")
    return " ".join(value.split())


def _parse_table(where: _Where, name: str, spec) -> Table:
    if not isinstance(spec, dict):
        raise where.error("must be a mapping with meaning, key and columns")
    if set(spec) != _TABLE_KEYS:
        raise where.error(f"needs exactly the keys {sorted(_TABLE_KEYS)}; found {sorted(spec)}")
    columns = spec["columns"]
    if not isinstance(columns, dict) or not columns:
        raise where.at("columns").error("must map column names to columns")
    parsed = tuple(_parse_column(where.at("columns", c), c, s) for c, s in columns.items())
    key = spec["key"]
    if not isinstance(key, list) or not key or any(k not in columns for k in key):
        raise where.at("key").error(f"must list columns of the table; got {key!r}")
    return Table(name, _text(where.at("meaning"), spec["meaning"]), tuple(key), parsed)


def _parse_column(where: _Where, name: str, spec) -> Column:
    if not isinstance(spec, dict):
        raise where.error("must be a mapping with type and meaning")
    unknown = set(spec) - _COLUMN_KEYS
    if unknown:
        raise where.error(f"unknown keys {sorted(unknown)}; allowed: {sorted(_COLUMN_KEYS)}")
    if spec.get("type") not in TYPES:
        raise where.at("type").error(f"must be one of {', '.join(TYPES)}; got {spec.get('type')!r}")
    unit = spec.get("unit")
    tests = spec.get("tests") or []
    if not isinstance(tests, list):
        raise where.at("tests").error("must be a list")
    return Column(name, spec["type"], _text(where.at("meaning"), spec.get("meaning")),
                  None if unit is None else _text(where.at("unit"), unit),
                  tuple(_parse_test(where.at("tests", i), t) for i, t in enumerate(tests)))


def _parse_test(where: _Where, spec) -> ColumnTest:
    if isinstance(spec, str):
        if spec not in PLAIN_TESTS:
            raise where.error(f"unknown test {spec!r}; known: {', '.join(PLAIN_TESTS + ARGUMENT_TESTS)}")
        return ColumnTest(spec)
    if not isinstance(spec, dict) or len(spec) != 1:
        raise where.error(f"a test is a name or a one-key mapping; got {spec!r}")
    (name, argument), = spec.items()
    where = where.at(name)
    if name == "accepted_values":
        if not isinstance(argument, list) or not argument:
            raise where.error("needs a non-empty list of values")
        return ColumnTest(name, tuple(argument))
    if name == "range":
        if not isinstance(argument, dict) or not set(argument) <= {"min", "max"} or not argument or not all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in argument.values()):
            raise where.error("needs {min: <number>, max: <number>} (either may be left out)")
        return ColumnTest(name, (argument.get("min"), argument.get("max")))
    if name == "relationships":
        if not isinstance(argument, dict) or set(argument) != {"to", "field"}:
            raise where.error("needs {to: <table>, field: <column>}")
        return ColumnTest(name, (argument["to"], argument["field"]))
    if name == "unique_within":
        if not isinstance(argument, str):
            raise where.error("needs the name of a column")
        return ColumnTest(name, argument)
    raise where.error(f"unknown test {name!r}; known: {', '.join(PLAIN_TESTS + ARGUMENT_TESTS)}")


def _check_references(where: _Where, contract: Contract) -> None:
    """Relationships point at a declared table and column; unique_within names a column of the same table."""
    names = {t.name: t for t in contract.tables}
    for table in contract.tables:
        for column in table.columns:
            for i, test in enumerate(column.tests):
                at = where.at("tables", table.name, "columns", column.name, "tests", i, test.name)
                if test.name == "relationships":
                    target, target_column = test.argument
                    if target not in names or target_column not in names[target].column_names():
                        raise at.error(f"{target}.{target_column} is not a declared column")
                if test.name == "unique_within" and test.argument not in table.column_names():
                    raise at.error(f"{test.argument} is not a column of {table.name}")
