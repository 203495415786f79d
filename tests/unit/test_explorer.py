"""The explorer's pure logic on tiny hand-made frames: filters, ranks, medians, tables."""
import math

import pandas as pd

from indicators import explorer


def _authorities():
    return pd.DataFrame({
        "authority_id": ["a", "b", "c", "d", "e"],
        "kind": ["city", "local_council", "regional_council", "city", "regional_council"],
        "is_negev": [True, True, True, False, False],
    })


def _values():
    return pd.DataFrame({
        "authority_id": ["a", "b", "c", "d", "e", "a", "b", "d"],
        "year": [2020, 2020, 2020, 2020, 2020, 2021, 2021, 2021],
        "value": [10.0, 30.0, 20.0, 40.0, None, 12.0, 32.0, 44.0],
        "source_id": ["s20"] * 5 + ["s21"] * 3,
    })


def test_filters_by_area_kind_and_peer_group():
    authorities = _authorities()
    assert explorer.filter_authorities(authorities, "negev", explorer.KINDS) == ["a", "b", "c"]
    assert explorer.filter_authorities(authorities, "israel", ["regional_council"]) == ["c", "e"]
    assert explorer.filter_authorities(authorities, "israel", explorer.KINDS, ["a", "d"]) == ["a", "d"]
    # A peer group replaces the area (it is drawn from all of Israel); the kind filter still applies.
    assert explorer.filter_authorities(authorities, "negev", explorer.KINDS, ["a", "d"]) == ["a", "d"]
    assert explorer.filter_authorities(authorities, "negev", ["local_council"], ["a", "d"]) == []
    assert explorer.filter_authorities(authorities, "negev", []) == []


def test_year_table_ranks_among_shown_and_percentiles_among_all():
    table = explorer.year_table(_values(), 2020, ["a", "b", "c"], ["a", "b", "c", "d", "e"], "higher_is_better")
    assert table["authority_id"].tolist() == ["b", "c", "a"]
    assert table["rank"].tolist() == [1, 2, 3]
    # Among a, b, c, d (e has no figure): b is 3rd of 4 → 66.7; a is last → 0.
    assert round(table.set_index("authority_id").loc["b", "percentile"], 1) == 66.7
    assert table.set_index("authority_id").loc["a", "percentile"] == 0.0
    assert set(table.columns) >= {"year", "value", "source_id"}


def test_year_table_lower_is_better_and_empty_year():
    table = explorer.year_table(_values(), 2020, ["a", "b", "c"], ["a", "b", "c", "d"], "lower_is_better")
    assert table["authority_id"].tolist() == ["a", "c", "b"]
    assert table.set_index("authority_id").loc["a", "percentile"] == 100.0
    assert explorer.year_table(_values(), 1999, ["a"], ["a"], "higher_is_better").empty


def test_missing_and_reasons_become_rows_at_the_end():
    values = _values()
    missing = explorer.missing_in_year(values, 2021, ["a", "c", "e"])
    assert missing == ["c", "e"]
    gaps = pd.DataFrame({"authority_id": ["c", "x"], "year": [2021, 2021], "reason": ["suppressed", "blank"]})
    reasons = explorer.gap_reasons(gaps, 2021, missing)
    assert reasons == {"c": "suppressed"}
    ranked = explorer.year_table(values, 2021, ["a", "c", "e"], ["a", "b", "d"], "higher_is_better")
    table = explorer.with_missing(ranked, missing, reasons)
    assert table["authority_id"].tolist() == ["a", "c", "e"]
    assert table["reason"].tolist()[1:] == ["suppressed", "no_data"]
    assert pd.isna(table["reason"].iloc[0]) and pd.isna(table["value"].iloc[2])


def test_reference_medians_use_the_whole_groups():
    medians = explorer.reference_medians(_values(), 2020, ["a", "b", "c"], ["a", "b", "c", "d", "e"])
    assert medians == {"negev": 20.0, "israel": 25.0}
    assert explorer.reference_medians(_values(), 1999, ["a"], ["a"]) == {"negev": None, "israel": None}


def test_value_text_carries_the_unit_once():
    assert explorer.value_text(9546.3, 0, "ils_per_month", "₪ per month") == "9,546 ₪ per month"
    assert explorer.value_text(12.345, 1, "percent", "%") == "12.3%"
    assert explorer.value_text(None, 1, "percent", "%") is None


def test_tooltips_name_the_year_and_say_no_data():
    texts = explorer.tooltip_texts(pd.Series({"a": 1.5}), ["a", "b"], lambda v: f"{v:.1f}", 2020, "No data")
    assert texts == {"a": "1.5 · 2020", "b": "No data · 2020"}


def test_download_table_gets_kind_rank_and_percentile():
    ranked = explorer.year_table(_values(), 2020, ["a", "b"], ["a", "b", "c", "d"], "higher_is_better")
    tidy = pd.DataFrame({"authority_id": ["a", "b"], "authority": ["A", "B"], "value": [10.0, 30.0],
                         "unit": ["%", "%"], "source_id": ["s20", "s20"]})
    out = explorer.with_ranks(tidy, ranked, {"a": "City", "b": "Local council"})
    assert out.columns.tolist() == ["authority_id", "authority", "kind", "value", "unit", "rank_among_shown",
                                    "percentile_israel", "source_id"]
    assert out["rank_among_shown"].tolist() == [2, 1]
    assert not math.isnan(out["percentile_israel"].iloc[0])


def test_bar_range_leaves_room_for_labels_on_the_side_bars_grow():
    assert explorer.bar_range(pd.Series([10.0, 50.0])) == [0.0, 61.0]
    assert explorer.bar_range(pd.Series([-20.0, -5.0])) == [-24.4, 0.0]
    low, high = explorer.bar_range(pd.Series([-10.0, 30.0]))
    assert low < -10 and high > 30
    assert explorer.bar_range(pd.Series([0.0, 0.0])) is None
    assert explorer.bar_range(pd.Series([None], dtype=float)) is None


def test_population_group_filter_narrows_area_and_peer_group():
    authorities = _authorities().assign(population_group=["arab", "jewish_others", "arab", "arab", "mixed"])
    assert explorer.filter_authorities(authorities, "negev", explorer.KINDS, population_group="arab") == ["a", "c"]
    assert explorer.filter_authorities(authorities, "israel", explorer.KINDS, population_group="mixed") == ["e"]
    assert explorer.filter_authorities(authorities, "negev", explorer.KINDS, ["a", "b", "d"], "arab") == ["a", "d"]
    assert explorer.filter_authorities(authorities, "negev", explorer.KINDS, population_group="all") == ["a", "b", "c"]
