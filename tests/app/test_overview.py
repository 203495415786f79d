"""Overview: the Negev map and a plotly chart on real data, driven by the URL."""
import pandas as pd

from indicators.settings import PUBLISHED_DIR


def _value(authority_id, indicator_id, year):
    obs = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
    row = obs[(obs.authority_id == authority_id) & (obs.indicator_id == indicator_id) & (obs.year == year)]
    return row["value"].iloc[0]


def test_home_shows_map_chart_and_table(open_app):
    at = open_app(lang="he")
    assert not at.exception
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(at.get("plotly_chart")) >= 1
    table = at.dataframe[0].value
    assert len(table) == 33  # every Negev authority has a 2019 average wage


def test_link_reopens_indicator_and_year(open_app):
    at = open_app(lang="en", indicator="own_income_share_pct", year="2016")
    assert at.selectbox(key="w_indicator").value == "own_income_share_pct"
    assert at.selectbox(key="w_year").value == 2016
    table = at.dataframe[0].value.set_index("authority")
    assert table.loc["Be'er Sheva", "value"] == round(_value("la-9000", "own_income_share_pct", 2016), 3)
    assert at.query_params["indicator"] in ("own_income_share_pct", ["own_income_share_pct"])


def test_unknown_indicator_and_year_fall_back_with_notes(open_app):
    at = open_app(lang="ar", indicator="'; DROP TABLE observations;--", year="1900")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "DROP TABLE" in warnings and "1900" in warnings
    assert at.selectbox(key="w_indicator").value == "avg_monthly_wage"


def test_changing_the_indicator_updates_the_url(open_app):
    at = open_app(lang="he")
    at.selectbox(key="w_indicator").set_value("population").run()
    assert not at.exception
    assert at.query_params["indicator"] in ("population", ["population"])


def test_group_filter_keeps_only_that_group_and_stays_in_the_url(open_app):
    authorities = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet")
    arab = authorities[authorities.is_negev & (authorities.population_group == "arab")]
    at = open_app(lang="en", group="arab", colour_group="1")
    assert not at.exception
    assert at.selectbox(key="w_group").value == "arab"
    assert len(at.dataframe[0].value) == len(arab)  # the 2019 wage table lists only the Arab authorities
    assert at.toggle(key="w_colour_group").value is True
    legend = " ".join(m.value for m in at.markdown)
    assert "Arabs" in legend and "kmm-swatch" in legend
    at.selectbox(key="w_group").set_value("jewish_others").run()
    assert at.query_params["group"] in ("jewish_others", ["jewish_others"])
    assert len(at.dataframe[0].value) == 33 - len(arab)


def test_a_group_with_no_negev_authority_says_so(open_app):
    at = open_app(lang="he", group="mixed")
    assert not at.exception
    assert any("אינה בקבוצת" in i.value for i in at.info)
