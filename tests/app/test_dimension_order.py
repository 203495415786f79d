"""Every page lists dimensions and indicators in the one order the read model publishes (economic, social,
environmental; then theme and id), read independently from data/published."""
import pandas as pd
import pytest

from indicators.settings import DIMENSIONS, PUBLISHED_DIR

INDICATORS = pd.read_parquet(PUBLISHED_DIR / "indicators.parquet")
BY_NAME = dict(zip(INDICATORS["name_en"], INDICATORS["indicator_id"], strict=True))
DISPLAY = INDICATORS.set_index("indicator_id")["display_order"]
DIMENSION_TITLES = ["Economic", "Social", "Environmental"]

# page script -> extra link parameters; each page has an indicator chooser bound to ?indicator=.
PAGES = {
    "pages/overview.py": {},
    "pages/town_profile.py": {"town": "la-1161"},
    "pages/indicator_explorer.py": {},
    "pages/compare.py": {"compare": "la-9000,la-1161"},
    "pages/population_gaps.py": {},
}


def chooser_ids(at) -> list[str]:
    """The indicator chooser's options as ids (labels may carry a "Dimension · " prefix)."""
    box = next(s for s in at.selectbox if s.key == "w_indicator")
    return [BY_NAME[label.split(" · ")[-1]] for label in box.options]


def test_published_order_groups_dimensions_in_the_kmm_order():
    ordered = INDICATORS.sort_values("display_order")
    assert ordered["dimension"].drop_duplicates().tolist() == list(DIMENSIONS)
    assert ordered["display_order"].tolist() == list(range(len(ordered)))
    assert (ordered["dimension_order"] == ordered["dimension"].map(DIMENSIONS.index)).all()


@pytest.mark.parametrize("page", PAGES)
def test_indicator_choosers_follow_the_display_order(open_app, page):
    at = open_app(page, lang="en", **PAGES[page])
    assert not at.exception, [e.value for e in at.exception]
    ids = chooser_ids(at)
    assert sorted(ids) == sorted(INDICATORS["indicator_id"])
    assert [DISPLAY[i] for i in ids] == sorted(DISPLAY[i] for i in ids)


@pytest.mark.parametrize("page", ["pages/town_profile.py", "pages/compare.py"])
def test_dimension_tabs_in_the_kmm_order(open_app, page):
    at = open_app(page, lang="en", **PAGES[page])
    labels = [tab.label for tab in at.tabs]
    assert [label for label in labels if label in DIMENSION_TITLES] == DIMENSION_TITLES


def test_profile_cards_follow_the_declared_then_the_display_order_within_each_dimension(open_app):
    at = open_app("pages/town_profile.py", lang="en", town="la-1161")
    at.toggle(key="town_all_economic").set_value(True).run()
    economic = next(tab for tab in at.tabs if tab.label == "Economic")
    names = [m.label for m in economic.metric if m.label in BY_NAME]  # not the percentile summary
    ids = [BY_NAME[n] for n in names]
    rows = INDICATORS[INDICATORS["dimension"] == "economic"]
    key = rows[rows["headline_rank"].notna()].sort_values("headline_rank")["indicator_id"].tolist()
    others = rows[rows["headline_rank"].isna()].sort_values("display_order")["indicator_id"].tolist()
    assert ids == key + others  # the key figures as the registry ranks them, then "all indicators"


def test_methods_catalogue_follows_the_display_order(open_app):
    at = open_app("pages/data_methods.py", lang="en")
    catalogue = next(d for d in at.dataframe if "indicator_id" in d.value.columns)
    assert catalogue.value["indicator_id"].tolist() == INDICATORS.sort_values("display_order")["indicator_id"].tolist()
