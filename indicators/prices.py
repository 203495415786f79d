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


# ---------------------------------------------------------------- the published table and its use

SHEKEL_UNIT_PREFIX = "ils_"  # units.yml keys of amounts in shekels (ils_per_capita, ils_per_month, …)
CONSTANT, CURRENT = "constant", "current"
PRICE_BASES = (CONSTANT, CURRENT)  # what a trend chart of shekels can show; constant first (the default)
PRICE_INDEX_COLUMNS = ["year", "annual_change_pct", "index", "factor", "base_year", "source_id"]


def is_shekels(unit: str) -> bool:
    """Whether an indicator's unit is an amount of money, which inflation changes from year to year."""
    return str(unit).startswith(SHEKEL_UNIT_PREFIX)


def price_index_table(annual_pct: pd.Series, first_year: int, base_year: int, source_id: str) -> pd.DataFrame:
    """The published `price_index` rows, first_year…base_year: the source's change, the chained level
    (base_year = 100) and the factor that turns that year's current shekels into base-year shekels."""
    if first_year > base_year:
        raise PriceIndexError(f"first year {first_year} is after the base year {base_year}")
    # From first_year on only: earlier changes do not move any level relative to the base.
    index = chained_index(annual_pct.loc[first_year:base_year], base_year)
    frame = pd.DataFrame({"year": index.index.astype("int32"),
                          "annual_change_pct": annual_pct.reindex(index.index).to_numpy(dtype=float),
                          "index": index.to_numpy(), "factor": (100 / index).to_numpy()})
    if frame["year"].iloc[0] != first_year:
        raise PriceIndexError(f"the inflation series starts in {frame['year'].iloc[0]}, after {first_year}")
    return frame.assign(base_year=pd.Series(base_year, index=frame.index, dtype="int32"), source_id=source_id)


def base_year_of(price_index: pd.DataFrame) -> int:
    """The year whose prices the constant-price figures are in (one per table)."""
    return int(price_index["base_year"].iloc[0])


def in_constant_prices(values: pd.DataFrame, price_index: pd.DataFrame) -> pd.DataFrame:
    """Figures (any frame with `year` and `value`, e.g. one indicator's observations) with `value` in the
    base year's prices, deflated by the year each figure describes (the data year, not the edition: the 2021
    file's 2019 wages are 2019 shekels). A year the index does not cover gives no value, never a guess."""
    index = price_index.set_index("year")["index"]
    return values.assign(value=to_constant_prices(values["value"], values["year"], index))


def for_price_basis(values: pd.DataFrame, unit: str, basis: str, price_index: pd.DataFrame) -> pd.DataFrame:
    """The figures a trend shows: shekel amounts in constant prices when asked; any other unit (and current
    prices) as published."""
    if basis not in PRICE_BASES:
        raise ValueError(f"unknown price basis {basis!r}")
    if basis == CONSTANT and is_shekels(unit):
        return in_constant_prices(values, price_index)
    return values
