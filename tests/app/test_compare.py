"""Compare page through AppTest: shared links (typical and broken), figures checked against the published
Parquet files read here independently, in English and Arabic."""
from pathlib import Path

import pandas as pd
import pytest

PAGE = "pages/compare.py"
PUBLISHED = Path(__file__).resolve().parents[2] / "data" / "published"


@pytest.fixture(scope="module")
def observations():
    return pd.read_parquet(PUBLISHED / "observations.parquet")


def _latest(observations, authority_id, indicator_id):
    rows = observations[(observations["authority_id"] == authority_id)
                        & (observations["indicator_id"] == indicator_id)].sort_values("year")
    return rows.iloc[-1]


DATA_TABLES = ("compare_dots_table", "compare_bars_table", "compare_trend_table")


def _open_tables(at):
    """Open the data-table expanders under the charts (a closed one builds nothing), as a click would."""
    for key in DATA_TABLES:
        at.session_state[key] = True
    return at.run()


def _frame_with(at, column):
    if not any(column in df.value.columns for df in at.dataframe):
        _open_tables(at)
    return next(df.value for df in at.dataframe if column in df.value.columns)


TABS = "compare_dimension"  # the side-by-side table's dimension tabs: only the open one is built


def _side_by_side(at, open_tab):
    """The three dimension tabs of the side-by-side table, each opened as a click would, as one frame
    indexed by indicator."""
    parts = []
    for tab in list(at.tabs):
        grids = open_tab(at, TABS, tab.label).tabs[[t.label for t in at.tabs].index(tab.label)].dataframe
        assert len(grids) == 1, tab.label
        parts.append(grids[0].value)
    return pd.concat(parts).set_index(parts[0].columns[0])


def _no_exception(at):
    assert not at.exception, [e.value for e in at.exception]


def test_typical_link_shows_latest_figures_and_medians(open_app, open_tab, observations):
    at = open_app(PAGE, lang="en", compare="la-9000,la-1161,rc-48")
    _no_exception(at)
    assert at.title[0].value == "Compare authorities"
    assert at.multiselect(key="w_compare").value == ["la-9000", "la-1161", "rc-48"]
    economic = _side_by_side(at, open_tab)
    assert list(economic.columns) == ["Be'er Sheva", "Rahat", "Ramat HaNegev", "Negev median",
                                      "Israel median (all authorities)", "Unit"]
    wage = _latest(observations, "la-1161", "avg_monthly_wage")
    assert economic.loc["Average monthly wage of employees", "Rahat"] == f"{wage['value']:,.0f} ({wage['year']})"
    # Israel = the median of all authorities in the year most of them have.
    in_year = observations[(observations["indicator_id"] == "avg_monthly_wage") & (observations["year"] == 2019)]
    assert in_year["authority_id"].nunique() > 200
    assert economic.loc["Average monthly wage of employees", "Israel median (all authorities)"] == \
        f"{in_year['value'].median():,.0f} (2019)"
    assert len(at.get("plotly_chart")) == 3
    assert any(b.label == "Download the data (CSV)" for b in at.get("download_button"))


SUPPORT = "Income-support recipients per 1,000 residents"  # a lower-is-better indicator


def test_percentiles_are_ranked_among_all_authorities_and_direction_adjusted(open_app, observations):
    at = open_app(PAGE, lang="en", compare="la-9000,la-1161")
    _no_exception(at)
    scores = _frame_with(at, "Percentile").set_index(["Authority", "Indicator"])
    support = observations[(observations["indicator_id"] == "income_support_per_1000")]
    year = int(scores.loc[("Rahat", SUPPORT), "Year"])
    in_year = support[support["year"] == year].set_index("authority_id")["value"]
    # Fewer income-support recipients is better: the share of the other authorities with more (ties count half).
    own = in_year["la-1161"]
    expected = ((in_year > own).sum() + 0.5 * ((in_year == own).sum() - 1)) / (len(in_year) - 1) * 100
    assert scores.loc[("Rahat", SUPPORT), "Percentile"] == round(expected)
    assert scores.loc[("Rahat", "Population"), "Direction"].startswith("no better direction")


def test_a_single_authority_asks_for_a_second(open_app):
    at = open_app(PAGE, lang="en", compare="la-9000")
    _no_exception(at)
    assert any("at least two" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_unknown_ids_are_dropped_and_the_valid_ones_kept(open_app):
    at = open_app(PAGE, lang="en", compare="bogus,la-9000,la-1161")
    _no_exception(at)
    assert any("bogus" in w.value for w in at.warning)
    assert at.multiselect(key="w_compare").value == ["la-9000", "la-1161"]
    assert at.query_params["compare"] in ("la-9000,la-1161", ["la-9000,la-1161"])


def test_only_unknown_ids_fall_back_to_the_default(open_app):
    at = open_app(PAGE, lang="en", compare="nope", town="la-1031")
    _no_exception(at)
    assert any("nope" in w.value and "default" in w.value for w in at.warning)
    assert at.multiselect(key="w_compare").value == ["la-1031", "la-9000", "la-1161"]


def test_seven_ids_are_capped_at_six_with_a_note(open_app):
    ids = ["la-9000", "la-1161", "la-2200", "la-1031", "rc-48", "rc-69", "la-1054"]
    at = open_app(PAGE, lang="en", compare=",".join(ids))
    _no_exception(at)
    assert at.multiselect(key="w_compare").value == ids[:6]
    assert any("At most 6" in i.value and "Tel Sheva" in i.value for i in at.info)


def test_missing_figures_say_no_data_with_the_reason(open_app, open_tab):
    at = open_app(PAGE, lang="en", compare="rc-37,rc-38", indicator="household_water_m3_per_capita")
    _no_exception(at)
    table = _side_by_side(at, open_tab)
    assert table.loc["Domestic water use per person", "Sha'ar HaNegev"].startswith("No data — ")
    assert any("None of the chosen authorities" in i.value for i in at.info)


def test_unknown_indicator_falls_back_with_a_warning(open_app):
    at = open_app(PAGE, lang="en", compare="la-9000,la-1161")
    # open_app runs the home page first, which would consume a bad ?indicator=; give it to this page.
    at.query_params["indicator"] = "bogus_indicator"
    at.run()
    _no_exception(at)
    assert any("bogus_indicator" in w.value for w in at.warning)
    assert at.selectbox(key="w_indicator").value == "avg_monthly_wage"


def test_arabic(open_app):
    at = open_app(PAGE, lang="ar", compare="la-9000,la-1161,rc-48")
    _no_exception(at)
    assert at.title[0].value == "مقارنة السلطات المحلية"
    economic = _frame_with(at, "بئر السبع")
    assert {"رهط", "رمات هنيغف", "وسيط النقب"} <= set(economic.columns)
    assert len(at.get("plotly_chart")) == 3


def test_changing_the_selection_updates_the_link(open_app):
    at = open_app(PAGE, lang="en", compare="la-9000,la-1161")
    at.multiselect(key="w_compare").set_value(["la-9000", "la-1161", "la-2200"]).run()
    _no_exception(at)
    assert at.query_params["compare"] in ("la-9000,la-1161,la-2200", ["la-9000,la-1161,la-2200"])
    assert "Dimona" in _frame_with(at, "Dimona").columns


def _negev(kind=None, group=None):
    authorities = pd.read_parquet(PUBLISHED / "authorities.parquet")
    rows = authorities[authorities["is_negev"]]
    if kind:
        rows = rows[rows["kind"] == kind]
    if group:
        rows = rows[rows["population_group"] == group]
    return set(rows["authority_id"])


def test_a_preset_replaces_the_selection_with_all_its_towns(open_app, open_tab):
    at = open_app(PAGE, lang="en", compare="la-9000,la-1161")
    at.selectbox(key="w_preset").set_value("negev_regional_councils").run()
    _no_exception(at)
    chosen = at.multiselect(key="w_compare").value
    assert set(chosen) == _negev(kind="regional_council") and len(chosen) == 13  # over the usual cap of 6
    assert set(at.query_params["compare"].split(",") if isinstance(at.query_params["compare"], str)
               else at.query_params["compare"][0].split(",")) == _negev(kind="regional_council")
    assert len(_side_by_side(at, open_tab).columns) == 13 + 3  # unit, the 13 councils, Negev and Israel medians
    # The visitor can then remove a town: the preset is not applied again.
    at.multiselect(key="w_compare").unselect("rc-48").run()
    assert len(at.multiselect(key="w_compare").value) == 12


def test_a_shared_link_with_a_preset_keeps_its_own_list(open_app):
    at = open_app(PAGE, lang="en", preset="negev_arab", compare="la-1161,la-1059")
    _no_exception(at)
    assert at.multiselect(key="w_compare").value == ["la-1161", "la-1059"]


def test_group_filter_narrows_the_list_and_keeps_chosen_towns(open_app):
    at = open_app(PAGE, lang="ar", compare="la-9000,la-1161", group="arab", colour_group="1")
    _no_exception(at)
    listed = set(at.multiselect(key="w_compare").options)
    assert "la-9000" in str(at.multiselect(key="w_compare").value)  # chosen before the filter: kept
    assert len(listed) < 100  # the Arab authorities of Israel (and the chosen ones), not all 255
    assert any("العرب" in m.value and "kmm-swatch" in m.value for m in at.markdown)  # the trend's group legend
def test_a_shekel_trend_and_its_table_are_in_2022_prices_until_switched(open_app, observations):
    at = open_app(PAGE, compare="la-9000,la-1161", indicator="budget_income_per_capita", lang="en")
    _no_exception(at)
    assert at.radio(key="w_prices").value == "constant"
    table = _frame_with(at, "price_basis")
    assert set(table["price_basis"]) == {"constant 2022 prices (CPI, World Bank from CBS)"}
    assert set(table["unit"]) == {"₪ per capita, 2022 prices"}
    raw = observations.query("authority_id == 'la-1161' and indicator_id == 'budget_income_per_capita' "
                             "and year == 2013")["value"].item()
    rahat = table[(table["authority"] == "Rahat") & (table["year"] == 2013)]["value"].item()
    assert rahat == pytest.approx(raw * 1.066104, rel=1e-4)

    at.radio(key="w_prices").set_value("current").run()
    _no_exception(at)
    table = _frame_with(at, "price_basis")
    assert set(table["price_basis"]) == {"current prices"}
    assert table[(table["authority"] == "Rahat") & (table["year"] == 2013)]["value"].item() == pytest.approx(raw,
                                                                                                            rel=1e-4)


@pytest.mark.parametrize("lang, rtl", [("he", True), ("ar", True), ("en", False)])
def test_every_table_reads_in_the_language_direction(open_app, lang, rtl):
    """The grid draws columns from its left edge: in Hebrew and Arabic every table lists them backwards,
    so the indicator (or town) stands at the right and the unit at the left."""
    at = open_app(PAGE, lang=lang, compare="la-9000,la-1161,rc-48")
    _no_exception(at)
    assert len(at.dataframe) == 1, "one dimension's grid; the data tables under the charts wait until opened"
    _open_tables(at)
    assert len(at.dataframe) >= 3
    for table in at.dataframe:
        columns = [str(c) for c in table.value.columns]
        shown = list(table.proto.column_order)
        assert shown == (columns[::-1] if rtl else columns)
        config = _column_config(table)
        if rtl:  # nothing pinned (the grid pins at its left edge); text starts at the right of its cell
            assert not any(c.get("pinned") for c in config.values())
            text = [str(c) for c in table.value.columns if pd.api.types.is_string_dtype(table.value[c])]
            assert text and all(config[c].get("alignment") == "right" for c in text), config


def _column_config(table):
    import json
    return json.loads(table.proto.columns or "{}")


def test_a_closed_dimension_builds_nothing(open_app, open_tab):
    """Only the open dimension's grid is built; the link's ?dim= reopens it (the profile's tabs share it)."""
    at = open_app(PAGE, lang="en", compare="la-9000,la-1161")
    _no_exception(at)
    economic, social, environmental = at.tabs
    assert len(economic.dataframe) == len(at.dataframe) == 1 and not social.children and not environmental.children
    assert at.query_params["dim"] in ("economic", ["economic"])
    open_tab(at, TABS, "Environmental")
    _no_exception(at)
    assert len(at.tabs[2].dataframe) == len(at.dataframe) == 1 and not at.tabs[0].children
    assert "Domestic water use per person" in at.tabs[2].dataframe[0].value.iloc[:, 0].tolist()
    assert at.query_params["dim"] in ("environmental", ["environmental"])
    linked = open_app(PAGE, lang="he", compare="la-9000,la-1161", dim="social")
    _no_exception(linked)
    assert len(linked.tabs[1].dataframe) == len(linked.dataframe) == 1 and not linked.tabs[0].children
    bad = open_app(PAGE, lang="en", compare="la-9000,la-1161", dim="cosmic")
    _no_exception(bad)
    assert any("cosmic" in w.value for w in bad.warning) and len(bad.tabs[0].dataframe) == 1
