"""Number formatting used in cards, tooltips and tables."""
import pytest

from indicators.formatting import format_gap, format_number, format_value, format_years


def test_thousands_and_decimals():
    assert format_number(1234567.891, 1) == "1,234,567.9"
    assert format_number(None) is None and format_number(float("nan")) is None


def test_percent_suffix_only_for_percent_unit():
    assert format_value(12.345, 1, "percent") == "12.3%"
    assert format_value(12.345, 0, "persons") == "12"


def test_a_gap_between_percentages_has_no_percent_sign():
    assert format_gap(-44.23, 1, "percent") == "-44.2"  # percentage points: the label names them
    assert format_gap(-1234.5, 0, "ils") == format_value(-1234.5, 0, "ils") == "-1,234"
    assert format_gap(None, 1, "percent") is None


@pytest.mark.parametrize("years, text", [
    ([2013, 2014, 2015], "2013–2015"),
    ([2021, 2013], "2013, 2021"),
    ([2013, 2016, 2017, 2018, 2016], "2013, 2016–2018"),
    ([], ""),
])
def test_format_years_collapses_runs(years, text):
    assert format_years(years) == text


def test_value_with_its_unit():
    from indicators.formatting import format_with_unit

    assert format_with_unit(5751.4, 0, "ils_per_month", "₪ per month") == "5,751 ₪ per month"
    assert format_with_unit(12.34, 1, "percent", "%") == "12.3%"
    assert format_with_unit(None, 1, "percent", "%") is None


@pytest.mark.parametrize("value, decimals, unit, text", [
    (-0.04, 1, "percent", "0.0%"),
    (-0.0, 1, "percent", "0.0%"),
    (-0.4, 0, "persons", "0"),
    (-0.06, 1, "percent", "-0.1%"),
    (-1234.5, 0, "persons", "-1,234"),
])
def test_no_minus_sign_on_zero(value, decimals, unit, text):
    assert format_value(value, decimals, unit) == text


def test_titles_join_with_the_language_comma():
    from indicators.formatting import join_items

    assert join_items(["رهط", 2021], "ar") == "رهط، 2021"
    assert join_items(["רהט", 2021], "he") == "רהט, 2021"
    assert join_items(["Rahat"], "en") == "Rahat"
