"""data/schema.yml as a typed, validated model, and the runner of its declared tests: each test catches
what it promises on tiny hand-made tables (not real data), and a malformed file names the file and key."""
import pandas as pd
import pyarrow as pa
import pytest
import yaml

from indicators.contract import SCHEMA_FILE, ContractError, load_contract
from indicators.contract_checks import ContractViolation, check_tables, schema_mismatches, violations
from indicators.registry import FORMS
from indicators.settings import PUBLISHED_TABLES

TINY = """
tables:
  places:
    meaning: Places.
    key: [place_id]
    columns:
      place_id: {type: string, meaning: Key.}
      kind: {type: string, meaning: Kind., tests: [not_null, {accepted_values: [town, council]}]}
      share: {type: double, meaning: Share., unit: percent, tests: [{range: {min: 0, max: 100}}]}
      position: {type: int64, meaning: Order., tests: [unique, sequence]}
      rank: {type: int64, meaning: Rank., tests: [{unique_within: kind}]}
  figures:
    meaning: Figures.
    key: [place_id, year]
    columns:
      place_id: {type: string, meaning: The place., tests: [{relationships: {to: places, field: place_id}}]}
      year: {type: int64, meaning: Year.}
"""


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "schema.yml"
    path.write_text(TINY, encoding="utf-8")
    return load_contract(path)


def _tables():
    places = pd.DataFrame({"place_id": ["a", "b", "c"], "kind": ["town", "town", "council"],
                           "share": [10.0, None, 100.0], "position": [2, 0, 1],
                           "rank": pd.array([1, None, 1], dtype="Int64")})
    figures = pd.DataFrame({"place_id": ["a", "b"], "year": [2020, 2020]})
    return {"places": places, "figures": figures}


def test_the_shipped_schema_loads_and_names_the_published_tables():
    contract = load_contract()
    assert contract.table_names() == PUBLISHED_TABLES
    method_form = contract.table("indicators").column("method_form")
    accepted = next(t.argument for t in method_form.tests if t.name == "accepted_values")
    assert accepted == FORMS, "the schema and the registry list the same computation forms"


def test_clean_tables_pass(tiny):
    assert violations(_tables(), tiny) == []
    check_tables(_tables(), tiny)


@pytest.mark.parametrize("table, column, value, test", [
    ("places", "kind", None, "not null"),
    ("places", "kind", "village", "one of `town`, `council`"),
    ("places", "share", 100.5, "0–100"),
    ("places", "position", 3, "sequence"),
    ("places", "position", 0, "unique"),
    ("places", "rank", None, None),  # an empty rank is allowed
    ("figures", "place_id", "z", "in places.place_id"),
])
def test_each_declared_test_catches_its_rows(tiny, table, column, value, test):
    tables = _tables()
    tables[table].loc[0, column] = value
    found = violations(tables, tiny)
    if test is None:
        assert found == []
        return
    assert [(v.table, v.column, v.test) for v in found if v.test == test] == [(table, column, test)]
    with pytest.raises(ContractViolation) as error:
        check_tables(tables, tiny)
    assert f"{table}.{column}: {test} fails on" in str(error.value)


def test_unique_within_and_the_key_name_the_offending_rows(tiny):
    tables = _tables()
    tables["places"].loc[2, "kind"] = "town"  # two towns ranked 1
    tables["figures"].loc[1, "place_id"] = "a"  # (a, 2020) twice
    found = {(v.table, v.test): v.rows for v in violations(tables, tiny)}
    assert found[("places", "unique within kind")]["place_id"].tolist() == ["a", "c"]
    assert len(found[("figures", "key unique")]) == 2


def test_stored_columns_are_compared_both_ways(tiny):
    places = tiny.table("places")
    stored = pa.schema([("place_id", pa.large_string()), ("kind", pa.string()), ("share", pa.float64()),
                        ("position", pa.int64()), ("rank", pa.int64())])
    assert schema_mismatches(places, stored) == []
    wrong = stored.set(2, pa.field("share", pa.int32())).append(pa.field("extra", pa.string()))
    wrong = wrong.remove(wrong.get_field_index("kind"))
    assert sorted(schema_mismatches(places, wrong)) == [
        "places.extra: stored but not declared in data/schema.yml",
        "places.kind: declared in data/schema.yml but not stored",
        "places.share: stored as int32, declared as double",
    ]


@pytest.mark.parametrize("edit, where", [
    (lambda s: s["tables"]["places"]["columns"]["kind"].update(type="text"), "tables.places.columns.kind.type"),
    (lambda s: s["tables"]["places"]["columns"]["kind"].update(tests=["nonsense"]),
     "tables.places.columns.kind.tests.0"),
    (lambda s: s["tables"]["places"]["columns"]["share"].update(tests=[{"range": {"min": "zero"}}]),
     "tables.places.columns.share.tests.0.range"),
    (lambda s: s["tables"]["figures"]["columns"]["place_id"].update(
        tests=[{"relationships": {"to": "nowhere", "field": "x"}}]), "tables.figures.columns.place_id.tests.0"),
    (lambda s: s["tables"]["places"]["columns"]["kind"].pop("meaning"), "tables.places.columns.kind.meaning"),
    (lambda s: s["tables"]["places"]["columns"]["kind"].update(colour="red"), "tables.places.columns.kind"),
    (lambda s: s["tables"]["places"].update(key=["nope"]), "tables.places.key"),
    (lambda s: s["tables"]["places"].pop("meaning"), "tables.places"),
    (lambda s: s.update(extra=1), "(top)"),
])
def test_a_malformed_schema_names_the_file_and_the_key(tmp_path, edit, where):
    spec = yaml.safe_load(TINY)
    edit(spec)
    path = tmp_path / "broken_schema.yml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    with pytest.raises(ContractError) as error:
        load_contract(path)
    assert str(error.value).startswith(f"broken_schema.yml: {where}"), str(error.value)


def test_every_shipped_column_has_a_type_and_meaning():
    spec = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    columns = [c for t in spec["tables"].values() for c in t["columns"].values()]
    assert all(c["type"] and c["meaning"] for c in columns)
