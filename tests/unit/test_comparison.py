"""Compare-page computations on tiny hand-made frames."""
import math

import pandas as pd
import pytest

from indicators.comparison import (
    cell_text,
    comparison_table,
    default_selection,
    dimension_summary,
    latest_grid,
    listed_options,
    parse_selection,
    percentile_matrix,
    reference_year_medians,
    reference_years,
    selection_cap,
)
from indicators.exports import authorities_table

OPTIONS = ["a", "b", "c", "d", "e", "f", "g", "h"]


def _indicators():
    return pd.DataFrame({
        "indicator_id": ["wage", "debt", "pop", "green"],
        "dimension": ["economic", "economic", "social", "environmental"],
        "theme": ["income", "finance", "demography", "land"],
        "name_en": ["Wage", "Debt", "Population", "Parks"], "name_he": ["שכר", "חוב", "אוכלוסייה", "גנים"],
        "unit": ["ils_per_month", "ils_per_capita", "persons", "percent"],
        "unit_en": ["₪ per month", "₪ per capita", "persons", "%"], "unit_he": ["₪", "₪", "נפשות", "%"],
        "higher_is_better": [True, False, None, True], "decimals": [0, 0, 0, 1],
        "direction": ["higher_is_better", "lower_is_better", "neutral", "higher_is_better"],
        "dimension_order": [0, 0, 1, 2], "display_order": [1, 0, 2, 3],
    })


def _observations():
    rows = []
    for i, authority in enumerate(["a", "b", "c", "d", "e"]):
        rows += [(authority, "wage", 2020, 1000 + 100 * i, "s20"), (authority, "wage", 2021, 2000 + 100 * i, "s21"),
                 (authority, "debt", 2021, 10.0 * i, "s21"), (authority, "pop", 2021, 1000.0 * (5 - i), "s21")]
    rows.append(("a", "wage", 2022, 9999, "s22"))  # a thin first release of 2022: not the reference year
    rows.append(("a", "green", 2019, 12.5, "s19"))
    return pd.DataFrame(rows, columns=["authority_id", "indicator_id", "year", "value", "source_id"])


def _sources():
    return pd.DataFrame({"source_id": ["s19", "s20", "s21", "s22"], "publisher": ["CBS"] * 4,
                         "title": ["T"] * 4, "edition": [2019, 2020, 2021, 2022], "url": ["u"] * 4})


def test_selection_keeps_known_ids_in_order_and_reports_the_rest():
    sel = parse_selection("bogus,b,a,b, c", OPTIONS, 6)
    assert sel.kept == ["b", "a", "c"] and sel.unknown == ["bogus"] and sel.over_cap == []


def test_selection_is_capped():
    sel = parse_selection("a,b,c,d,e,f,g", OPTIONS, 6)
    assert sel.kept == list("abcdef") and sel.over_cap == ["g"]


def test_empty_selection():
    assert parse_selection(None, OPTIONS, 6).kept == []


def test_default_selection_puts_the_town_first_without_duplicates():
    assert default_selection("c", OPTIONS, ["a", "c", "b"]) == ["c", "a", "b"]
    assert default_selection("zz", OPTIONS, ["a", "c", "b"]) == ["a", "c", "b"]


def test_reference_year_skips_a_thin_new_year():
    years = reference_years(_observations())
    assert years["wage"] == 2021 and years["green"] == 2019


def test_percentiles_are_direction_adjusted_and_neutral_is_flagged():
    matrix = percentile_matrix(_observations(), _indicators()).set_index(["indicator_id", "authority_id"])
    assert matrix.loc[("wage", "e"), "percentile"] == 100  # highest wage is best
    assert matrix.loc[("debt", "e"), "percentile"] == 0  # highest debt is worst
    assert matrix.loc[("pop", "a"), "percentile"] == 100 and bool(matrix.loc[("pop", "a"), "neutral"])
    assert matrix.loc[("wage", "a"), "year"] == 2021
    assert matrix.loc[("green", "a"), "percentile"] == 50  # a lone value


def test_dimension_summary_leaves_neutral_indicators_out():
    matrix = percentile_matrix(_observations(), _indicators())
    summary = dimension_summary(matrix, ["e", "a"]).set_index(["authority_id", "dimension"])
    assert summary.loc[("e", "economic"), "percentile"] == 50  # median of 100 (wage) and 0 (debt)
    assert summary.loc[("e", "economic"), "indicators"] == 2
    assert ("e", "social") not in summary.index  # population has no better direction
    assert summary.index.get_level_values(0)[0] == "e"  # in the order chosen


def test_latest_grid_gives_value_and_year_or_the_reason():
    latest = pd.DataFrame({"authority_id": ["a", "b"], "indicator_id": ["wage", "wage"],
                           "year": [2022, 2021], "value": [9999.0, 2100.0]})
    gaps = pd.DataFrame({"authority_id": ["b", "b"], "indicator_id": ["debt", "debt"], "year": [2020, 2021],
                         "reason": ["blank", "not_reported"]})
    grid = latest_grid(latest, gaps, ["wage", "debt"], ["a", "b"]).set_index(["authority_id", "indicator_id"])
    assert grid.loc[("a", "wage"), "year"] == 2022
    assert grid.loc[("b", "debt"), "reason"] == "not_reported"  # the most recent reason
    assert grid.loc[("a", "debt"), "reason"] is None and math.isnan(grid.loc[("a", "debt"), "value"])


def test_reference_year_medians():
    observations = _observations()
    groups = {"all": list("abcde"), "two": ["a", "b"]}
    medians = reference_year_medians(observations, reference_years(observations), groups)
    assert medians.loc["wage", "all"] == 2200 and medians.loc["wage", "two"] == 2050
    assert medians.loc["wage", "year"] == 2021


def test_cell_text():
    reasons = {"blank": "left blank"}.get
    assert cell_text(2100.0, 2021, None, 0, "ils_per_month", "No data", reasons) == "2,100 (2021)"
    assert cell_text(12.34, 2021, None, 1, "percent", "No data", reasons) == "12.3% (2021)"
    assert cell_text(float("nan"), None, "blank", 0, "ils", "No data", reasons) == "No data — left blank"
    assert cell_text(None, None, None, 0, "ils", "No data", reasons) == "No data"


def test_comparison_table_has_one_column_per_authority_and_median():
    observations = _observations()
    latest = observations.sort_values("year").groupby(["authority_id", "indicator_id"], as_index=False).last()
    grid = latest_grid(latest, pd.DataFrame(columns=["authority_id", "indicator_id", "year", "reason"]),
                       ["wage", "debt", "pop", "green"], ["a", "b"])
    medians = reference_year_medians(observations, reference_years(observations), {"israel": list("abcde")})
    labels = {"indicator": "Indicator", "unit": "Unit", "no_data": "No data"}
    table = comparison_table(grid, medians, _indicators(), {"a": "A", "b": "B", "israel": "Israel"}, labels, "en",
                             str)
    assert table.columns.tolist() == ["dimension", "Indicator", "A", "B", "Israel", "Unit"]
    wage = table[table["Indicator"] == "Wage"].iloc[0]
    assert wage["A"] == "9,999 (2022)" and wage["Israel"] == "2,200 (2021)"
    assert table[table["Indicator"] == "Parks"].iloc[0]["B"] == "No data"


@pytest.mark.parametrize("lang", ["en", "he"])
def test_authorities_table_carries_unit_and_source_in_display_order(lang):
    names = {a: a.upper() for a in OPTIONS}
    table = authorities_table(_observations(), ["b", "a"], _indicators(), names, _sources(), lang)
    assert table["indicator_id"].drop_duplicates().tolist() == ["debt", "wage", "pop", "green"]
    assert {"unit", "source_publisher", "source_edition", "dimension", "year", "value"} <= set(table.columns)
    assert set(table["authority_id"]) == {"a", "b"}
    assert table["authority_id"].iloc[0] == "b"  # in the order chosen
    assert table[(table["authority_id"] == "a") & (table["year"] == 2022)]["source_edition"].iloc[0] == 2022


def test_a_preset_lifts_the_cap_to_its_size():
    assert selection_cap(6, []) == 6
    assert selection_cap(6, ["a", "b"]) == 6
    assert selection_cap(6, [str(i) for i in range(13)]) == 13


def test_group_filter_lists_the_group_and_keeps_the_chosen():
    options = ["a", "b", "c", "d"]
    assert listed_options(options, ["d", "b"], []) == ["b", "d"]
    assert listed_options(options, ["d"], ["a"]) == ["a", "d"]  # a chosen town outside the group stays
