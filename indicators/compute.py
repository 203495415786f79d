"""Compute every declared indicator from the long `cbs_values` table and keep one figure per
(authority, indicator, year): the one from the latest edition that carries it."""
from __future__ import annotations

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


def compute_indicator(con: duckdb.DuckDBPyConnection, indicator: Indicator) -> pd.DataFrame:
    """All editions' figures for one indicator (several rows per year when editions overlap)."""
    sql, params = indicator.compute_sql()
    try:
        frame = con.execute(sql, params or None).df()
    except duckdb.Error as err:
        raise ComputeError(f"indicator {indicator.id}: query failed: {err}") from err
    expected = ["authority_id", "year", "edition", "value", "source_id"]
    if list(frame.columns) != expected:
        raise ComputeError(f"indicator {indicator.id}: query returned {list(frame.columns)}, expected {expected}")
    frame = frame.dropna(subset=["value"])
    frame.insert(1, "indicator_id", indicator.id)
    return frame


def keep_latest_edition(frame: pd.DataFrame) -> pd.DataFrame:
    """When several editions carry the same figure, the latest edition wins (CBS revises figures)."""
    ordered = frame.sort_values(["authority_id", "indicator_id", "year", "edition"])
    latest = ordered.drop_duplicates(["authority_id", "indicator_id", "year"], keep="last")
    return latest[OBSERVATION_COLUMNS].reset_index(drop=True)


def compute_observations(values: pd.DataFrame, registry: tuple[Indicator, ...]) -> pd.DataFrame:
    con = values_connection(values)
    frames = [compute_indicator(con, indicator) for indicator in registry]
    observations = keep_latest_edition(pd.concat(frames, ignore_index=True))
    observations["year"] = observations["year"].astype("int32")
    observations["edition"] = observations["edition"].astype("int32")
    return observations


def observation_gaps(gaps: pd.DataFrame, observations: pd.DataFrame,
                     registry: tuple[Indicator, ...]) -> pd.DataFrame:
    """Why a published figure is missing, for field indicators: the reason from the latest edition
    that lists the gap, only where no edition gives a figure for that year."""
    field_to_indicator = {ind.field: ind.id for ind in registry if ind.field}
    frame = gaps[gaps["field_id"].isin(field_to_indicator)].copy()
    frame["indicator_id"] = frame["field_id"].map(field_to_indicator)
    frame = frame.sort_values("edition").drop_duplicates(["authority_id", "indicator_id", "year"], keep="last")
    have = observations[["authority_id", "indicator_id", "year"]].assign(_has=True)
    frame = frame.merge(have, on=["authority_id", "indicator_id", "year"], how="left")
    frame = frame[frame["_has"].isna()]
    columns = ["authority_id", "indicator_id", "year", "reason", "source_id", "edition"]
    return frame[columns].sort_values(columns[:3]).reset_index(drop=True)
