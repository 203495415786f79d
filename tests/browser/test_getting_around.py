"""Getting around in a real browser: the home page's town search opens a profile, so does a click on the
map or the ranked chart, the chosen town stays chosen through the sidebar, and an address with no page
gets a note in the visitor's language instead of Streamlit's English "Page not found" dialog."""
import json
import math
import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from indicators.settings import PUBLISHED_DIR
from tests.browser.journeys import DECK, PLOTLY, open_view, wait_drawn, wait_idle
from tests.browser.streamlit_server import MAIN_CONTENT
from ui import maps

pytestmark = pytest.mark.browser
AUTHORITIES = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet").set_index("authority_id")
BOUNDARIES = pd.read_parquet(PUBLISHED_DIR / "boundaries.parquet")
SEARCH = {"he": "חיפוש רשות", "en": "Find a town"}
SIDEBAR = '[data-testid="stSidebarNav"]'


def expect_profile(page, lang: str) -> str:
    """Wait for a town profile and return its town id; its title is that town's name in `lang`."""
    expect(page).to_have_url(re.compile(r"/town_profile\?.*town=[a-z]{2}-\d+"), timeout=60_000)
    town = re.search(r"town=([a-z]{2}-\d+)", page.url).group(1)
    expect(page.locator(MAIN_CONTENT).first).to_have_text(AUTHORITIES.loc[town, f"name_{lang}"], timeout=60_000)
    return town


def search_box(page, lang: str):
    """The search field (drawn a moment after the script run: Streamlit loads its input lazily)."""
    box = page.get_by_label(SEARCH[lang])
    expect(box).to_be_visible(timeout=90_000)
    return box


def test_search_opens_a_profile(page, app_url):
    open_view(page, app_url, lang="he")
    box = search_box(page, "he")
    box.fill("Be'er Sheva")  # an English name typed in the Hebrew interface
    box.press("Enter")
    assert expect_profile(page, "he") == "la-9000"
    assert "lang=he" in page.url


def test_an_ambiguous_search_lists_profiles_to_choose(page, app_url):
    open_view(page, app_url, lang="en")
    box = search_box(page, "en")
    box.fill("ra")
    box.press("Enter")
    wait_idle(page)
    link = page.get_by_role("link", name="Rahat", exact=True)
    expect(link).to_be_visible(timeout=90_000)
    link.click()
    assert expect_profile(page, "en") == "la-1161"


def test_a_click_on_the_ranked_chart_opens_that_profile(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 2400})
    open_view(page, app_url, lang="en", indicator="avg_monthly_wage", year="2019")
    wait_drawn(page)
    bars = page.locator(f"{PLOTLY} .bars .point path")
    expect(bars).to_have_count(33)
    # Bars are drawn in data order, lowest first: the last is the highest wage (tests/app: Lehavim).
    box = bars.last.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert expect_profile(page, "en") == "la-1271"


def _world_xy(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web-Mercator pixels in deck.gl's world (512 px at zoom 0)."""
    scale = 512 * 2 ** zoom
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2
    return (lon + 180) / 360 * scale, y * scale


def home_map_point(canvas_box: dict, town: str) -> tuple[float, float]:
    """Where `town`'s label point (inside its polygon) is drawn on the home map's canvas: the view is the
    one ui/maps.choropleth fits to the 33 Negev authorities, centred in the canvas."""
    negev = AUTHORITIES.index[AUTHORITIES["is_negev"]]
    deck, _ = maps.choropleth(BOUNDARIES, pd.Series(1.0, index=negev), {a: a for a in negev}, {}, "en")
    view = json.loads(deck.to_json())["initialViewState"]
    centre = _world_xy(view["longitude"], view["latitude"], view["zoom"])
    label = BOUNDARIES.set_index("authority_id").loc[town]
    point = _world_xy(label["label_lon"], label["label_lat"], view["zoom"])
    return (canvas_box["x"] + canvas_box["width"] / 2 + point[0] - centre[0],
            canvas_box["y"] + canvas_box["height"] / 2 + point[1] - centre[1])


# A large regional council and a small city (its label drawn over it: labels are not picked).
@pytest.mark.parametrize(("town", "lang"), [("rc-48", "ar"), ("la-1161", "he")])
def test_a_click_on_the_map_opens_that_profile(page, app_url, town, lang):
    """deck.gl counts a press as a click only if its pick on pointerdown is quick: with the polygons'
    outlines picked too, no click on this map ever reached on_select (ui/maps.OUTLINES_NOT_PICKED)."""
    page.set_viewport_size({"width": 1400, "height": 1000})
    open_view(page, app_url, lang=lang)
    wait_drawn(page)
    deck = page.locator(DECK).first
    deck.evaluate("element => element.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    x, y = home_map_point(deck.locator("canvas").first.bounding_box(), town)
    page.mouse.move(x, y)  # the tooltip names the town under the pointer: the click is on THAT town
    expect(page.locator(".deck-tooltip")).to_contain_text(AUTHORITIES.loc[town, f"name_{lang}"])
    page.mouse.click(x, y)
    assert expect_profile(page, lang) == town
    assert f"lang={lang}" in page.url
    if lang == "he":  # back home through the sidebar: the click is not followed a second time
        page.locator(SIDEBAR).get_by_role("link", name="סקירה כללית").click(no_wait_after=True)
        expect(page).to_have_url(re.compile(r"/\?lang=he"), timeout=60_000)
        wait_drawn(page)
        page.wait_for_timeout(2_000)
        expect(page).to_have_url(re.compile(r"/\?lang=he"))


def test_the_town_stays_chosen_through_the_sidebar(page, app_url):
    open_view(page, app_url, "town_profile", lang="he", town="la-1161")
    expect(page.locator(MAIN_CONTENT).first).to_have_text("רהט")
    for title, path in (("חקר מדדים", "indicator_explorer"), ("רשויות דומות", "peer_groups"), ("השוואה", "compare")):
        # Streamlit switches pages inside the open session; the link's default navigation is cancelled.
        page.locator(SIDEBAR).get_by_role("link", name=title).click(no_wait_after=True)
        expect(page).to_have_url(re.compile(rf"/{path}\?.*lang=he"), timeout=60_000)
        wait_idle(page)
        expect(page.locator('[data-testid="stMain"]').get_by_text("רהט").first).to_be_visible(timeout=60_000)
        if path != "compare":  # the Compare page lists its towns in compare=, not town=
            expect(page).to_have_url(re.compile(r"town=la-1161"), timeout=30_000)
    page.locator(SIDEBAR).get_by_role("link", name="פרופיל רשות").click(no_wait_after=True)
    assert expect_profile(page, "he") == "la-1161"


def test_an_unknown_page_shows_a_note_in_the_visitors_language(page, app_url):
    open_view(page, app_url, lang="he")  # not the server's first request (that one Streamlit answers itself)
    open_view(page, app_url, "no_such_page", lang="he")
    note = page.locator('[data-testid="stAlert"]').filter(has_text="אין בלוח עמוד בכתובת")
    expect(note).to_contain_text("/no_such_page")
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.locator(MAIN_CONTENT).first).to_contain_text("כלכלה מקומית מקיימת בנגב")


@pytest.mark.parametrize("width", [1400, 390])
def test_home_screenshots_with_the_search(browser, app_url, artifacts_dir, width):
    """The search is on the first screen, also on a phone; full-page shots for the record."""
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500,
                                  has_touch=width < 500)
    page = context.new_page()
    try:
        open_view(page, app_url, lang="he")
        expect(search_box(page, "he")).to_be_in_viewport()
        page.screenshot(path=str(artifacts_dir / f"home-he-{width}-top.png"))
        wait_drawn(page)
        height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": width, "height": min(int(height) + 40, 16_000)})
        page.wait_for_timeout(800)
        page.screenshot(path=str(artifacts_dir / f"home-he-{width}.png"))
    finally:
        context.close()
