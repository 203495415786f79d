"""The indicator explorer from shared links: real figures in its table, filters, fallbacks and languages."""
from pathlib import Path

import pandas as pd
import pytest

PAGE = "pages/indicator_explorer.py"
DATA = Path(__file__).resolve().parents[2] / "data" / "published"


@pytest.fixture(scope="module")
def observations():
    return pd.read_parquet(DATA / "observations.parquet")


@pytest.fixture(scope="module")
def authorities():
    return pd.read_parquet(DATA / "authorities.parquet").set_index("authority_id")


def _clean(at):
    assert not at.exception, [e.value for e in at.exception]


def _table(at) -> pd.DataFrame:
    return at.dataframe[0].value


def _open_link(open_app, lang: str, **query):
    """The page opened from a link carrying `query` (open_app hands the link's values to the page)."""
    return open_app(PAGE, lang=lang, **query)


def _charts(at, kind: str) -> int:
    return len(at.get(kind))


def test_wage_2019_shows_map_ranking_and_the_published_figure(open_app, observations, authorities):
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", lang="en")
    _clean(at)
    assert _charts(at, "deck_gl_json_chart") == 1 and _charts(at, "plotly_chart") == 2
    assert any(s.value == "Authorities ranked, 2019" for s in at.header)
    table = _table(at)
    assert len(table) == 33 and "note" not in table  # every Negev authority has a 2019 wage
    expected = observations.query("indicator_id == 'avg_monthly_wage' and year == 2019 and authority_id == 'la-9000'")
    row = table[table["authority"] == authorities.loc["la-9000", "name_en"]]
    assert row["value"].item() == pytest.approx(expected["value"].item())
    # Rank 1 is the highest wage among the 33 (higher is better).
    top = table.sort_values("rank").iloc[0]
    assert top["value"] == table["value"].max()
    assert any("Israel median" in c.value and "not a national total" in c.value for c in at.caption)


def test_unknown_indicator_falls_back_with_a_warning(open_app):
    at = _open_link(open_app, "en", indicator="nonsense")
    _clean(at)
    assert any("nonsense" in w.value for w in at.warning)
    assert at.selectbox(key="w_indicator").value == "avg_monthly_wage"
    assert _charts(at, "plotly_chart") == 2


def test_year_the_indicator_lacks_falls_back_to_the_default(open_app):
    at = _open_link(open_app, "en", indicator="avg_monthly_wage", year="1900")
    _clean(at)
    assert any("1900" in w.value for w in at.warning)
    assert at.selectbox(key="w_year").value == 2019
    assert at.query_params["year"] in ("2019", ["2019"])


def test_kind_filter_shows_only_regional_councils(open_app, authorities):
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", kind="regional_council", lang="en")
    _clean(at)
    table = _table(at)
    negev_councils = authorities[authorities["is_negev"] & (authorities["kind"] == "regional_council")]
    assert set(table["authority"]) == set(negev_councils["name_en"])
    assert set(table["kind"]) == {"Regional council"}


def test_all_israel_scope_and_percentiles(open_app, observations):
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", scope="israel", lang="en")
    _clean(at)
    table = _table(at)
    in_year = observations.query("indicator_id == 'avg_monthly_wage' and year == 2019")
    assert len(table) == len(in_year)
    assert table["percentile"].min() == 0 and table["percentile"].max() == 100
    # Across all Israel the rank among those shown and the percentile agree on the order.
    assert table.sort_values("rank")["percentile"].is_monotonic_decreasing


def test_sparse_indicator_lists_missing_authorities_with_a_reason(open_app):
    at = open_app(PAGE, indicator="municipal_turnout_pct", lang="en")
    _clean(at)
    assert at.selectbox(key="w_year").value == 2024
    table = _table(at)
    assert len(table) == 33
    missing = table[table["value"].isna()]
    assert len(missing) > 0 and (missing["note"].str.len() > 0).all()
    assert (table.loc[table["value"].notna(), "note"] == "").all()


def test_sparse_indicator_with_a_year_it_lacks(open_app):
    at = _open_link(open_app, "he", indicator="municipal_turnout_pct", year="2019")
    _clean(at)
    assert any("2019" in w.value for w in at.warning)
    assert at.selectbox(key="w_year").value == 2024


def test_peer_group_replaces_the_area(open_app):
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", peers_of="la-1161", lang="en")
    _clean(at)
    table = _table(at)
    assert len(table) == 11 and "Rahat" in set(table["authority"])
    assert at.radio(key="w_scope").disabled
    assert any("Rahat" in c.value and "10" in c.value for c in at.caption)


def test_no_authority_matches_says_so(open_app):
    at = open_app(PAGE, peers_of="la-1161", kind="regional_council", lang="en")
    _clean(at)
    assert at.warning and _charts(at, "deck_gl_json_chart") == 0
    assert _charts(at, "plotly_chart") == 1  # the trend chart still shows the chosen authority and medians


def test_compare_list_draws_trend_series_with_both_medians(open_app):
    at = open_app(PAGE, indicator="own_income_share_pct", compare="la-1161,rc-48", lang="en")
    _clean(at)
    trend = _trend_table(at)
    assert list(trend.columns) == ["Rahat", "Ramat HaNegev", "Negev median", "Israel median"]


def test_town_from_profile_is_the_default_comparison(open_app):
    at = open_app(PAGE, town="la-1161", lang="en")
    _clean(at)
    assert at.multiselect(key="w_compare").value == ["la-1161"]


def test_changing_the_kind_filter_updates_table_and_link(open_app):
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", lang="en")
    at.multiselect(key="w_kind").set_value(["city"]).run()
    _clean(at)
    assert set(_table(at)["kind"]) == {"City"} and len(_table(at)) == 9
    assert at.query_params["kind"] in ("city", ["city"])


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_runs_clean_in_rtl_languages(open_app, lang):
    at = open_app(PAGE, indicator="own_income_share_pct", lang=lang)
    _clean(at)
    title = {"ar": "استكشاف مؤشر", "he": "חקר מדד"}[lang]
    assert at.title[0].value == title
    assert len(_table(at)) > 0


def test_lower_is_better_ranks_the_lowest_first(open_app):
    at = open_app(PAGE, indicator="income_support_per_1000", lang="en")
    _clean(at)
    table = _table(at).dropna(subset=["value"])
    assert table.sort_values("rank").iloc[0]["value"] == table["value"].min()
    assert any("lower is better" in c.value for c in at.caption)
    reason = pd.read_parquet(DATA / "indicators.parquet").set_index("indicator_id").loc[
        "income_support_per_1000", "direction_reason_en"]
    assert any(c.value == f"Why this direction: {reason}" for c in at.caption), "the reason is given beside it"


def test_population_group_filter_shows_only_that_group(open_app, authorities):
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", scope="israel", group="arab", lang="en")
    _clean(at)
    arab = authorities[authorities["population_group"] == "arab"]
    assert set(_table(at)["authority"]) <= set(arab["name_en"])
    assert len(_table(at)) > 60  # the Arab authorities of all Israel, not only the Negev's
    assert at.selectbox(key="w_group").value == "arab"
    assert at.query_params["group"] in ("arab", ["arab"])


def test_colour_by_group_draws_the_legend(open_app):
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", colour_group="1", lang="he")
    _clean(at)
    legends = [m.value for m in at.markdown if "קבוצת אוכלוסייה (למ״ס)" in m.value]
    assert len(legends) == 2  # under the ranked bars and under the trend chart
    assert "ערבים" in legends[0] and "יהודים ואחרים" in legends[0]  # the bars show both groups
    assert "ערבים" not in legends[1]  # the trend shows Be'er Sheva only: the legend lists only its group


def test_a_preset_draws_all_its_towns_with_its_median(open_app, authorities):
    at = open_app(PAGE, indicator="own_income_share_pct", compare="la-1161", preset="negev_regional_councils",
                  lang="en")
    _clean(at)
    councils = authorities[authorities["is_negev"] & (authorities["kind"] == "regional_council")]
    trend = _trend_table(at)
    assert set(councils["name_en"]) <= set(trend.columns)  # all 13, over the cap of 5 hand-picked towns
    assert "Rahat" in trend.columns
    assert "Negev regional councils: median" in trend.columns
    assert at.query_params["preset"] in ("negev_regional_councils", ["negev_regional_councils"])


def _trend_axis(at) -> str:
    import json

    figure = json.loads(at.get("plotly_chart")[-1].proto.spec)
    return figure["layout"]["yaxis"]["title"]["text"]


def test_a_shekel_trend_is_in_constant_prices_by_default_and_switches_to_current(open_app, observations):
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", compare="la-1161", lang="en")
    _clean(at)
    switch = at.radio(key="w_prices")
    assert switch.value == "constant" and switch.options == ["2022 prices", "current prices"]
    assert _trend_axis(at) == "Average monthly wage of employees (₪ per month, 2022 prices)"
    assert any("in 2022 prices" in c.value for c in at.caption)
    assert any("current prices of 2019" in c.value for c in at.caption), "the map and ranking say theirs"
    wages = observations.query("indicator_id == 'avg_monthly_wage' and authority_id == 'la-1161'").set_index("year")
    constant = _trend_table(at)
    # 2013 wages × 1.06610 (the research note's factor to 2022 prices); 2019 × 1.05319.
    assert constant.loc[2013, "Rahat"] == pytest.approx(wages.loc[2013, "value"] * 1.066104, rel=1e-5)

    switch.set_value("current").run()
    _clean(at)
    assert at.query_params["prices"] in ("current", ["current"])
    assert _trend_axis(at) == "Average monthly wage of employees (₪ per month, current prices)"
    assert _trend_table(at).loc[2013, "Rahat"] == pytest.approx(wages.loc[2013, "value"])


def test_the_price_switch_is_read_from_the_link_and_absent_for_other_units(open_app):
    at = open_app(PAGE, indicator="avg_monthly_wage", prices="current", lang="he")
    _clean(at)
    assert at.radio(key="w_prices").value == "current"
    assert "במחירים שוטפים" in _trend_axis(at)
    at = open_app(PAGE, indicator="own_income_share_pct", prices="constant", lang="en")
    _clean(at)
    assert not [r for r in at.radio if r.key == "w_prices"]


def _by_year(table: pd.DataFrame) -> pd.DataFrame:
    """The trend table as the page shows it (year as its first column, for the right-to-left grid), by year."""
    return table.set_index("year") if "year" in table.columns else table


def _trend_table(at) -> pd.DataFrame:
    """The trend's data table, opening its expander first (a closed one builds nothing), as a click would."""
    if len(at.dataframe) < 2:  # only the year's table so far
        at.session_state["explorer_trend_table"] = True
        at.run()
    return _by_year(at.dataframe[-1].value)


def test_the_trend_table_is_built_only_when_opened(open_app):
    at = open_app(PAGE, indicator="own_income_share_pct", compare="la-1161", lang="en")
    _clean(at)
    assert len(at.dataframe) == 1, "only the year's table until the trend table is opened"
    assert "Rahat" in _trend_table(at).columns and len(at.dataframe) == 2


def test_the_explorer_offers_a_pdf_and_a_slide_pack_in_the_chosen_language(open_app):
    """Both written only when clicked (deferred); labelled in Hebrew beside the CSV and Excel of the year."""
    at = open_app(PAGE, indicator="avg_monthly_wage", year="2019", compare="la-1161", lang="he")
    assert not at.exception, [e.value for e in at.exception]
    buttons = {b.key: b for b in at.get("download_button")}
    from indicators.downloads.town_profile_pdf import pdf_engine_available

    files = {"explorer_pdf", "explorer_pptx"} if pdf_engine_available() else {"explorer_pptx"}
    assert files <= set(buttons)
    assert buttons["explorer_pptx"].proto.label == "מצגת (\u200e.pptx)"
    if "explorer_pdf" in files:
        assert buttons["explorer_pdf"].proto.label == "קובץ PDF של התצוגה"
