"""The balancing grant of the eight Negev authorities that showed "no data" for 2013–2020 and 0 for 2021–22
before the nil rule was fixed (issue 8): the town profile, the indicator explorer and the compare page show
the same figure, or the same "no data", for every year as the published observations."""
import math

import pandas as pd
import pytest

from indicators.settings import PUBLISHED_DIR

INDICATOR = "balancing_grant_per_capita"
# Eilat, Omer, Lehavim, Be'er Sheva, Yoav, Bnei Shimon, Ramat HaNegev, Hevel Eilot
EIGHT = ["la-2600", "la-666", "la-1271", "la-9000", "rc-35", "rc-41", "rc-48", "rc-53"]
OBSERVATIONS = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
AUTHORITIES = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet").set_index("authority_id")
INDICATORS = pd.read_parquet(PUBLISHED_DIR / "indicators.parquet").set_index("indicator_id")
NAME = INDICATORS.loc[INDICATOR, "name_en"]
PUBLISHED = (OBSERVATIONS[(OBSERVATIONS["indicator_id"] == INDICATOR) & OBSERVATIONS["authority_id"].isin(EIGHT)]
             .pivot(index="year", columns="authority_id", values="value"))
YEARS = [int(y) for y in PUBLISHED.index]


def shown(value) -> str:
    """A figure as every view writes it (no decimals), or "no data"."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value in ("", "None", "No data"):
        return "no data"
    return f"{float(str(value).replace(',', '')):,.0f}"


def expected(authority_id: str) -> dict[int, str]:
    return {y: shown(PUBLISHED.at[y, authority_id] if y in PUBLISHED.index else None) for y in YEARS}


def test_the_published_series_has_a_figure_in_every_year():
    """The nil rule: a non-recipient is 0 in every edition, not "no data" up to 2020."""
    assert YEARS == list(range(2013, 2023))
    assert PUBLISHED.notna().all().all()
    assert (PUBLISHED.loc[2021:2022] == 0).all().all()


def test_profile_explorer_and_compare_agree_year_by_year(open_app):
    views: dict[str, dict[str, dict[int, str]]] = {"profile": {}, "explorer": {}, "compare": {}}
    for town in EIGHT:  # the profile's table of every figure of the town, indicator × year
        at = open_app("pages/town_profile.py", lang="en", town=town)
        assert not at.exception, [e.value for e in at.exception]
        at.session_state["town_data_table"] = True  # the table is built once its expander is opened
        at.run()
        grid = next(df.value for df in at.dataframe if "Indicator" in df.value.columns and "2013" in df.value.columns)
        row = grid[grid["Indicator"] == NAME].iloc[0]
        views["profile"][town] = {y: shown(row.get(str(y))) for y in YEARS}
        # … and its card (not a key figure: behind "all indicators"), the latest year's figure.
        at.toggle(key=f"town_all_{INDICATORS.loc[INDICATOR, 'dimension']}").set_value(True).run()
        card = next(m.value for m in at.metric if m.label == NAME)
        assert shown(card) == expected(town)[YEARS[-1]], town
    for chunk in (EIGHT[:5], EIGHT[5:]):  # the explorer's trend table: hand-picked towns, current prices
        at = open_app("pages/indicator_explorer.py", lang="en", indicator=INDICATOR, prices="current",
                      compare=",".join(chunk))
        assert not at.exception, [e.value for e in at.exception]
        at.session_state["explorer_trend_table"] = True
        at.run()
        table = next(df.value for df in at.dataframe if "year" in df.value.columns).set_index("year")
        for town in chunk:
            column = table[AUTHORITIES.loc[town, "name_en"]]
            views["explorer"][town] = {y: shown(column.get(y)) for y in YEARS}
    for chunk in (EIGHT[:6], EIGHT[6:]):  # the compare page's trend table (tidy rows), current prices
        at = open_app("pages/compare.py", lang="en", indicator=INDICATOR, prices="current", compare=",".join(chunk))
        assert not at.exception, [e.value for e in at.exception]
        at.session_state["compare_trend_table"] = True
        at.run()
        tidy = next(df.value for df in at.dataframe if {"authority", "year", "value"} <= set(df.value.columns))
        for town in chunk:
            rows = tidy[tidy["authority"] == AUTHORITIES.loc[town, "name_en"]].set_index("year")["value"]
            views["compare"][town] = {y: shown(rows.get(y)) for y in YEARS}
    for town in EIGHT:
        want = expected(town)
        for view, by_town in views.items():
            assert by_town[town] == want, (view, town)


@pytest.mark.parametrize("year", [2016, 2021])
def test_the_explorer_ranking_table_lists_all_eight_with_their_figure(open_app, year):
    at = open_app("pages/indicator_explorer.py", lang="en", indicator=INDICATOR, year=str(year))
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[0].value.set_index("authority")
    for town in EIGHT:
        assert shown(table.at[AUTHORITIES.loc[town, "name_en"], "value"]) == expected(town)[year]
