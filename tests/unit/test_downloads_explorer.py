"""The indicator explorer's files read back: the slide pack with python-pptx (the expected slides, the key figures,
right-to-left paragraphs in Hebrew), the PDF with pypdf (the indicator's name in the language and the sources),
the key figures' direction-aware wording, and the trend chart (size, not blank)."""
import datetime as dt
import io
from functools import partial

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from indicators import explorer, read_model
from indicators.downloads.bar_image import SCALE
from indicators.downloads.explorer_document import TrendLine, build_explorer_document
from indicators.downloads.explorer_files import (
    BARS_PER_SLIDE,
    explorer_html,
    explorer_pack,
    explorer_pdf,
    explorer_pptx,
)
from indicators.downloads.explorer_images import trend_png
from indicators.downloads.town_profile_pdf import pdf_engine_available
from indicators.names import authority_names
from indicators.settings import PUBLISHED_DIR
from ui.i18n import translate

INDICATOR = "avg_monthly_wage"
BEER_SHEVA, RAHAT = "la-9000", "la-1161"


@pytest.fixture(scope="module")
def published():
    return {name: pd.read_parquet(PUBLISHED_DIR / f"{name}.parquet")
            for name in ("authorities", "indicators", "observations", "sources")}


def document(published, lang: str, scope: str = "negev", indicator_id: str = INDICATOR):
    """The page's tables for the view, computed from data/published with indicators/explorer.py."""
    auth, ind, obs = published["authorities"], published["indicators"], published["observations"]
    meta = ind[ind["indicator_id"] == indicator_id].iloc[0].to_dict()
    values = obs[obs["indicator_id"] == indicator_id]
    all_ids = auth["authority_id"].tolist()
    negev = auth.loc[auth["is_negev"], "authority_id"].tolist()
    shown = explorer.filter_authorities(auth, scope, explorer.KINDS)
    year = int(values.loc[values["authority_id"].isin(negev), "year"].max())
    ranked = explorer.year_table(values, year, shown, all_ids, meta["direction"])
    names = authority_names(auth, lang)
    say = partial(translate, lang)
    benchmarks = {say("indicator_explorer.negev_median"): negev, say("indicator_explorer.israel_median"): all_ids}
    trend = read_model.trend_frame(values, [BEER_SHEVA, RAHAT], names, benchmarks)
    return build_explorer_document(
        lang=lang, rtl=lang != "en", link=f"http://localhost:8501/indicator_explorer?indicator={indicator_id}",
        date=dt.date.today().isoformat(), meta=meta, year=year, scope_label=say(f"indicator_explorer.scope_{scope}"),
        dimension_label=say(f"indicator_explorer.dimension_{meta['dimension']}"), ranked=ranked,
        medians=explorer.reference_medians(values, year, negev, all_ids), names=names, highlight=BEER_SHEVA,
        trend=trend, medians_labels=list(benchmarks), trend_axis=meta[f"unit_{lang}"], sources=published["sources"],
        source_ids=values["source_id"].unique(), say=say)


def paragraphs(slide):
    return [p for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs if p.text]


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_slide_pack_has_title_ranking_trend_and_sources(published, lang):
    doc = document(published, lang)
    slides = list(Presentation(io.BytesIO(explorer_pptx(doc))).slides)
    assert len(slides) == 4  # title, the Negev's ranking with the key figures, the trend, sources
    title = " ".join(p.text for p in paragraphs(slides[0]))
    assert doc.indicator_name in title and str(doc.year) in title
    ranking = " ".join(p.text for p in paragraphs(slides[1]))
    assert len(doc.key_figures) == 4
    for name, number, _, detail in doc.key_figures:
        assert name in ranking and number in ranking and detail in ranking
    assert doc.description in ranking and doc.direction_reason in ranking
    for slide in slides[1:3]:
        assert sum(1 for s in slide.shapes if s.shape_type == 13) == 1  # a picture
    source_text = " ".join(p.text for p in paragraphs(slides[-1]))
    assert doc.sources and all(s.url in source_text for s in doc.sources)
    assert all(doc.link in " ".join(p.text for p in paragraphs(s)) for s in slides)
    marks = {p._p.pPr.get("rtl") if p._p.pPr is not None else None for s in slides for p in paragraphs(s)}
    assert marks == ({"1"} if lang != "en" else {None})


def test_key_figures_name_the_best_and_worst_or_the_highest_and_lowest(published):
    doc = document(published, "en")
    names = [name for name, *_ in doc.key_figures]
    assert names[:2] == [f"Negev median, {doc.year}", f"Israel median, {doc.year}"]
    assert names[2:] == [f"Best, {doc.year}", f"Worst, {doc.year}"]  # wages: higher is better
    (_, best, _, best_town), (_, worst, _, worst_town) = doc.key_figures[2:]
    assert (best_town, best) == doc.ranked[0][0::2] and (worst_town, worst) == doc.ranked[-1][0::2]
    ind = published["indicators"]
    neutral = ind.loc[~ind["direction"].isin([read_model.HIGHER_IS_BETTER, read_model.LOWER_IS_BETTER]),
                      "indicator_id"]
    if len(neutral):
        doc = document(published, "he", indicator_id=neutral.iloc[0])
        assert [n.split(",")[0] for n, *_ in doc.key_figures[2:]] == ["הגבוהה ביותר", "הנמוכה ביותר"]


def test_israel_wide_ranking_is_split_over_slides(published):
    doc = document(published, "he", "israel")
    bar_slides = [s for s in explorer_pack(doc).slides if s.title.startswith(doc.words["bars_heading"])]
    assert len(bar_slides) == -(-len(doc.ranked) // BARS_PER_SLIDE) > 1
    assert bar_slides[0].key_figures and not bar_slides[1].key_figures


@pytest.mark.skipif(not pdf_engine_available(), reason="pango is not installed")
@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_pdf_holds_the_indicator_name_and_sources(published, lang):
    doc = document(published, lang)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(explorer_pdf(doc))).pages)
    squeezed = text.replace(" ", "").replace("\n", "")
    # pypdf returns right-to-left text in visual order: a Hebrew or Arabic name may come out reversed.
    name = doc.indicator_name.replace(" ", "")
    assert name in squeezed or name[::-1] in squeezed
    assert all(s.url in text.replace("\n", "") for s in doc.sources)
    assert "indicator_explorer" in text.replace("\n", "")  # the link back


def test_pdf_html_is_right_to_left_in_hebrew(published):
    html = explorer_html(document(published, "he"))
    assert 'dir="rtl"' in html
    # The ranking as a JPEG (WeasyPrint embeds it as it is: a long ranking is quick), the trend as a PNG.
    assert html.count("data:image/jpeg;base64,") == 1 and html.count("data:image/png;base64,") == 1


def test_israel_wide_pdf_embeds_every_ranking_image(published):
    """The images are handed to WeasyPrint by its fetcher (town_profile_pdf.html_pdf): none may go missing."""
    doc = document(published, "he", scope="israel")
    html = explorer_html(doc)
    images = html.count('<img class="chart"')
    pages = PdfReader(io.BytesIO(explorer_pdf(doc))).pages
    embedded = {image.data for page in pages for image in page.images}  # WeasyPrint lists them on every page
    assert images > 2 and len(embedded) == images


def test_trend_chart_has_the_expected_size_and_is_not_blank():
    lines = (TrendLine("באר שבע", (2019, 2020, 2021), (9.0, 9.5, 10.1), False),
             TrendLine("חציון הנגב", (2019, 2020, 2021), (8.0, 8.2, 8.9), True))
    image = Image.open(io.BytesIO(trend_png(lines, "שכר (₪)", str, True))).convert("L")
    assert image.size[0] == 900 * SCALE
    assert sum(image.histogram()[:200]) > 0.005 * image.size[0] * image.size[1]
