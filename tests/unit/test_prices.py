"""Chaining a price index from annual inflation and converting to constant prices (hand-made series, plus
the Israel rows of the raw World Bank file)."""
import math

import pandas as pd
import pytest

from indicators.prices import PriceIndexError, chained_index, to_constant_prices


def test_levels_are_chained_from_annual_changes():
    index = chained_index(pd.Series({2019: 99.0, 2020: 10.0, 2021: -50.0}), base_year=2021)
    assert index.to_dict() == pytest.approx({2019: 100 / 0.55, 2020: 110 / 0.55, 2021: 100.0})


def test_a_gap_in_the_series_or_a_base_outside_it_is_refused():
    with pytest.raises(PriceIndexError, match="consecutive"):
        chained_index(pd.Series({2019: 1.0, 2021: 2.0}), 2021)
    with pytest.raises(PriceIndexError, match="base year 2030"):
        chained_index(pd.Series({2019: 1.0, 2020: 2.0}), 2030)


def test_constant_prices_use_each_years_level_and_leave_unknown_years_empty():
    index = pd.Series({2020: 50.0, 2021: 100.0})
    out = to_constant_prices(pd.Series([10.0, 10.0, 10.0]), pd.Series([2020, 2021, 2022]), index)
    assert out.iloc[0] == 20.0 and out.iloc[1] == 10.0 and math.isnan(out.iloc[2])
