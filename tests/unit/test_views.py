"""Read-side queries: one indicator's own query gives exactly its rows of the whole observations frame."""
import pandas as pd
import pytest

from indicators import store, views


@pytest.fixture(scope="module")
def con():
    return store.open_store()


@pytest.fixture(scope="module")
def observations(con):
    return views.observations(con)


def test_indicator_observations_are_the_indicators_rows_of_observations(con, observations):
    ids = observations["indicator_id"].drop_duplicates()
    for indicator_id in [ids.iloc[0], "avg_monthly_wage", "population", ids.iloc[-1]]:
        expected = (observations.loc[observations["indicator_id"] == indicator_id]
                    .drop(columns="indicator_id").reset_index(drop=True))
        assert not expected.empty, indicator_id
        pd.testing.assert_frame_equal(views.indicator_observations(con, indicator_id), expected)


def test_indicator_observations_take_the_id_as_a_parameter(con):
    assert views.indicator_observations(con, "x' OR '1'='1").empty
