"""Chaining a price index from annual inflation and converting to constant prices (hand-made series, plus
the Israel rows of the raw World Bank file)."""
import math

import pandas as pd
import pytest

from indicators.build.price_index import PriceFileError, read_inflation
from indicators.prices import (
    CONSTANT,
    CURRENT,
    PriceIndexError,
    chained_index,
    for_price_basis,
    in_constant_prices,
    is_shekels,
    price_index_table,
    to_constant_prices,
)
from indicators.settings import DATA_DIR, PUBLISHED_DIR


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


# ---------------------------------------------------------------- the raw file, the published table, deflation

# Factors to 2022 prices worked out by hand in docs/research/issue-8-cbs-headers.md §15.
RESEARCH_FACTORS = {2013: 1.06610, 2014: 1.06101, 2015: 1.06743, 2016: 1.07335, 2017: 1.07057, 2018: 1.06214,
                    2019: 1.05319, 2020: 1.05970, 2021: 1.04394, 2022: 1.0}
RAW_FILE = DATA_DIR / "raw/worldbank/worldbank_inflation_annual_pct.csv"


def test_israel_rows_of_the_raw_file_are_annual_changes_not_levels():
    annual = read_inflation(RAW_FILE)
    assert annual[2022] == pytest.approx(4.39359665912654) and annual[2015] == pytest.approx(-0.601291007162392)
    assert annual.index[0] == 1960 and annual.index[-1] >= 2022


def test_the_published_table_matches_the_research_notes_factors():
    table = pd.read_parquet(PUBLISHED_DIR / "price_index.parquet").set_index("year")
    assert set(table["base_year"]) == {2022} and table.loc[2022, "index"] == 100.0
    for year, factor in RESEARCH_FACTORS.items():
        assert table.loc[year, "factor"] == pytest.approx(factor, abs=5e-6), year
    assert table.loc[2013, "index"] == pytest.approx(93.799, abs=5e-4)


def test_rahat_2013_balancing_grant_in_2022_prices():
    # Rahat's 2013 balancing grant, 25,376 thousand ₪ (CBS 2013 budget sheet), is about 27,053 thousand 2022 ₪.
    table = price_index_table(read_inflation(RAW_FILE), 2012, 2022, "wb")
    values = pd.DataFrame({"authority_id": ["la-1161"], "year": [2013], "value": [25376.0]})
    assert in_constant_prices(values, table)["value"].iloc[0] == pytest.approx(27053, abs=0.5)


def test_only_shekel_amounts_change_and_only_in_constant_prices():
    table = price_index_table(pd.Series({2020: 0.0, 2021: 10.0}), 2020, 2021, "wb")
    values = pd.DataFrame({"year": [2020, 2021], "value": [100.0, 100.0]})
    constant = for_price_basis(values, "ils_per_capita", CONSTANT, table)
    assert constant["value"].tolist() == pytest.approx([110.0, 100.0])
    assert for_price_basis(values, "ils_per_capita", CURRENT, table)["value"].tolist() == [100.0, 100.0]
    assert for_price_basis(values, "percent", CONSTANT, table)["value"].tolist() == [100.0, 100.0]
    assert values["value"].tolist() == [100.0, 100.0], "the caller's frame is not modified"
    assert is_shekels("ils_per_month") and not is_shekels("percent")
    with pytest.raises(ValueError, match="price basis"):
        for_price_basis(values, "ils_per_capita", "real", table)


HEADER = "Country,Country Code,Year,CPI\n"


@pytest.mark.parametrize("body, message", [
    ("Aruba,ABW,2020,1.0\n", "no row with Country Code ISR"),
    ("Israel,ISR,2020,1.0\nIsrael,ISR,2021,abc\n", "row 3, column CPI: 'abc' is not a number"),
    ("Israel,ISR,2020,1.0\nIsrael,ISR,2021,\n", "row 3, column CPI: '' is not a number"),
    ("Israel,ISR,20x0,1.0\n", "row 2, column Year: '20x0' is not a number"),
    ("Israel,ISR,2020,1.0\nIsrael,ISR,2020,2.0\n", "row 3, column Year: 2020 appears twice"),
    ("Israel,ISR,2019,1.0\nIsrael,ISR,2021,2.0\n", "column Year: the ISR rows skip [2020]"),
])
def test_a_damaged_file_is_refused_naming_file_row_and_column(tmp_path, body, message):
    path = tmp_path / "inflation.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(PriceFileError) as error:
        read_inflation(path)
    assert message in str(error.value) and "inflation.csv" in str(error.value)


def test_a_renamed_column_is_refused(tmp_path):
    path = tmp_path / "inflation.csv"
    path.write_text("Country,Country Code,Year,Inflation\nIsrael,ISR,2020,1.0\n", encoding="utf-8")
    with pytest.raises(PriceFileError, match="inflation.csv: no column CPI"):
        read_inflation(path)
