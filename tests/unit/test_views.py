"""Read-side queries: one indicator's own query gives exactly its rows of the whole observations frame."""
import duckdb
import pandas as pd
import pytest

from indicators import store, views
from indicators.settings import PUBLISHED_DIR, PUBLISHED_TABLES


@pytest.fixture(scope="module")
def con():
    return store.open_store()


@pytest.fixture(scope="module")
def observations(con):
    return views.observations(con)


def _assert_rows_of(observations: pd.DataFrame, column: str, ids, query) -> None:
    """query(id) gives exactly observations' rows of that id, without the id column, in the same order."""
    for one in ids:
        expected = observations.loc[observations[column] == one].drop(columns=column).reset_index(drop=True)
        assert not expected.empty, one
        pd.testing.assert_frame_equal(query(one), expected)


def test_indicator_observations_are_the_indicators_rows_of_observations(con, observations):
    ids = observations["indicator_id"].drop_duplicates()
    _assert_rows_of(observations, "indicator_id", [ids.iloc[0], "avg_monthly_wage", "population", ids.iloc[-1]],
                    lambda one: views.indicator_observations(con, one))


def test_indicator_observations_take_the_id_as_a_parameter(con):
    assert views.indicator_observations(con, "x' OR '1'='1").empty


def _in_memory_store() -> duckdb.DuckDBPyConnection:
    """The store as it was before it became a read-only file: every table loaded into an in-memory database."""
    reference = duckdb.connect(":memory:")
    for name in PUBLISHED_TABLES:
        reference.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)",
                          [str(PUBLISHED_DIR / f"{name}.parquet")])
    return reference


def test_every_view_gives_the_same_rows_and_dtypes_as_an_in_memory_copy(con, observations):
    reference = _in_memory_store()
    for query in (views.observations, views.gaps, views.latest_values):
        pd.testing.assert_frame_equal(query(con), query(reference))
    for name in PUBLISHED_TABLES:
        if name not in ("observations", "gaps"):
            pd.testing.assert_frame_equal(views.table(con, name), views.table(reference, name))
    for authority_id in observations["authority_id"].drop_duplicates().iloc[::40]:
        pd.testing.assert_frame_equal(views.authority_provenance(con, authority_id),
                                      views.authority_provenance(reference, authority_id))
    for indicator_id in ("population", "avg_monthly_wage"):
        pd.testing.assert_frame_equal(views.indicator_observations(con, indicator_id),
                                      views.indicator_observations(reference, indicator_id))


def test_authority_observations_are_the_authoritys_rows_of_observations(con, observations):
    ids = observations["authority_id"].drop_duplicates()
    _assert_rows_of(observations, "authority_id", [ids.iloc[0], ids.iloc[len(ids) // 2], ids.iloc[-1]],
                    lambda one: views.authority_observations(con, one))


def test_authority_observations_take_the_id_as_a_parameter(con):
    assert views.authority_observations(con, "x' OR '1'='1").empty
