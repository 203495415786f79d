"""Take-away files from the running app: the town profile's Excel, PDF and slide pack, a chart image
prepared on click, and the published tables at their stable static URLs; screenshots of the download
bar in Hebrew, English and Arabic."""
import io
import json

import openpyxl
import pandas as pd
import pytest
from PIL import Image
from playwright.sync_api import expect
from pptx import Presentation
from pypdf import PdfReader

from indicators.settings import PUBLISHED_DIR
from tests.browser.journeys import wait_idle
from tests.browser.test_town_profile import NAMES, TOWN, open_profile
from tests.unit.test_export_provenance import CBS_NAME, found

pytestmark = pytest.mark.browser

LABELS = {"he": ("אקסל", "פרופיל PDF", "מצגת", "תמונה של התרשים", "תמונת PNG"),
          "en": ("Excel", "PDF profile", "Slide pack", "Image of this chart", "PNG image"),
          "ar": ("إكسل", "ملف PDF", "عرض شرائح", "صورة لهذا الرسم البياني", "صورة PNG")}


def download(page, name: str, timeout: int = 60_000) -> bytes:
    with page.expect_download(timeout=timeout) as info:
        page.get_by_role("button", name=name).first.click()
    return info.value.path().read_bytes()


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_town_profile_files(page, app_url, artifacts_dir, lang):
    excel, pdf, slides, prepare, png = LABELS[lang]
    open_profile(page, app_url, lang)

    sheet = openpyxl.load_workbook(io.BytesIO(download(page, excel))).active
    assert sheet.sheet_view.rightToLeft is (lang != "en")
    assert f"town={TOWN}" in str(sheet["B5"].value) or any(f"town={TOWN}" in str(c.value) for c in sheet["B"][:7])

    reader = PdfReader(io.BytesIO(download(page, pdf)))
    text = "".join(p.extract_text() for p in reader.pages)
    # Sources are named in the reader's language (the register's publisher_<lang>).
    assert NAMES[lang] in text and found(CBS_NAME.get(lang, "Israel Central Bureau of Statistics"), text)

    deck = Presentation(io.BytesIO(download(page, slides)))
    assert len(deck.slides) == 5

    page.get_by_role("button", name=prepare).first.click()
    image = Image.open(io.BytesIO(download(page, png, timeout=120_000)))
    assert image.size[0] == 2400 and image.size[1] > 600
    bar = page.locator('[data-testid="stDownloadButton"]').last
    bar.scroll_into_view_if_needed()
    wait_idle(page)
    page.screenshot(path=str(artifacts_dir / f"downloads-town-{lang}.png"))


def test_published_tables_at_stable_urls(page, app_url):
    manifest = json.loads(page.request.get(f"{app_url}/app/static/data/manifest.json").body())
    assert {f["table"] for f in manifest["files"]} >= {"observations", "indicators", "authorities"}
    body = page.request.get(f"{app_url}/app/static/data/observations.parquet").body()
    served = pd.read_parquet(io.BytesIO(body))
    assert served.equals(pd.read_parquet(PUBLISHED_DIR / "observations.parquet"))


def test_methods_page_offers_the_whole_database(page, app_url, artifacts_dir):
    page.goto(f"{app_url}/data_methods?lang=en&section=database")
    button = page.get_by_role("button", name="Download the whole database")
    expect(button).to_be_visible(timeout=60_000)
    wait_idle(page)
    page.screenshot(path=str(artifacts_dir / "downloads-methods-en.png"), full_page=True)
