"""Every take-away file names its sources in the reader's language (data/sources.yml's publisher_<lang> and
title_<lang>), read back from the file itself: the PDF (pypdf), the slide packs (python-pptx) and the tables'
CSV and Excel (openpyxl). A Hebrew file names the Central Bureau of Statistics in Hebrew, not in English."""
import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from indicators.downloads.excel_file import excel_bytes
from indicators.downloads.header_block import HeaderBlock
from indicators.downloads.slide_pack import comparison_pptx, pptx_bytes, town_pack
from indicators.downloads.town_profile_pdf import pdf_engine_available, profile_pdf
from indicators.exports import authorities_table
from indicators.names import authority_names
from indicators.provenance import localised_sources
from tests.unit import test_downloads_explorer as explorer_files
from tests.unit import test_downloads_gaps as gap_files
from tests.unit.test_downloads_pdf import TOWN, document, latest_values

CBS = "cbs_la_2021"
HEBREW_CBS = "הלשכה המרכזית לסטטיסטיקה"
# The publisher's name without its bracketed abbreviation, which pypdf's text extraction reorders.
CBS_NAME = {"he": HEBREW_CBS, "ar": "دائرة الإحصاء المركزية"}


@pytest.fixture(scope="module")
def published():
    from indicators.settings import PUBLISHED_DIR

    tables = {name: pd.read_parquet(PUBLISHED_DIR / f"{name}.parquet")
              for name in ("authorities", "indicators", "observations", "sources", "boundaries")}
    return tables | {"latest": latest_values()}


def publisher(published, lang: str) -> str:
    return published["sources"].set_index("source_id").loc[CBS, f"publisher_{lang}"]


def squeezed(text: str) -> str:
    return text.replace(" ", "").replace("\n", "")


def found(needle: str, text: str) -> bool:
    """pypdf may return right-to-left text in visual order: the words reversed."""
    return squeezed(needle) in squeezed(text) or squeezed(needle)[::-1] in squeezed(text)


def slide_text(raw: bytes) -> str:
    deck = Presentation(io.BytesIO(raw))
    return "\n".join(p.text for s in deck.slides for sh in s.shapes if sh.has_text_frame
                     for p in sh.text_frame.paragraphs)


def test_the_register_has_the_cbs_in_hebrew(published):
    assert publisher(published, "he").startswith(HEBREW_CBS)


def test_localised_sources_fall_back_to_the_register_where_a_language_is_missing():
    sources = pd.DataFrame({"source_id": ["a", "b"], "publisher": ["CBS", "World Bank"], "title": ["T", "U"],
                            "publisher_he": ["הלמ\"ס", None], "title_he": ["", "כותר"]})
    out = localised_sources(sources, "he").set_index("source_id")
    assert out.loc["a", "publisher"] == "הלמ\"ס" and out.loc["a", "title"] == "T"
    assert out.loc["b", "publisher"] == "World Bank" and out.loc["b", "title"] == "כותר"


@pytest.mark.skipif(not pdf_engine_available(), reason="pango is not installed")
@pytest.mark.parametrize("lang", ["he", "ar"])
def test_profile_pdf_names_the_publisher_in_the_language(published, lang):
    doc = document(published, lang)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(profile_pdf(doc))).pages)
    assert publisher(published, lang).startswith(CBS_NAME[lang]) and found(CBS_NAME[lang], text)
    assert "Israel Central Bureau of Statistics" not in text


@pytest.mark.skipif(not pdf_engine_available(), reason="pango is not installed")
def test_comparison_pdf_names_the_publisher_in_hebrew_and_every_town(published):
    from indicators.downloads.comparison_pdf import comparison_pdf

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(comparison_pdf(
        comparison_arguments(published, "he")))).pages)
    assert found(HEBREW_CBS, text) and found("רהט", text) and found("באר שבע", text)
    assert "localhost:8501/compare" in text.replace("\n", "")  # the link back


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_town_slides_name_the_publisher_in_the_language(published, lang):
    text = slide_text(pptx_bytes(town_pack(document(published, lang))))
    assert publisher(published, lang) in text and "Israel Central Bureau of Statistics" not in text


def comparison_arguments(published, lang: str, chosen: tuple[str, ...] = (TOWN, "la-9000")) -> dict:
    """As ui/profile_exports.comparison_downloads gathers them (by default for Rahat and Be'er Sheva)."""
    from indicators import profile
    from indicators.downloads.headline import headline_indicators
    from indicators.settings import DIMENSIONS
    from ui.i18n import translate
    from ui.profile_exports import _words

    auth, ind, obs = published["authorities"], published["indicators"], published["observations"]
    negev = auth.loc[auth["is_negev"], "authority_id"].tolist()
    names = authority_names(auth, lang)
    towns = {a: names[a] for a in chosen}
    cards = {a: profile.town_cards(obs, published["latest"], ind, a, negev, negev[:10], auth["authority_id"].tolist())
             for a in towns}
    return dict(lang=lang, rtl=lang != "en", town_names=towns, cards=cards, indicators=ind,
                town_values={a: obs[obs["authority_id"] == a] for a in towns}, sources=published["sources"],
                headline=headline_indicators(ind),
                dimension_titles={d: translate(lang, f"town_profile.dimension_{d}") for d in DIMENSIONS},
                words=_words(lang, "", "") | {"compare_title": "השוואה"}, link="http://localhost:8501/compare",
                date="2026-12-03")


def test_comparison_slides_name_the_publisher_in_hebrew(published):
    text = slide_text(comparison_pptx(comparison_arguments(published, "he")))
    assert publisher(published, "he") in text and "Israel Central Bureau of Statistics" not in text


def test_gap_and_explorer_documents_list_hebrew_sources(published):
    gap = gap_files.document(published, "he")
    explorer = explorer_files.document(published, "he")
    for doc in (gap, explorer):
        assert doc.sources and all(s.publisher.startswith(HEBREW_CBS) for s in doc.sources
                                   if s.source_id.startswith("cbs_la"))


def test_town_table_csv_and_excel_name_the_publisher_in_hebrew(published):
    """The town's download (indicators.exports.authorities_table, the profile's CSV and Excel)."""
    table = authorities_table(published["observations"], [TOWN], published["indicators"],
                              authority_names(published["authorities"], "he"), published["sources"], "he")
    assert set(table["source_publisher"]) and all(p.startswith(HEBREW_CBS) for p in table["source_publisher"]
                                                  if p.startswith("הלשכה") or "Bureau" in p)
    sheet = load_workbook(io.BytesIO(excel_bytes(table, HeaderBlock(title="רהט", rtl=True)))).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any(c.startswith(HEBREW_CBS) for c in cells)
    assert not any("Israel Central Bureau of Statistics" in c for c in cells)
