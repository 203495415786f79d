"""Justice-lens strips: a far outlier is drawn just past the edge of a scale that fits the other towns."""
import pandas as pd
import pytest

from indicators.settings import PUBLISHED_DIR
from indicators.strip_scale import positions, strip_scale


def test_a_far_outlier_is_left_out_of_the_scale_and_drawn_past_its_edge():
    values = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 700.0])
    scale = strip_scale(values)
    assert (scale.low, scale.high) == (1.0, 8.0)
    assert scale.clipped_high and not scale.clipped_low
    x, side = positions(values, scale)
    assert x.iloc[-1] == pytest.approx(scale.high_edge) and scale.high < scale.high_edge < 9
    assert side.tolist() == [0] * 8 + [1]
    assert x.iloc[:-1].tolist() == values.iloc[:-1].tolist()  # the others where they are


def test_an_outlier_below_is_marked_on_the_low_side():
    values = pd.Series([-500.0, 10.0, 11.0, 12.0, 13.0, 14.0])
    scale = strip_scale(values)
    x, side = positions(values, scale)
    assert scale.clipped_low and side.iloc[0] == -1
    assert x.iloc[0] == pytest.approx(scale.low_edge) and 9 < scale.low_edge < 10


def test_a_spread_without_far_outliers_is_not_cut():
    values = pd.Series([49.1, 55.0, 60.0, 62.7, 63.0, 64.0, 65.0, 66.8, 70.0, 73.9])  # a mild tail stays
    scale = strip_scale(values)
    assert not scale.clipped and (scale.low, scale.high) == (49.1, 73.9)


def test_equal_quartiles_cut_nothing_and_no_figure_gives_no_scale():
    assert not strip_scale(pd.Series([0.0] * 8 + [3.0, 9.0])).clipped
    assert strip_scale(pd.Series([float("nan")])) is None


def test_business_floor_area_of_the_negev_in_the_published_data():
    """The case that squeezed the strip: one authority's business floor area per resident is about a hundred
    times the Negev's median; with the fences the other towns spread over the scale."""
    observations = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
    authorities = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet")
    negev = set(authorities.loc[authorities["is_negev"], "authority_id"])
    rows = observations[(observations["indicator_id"] == "business_floor_area_per_capita")
                        & observations["authority_id"].isin(negev)].dropna(subset=["value"])
    values = rows[rows["year"] == rows["year"].max()]["value"]
    scale = strip_scale(values)
    assert scale.clipped_high and values.max() > 10 * scale.high
    _, side = positions(values, scale)
    assert 1 <= int((side != 0).sum()) <= 3  # only the far ones
