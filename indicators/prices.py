"""Shekels in constant prices: a consumer price index chained from annual inflation, and the conversion of a
year's current shekels into the shekels of a base year.

The source (World Bank FP.CPI.TOTL.ZG, "Inflation, consumer prices (annual %)", whose source for Israel is
CBS's CPI) publishes annual percentage changes, not index levels, although its package calls them an index:
the level has to be chained from the changes."""
from __future__ import annotations

import pandas as pd


class PriceIndexError(ValueError):
    """The inflation series cannot be chained as asked (a missing year, a base year outside the series)."""


def chained_index(annual_pct: pd.Series, base_year: int) -> pd.Series:
    """year -> price level with `base_year` = 100, from year -> % change on the year before.

    The first year of the series is the starting level (its own change is not needed); every later year must
    be present, since one missing change would shift every level before it."""
    changes = annual_pct.dropna().sort_index()
    years = [int(y) for y in changes.index]
    if not years or years != list(range(years[0], years[-1] + 1)):
        raise PriceIndexError(f"annual inflation must cover consecutive years; got {years}")
    if base_year not in years:
        raise PriceIndexError(f"base year {base_year} is outside the inflation series {years[0]}–{years[-1]}")
    growth = (1 + changes / 100).to_numpy(copy=True)
    growth[0] = 1.0  # the first year is the starting level
    levels = pd.Series(growth.cumprod(), index=years)
    return (levels / levels[base_year] * 100).rename("index")


def to_constant_prices(values: pd.Series, years: pd.Series, index: pd.Series) -> pd.Series:
    """Current-price figures in the index's base-year prices: value × 100 / index[year]. A year the index
    does not cover gives no value (NaN), never a guess."""
    factor = 100 / years.map(index).astype(float)
    return values.astype(float) * factor
