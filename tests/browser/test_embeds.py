"""Embeds (issue 11): a view's link with embed=true, as the embed code's iframe opens it, shows only that view's
chart, its source line and a link back to the full view — no sidebar, no page navigation, no controls."""
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import PLOTLY, wait_drawn
from ui.i18n import translate

pytestmark = pytest.mark.browser

VIEWS = [
    ("", "en", {"indicator": "avg_monthly_wage"}, "Average monthly wage"),
    ("town_profile", "he", {"town": "la-1161", "indicator": "avg_monthly_wage"}, "רהט"),
    ("compare", "en", {"compare": "la-1161,la-9000", "indicator": "avg_monthly_wage"}, "Rahat"),
    ("population_gaps", "ar", {"indicator": "own_income_share_pct"}, "نقاط مئوية"),
]


@pytest.mark.parametrize("path, lang, params, text", VIEWS, ids=[v[0] or "home" for v in VIEWS])
def test_an_embedded_view_shows_its_chart_source_and_link_back(page, app_url, artifacts_dir, path, lang, params,
                                                                text):
    page.goto(f"{app_url}/{path}?{urlencode({'lang': lang, 'embed': 'true', **params})}")
    page.locator(PLOTLY).first.wait_for(timeout=60_000)  # an embed has no page heading to wait for
    wait_drawn(page)
    page.screenshot(path=str(artifacts_dir / f"embed-{path or 'home'}-{lang}.png"))
    main = page.locator('[data-testid="stMain"]')
    expect(page.locator(PLOTLY)).to_have_count(1)
    expect(page.locator(PLOTLY).first).to_contain_text(text)  # the chart of the view the link names
    expect(main).to_contain_text(f"{translate(lang, 'common.source_label')}: ")
    back = main.get_by_role("link", name=translate(lang, "downloads.embed_link"))
    expect(back).to_have_count(1)
    href = back.get_attribute("href")
    assert f"/{path}" in href and all(f"{k}=" in href for k in params)
    # Nothing else of the app: no sidebar, no page links, no choosers.
    expect(page.locator('[data-testid="stSidebar"]')).to_have_count(0)
    expect(page.locator('[data-testid="stPageLink"]')).to_have_count(0)
    expect(page.locator('[data-testid="stSelectbox"]')).to_have_count(0)
