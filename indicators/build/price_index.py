"""The `price_index` table: Israel's consumer price level chained from the World Bank's annual inflation file
(data/sources.yml, series worldbank_cpi_inflation), so that shekel figures can be shown in constant prices.

The file holds annual % changes (FP.CPI.TOTL.ZG) although its package calls them index levels; the chain is
in indicators/prices.py. A damaged file fails here naming the file, row and column, because one missing or
misread year would shift every level before it without any visible sign."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.build.layout_errors import LayoutError, Where
from indicators.prices import is_shekels, price_index_table
from indicators.settings import DATA_DIR

SERIES = "worldbank_cpi_inflation"
COUNTRY_CODE = "ISR"
COLUMNS = ("Country", "Country Code", "Year", "CPI")  # CPI: the annual % change, whatever its name says


class PriceFileError(LayoutError):
    """The inflation file is not as expected (a column, Israel's rows, a year or a number)."""


def read_inflation(path: Path, country_code: str = COUNTRY_CODE) -> pd.Series:
    """year -> annual % change for one country, every value checked (rows are numbered as in a text editor:
    the header is row 1)."""
    where = Where(str(path.relative_to(DATA_DIR)) if path.is_relative_to(DATA_DIR) else str(path))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise PriceFileError(where, f"no column {', '.join(missing)}; the header is {list(frame.columns)}")
    rows = frame[frame["Country Code"] == country_code]
    if rows.empty:
        raise PriceFileError(where, f"no row with Country Code {country_code}")
    series = {}
    for position, row in rows.iterrows():
        line = position + 2  # pandas counts data rows from 0; the header is row 1
        year = _number(row["Year"], where, line, "Year")
        if year in series:
            raise PriceFileError(where, f"row {line}, column Year: {int(year)} appears twice for {country_code}")
        series[int(year)] = _number(row["CPI"], where, line, "CPI")
    years = sorted(series)
    gaps = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    if gaps:
        raise PriceFileError(where, f"column Year: the {country_code} rows skip {gaps} (they run {years[0]}–"
                                    f"{years[-1]}); every year is needed to chain the index")
    return pd.Series(series, dtype=float).sort_index()


def _number(text: str, where: Where, line: int, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if pd.isna(value):
        raise PriceFileError(where, f"row {line}, column {column}: {text!r} is not a number")
    return value


def build_price_index(sources: pd.DataFrame, observations: pd.DataFrame, units: dict[str, str]) -> pd.DataFrame:
    """The published table: from the first to the latest year of any shekel figure, the latest = 100.

    units: indicator_id -> unit key (which indicators are amounts of money)."""
    source = sources[sources["series"] == SERIES]
    if len(source) != 1:
        raise PriceFileError(Where("data/sources.yml"), f"expected one source of series {SERIES}, "
                                                        f"found {len(source)}")
    source = source.iloc[0]
    shekels = observations[observations["indicator_id"].map(lambda i: is_shekels(units[i]))]
    first, base = int(shekels["year"].min()), int(shekels["year"].max())
    path = DATA_DIR / source["path"]
    annual = read_inflation(path)
    if annual.index[0] > first or annual.index[-1] < base:
        raise PriceFileError(Where(source["path"]), f"the {COUNTRY_CODE} rows run {annual.index[0]}–"
                                                    f"{annual.index[-1]}; shekel figures need {first}–{base}")
    return price_index_table(annual, first, base, source["source_id"])
