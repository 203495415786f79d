"""The data store cannot write (or read) any file once loaded, nor change its tables: nothing a page runs can
change data/ or what other visitors see."""
import tempfile
from pathlib import Path

import duckdb
import pytest

from indicators import store
from indicators.settings import PUBLISHED_DIR


@pytest.fixture(scope="module")
def con():
    return store.open_store()


@pytest.mark.parametrize("statement", [
    "COPY sources TO '{dir}/sources.parquet' (FORMAT parquet)",
    "COPY sources TO '{dir}/sources.parquet' (FORMAT parquet, USE_TMP_FILE false)",
    "ATTACH '{dir}/../kmm_copy.duckdb' AS other",
    "SELECT * FROM read_parquet('{dir}/sources.parquet')",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
])
def test_no_file_access_after_loading(con, statement):
    before = {p.name: p.stat().st_mtime_ns for p in PUBLISHED_DIR.iterdir()}
    with pytest.raises(duckdb.Error):
        con.cursor().execute(statement.format(dir=PUBLISHED_DIR))
    assert {p.name: p.stat().st_mtime_ns for p in PUBLISHED_DIR.iterdir()} == before
    assert not (PUBLISHED_DIR.parent / "kmm_copy.duckdb").exists()


@pytest.mark.parametrize("statement", [
    "INSERT INTO sources SELECT * FROM sources",
    "UPDATE observations SET value = 0",
    "DELETE FROM observations",
    "DROP TABLE authorities",
    "CREATE TABLE observations_copy AS SELECT * FROM observations",
    "ALTER TABLE indicators ADD COLUMN note VARCHAR",
])
def test_tables_cannot_be_changed(con, statement):
    count = con.cursor().execute("SELECT count(*) FROM observations").fetchone()[0]
    with pytest.raises(duckdb.Error, match="read-only"):
        con.cursor().execute(statement)
    assert con.cursor().execute("SELECT count(*) FROM observations").fetchone()[0] == count


def test_leaves_no_file_behind(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    opened = store.open_store()
    assert list(Path(tmp_path).iterdir()) == []
    assert opened.cursor().execute("SELECT count(*) FROM authorities").fetchone()[0] > 0


def test_queries_still_work(con):
    assert con.cursor().execute("SELECT count(*) FROM authorities").fetchone()[0] > 0
