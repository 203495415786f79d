"""Compute every declared indicator from the long `cbs_values` table and keep one figure per
(authority, indicator, year): the one from the latest edition that carries it."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from indicators.build.records import VALUE_COLUMNS
from indicators.registry import Indicator
from indicators.settings import SQL_DIR

OBSERVATION_COLUMNS = ["authority_id", "indicator_id", "year", "value", "source_id", "edition"]


class ComputeError(RuntimeError):
    """An indicator's query failed or returned the wrong shape: the message names the indicator."""


def values_connection(values: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding `cbs_values`, the table every indicator query reads, and the shared views
    over it (indicators/sql/shared/*.sql, e.g. population_at_year_end)."""
    con = duckdb.connect(":memory:")
    con.register("cbs_values_frame", values[VALUE_COLUMNS])
    con.execute("CREATE TABLE cbs_values AS SELECT * FROM cbs_values_frame")
    con.unregister("cbs_values_frame")
    for view in sorted((SQL_DIR / "shared").glob("*.sql")):
        con.execute(view.read_text(encoding="utf-8"))
    return con


def query_indicator(con: duckdb.DuckDBPyConnection, indicator: Indicator) -> pd.DataFrame:
    """Every row the indicator's query returns, a row without a value included (its inputs are there but the
    division is undefined: a nil denominator)."""
    sql, params = indicator.compute_sql()
    try:
        frame = con.execute(sql, params or None).df()
    except duckdb.Error as err:
        raise ComputeError(f"indicator {indicator.id}: query failed: {err}") from err
    expected = ["authority_id", "year", "edition", "value", "source_id"]
    if list(frame.columns) != expected:
        raise ComputeError(f"indicator {indicator.id}: query returned {list(frame.columns)}, expected {expected}")
    frame.insert(1, "indicator_id", indicator.id)
    return frame


def compute_indicator(con: duckdb.DuckDBPyConnection, indicator: Indicator) -> pd.DataFrame:
    """All editions' figures for one indicator (several rows per year when editions overlap)."""
    frame = query_indicator(con, indicator)
    return frame.dropna(subset=["value"]).reset_index(drop=True)


def keep_latest_edition(frame: pd.DataFrame) -> pd.DataFrame:
    """When several editions carry the same figure, the latest edition wins (CBS revises figures)."""
    ordered = frame.sort_values(["authority_id", "indicator_id", "year", "edition"])
    latest = ordered.drop_duplicates(["authority_id", "indicator_id", "year"], keep="last")
    return latest[OBSERVATION_COLUMNS].reset_index(drop=True)


@dataclass(frozen=True)
class Computed:
    observations: pd.DataFrame  # OBSERVATION_COLUMNS, one figure per authority, indicator and year
    undefined: pd.DataFrame     # rows a query returned without a value (authority_id, indicator_id, year, edition,
    #                             source_id): the reason `zero_denominator` of indicators/gap_reasons.py


def compute_all(values: pd.DataFrame, registry: tuple[Indicator, ...]) -> Computed:
    con = values_connection(values)
    frames = pd.concat([query_indicator(con, indicator) for indicator in registry], ignore_index=True)
    missing = frames["value"].isna()
    observations = keep_latest_edition(frames[~missing])
    observations["year"] = observations["year"].astype("int32")
    observations["edition"] = observations["edition"].astype("int32")
    undefined = frames.loc[missing, ["authority_id", "indicator_id", "year", "edition", "source_id"]]
    return Computed(observations, undefined.reset_index(drop=True))


def compute_observations(values: pd.DataFrame, registry: tuple[Indicator, ...]) -> pd.DataFrame:
    return compute_all(values, registry).observations
