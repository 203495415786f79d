"""Runs the contract's declared tests (data/schema.yml) on built tables, and compares a table's stored
columns and types with the declaration. `make data` calls check_tables; the database tests call both."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from indicators.contract import Column, ColumnTest, Contract, Table, load_contract

SHOWN_ROWS = 10


class ContractViolation(RuntimeError):
    """A built table breaks a declared test: the message names table, column, test and offending rows."""


@dataclass(frozen=True)
class Violation:
    table: str
    column: str
    test: str
    rows: pd.DataFrame

    def __str__(self) -> str:
        shown = self.rows.head(SHOWN_ROWS).to_string(max_colwidth=60)
        more = f"\n… and {len(self.rows) - SHOWN_ROWS} more" if len(self.rows) > SHOWN_ROWS else ""
        return f"{self.table}.{self.column}: {self.test} fails on {len(self.rows)} row(s):\n{shown}{more}"


def arrow_type_name(data_type: pa.DataType) -> str:
    """The contract's name for a stored type (large and plain strings are the same to a reader)."""
    if pa.types.is_list(data_type) or pa.types.is_large_list(data_type):
        return f"list<{arrow_type_name(data_type.value_type)}>"
    if pa.types.is_string(data_type) or pa.types.is_large_string(data_type):
        return "string"
    return str(data_type)


def schema_mismatches(table: Table, stored: pa.Schema) -> list[str]:
    """Differences either way between the declared columns and the stored ones (names and types)."""
    declared = {c.name: c for c in table.columns}
    found = {f.name: arrow_type_name(f.type) for f in stored}
    problems = [f"{table.name}.{name}: stored but not declared in data/schema.yml" for name in found
                if name not in declared]
    for name, column in declared.items():
        if name not in found:
            problems.append(f"{table.name}.{name}: declared in data/schema.yml but not stored")
        elif found[name] != column.type:
            problems.append(f"{table.name}.{name}: stored as {found[name]}, declared as {column.type}")
    return problems


def violations(tables: dict[str, pd.DataFrame], contract: Contract) -> list[Violation]:
    """Every declared test that fails, with the rows that fail it."""
    found = []
    for table in contract.tables:
        frame = tables[table.name]
        if frame.empty:
            found.append(Violation(table.name, "*", "not empty", frame))
            continue
        key = list(table.key)
        empty_key = frame[frame[key].isna().any(axis=1)]
        if len(empty_key):
            found.append(Violation(table.name, ", ".join(key), "key not null", empty_key))
        repeated = frame[frame.duplicated(key, keep=False)]
        if len(repeated):
            found.append(Violation(table.name, ", ".join(key), "key unique", repeated))
        for column in table.columns:
            if column.name not in frame.columns:
                continue  # schema_mismatches reports the absence
            for test in column.tests:
                bad = failing_rows(frame, column, test, tables)
                if len(bad):
                    found.append(Violation(table.name, column.name, test.describe(), bad))
    return found


def failing_rows(frame: pd.DataFrame, column: Column, test: ColumnTest,
                 tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    values = frame[column.name]
    present = values.notna()
    if test.name == "not_null":
        return frame[~present]
    if test.name == "unique":
        return frame[present & values.duplicated(keep=False)]
    if test.name == "sequence":
        expected = set(range(len(frame)))
        return frame[~values.isin(expected) | values.duplicated(keep=False)]
    if test.name == "accepted_values":
        return frame[present & ~values.isin(list(test.argument))]
    if test.name == "range":
        low, high = test.argument
        outside = pd.Series(False, index=frame.index)
        if low is not None:
            outside |= values < low
        if high is not None:
            outside |= values > high
        return frame[present & outside.fillna(False).astype(bool)]
    if test.name == "relationships":
        target, target_column = test.argument
        return frame[present & ~values.isin(set(tables[target][target_column].dropna()))]
    if test.name == "unique_within":
        scoped = frame[present]
        return scoped[scoped.duplicated([test.argument, column.name], keep=False)]
    raise ValueError(f"no runner for test {test.name!r}")


def check_tables(tables: dict[str, pd.DataFrame], contract: Contract | None = None) -> None:
    """Raise ContractViolation naming every undeclared or missing column, wrong type and failing test."""
    contract = contract or load_contract()
    missing = [name for name in contract.table_names() if name not in tables]
    if missing:
        raise ContractViolation(f"tables declared in data/schema.yml but not built: {', '.join(missing)}")
    problems = []
    for table in contract.tables:
        stored = pa.Schema.from_pandas(tables[table.name], preserve_index=False)
        problems += schema_mismatches(table, stored)
    problems += [str(v) for v in violations(tables, contract)]
    if problems:
        raise ContractViolation("the built tables break data/schema.yml:\n\n" + "\n\n".join(problems))
