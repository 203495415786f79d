"""Compare page from a shared link in each language: direction, charts drawn, CSV with unit and source,
no serious accessibility violations in our content; screenshots (incl. a 380 px phone) for review."""
import csv
import io

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, blocking, record, summary
from tests.browser.journeys import expect_direction, open_view, wait_idle

pytestmark = pytest.mark.browser

LINK = {"compare": "la-9000,la-1161,rc-48", "indicator": "avg_monthly_wage"}
PLOTLY = '[data-testid="stPlotlyChart"] .js-plotly-plot'


@pytest.fixture(scope="module", autouse=True)
def _home_first(browser, app_url):
    """Open the home page once first: on a fresh server, Streamlit runs the very first request for a
    sub-path as an old-style pages/ script (without dashboard.py's language and RTL set-up)."""
    context = browser.new_context()
    open_view(context.new_page(), app_url, "", lang="he")
    context.close()


@pytest.mark.parametrize("lang, direction", [("he", "rtl"), ("en", "ltr"), ("ar", "rtl")])
def test_compare_from_a_shared_link(page, app_url, artifacts_dir, lang, direction):
    open_view(page, app_url, "compare", lang=lang, **LINK)
    expect_direction(page, direction)
    plots = page.locator(PLOTLY)
    expect(plots).to_have_count(3, timeout=30_000)  # percentile dots, dimension summary, trend
    for i in range(3):
        expect(plots.nth(i).locator(".main-svg").first).to_be_visible()
    # One marker symbol per authority in the dot plot's legend.
    expect(plots.nth(0).locator(".legend .traces")).to_have_count(3)

    with page.expect_download() as download:
        page.get_by_role("button", name={"he": "הורדת הנתונים", "en": "Download the data",
                                         "ar": "تنزيل البيانات"}[lang]).first.click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert {"unit", "source_publisher", "source_edition", "year", "value", "dimension"} <= set(header)
    assert {"la-9000", "la-1161", "rc-48"} <= {row["authority_id"] for row in csv.DictReader(io.StringIO(text))}

    violations = axe_violations(page)
    record(artifacts_dir, f"compare-{lang}", violations)
    # The whole page too (Streamlit's own chrome included), kept for review but not failed on.
    record(artifacts_dir, f"compare-{lang}-page", axe_violations(page, context=None))
    assert not blocking(violations), summary(violations)
    page.set_viewport_size({"width": 1280, "height": 4400})  # the main area scrolls: show all of it
    page.wait_for_timeout(1500)
    page.screenshot(path=str(artifacts_dir / f"compare-{lang}.png"), full_page=True)


def test_compare_on_a_phone(page, app_url, artifacts_dir):
    page.set_viewport_size({"width": 380, "height": 800})
    open_view(page, app_url, "compare", lang="he", **LINK)
    expect(page.locator(PLOTLY)).to_have_count(3, timeout=30_000)
    wait_idle(page)
    # Nothing wider than the screen except the scrollable data grids and charts' own canvases.
    overflow = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth")
    assert overflow <= 400
    page.screenshot(path=str(artifacts_dir / "compare-he-380.png"))
    page.set_viewport_size({"width": 380, "height": 6400})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(artifacts_dir / "compare-he-380-full.png"), full_page=True)


def test_a_group_preset_fills_the_comparison(page, app_url, artifacts_dir):
    """Choosing "Negev cities" in Hebrew puts all nine cities in the chooser, the link and the trend chart."""
    import re

    cities = 9  # the Negev's cities (authorities.kind == "city")
    open_view(page, app_url, "compare", lang="he", **LINK)
    chooser = page.locator('[data-testid="stSelectbox"]').filter(has_text="קבוצת יישובים")
    chooser.locator('[role="combobox"]').first.click()
    page.get_by_role("option", name=re.compile("ערי הנגב")).click()
    expect(page).to_have_url(re.compile(r"preset=negev_cities"))
    # One chip (with its remove button) per city in the chooser.
    chips = page.locator('[data-testid="stMultiSelect"]').get_by_role("button", name=re.compile(r"^Remove "))
    expect(chips).to_have_count(cities, timeout=30_000)
    wait_idle(page)
    plots = page.locator(PLOTLY)
    expect(plots).to_have_count(3, timeout=30_000)
    # The trend: one line per city, over the usual cap of six, plus the Negev and Israel medians.
    expect(plots.nth(2).locator(".legend .traces")).to_have_count(cities + 2)
    assert len(re.search(r"compare=([^&]+)", page.url).group(1).replace("%2C", ",").split(",")) == cities
    page.set_viewport_size({"width": 1280, "height": 4400})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(artifacts_dir / "compare-he-preset-negev-cities.png"), full_page=True)


GRID = '[data-testid="stDataFrame"]'
# Per grid on the page: its box, its scroll position, and the headers of the columns in view (the grid's
# accessible table lists only those, with their place among all columns).
_GRIDS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].map(g => {
  const r = g.getBoundingClientRect(), s = g.querySelector('.dvn-scroller'), t = g.querySelector('table');
  return {left: r.left, right: r.right, width: r.width,
          scrolled: s ? s.scrollLeft : 0, room: s ? s.scrollWidth - s.clientWidth : 0,
          columns: t ? Number(t.getAttribute('aria-colcount')) : 0,
          headers: [...g.querySelectorAll('th')].map(h => [Number(h.getAttribute('aria-colindex')), h.textContent])};
})"""


FIRST_AND_UNIT = {"he": ("מדד", "יחידה"), "en": ("Indicator", "Unit"), "ar": ("المؤشر", "الوحدة")}


def _side_by_side_table(page, app_url, artifacts_dir, lang: str, width: int) -> tuple[dict, list[dict]]:
    """The Compare page's side-by-side grid as drawn (and every grid in view), after a screenshot."""
    page.set_viewport_size({"width": width, "height": 900})
    open_view(page, app_url, "compare", lang=lang, **LINK)
    expect(page.locator(GRID).first).to_be_visible(timeout=30_000)
    wait_idle(page)
    page.locator(GRID).first.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # ui/rtl_grids.js looks for new grids every second
    page.screenshot(path=str(artifacts_dir / f"compare-{lang}-{width}-table.png"))
    # One grid in the page: the open dimension's (the other tabs and the closed data tables build none).
    expect(page.locator(GRID)).to_have_count(1)
    grids = page.evaluate(_GRIDS)
    assert grids and grids[0]["headers"], grids
    return grids[0], grids


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_the_whole_table_fits_at_1400px(page, app_url, artifacts_dir, lang):
    """With three towns the side-by-side table fits beside the sidebar in every language: nothing to
    scroll, the indicator and the unit columns both in view (the unit column used to be cut in English)."""
    table, _ = _side_by_side_table(page, app_url, artifacts_dir, lang, 1400)
    first, unit = FIRST_AND_UNIT[lang]
    assert table["room"] <= 0, table
    ends = [table["headers"][0], table["headers"][-1]]
    columns = table["columns"]
    assert ends == ([[1, unit], [columns, first]] if lang != "en" else [[1, first], [columns, unit]]), ends
    assert table["left"] >= 0 and table["right"] <= 1400, table


@pytest.mark.parametrize("width", [1400, 390])
def test_tables_read_right_to_left_in_hebrew(page, app_url, artifacts_dir, width):
    """The side-by-side table starts at the right: its first column (the indicator) is the grid's last,
    drawn at the right edge and in view; the grid scrolls from there; no grid is wider than the screen.
    The chips' "×" stands apart from the town's name."""
    table, grids = _side_by_side_table(page, app_url, artifacts_dir, "he", width)
    rightmost = max(table["headers"])
    assert rightmost == [table["columns"], "מדד"], table["headers"]
    assert table["scrolled"] >= table["room"] - 2, table  # scrolled to its right edge: nothing cut there
    if width >= 1400:  # three towns fit beside the sidebar: the unit column in view too, nothing to scroll
        assert table["room"] <= 0 and table["headers"][0] == [1, "יחידה"], table
    for grid in grids:
        assert grid["left"] >= 0 and grid["right"] <= width, grid

    chips = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMultiSelect"] [data-tag]')]
      .map(t => [t.querySelector('span[title]').getBoundingClientRect().left,
                 t.querySelector('button svg').getBoundingClientRect().right])""")
    assert chips and all(name - cross >= 4 for name, cross in chips), chips
