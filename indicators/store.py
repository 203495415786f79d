"""The app's read-only data store: the committed Parquet tables loaded into an in-memory DuckDB."""
from __future__ import annotations

from pathlib import Path

import duckdb

from indicators.settings import PUBLISHED_DIR, PUBLISHED_TABLES


class StoreMissing(FileNotFoundError):
    """The published tables are absent: `make data` has not been run."""


def is_built(published_dir: Path = PUBLISHED_DIR) -> bool:
    return all((published_dir / f"{name}.parquet").is_file() for name in PUBLISHED_TABLES)


def open_store(published_dir: Path = PUBLISHED_DIR) -> duckdb.DuckDBPyConnection:
    """Load every published table into memory once; callers query through cursor() per thread."""
    if not is_built(published_dir):
        raise StoreMissing(f"no published tables in {published_dir}; run `make data`")
    # One thread: the tables are small (≈ 1 MB of Parquet), queries take milliseconds, and each DuckDB
    # thread holds its own buffers in the server's memory.
    con = duckdb.connect(":memory:", config={"threads": 1})
    for name in PUBLISHED_TABLES:
        # Table names come from the fixed PUBLISHED_TABLES tuple, never from user input.
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)",
                    [str(published_dir / f"{name}.parquet")])
    seal(con)
    return con


def seal(con: duckdb.DuckDBPyConnection) -> None:
    """Once the tables are in memory, no query on this connection (or its cursors) can touch a file:
    no COPY ... TO, ATTACH, or reading another file, and the setting cannot be turned back on. Whatever
    a page asks, data/ stays as published."""
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
