"""The town profile page in AppTest: shared links in each language, fallbacks, missing data, and figures
checked against data/published read independently of the app's own code."""
import pandas as pd
import pytest

from indicators import comparison
from indicators.settings import DIMENSIONS, PUBLISHED_DIR

PAGE = "pages/town_profile.py"
OBSERVATIONS = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
GAPS = pd.read_parquet(PUBLISHED_DIR / "gaps.parquet")
AUTHORITIES = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet").set_index("authority_id")
INDICATORS = pd.read_parquet(PUBLISHED_DIR / "indicators.parquet").set_index("indicator_id")
NEGEV = AUTHORITIES.index[AUTHORITIES["is_negev"]].tolist()
HEADLINE_COUNT = int(INDICATORS["headline_rank"].notna().sum())
KEY_COUNT = INDICATORS.groupby("dimension")["headline_rank"].count().to_dict()  # key figures per dimension
TABS = "town_dimension"  # the dimension tabs' key: only the open tab is built


def clean(text: str) -> str:
    """Drop the bidi isolates that keep numbers left-to-right in Hebrew and Arabic; no-break spaces to spaces."""
    return text.replace("\u2066", "").replace("\u2069", "").replace("\u00a0", " ")


def latest(authority_id: str, indicator_id: str) -> tuple[float, int]:
    rows = OBSERVATIONS[(OBSERVATIONS["authority_id"] == authority_id)
                        & (OBSERVATIONS["indicator_id"] == indicator_id)].sort_values("year")
    return float(rows["value"].iloc[-1]), int(rows["year"].iloc[-1])


def open_dimension(open_tab, at, dimension: str):
    """Open a dimension's tab as a click does (its label is in the page's language)."""
    return open_tab(at, TABS, at.tabs[DIMENSIONS.index(dimension)].label)


def metrics(at) -> dict[str, str]:
    return {m.label: clean(m.value) for m in at.metric}


def texts(at) -> str:
    return clean("\n".join([c.value for c in at.caption] + [m.value for m in at.markdown]))


def test_rahat_in_arabic_from_a_shared_link(open_app):
    at = open_app(PAGE, lang="ar", town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == AUTHORITIES.loc["la-1161", "name_ar"] == "رهط"
    value, year = latest("la-1161", "own_income_share_pct")
    assert metrics(at)[INDICATORS.loc["own_income_share_pct", "name_ar"]] == f"{value:,.1f}%"
    wage, wage_year = latest("la-1161", "avg_monthly_wage")
    assert metrics(at)[INDICATORS.loc["avg_monthly_wage", "name_ar"]] == f"{wage:,.0f}"
    assert f"الوسيطات {wage_year}" in texts(at)
    # Only the open tab's key figures are drawn (and its percentile summary); the rest wait for a toggle.
    assert len(at.tabs) == 3 and len(at.metric) == KEY_COUNT["economic"] + 1


def test_justice_lens_shows_its_summary_and_builds_the_strips_on_demand(open_app):
    at = open_app(PAGE, lang="en", town="la-1161")
    summaries = [m.value for m in at.markdown if "on the better side of the Negev median" in m.value]
    assert len(summaries) == 2  # one per group of the lens, shown without asking
    def justice_charts() -> list:
        return [c for c in at.get("plotly_chart") if "justice" in c.proto.id]  # the strips' keys

    assert not justice_charts()
    at.toggle(key="town_justice_details").set_value(True).run()
    assert len(justice_charts()) == 2


def test_justice_reading_matches_the_published_figures(open_app):
    at = open_app(PAGE, lang="en", town="la-1161")
    at.toggle(key="town_justice_details").set_value(True).run()
    value, year = latest("la-1161", "own_income_share_pct")
    same_year = OBSERVATIONS[(OBSERVATIONS["indicator_id"] == "own_income_share_pct") & (OBSERVATIONS["year"] == year)
                             & OBSERVATIONS["authority_id"].isin(NEGEV) & (OBSERVATIONS["authority_id"] != "la-1161")]
    higher, others = int((same_year["value"] > value).sum()), len(same_year)
    assert higher > others / 2  # Rahat's own income share is low among the Negev's authorities
    expected = (f"Its own income covers {value:,.1f}% of its regular budget ({year}) — "
                f"lower than {higher} of the {others} other Negev authorities with data.")
    assert expected in texts(at)


def test_unknown_town_falls_back_to_beer_sheva_with_a_warning(open_app):
    at = open_app(PAGE, lang="en", town="nonsense")
    assert not at.exception
    assert at.title[0].value == "Be'er Sheva"
    assert any("nonsense" in w.value for w in at.warning)
    assert at.query_params["town"] in ("la-9000", ["la-9000"])


def test_missing_figure_says_no_data_and_why(open_app, open_tab):
    at = open_app(PAGE, lang="en", town="rc-48")  # Ramat HaNegev: CBS leaves its water cells blank
    assert not at.exception
    open_dimension(open_tab, at, "environmental")
    at.toggle(key="town_all_environmental").set_value(True).run()  # water is not a key figure
    assert not at.exception
    assert metrics(at)[INDICATORS.loc["household_water_m3_per_capita", "name_en"]] == "No data"
    gap_year = GAPS[(GAPS["authority_id"] == "rc-48")
                    & (GAPS["indicator_id"] == "household_water_m3_per_capita")]["year"].max()
    assert f"the cell is blank in the CBS file ({gap_year})" in texts(at)


def test_trend_for_an_indicator_without_figures_explains_why(open_app):
    at = open_app(PAGE, lang="he", town="rc-48")
    at.query_params["indicator"] = "household_water_m3_per_capita"
    at.run()
    assert not at.exception
    assert any("התא ריק בקובץ הלמ\"ס" in i.value for i in at.info)


def test_unknown_indicator_falls_back_with_a_warning(open_app):
    at = open_app(PAGE, lang="en", town="la-1161")
    at.query_params["indicator"] = "zzz"  # set on this page (open_app would let the overview fix it first)
    at.run()
    assert not at.exception
    assert any("zzz" in w.value for w in at.warning)
    assert at.selectbox(key="w_indicator").value == "avg_monthly_wage"


@pytest.mark.parametrize("lang", ["he", "en"])
def test_hebrew_and_english_run_clean(open_app, lang):
    at = open_app(PAGE, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.warning
    assert at.title[0].value == AUTHORITIES.loc["la-9000", f"name_{lang}"]
    population, year = latest("la-9000", "population")
    assert f"{population:,.0f} ({year})" in texts(at)
    # Sparklines are small SVG images (ui/charts.sparkline_svg); the trend chart is plotly (the justice
    # strips wait for their toggle). Only the open (economic) tab is built: at most one sparkline per key figure.
    assert 1 <= len(at.get("image")) <= KEY_COUNT["economic"] and len(at.get("plotly_chart")) == 1
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(at.get("download_button")) == 4  # CSV, Excel, PDF profile, slide pack


def test_choosing_another_town_updates_the_link(open_app):
    at = open_app(PAGE, lang="en", town="la-1161")
    at.selectbox(key="w_town").set_value("rc-48").run()
    assert not at.exception
    assert at.title[0].value == AUTHORITIES.loc["rc-48", "name_en"]
    assert at.query_params["town"] in ("rc-48", ["rc-48"])


def test_peer_group_lists_ten_authorities(open_app):
    at = open_app(PAGE, lang="en", town="la-1161")
    listed = [m.value for m in at.expander[0].markdown if m.value.startswith("- ")]
    assert len(listed) == 1 and listed[0].count("\n- ") == 9


def test_authority_outside_the_negev_without_a_boundary(open_app):
    at = open_app(PAGE, lang="en", town="la-3780")  # Betar Illit: Judea and Samaria, no boundary in the files
    assert not at.exception
    assert any("no boundary" in i.value for i in at.info)
    assert "authorities of the Judea and Samaria Area with data (1 = best)" in texts(at)  # ranked in its district


def test_headline_figures_carry_their_distance_to_the_jewish_others_and_israel_medians(open_app, open_tab):
    at = open_app(PAGE, lang="en", town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    value, year = latest("la-1161", "own_income_share_pct")
    in_year = OBSERVATIONS[(OBSERVATIONS["indicator_id"] == "own_income_share_pct") & (OBSERVATIONS["year"] == year)]
    reference = AUTHORITIES.index[AUTHORITIES["is_negev"] & (AUTHORITIES["population_group"] == "jewish_others")]
    median = in_year[in_year["authority_id"].isin(reference)]["value"].median()
    israel = in_year["value"].median()
    assert value < median and value < israel  # Rahat's own income share is below both
    text = texts(at)
    assert (f"{median - value:,.1f} pp below the median of the Negev's Jews-and-others authorities "
            f"({median:,.1f}%), on the worse side") in text
    assert f"{israel - value:,.1f} pp below Israel's median ({israel:,.1f}%), on the worse side" in text
    for dimension in DIMENSIONS:  # one line per headline figure, not on the others
        open_dimension(open_tab, at, dimension)
        assert texts(at).count("Israel's median") == KEY_COUNT[dimension], dimension


def test_distance_lines_say_no_data_when_the_town_has_no_figure(open_app, open_tab):
    at = open_app(PAGE, lang="he", town="la-4501")  # Ghajar: no road-accident figure in any year
    assert not at.exception, [e.value for e in at.exception]
    assert INDICATORS.loc["road_accidents_per_1000", "dimension"] == "environmental"
    open_dimension(open_tab, at, "environmental")
    assert OBSERVATIONS[(OBSERVATIONS["authority_id"] == "la-4501")
                        & (OBSERVATIONS["indicator_id"] == "road_accidents_per_1000")]["value"].dropna().empty
    text = texts(at)
    assert text.count("מול חציון ישראל: אין נתונים") == 1
    assert text.count("מול חציון רשויות היהודים והאחרים בנגב: אין נתונים") == 1
def _trend_spec(at) -> dict:
    import json

    return next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                if "Over the years" in str(c.proto.spec) or "and benchmarks" in str(c.proto.spec))


def _array(values) -> list:
    """A plotly array as sent to the browser: a list, or typed binary data ({"dtype", "bdata"})."""
    import base64

    import numpy as np

    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def _line(spec: dict, name: str) -> dict[int, float]:
    trace = next(trace for trace in spec["data"] if trace["name"] == name)
    return dict(zip((int(x) for x in _array(trace["x"])), _array(trace["y"]), strict=True))


def test_the_wage_trend_is_in_2022_prices_until_switched_to_current(open_app):
    at = open_app(PAGE, lang="en", town="la-1161", indicator="avg_monthly_wage")
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="w_prices").value == "constant"
    spec = _trend_spec(at)
    assert spec["layout"]["yaxis"]["title"]["text"].endswith("(₪ per month, 2022 prices)")
    wages = OBSERVATIONS.query("authority_id == 'la-1161' and indicator_id == 'avg_monthly_wage'").set_index("year")
    by_year = _line(spec, "Rahat")
    assert by_year[2013] == pytest.approx(wages.loc[2013, "value"] * 1.066104, rel=1e-5)
    assert "small charts of shekel figures are in 2022 prices" in texts(at)

    at.radio(key="w_prices").set_value("current").run()
    assert not at.exception
    spec = _trend_spec(at)
    assert spec["layout"]["yaxis"]["title"]["text"].endswith("(₪ per month, current prices)")
    assert _line(spec, "Rahat")[2013] == pytest.approx(wages.loc[2013, "value"])


def _popover_texts(at) -> str:
    return clean("\n".join(m.value for m in at.markdown))


def test_hebrew_source_line_and_provenance_have_no_english_publisher(open_app):
    at = open_app(PAGE, lang="he", town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    source_lines = [c.value for c in at.caption if c.value.startswith("מקור:")]
    assert source_lines, [c.value for c in at.caption][-5:]
    for line in source_lines:
        assert "הלשכה המרכזית לסטטיסטיקה" in line
        assert "Central Bureau" not in line and "CBS" not in line
    text = _popover_texts(at)
    assert "הלשכה המרכזית לסטטיסטיקה" in text and "Central Bureau" not in text


def test_transcription_mark_on_a_2022_figure(open_app):
    at = open_app(PAGE, lang="en", town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    rahat = OBSERVATIONS[OBSERVATIONS["authority_id"] == "la-1161"]
    latest_years = rahat.sort_values("year").groupby("indicator_id").tail(1)
    assert (latest_years["source_id"] == "cbs_la_2022_transcribed").any()  # some card shows a 2022 figure
    text = _popover_texts(at)
    assert "✱ Not a CBS original file: the 2022 edition as transcribed by a third party" in text
    assert "Read from CBS's own file." in text  # and the originals say so
    assert "The figure describes 2022" in text


def test_transcription_mark_is_on_the_card_itself_in_hebrew(open_app):
    """The ✱ is in the popover's label, seen without opening it; CBS originals carry none."""
    at = open_app(PAGE, lang="he", town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    labels = [p.proto.popover.label for p in at.get("popover")]
    assert "מקור ✱ תעתיק של מהדורת 2022" in labels
    assert "מקור" in labels  # a figure read from a CBS original file
    assert not any("transcri" in label or "Source" in label for label in labels)
def negev_medians(indicator_id: str) -> pd.Series:
    rows = OBSERVATIONS[(OBSERVATIONS["indicator_id"] == indicator_id) & OBSERVATIONS["authority_id"].isin(NEGEV)]
    return rows.dropna(subset=["value"]).groupby("year")["value"].median()


def test_each_tab_opens_with_its_key_figures_percentile_and_sentences(open_app, open_tab):
    at = open_app(PAGE, lang="en", town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    declared = INDICATORS[INDICATORS["headline_rank"].notna()].sort_values("headline_rank")
    summary = comparison.dimension_summary(comparison.percentile_matrix(OBSERVATIONS, INDICATORS.reset_index()),
                                           ["la-1161"]).set_index("dimension")
    for dimension in DIMENSIONS:
        tab = open_dimension(open_tab, at, dimension).tabs[DIMENSIONS.index(dimension)]
        labels = [m.label for m in tab.metric]
        names = declared.loc[declared["dimension"] == dimension, "name_en"].tolist()
        assert 3 <= len(names) <= 5 and labels == ["Median percentile in Israel", *names]
        assert tab.metric[0].value == f"{summary.at[dimension, 'percentile']:.0f}"
        readings = [m.value for m in tab.markdown if "the Negev median" in m.value]
        assert len(readings) == len(names)
    # Rahat's own-income share, read straight from the published tables: below the Negev median.
    own = OBSERVATIONS.query("authority_id == 'la-1161' and indicator_id == 'own_income_share_pct'").dropna(
        subset=["value"]).set_index("year")["value"].sort_index()
    medians = negev_medians("own_income_share_pct")
    first = next(y for y in own.index if y in medians.index)
    last = own.index[-1]
    gap_now, gap_then = medians[last] - own[last], medians[first] - own[first]
    assert gap_now > 0 and round(gap_now, 1) != round(gap_then, 1)
    moved = "widened" if round(gap_now, 1) > round(gap_then, 1) else "narrowed"
    expected = (f"Below the Negev median ({medians[last]:,.1f}%), the worse side, and the gap has {moved} "
                f"since {first}.")
    assert expected in texts(open_dimension(open_tab, at, "economic"))


def test_a_neutral_key_figure_says_above_or_below_without_better_or_worse(open_app, open_tab):
    at = open_dimension(open_tab, open_app(PAGE, lang="en", town="la-1161"), "environmental")
    name = INDICATORS.loc["waste_kg_per_capita_day", "name_en"]
    assert INDICATORS.loc["waste_kg_per_capita_day", "direction"] == "neutral"
    tab = at.tabs[DIMENSIONS.index("environmental")]
    position = [m.label for m in tab.metric].index(name) - 1  # after the percentile summary
    reading = [m.value for m in tab.markdown if "the Negev median" in m.value][position]
    assert reading.startswith(("Above the Negev median", "Below the Negev median", "Level with"))
    assert "better" not in reading and "worse" not in reading


@pytest.mark.parametrize("lang, words", [("he", "חציון הנגב"), ("ar", "وسيط النقب")])
def test_the_sentences_are_in_the_visitors_language(open_app, open_tab, lang, words):
    at = open_app(PAGE, lang=lang, town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    for dimension in DIMENSIONS:
        tab = open_dimension(open_tab, at, dimension).tabs[DIMENSIONS.index(dimension)]
        assert sum(words in m.value for m in tab.markdown) == KEY_COUNT[dimension], dimension
        assert "Negev median" not in texts(at)


def test_the_other_indicators_are_drawn_only_when_asked_for(open_app, open_tab):
    at = open_dimension(open_tab, open_app(PAGE, lang="en", town="la-1161"), "environmental")
    water = INDICATORS.loc["household_water_m3_per_capita", "name_en"]
    assert water not in metrics(at)
    images = len(at.get("image"))
    toggle = at.toggle(key="town_all_environmental")
    others = (INDICATORS["dimension"] == "environmental").sum() - INDICATORS.loc[
        INDICATORS["dimension"] == "environmental", "headline_rank"].notna().sum()
    assert f"({others} more)" in toggle.label
    toggle.set_value(True).run()
    assert not at.exception
    tab = at.tabs[DIMENSIONS.index("environmental")]
    assert water in [m.label for m in tab.metric] and len(tab.metric) == 1 + len(
        INDICATORS[INDICATORS["dimension"] == "environmental"])
    assert len(at.get("image")) > images
    economic = open_dimension(open_tab, at, "economic").tabs[0]
    assert len(economic.metric) == 1 + KEY_COUNT["economic"]  # its others stay closed


def test_a_closed_dimension_builds_nothing(open_app, open_tab):
    """Only the open tab's cards are built and sent; the link's ?dim= opens a dimension, and the printing
    switch still lays out all three key-figure blocks."""
    at = open_app(PAGE, lang="en", town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["dim"] in ("economic", ["economic"])
    economic, social, environmental = at.tabs
    assert len(economic.metric) == len(at.metric) == KEY_COUNT["economic"] + 1
    assert not social.children and not environmental.children  # not one element of a closed tab
    assert {t.key for t in at.toggle} >= {"town_all_economic"}
    assert not {t.key for t in at.toggle} & {"town_all_social", "town_all_environmental"}
    assert len(at.get("image")) <= KEY_COUNT["economic"]  # the sparklines of the open tab's key figures only

    open_dimension(open_tab, at, "social")
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["dim"] in ("social", ["social"])  # the link now reopens this tab
    assert not at.tabs[0].children and not at.tabs[2].children
    assert len(at.tabs[1].metric) == len(at.metric) == KEY_COUNT["social"] + 1
    assert "town_all_social" in {t.key for t in at.toggle} and "town_all_economic" not in {t.key for t in at.toggle}

    # A shared link with the dimension opens it, in any language (the code, not the label, is in the link).
    linked = open_app(PAGE, lang="ar", town="la-1161", dim="environmental")
    assert not linked.exception, [e.value for e in linked.exception]
    assert len(linked.tabs[2].metric) == len(linked.metric) == KEY_COUNT["environmental"] + 1
    assert not linked.tabs[0].children and not linked.tabs[1].children

    # For printing, the switch lays out every dimension's key-figure block, as before.
    at.toggle(key="town_all_dimensions").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.metric) == HEADLINE_COUNT + 3


def test_an_unknown_dimension_in_the_link_opens_the_first_with_a_note(open_app):
    at = open_app(PAGE, lang="en", town="la-1161", dim="cosmic")
    assert not at.exception, [e.value for e in at.exception]
    assert any("cosmic" in w.value for w in at.warning)
    assert len(at.tabs[0].metric) == len(at.metric) == KEY_COUNT["economic"] + 1
    assert at.query_params["dim"] in ("economic", ["economic"])


def _change_line(at, indicator_id: str) -> str:
    """The "↑ since <year>" line of a card: the first coloured markdown after its name that says "since"
    (the key figure's sentence above it may say "since" too)."""
    values = [clean(m.value) for m in at.markdown]
    start = values.index(f"**{INDICATORS.loc[indicator_id, 'name_en']}**")
    return next(v for v in values[start:] if v.startswith(":") and " since " in v)


def test_the_wage_cards_change_follows_the_price_basis(open_app):
    """Rahat's wage rose 32 ₪ from 2018 to 2019 in shekels but less than prices: in 2022 prices it fell."""
    wages = OBSERVATIONS.query("authority_id == 'la-1161' and indicator_id == 'avg_monthly_wage'").set_index("year")
    factor = pd.read_parquet(PUBLISHED_DIR / "price_index.parquet").set_index("year")["factor"]
    nominal = wages.loc[2019, "value"] - wages.loc[2018, "value"]
    real = wages.loc[2019, "value"] * factor[2019] - wages.loc[2018, "value"] * factor[2018]
    assert nominal > 0 > real
    at = open_app(PAGE, lang="en", town="la-1161")
    assert not at.exception, [e.value for e in at.exception]
    line = _change_line(at, "avg_monthly_wage")
    assert f"↓ down {abs(real):,.0f} in 2022 prices since 2018, a deterioration" in line
    at.radio(key="w_prices").set_value("current").run()
    line = _change_line(at, "avg_monthly_wage")
    assert f"↑ up {nominal:,.0f} in current prices since 2018, an improvement" in line
    # A percentage says nothing about prices.
    assert "prices" not in _change_line(at, "own_income_share_pct")
