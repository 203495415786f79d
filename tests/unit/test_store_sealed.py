"""The data store cannot write (or read) any file once loaded: nothing a page runs can change data/."""
import duckdb
import pytest

from indicators import store
from indicators.settings import PUBLISHED_DIR


@pytest.fixture(scope="module")
def con():
    return store.open_store()


@pytest.mark.parametrize("statement", [
    "COPY sources TO '{dir}/sources.parquet' (FORMAT parquet)",
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


def test_queries_still_work(con):
    assert con.cursor().execute("SELECT count(*) FROM authorities").fetchone()[0] > 0
