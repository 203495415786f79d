"""The app's read-only data store: the committed Parquet tables in a DuckDB database opened read-only."""
from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from indicators.settings import PUBLISHED_DIR, PUBLISHED_TABLES

# One thread: the tables are small (≈ 1 MB of Parquet), queries take milliseconds, and each DuckDB thread holds
# its own buffers in the server's memory. The allocator thresholds at zero make DuckDB hand freed query memory
# back at once instead of keeping up to 128 MB (512 MB in bulk) for reuse: measured, 30 MB less resident
# after the observations and latest-values reads, for about 1 ms more per query (queries are cached per view).
_SETTINGS = {"threads": 1, "allocator_flush_threshold": "0B", "allocator_bulk_deallocation_flush_threshold": "0B"}


class StoreMissing(FileNotFoundError):
    """The published tables are absent: `make data` has not been run."""


def is_built(published_dir: Path = PUBLISHED_DIR) -> bool:
    return all((published_dir / f"{name}.parquet").is_file() for name in PUBLISHED_TABLES)


def open_store(published_dir: Path = PUBLISHED_DIR) -> duckdb.DuckDBPyConnection:
    """Copy the published tables into a database file once per process and open it read-only; callers query
    through cursor() per thread.

    Why a file and not an in-memory database: DuckDB compresses tables only when it writes them to a file
    (an in-memory table stays uncompressed: 41 MB for ≈ 1 MB of Parquet, against a 4 MB file whose blocks
    are read on demand), and a database opened read-only refuses INSERT, UPDATE, DELETE and CREATE, so no
    query can change what other visitors see. The file lives in a private temporary folder that is removed
    as soon as the connection is open (the connection keeps its handle): nothing is left on disk and no
    other process can swap the file. The published Parquet files stay the only source; nothing is committed."""
    if not is_built(published_dir):
        raise StoreMissing(f"no published tables in {published_dir}; run `make data`")
    with tempfile.TemporaryDirectory(prefix="kmm-store-", ignore_cleanup_errors=True) as folder:
        path = str(Path(folder) / "kmm.duckdb")
        _write_tables(path, published_dir)
        con = duckdb.connect(path, read_only=True, config=_SETTINGS)
    seal(con)
    return con


def _write_tables(path: str, published_dir: Path) -> None:
    writer = duckdb.connect(path, config={"threads": 1})
    try:
        for name in PUBLISHED_TABLES:
            # Table names come from the fixed PUBLISHED_TABLES tuple, never from user input.
            writer.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)",
                           [str(published_dir / f"{name}.parquet")])
    finally:
        writer.close()  # closing checkpoints: the tables are written compressed


def seal(con: duckdb.DuckDBPyConnection) -> None:
    """Once the store is open, no query on this connection (or its cursors) can touch a file: no COPY ... TO,
    ATTACH, or reading another file, and the settings cannot be changed back. Whatever a page asks, data/
    stays as published."""
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
