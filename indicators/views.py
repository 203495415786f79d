"""Read-side queries of the store: the published tables as the pages read them. SQL lives in
indicators/sql/views/*.sql; nothing here takes a value from a user (pages filter the frames these return)."""
from __future__ import annotations

from functools import cache

import duckdb
import pandas as pd

from indicators.settings import PUBLISHED_TABLES, SQL_DIR

_VIEWS_DIR = SQL_DIR / "views"
# Tables small enough to read whole; observations and gaps are read through the views below.
_SMALL_TABLES = frozenset(PUBLISHED_TABLES) - {"observations", "gaps"}


@cache
def _sql(name: str) -> str:
    return (_VIEWS_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _query(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    # A cursor per call: DuckDB connections must not be shared across Streamlit's threads.
    return con.cursor().execute(_sql(name)).df()


def table(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """A whole small table (authorities, indicators, sources, boundaries); names are whitelisted."""
    if name not in _SMALL_TABLES:
        raise ValueError(f"not a small published table: {name}")
    return con.cursor().execute(f"SELECT * FROM {name}").df()


def observations(con) -> pd.DataFrame:
    """Every figure of every indicator (authority_id, indicator_id, year, value, source_id, edition)."""
    return _query(con, "observations")


def indicator_observations(con, indicator_id: str) -> pd.DataFrame:
    """One indicator's figures (authority_id, year, value, source_id, edition), the id bound as a parameter:
    the rows of observations() for that indicator without reading the rest."""
    return con.cursor().execute(_sql("indicator_observations"), [indicator_id]).df()


def authority_observations(con, authority_id: str) -> pd.DataFrame:
    """One authority's figures (indicator_id, year, value, source_id, edition), the id bound as a parameter:
    the rows of observations() for that authority without reading the rest."""
    return con.cursor().execute(_sql("authority_observations"), [authority_id]).df()


def gaps(con) -> pd.DataFrame:
    """Every recorded reason for a missing figure (authority_id, indicator_id, year, reason, source_id, edition)."""
    return _query(con, "gaps")


def authority_provenance(con, authority_id: str) -> pd.DataFrame:
    """One authority's figures with their source, edition, CBS sheet and header (the id bound as a parameter)."""
    return con.cursor().execute(_sql("authority_provenance"), [authority_id]).df()


def latest_values(con) -> pd.DataFrame:
    """Each authority's most recent figure per indicator, with the one before it (previous_year/value)."""
    return _query(con, "latest_values")
