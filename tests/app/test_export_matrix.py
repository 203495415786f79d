"""Issue 11's "Done when": from the town profile, the explorer, the comparison and the gap view, in Hebrew, English
and Arabic, a visitor is offered all six take-away files — CSV, Excel, PNG, SVG, a PDF and a slide pack — labelled
in the chosen language. PNG and SVG are drawn on request (one button), then offered as two downloads."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.downloads import chart_image
from indicators.downloads.town_profile_pdf import pdf_engine_available
from ui.i18n import translate

PAGES = {
    "pages/town_profile.py": {"town": "la-1161"},
    "pages/indicator_explorer.py": {"indicator": "avg_monthly_wage"},
    "pages/compare.py": {"compare": "la-1161,la-9000,la-2200"},
    "pages/population_gaps.py": {"indicator": "own_income_share_pct", "scope": "negev"},
}


@pytest.fixture
def open_page():
    """conftest's open_app with more time per run: a page with every download bar is the heaviest to run."""
    from tests.app.conftest import APP

    def _open(page_script: str, **query) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=240)
        at.query_params["lang"] = query.get("lang", "he")
        at.run()
        at.switch_page(page_script)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        return at

    return _open


def offered(at, lang: str) -> set[str]:
    """The kinds of file the page offers, told apart by what a visitor sees (the label in the language), by
    the file of a CSV written up front, or by a deferred CSV's place beside its workbook."""
    def say(key: str) -> str:
        return translate(lang, f"downloads.{key}")

    kinds = set()
    buttons = list(at.get("download_button"))
    assert all(b.proto.ignore_rerun for b in buttons), "a download must not rerun the page"
    for place, button in enumerate(buttons):
        label = button.proto.label
        if button.proto.url.endswith(".csv"):
            kinds.add("csv")
        elif label == say("excel"):
            kinds.add("xlsx")
            # A table's CSV is written only when clicked (no file name yet): it is the button just before
            # its workbook, with the download icon (ui/downloads.table_downloads).
            if place and buttons[place - 1].proto.icon == ":material/download:":
                kinds.add("csv")
        elif label in (say("pdf"), say("gap_pdf")):
            kinds.add("pdf")
        elif label == say("slides"):
            kinds.add("pptx")
    if any(b.label == say("prepare_image") for b in at.button):
        kinds |= {"png", "svg"}
    return kinds


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_view_offers_all_six_files_in_the_chosen_language(open_page, page, lang):
    at = open_page(page, lang=lang, **PAGES[page])
    assert not at.exception, [e.value for e in at.exception]
    expected = {"csv", "xlsx", "png", "svg", "pptx"} | ({"pdf"} if pdf_engine_available() else set())
    assert offered(at, lang) >= expected


@pytest.mark.skipif(not chart_image.BROWSER.is_file(), reason="no Chromium to draw chart images with")
def test_preparing_a_chart_image_offers_png_and_svg(open_page):
    at = open_page("pages/compare.py", lang="ar", **PAGES["pages/compare.py"])
    at.button(key="compare_dots_image_prepare").click().run(timeout=180)
    assert not at.exception, [e.value for e in at.exception]
    labels = {b.key: b.proto.label for b in at.get("download_button")}
    assert labels.get("compare_dots_image_png") == translate("ar", "downloads.png")
    assert labels.get("compare_dots_image_svg") == translate("ar", "downloads.svg")
    # Saving the image must not rerun the page (the prepared files would be drawn again).
    image_buttons = [b for b in at.get("download_button") if (b.key or "").startswith("compare_dots_image")]
    assert image_buttons and all(b.proto.ignore_rerun for b in image_buttons)


def test_a_missing_browser_is_said_in_words(open_page, monkeypatch, tmp_path):
    monkeypatch.setattr(chart_image, "BROWSER", Path(tmp_path / "no-chromium"))
    at = open_page("pages/compare.py", lang="he", **PAGES["pages/compare.py"])
    at.button(key="compare_dots_image_prepare").click().run(timeout=240)
    assert not at.exception, [e.value for e in at.exception]
    assert translate("he", "downloads.image_unavailable") in [w.value for w in at.warning]
    assert "compare_dots_image_png" not in {b.key for b in at.get("download_button")}
