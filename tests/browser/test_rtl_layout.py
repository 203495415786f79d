"""Right-to-left and touch layout measured in the page: a data grid's toolbar never covers text on a touch
screen (hidden on read-only grids; an editor's kept in room of its own), a Hebrew or Arabic table at 390 px
opens at its right edge with its first column there, the leaky bucket's table fits at 1400 px in Arabic,
Streamlit's English uploader words are not shown in Hebrew and Arabic, and a slider's end labels follow its
left-to-right track."""
import pytest
from playwright.sync_api import expect

from tests.browser.journeys import open_view, wait_drawn
from ui.i18n import translate

pytestmark = pytest.mark.browser
GRID = '[data-testid="stDataFrame"]'
TOOLBAR = '[data-testid="stElementToolbar"]'
# Each visible grid: where it stands in the window, how far it is scrolled, and its column headers (the
# grid's accessible table lists the columns in view, left to right).
GRIDS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(g => g.offsetWidth > 0)
  .map(g => { const r = g.getBoundingClientRect(), s = g.querySelector('.dvn-scroller');
    return {left: r.left, right: r.right, window: document.documentElement.clientWidth, scrollLeft: s.scrollLeft,
            scrollWidth: s.scrollWidth, clientWidth: s.clientWidth,
            headers: [...g.querySelectorAll('[role="columnheader"]')].map(h => h.innerText.trim())}; })"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def _tap(page, locator):
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + 40)
    page.wait_for_timeout(500)


def test_read_only_grid_toolbar_is_hidden_on_touch(phone, app_url, artifacts_dir):
    open_view(phone, app_url, "leaky_bucket", lang="ar", town="la-1161")
    wait_drawn(phone)  # grids arrive after their skeleton
    grid = phone.locator(GRID).first
    expect(grid).to_be_visible()
    _tap(phone, grid)
    expect(grid.locator(TOOLBAR)).to_be_hidden()
    phone.screenshot(path=str(artifacts_dir / "rtl-grid-toolbar-touch-ar-390.png"))


def test_editor_toolbar_stays_usable_and_covers_nothing_on_touch(phone, app_url):
    open_view(phone, app_url, "local_spend", lang="he")
    wait_drawn(phone)  # grids arrive after their skeleton
    editor = phone.locator(GRID).first
    _tap(phone, editor)
    toolbar = editor.locator(TOOLBAR)
    expect(toolbar.get_by_role("button", name="Add row")).to_be_visible()
    # The toolbar sits in the room above the grid, below whatever is drawn before the grid.
    room = phone.evaluate("""(grid) => {
        const top = grid.getBoundingClientRect().top;
        const above = [...document.querySelectorAll('[data-testid="stMain"] :is(p, button, [role="tab"])')]
            .filter(e => !grid.contains(e)).map(e => e.getBoundingClientRect())
            .filter(r => r.height > 0 && r.bottom <= top + 1);
        const bar = grid.querySelector('[data-testid="stElementToolbarButtonContainer"]').getBoundingClientRect();
        return {textBottom: Math.max(...above.map(r => r.bottom)), barTop: bar.top, barBottom: bar.bottom, top};
    }""", editor.element_handle())
    assert room["barTop"] >= room["textBottom"] - 1 and room["barBottom"] <= room["top"] + 1, room


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_rtl_table_at_390px_opens_at_its_first_column_on_the_right(phone, app_url, artifacts_dir, lang):
    open_view(phone, app_url, "compare", lang=lang, compare="la-9000,la-1161,rc-48")
    wait_drawn(phone)  # grids arrive after their skeleton
    grid = phone.locator(GRID).first
    expect(grid).to_be_visible()
    grid.scroll_into_view_if_needed()
    phone.wait_for_timeout(1500)  # ui/rtl_grids.js scrolls new grids once a frame, and every second
    table = phone.evaluate(GRIDS)[0]
    assert table["left"] >= 0 and table["right"] <= table["window"], table  # nothing beyond the screen
    assert table["scrollWidth"] > table["clientWidth"], table  # wider than the phone: scrolled, not squeezed
    assert table["scrollLeft"] + table["clientWidth"] >= table["scrollWidth"] - 1, table  # at the right edge
    assert table["headers"][-1] == translate(lang, "common.indicator"), table  # the first column, rightmost
    phone.screenshot(path=str(artifacts_dir / f"rtl-compare-table-{lang}-390.png"))


def test_leaky_bucket_table_fits_at_1400px_in_arabic(browser, app_url, artifacts_dir):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        open_view(page, app_url, "leaky_bucket", lang="ar", town="la-1161")
        wait_drawn(page)  # grids arrive after their skeleton
        expect(page.locator(GRID).first).to_be_visible()
        page.wait_for_timeout(1000)
        table = page.evaluate(GRIDS)[0]
        assert table["scrollWidth"] <= table["clientWidth"] + 1, table  # every column in view, none cut
        assert len(table["headers"]) == 5, table
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_uploader_shows_no_english_in_rtl(browser, app_url, artifacts_dir, lang):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        open_view(page, app_url, "local_spend", lang=lang)
        wait_drawn(page)  # grids arrive after their skeleton
        page.get_by_role("tab", name=translate(lang, "local_spend.tab_upload")).click()
        zone = page.locator('[data-testid="stMain"] [data-testid="stFileUploaderDropzone"]').first
        expect(zone).to_be_visible()
        expect(zone.get_by_text("per file")).to_be_hidden()
        word = zone.locator("button").get_by_text("Upload", exact=True)
        assert word.bounding_box()["width"] <= 1  # kept for screen readers only
        expect(zone.locator("button")).to_be_visible()  # the button itself, its icon shown
        zone.screenshot(path=str(artifacts_dir / f"rtl-uploader-{lang}.png"))
    finally:
        context.close()


def test_slider_end_labels_follow_the_track_in_rtl(page, app_url, artifacts_dir):
    open_view(page, app_url, "peer_groups", lang="he")
    wait_drawn(page)
    ticks = page.locator('[data-testid="stSliderTickBar"]').first
    expect(ticks).to_have_css("opacity", "1")  # shown without a mouse over it
    low, high = ticks.get_by_text("0", exact=True), ticks.get_by_text("3", exact=True)
    assert low.bounding_box()["x"] < high.bounding_box()["x"]  # 0 at the track's left end, where its minimum is
    page.locator('[data-testid="stSlider"]').first.screenshot(path=str(artifacts_dir / "rtl-slider-he.png"))
