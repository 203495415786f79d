"""The population-gaps page in AppTest: a shared link in each language, figures checked against data/published
read independently of the app's code, and a link with an unknown indicator."""
import pandas as pd
import pytest

from indicators.settings import PUBLISHED_DIR

PAGE = "pages/population_gaps.py"
OBSERVATIONS = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
AUTHORITIES = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet")
NEGEV = AUTHORITIES[AUTHORITIES["is_negev"]]


def negev_medians(indicator_id: str) -> tuple[int, float, float]:
    """(latest year both groups have figures, Arab median, Jews-and-others median) in the Negev."""
    rows = OBSERVATIONS[OBSERVATIONS["indicator_id"] == indicator_id].merge(
        NEGEV[["authority_id", "population_group"]], on="authority_id")
    by_year = rows.pivot_table(index="year", columns="population_group", values="value", aggfunc="median").dropna()
    year = int(by_year.index.max())
    return year, float(by_year.loc[year, "arab"]), float(by_year.loc[year, "jewish_others"])


def test_own_income_gap_in_the_negev_from_a_shared_link(open_app):
    at = open_app(PAGE, lang="en", indicator="own_income_share_pct", scope="negev")
    assert not at.exception, [e.value for e in at.exception]
    year, arab, jewish = negev_medians("own_income_share_pct")
    text = "\n".join(m.value for m in at.markdown)
    assert f"In **{year}** the median Arab authority stood at **{arab:,.1f}%**" in text
    assert f"**{jewish:,.1f}%**" in text and f"gap of **{abs(arab - jewish):,.1f} percentage points**" in text
    assert "Arab authorities are on the worse side" in text  # own income: higher is better
    assert len(at.get("plotly_chart")) == 3


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_page_runs_right_to_left_languages(open_app, lang):
    at = open_app(PAGE, lang=lang, indicator="avg_monthly_wage", scope="israel")
    assert not at.exception, [e.value for e in at.exception]
    assert at.dataframe, "the ranking table is shown"


def test_unknown_indicator_falls_back_with_a_note(open_app):
    at = open_app(PAGE, lang="en", indicator="no_such_indicator")
    assert not at.exception
    assert any("no_such_indicator" in w.value for w in at.warning)


def test_a_shekel_gap_over_the_years_is_in_2022_prices_until_switched(open_app):
    at = open_app(PAGE, lang="en", indicator="budget_income_per_capita", scope="negev")
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="w_prices").value == "constant"
    captions = "\n".join(c.value for c in at.caption)
    assert "in 2022 prices" in captions and "current prices of" in captions  # the dumbbell's one year
    at.radio(key="w_prices").set_value("current").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "in current prices, as published" in "\n".join(c.value for c in at.caption)


def test_the_gap_view_offers_every_take_away_file_in_the_chosen_language(open_app):
    """CSV and Excel of the towns' figures, of the gap year by year and of the ranking; PNG and SVG of each of the
    three charts (drawn on request); a PDF and a slide pack of the view."""
    at = open_app(PAGE, lang="he", indicator="own_income_share_pct", scope="negev")
    assert not at.exception, [e.value for e in at.exception]
    buttons = {b.key: b for b in at.get("download_button")}
    tables = {"gaps_csv", "gaps_table_csv", "gaps_ranking_csv"}
    from indicators.downloads.town_profile_pdf import pdf_engine_available

    files = {"gaps_pdf", "gaps_pptx"} if pdf_engine_available() else {"gaps_pptx"}
    assert tables | {f"{k}_xlsx" for k in tables} | files <= set(buttons)
    assert buttons["gaps_pptx"].proto.label == "מצגת (\u200e.pptx)"
    if "gaps_pdf" in files:
        assert buttons["gaps_pdf"].proto.label == "קובץ PDF של התצוגה"  # written only when clicked (deferred)
    images = {b.key for b in at.button}
    assert {f"gaps_{c}_image_prepare" for c in ("series", "gap", "towns")} <= images
