"""A visitor on a 390 px phone: the first screen asks the question once and offers the town search, the
language switch is in view without opening the sidebar (and keeps the page and its town), and no
heading, metric, button or link text is cut off on the home, profile and compare pages."""
import re

import pytest
from playwright.sync_api import expect

from indicators.settings import LANGUAGES
from tests.browser.journeys import open_view, wait_drawn
from tests.browser.streamlit_server import MAIN_CONTENT
from ui.compressed_static import MIN_BYTES
from ui.i18n import translate

pytestmark = pytest.mark.browser
WIDTH = 390
TOP_SWITCH = ".st-key-ui_lang_top"
# Elements whose text should never be cut: scrollWidth > clientWidth means content beyond the box.
_CLIPPED = """() => [...document.querySelectorAll(`[data-testid="stMain"] :is(h1, h2, h3, h4, h5, h6, button,
    [data-testid="stMetricLabel"], [data-testid="stMetricValue"], [data-testid="stMetricDelta"],
    [data-testid="stPageLink"] a, [role="tab"], label, .kmm-card)`)]
  .filter(e => e.clientWidth > 0)
  .map(e => ({text: e.innerText.slice(0, 60), scroll: e.scrollWidth, client: e.clientWidth}))"""
VIEWS = {"home": ("", {}), "town_profile": ("town_profile", {"town": "la-1161"}),
         "compare": ("compare", {"compare": "la-9000,la-1161,rc-48"})}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_screen_asks_once_and_offers_the_search(phone, app_url, artifacts_dir, lang):
    open_view(phone, app_url, lang=lang)
    main = phone.locator('[data-testid="stMain"]')
    question = translate(lang, "overview.kmm_heading")
    text = phone.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').innerText")
    assert text.count(question) == 1, "the question is shown more than once"
    expect(phone.locator(MAIN_CONTENT).first).to_be_in_viewport()
    expect(main.get_by_role("heading", name=question)).to_be_in_viewport()
    expect(phone.get_by_label(translate(lang, "town_links.search_label"))).to_be_in_viewport(timeout=90_000)
    # The language switch without opening the sidebar (which a phone shows collapsed).
    expect(phone.locator('[data-testid="stSidebar"]')).to_have_attribute("data-collapsed", "true")
    switch = phone.locator(TOP_SWITCH)
    for name in ("עברית", "English", "العربية"):
        expect(switch.get_by_text(name, exact=True)).to_be_in_viewport()
    phone.screenshot(path=str(artifacts_dir / f"home-{lang}-{WIDTH}-first-screen.png"), timeout=90_000)


def test_the_top_switch_keeps_the_page_and_the_town(phone, app_url):
    open_view(phone, app_url, "town_profile", lang="he", town="la-1161")
    expect(phone.locator(MAIN_CONTENT).first).to_have_text("רהט")
    phone.locator(TOP_SWITCH).get_by_text("العربية", exact=True).click(no_wait_after=True)
    expect(phone.locator(MAIN_CONTENT).first).to_have_text("رهط", timeout=60_000)
    expect(phone).to_have_url(re.compile(r"/town_profile\?(?=.*lang=ar)(?=.*town=la-1161)"))
    expect(phone.locator('[data-testid="stMain"]')).to_have_css("direction", "rtl")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("view", VIEWS)
def test_no_text_is_cut_at_390px(phone, app_url, artifacts_dir, view, lang):
    path, params = VIEWS[view]
    open_view(phone, app_url, path, lang=lang, **params)
    wait_drawn(phone)
    boxes = phone.evaluate(_CLIPPED)
    assert len(boxes) > 5, boxes  # the check found the page's headings, buttons and labels
    clipped = [b for b in boxes if b["scroll"] > b["client"] + 1]
    assert not clipped, clipped


def test_the_home_page_s_code_arrives_compressed(phone, app_url):
    # A phone link is slow where loopback is not: Streamlit sends its JavaScript uncompressed (13 MB for a
    # new visitor's home page); the copies ui/compressed_static.py makes (`make run`) cut that to ≈ 4 MB.
    finished = []
    phone.on("requestfinished", lambda request: finished.append(request))
    open_view(phone, app_url, lang="he")
    wait_drawn(phone)
    code = [r for r in finished if r.url.split("?")[0].endswith((".js", ".css")) and "/static/" in r.url]
    compressed = [r for r in code if (r.response().headers.get("content-encoding") == "gzip")]
    assert any("PlotlyChart" in r.url for r in compressed) and any("DeckGlJsonChart" in r.url for r in compressed)
    sent_whole = [r.url for r in code if r not in compressed and r.sizes()["responseBodySize"] >= MIN_BYTES]
    assert not sent_whole  # only files too small to gain go uncompressed
    assert sum(r.sizes()["responseBodySize"] for r in code) < 5e6
