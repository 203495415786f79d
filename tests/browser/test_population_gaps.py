"""Population-gaps page from a shared link in Hebrew and English: right-to-left, the three charts drawn, the
CSV with each authority's population group and its source, no serious accessibility violations; screenshots."""
import csv
import io

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, blocking, record, summary
from tests.browser.journeys import expect_direction, open_view, wait_idle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def _home_first(browser, app_url):
    """Open the home page once first (a fresh server answers the first sub-path without dashboard.py)."""
    context = browser.new_context()
    open_view(context.new_page(), app_url, "", lang="he")
    context.close()


def test_gaps_from_a_shared_link_in_hebrew(page, app_url, artifacts_dir):
    open_view(page, app_url, "population_gaps", lang="he", indicator="own_income_share_pct", scope="negev")
    expect_direction(page, "rtl")
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(3, timeout=30_000)
    expect(page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg').first).to_be_visible()
    expect(page.get_by_text("הרשויות הערביות נמצאות בצד הפחות טוב")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="הורדת הנתונים").first.click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert {r["population_group"] for r in rows} == {"arab", "jewish_others"}
    assert len({r["authority_id"] for r in rows}) == 33 and all(r["source_url"] for r in rows)

    page.wait_for_timeout(1000)
    wait_idle(page)  # the download reruns the page: greyed-out (stale) elements would fail the contrast check
    violations = axe_violations(page)
    record(artifacts_dir, "gaps-he", violations)
    assert not blocking(violations), summary(violations)
    page.set_viewport_size({"width": 1280, "height": 3600})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(artifacts_dir / "gaps-he.png"), full_page=True)


def test_gaps_in_english_across_israel(page, app_url, artifacts_dir):
    open_view(page, app_url, "population_gaps", lang="en", indicator="avg_monthly_wage", scope="israel")
    expect_direction(page, "ltr")
    expect(page.get_by_text("Every indicator: where the gap is largest")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "gaps-en.png"), full_page=True)
