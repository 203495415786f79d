"""The population-gap view's files read back: the slide pack with python-pptx (the expected slides, the three key
figures, right-to-left paragraphs and table in Hebrew), the PDF with pypdf (the indicator's name and the sources),
the gap table's CSV and Excel (values equal to the gap table), and the charts it carries (size, not blank)."""
import datetime as dt
import io
from functools import partial

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from indicators import group_gaps
from indicators.downloads.csv_file import csv_bytes
from indicators.downloads.excel_file import excel_bytes
from indicators.downloads.gap_document import RANKING_ROWS, build_gap_document, gap_table_export, gap_words
from indicators.downloads.gap_files import TOWNS_PER_SLIDE, gap_html, gap_pack, gap_pdf, gap_pptx
from indicators.downloads.gap_images import SCALE, TownDot, dumbbell_png, gap_bars_png
from indicators.downloads.header_block import HeaderBlock
from indicators.downloads.slide_pack import SLIDE_H, title_size
from indicators.downloads.town_profile_pdf import pdf_engine_available
from indicators.names import authority_names
from indicators.settings import PUBLISHED_DIR
from ui.i18n import translate

INDICATOR = "own_income_share_pct"


@pytest.fixture(scope="module")
def published():
    return {name: pd.read_parquet(PUBLISHED_DIR / f"{name}.parquet")
            for name in ("authorities", "indicators", "observations", "sources")}


def gap_inputs(published, indicator_id: str, scope: str):
    """The page's tables, computed from data/published with indicators/group_gaps.py."""
    auth, obs = published["authorities"], published["observations"]
    area = auth.loc[auth["is_negev"], "authority_id"].tolist() if scope == "negev" else auth["authority_id"].tolist()
    groups = group_gaps.groups_of(auth, area)
    values = obs[obs["indicator_id"] == indicator_id]
    table = group_gaps.gap_by_year(group_gaps.group_series(values, groups), group_gaps.yearly_spread(values, area))
    return area, groups, values, table


_DOCUMENTS: dict = {}
_RANKINGS: dict = {}


def document(published, lang: str, indicator_id: str = INDICATOR, scope: str = "negev"):
    """Built once per language and view (ranking every indicator takes a few seconds)."""
    key = (lang, indicator_id, scope)
    if key not in _DOCUMENTS:
        _DOCUMENTS[key] = _build(published, lang, indicator_id, scope)
    return _DOCUMENTS[key]


def _build(published, lang: str, indicator_id: str, scope: str):
    ind = published["indicators"]
    meta = ind[ind["indicator_id"] == indicator_id].iloc[0].to_dict()
    area, groups, values, table = gap_inputs(published, indicator_id, scope)
    trend = group_gaps.gap_trend(table, meta["direction"])
    towns = group_gaps.town_distances(values, trend.last_year, groups)
    ranked = _RANKINGS.get(scope)
    if ranked is None:  # the same in every language
        obs = published["observations"]
        ranked = _RANKINGS[scope] = group_gaps.gap_ranking(obs[obs["authority_id"].isin(area)], ind, groups, area)
    say = partial(translate, lang)
    labels = (say("population_gaps.group_arab", count=len(groups["arab"])),
              say("population_gaps.group_jewish_others", count=len(groups["jewish_others"])))
    return build_gap_document(
        lang=lang, rtl=lang != "en", link=f"http://localhost:8501/population_gaps?indicator={indicator_id}&lang={lang}",
        date=dt.date.today().isoformat(), meta=meta, scope_label=say(f"population_gaps.scope_{scope}"),
        group_labels=labels, unit_label=meta[f"unit_{lang}"], towns_unit_label=meta[f"unit_{lang}"], table=table,
        trend=trend, towns=towns, names=authority_names(published["authorities"], lang), ranked=ranked,
        indicator_names=dict(zip(ind["indicator_id"], ind[f"name_{lang}"], strict=True)),
        sources=published["sources"], indicator_source_ids=sorted(values["source_id"].unique()),
        ranking_source_ids=sorted(published["observations"]["source_id"].unique()),
        words=gap_words(say, labels, trend.last_year), say=say)


def paragraphs(slide):
    return [p for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs if p.text]


def table_paragraphs(slide):
    return [p for shape in slide.shapes if shape.has_table for row in shape.table.rows for cell in row.cells
            for p in cell.text_frame.paragraphs if p.text]


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_slide_pack_has_title_gap_towns_ranking_and_sources(published, lang):
    doc = document(published, lang)
    deck = Presentation(io.BytesIO(gap_pptx(doc)))
    slides = list(deck.slides)
    assert len(slides) == 5  # title, the gap over time, the Negev's towns, the ranking, sources
    title = " ".join(p.text for p in paragraphs(slides[0]))
    assert doc.indicator_name in title and translate(lang, "population_gaps.scope_negev") in title
    gap_slide = " ".join(p.text for p in paragraphs(slides[1]))
    for name, number, _, _ in doc.key_figures:
        assert name in gap_slide and number in gap_slide
    assert sum(1 for s in slides[1].shapes if s.shape_type == 13) == 1  # the gap chart
    assert sum(1 for s in slides[2].shapes if s.shape_type == 13) == 1  # the dumbbell
    ranking = [s for s in slides[3].shapes if s.has_table]
    assert len(ranking) == 1 and len(ranking[0].table.rows) == RANKING_ROWS + 1
    source_text = " ".join(p.text for p in paragraphs(slides[-1]))
    assert doc.sources and all(s.url in source_text for s in doc.sources)
    assert all(doc.link in " ".join(p.text for p in paragraphs(s)) for s in slides)
    marks = {p._p.pPr.get("rtl") if p._p.pPr is not None else None
             for s in slides for p in paragraphs(s) + table_paragraphs(s)}
    assert marks == ({"1"} if lang != "en" else {None})
    # The indicator's column is on the reading side, drawn there (LibreOffice ignores a:tblPr rtl).
    header = [cell.text for cell in ranking[0].table.rows[0].cells]
    name_header = doc.ranking[0][0]
    assert header.index(name_header) == (len(header) - 1 if lang != "en" else 0)
    assert header == list(reversed(doc.ranking[0])) if lang != "en" else header == list(doc.ranking[0])
    # The table's rows fit above the footer line, and the long title is set small enough for one line.
    table_bottom = ranking[0].top + sum(row.height for row in ranking[0].table.rows)
    assert table_bottom <= Inches(SLIDE_H - 0.8)


def test_key_figures_are_the_gap_tables_latest_medians_and_movement(published):
    doc = document(published, "en")
    _, _, _, table = gap_inputs(published, INDICATOR, "negev")
    year = int(table["gap"].dropna().index.max())
    arab, jewish = table.loc[year, "arab_median"], table.loc[year, "jewish_others_median"]
    (arab_name, arab_text, _, _), (_, jewish_text, _, _), (_, _, gap_text, detail) = doc.key_figures
    assert str(year) in arab_name and arab_text == f"{arab:,.1f}%" and jewish_text == f"{jewish:,.1f}%"
    assert gap_text.startswith(f"{abs(arab - jewish):,.1f} percentage points")
    direction = published["indicators"].set_index("indicator_id").at[INDICATOR, "direction"]
    trend = group_gaps.gap_trend(table, direction)
    assert trend.movement and detail.startswith(trend.movement)


def test_israel_wide_towns_are_split_over_slides_on_one_scale(published):
    doc = document(published, "he", "avg_monthly_wage", "israel")
    pack = gap_pack(doc)
    town_slides = [s for s in pack.slides if s.title.startswith(doc.words["towns_heading"])]
    assert len(town_slides) == -(-len(doc.towns) // TOWNS_PER_SLIDE) > 1
    assert all("/" in s.title for s in town_slides)


@pytest.mark.skipif(not pdf_engine_available(), reason="pango is not installed")
@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_pdf_holds_the_indicator_name_and_sources(published, lang):
    doc = document(published, lang)
    reader = PdfReader(io.BytesIO(gap_pdf(doc)))
    text = "".join(page.extract_text() for page in reader.pages)
    squeezed = text.replace(" ", "").replace("\n", "")
    # pypdf returns right-to-left text in visual order: a Hebrew or Arabic name may come out reversed.
    name = doc.indicator_name.replace(" ", "")
    assert name in squeezed or name[::-1] in squeezed
    assert all(s.url in text.replace("\n", "") for s in doc.sources)
    assert "population_gaps" in text.replace("\n", "")  # the link back
    fonts = {str(f.get("/BaseFont")) for page in reader.pages
             for f in (page["/Resources"].get("/Font") or {}).get_object().values()}
    if lang != "en":
        assert any(("Hebrew" if lang == "he" else "Arabic") in f for f in fonts)


def test_pdf_html_is_right_to_left_in_hebrew(published):
    html = gap_html(document(published, "he"))
    assert 'dir="rtl"' in html
    # The gap bars as a PNG; the Negev's towns as a JPEG (WeasyPrint embeds it without compressing it again).
    assert html.count("data:image/png;base64,") == 1 and html.count("data:image/jpeg;base64,") == 1


@pytest.mark.parametrize("lang", ["he", "en"])
def test_gap_table_csv_and_excel_equal_the_gap_table(published, lang):
    _, _, _, table = gap_inputs(published, INDICATOR, "negev")
    export = gap_table_export(table, INDICATOR, "own income", "%")
    from_csv = pd.read_csv(io.BytesIO(csv_bytes(export)), encoding="utf-8-sig")
    assert from_csv["year"].tolist() == [int(y) for y in table.index]
    for column in ("arab_median", "jewish_others_median", "gap", "gap_sd"):
        assert from_csv[column].tolist() == pytest.approx(table[column].tolist(), nan_ok=True)
    block = HeaderBlock("gap", (("Source", "CBS"),), link="http://x/population_gaps", rtl=lang == "he")
    sheet = load_workbook(io.BytesIO(excel_bytes(export, block, {"gap": 1}))).active
    assert sheet.sheet_view.rightToLeft == (lang == "he")
    header_row = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "indicator_id")
    columns = [c.value for c in sheet[header_row]]
    gap_col = columns.index("gap") + 1
    cells = [sheet.cell(header_row + 1 + i, gap_col) for i in range(len(table))]
    assert [c.value for c in cells] == pytest.approx(table["gap"].tolist(), nan_ok=True)
    assert all(c.number_format == "#,##0.0" for c in cells if c.value is not None)


def test_charts_have_the_expected_size_and_are_not_blank():
    for png, width in ((gap_bars_png([2019, 2020, 2021], [-20.5, -18.0, 3.2], ["-20.5%", "-18.0%", "3.2%"],
                                     "פער (%)", "he", True), 760),
                       (dumbbell_png([TownDot("רהט", 0, 12.0), TownDot("באר שבע", 1, 55.0)], 50.0, "חציון",
                                     ("ערביות", "יהודים"), str, "he", True), 900)):
        image = Image.open(io.BytesIO(png)).convert("L")
        assert image.size[0] == width * SCALE
        histogram = image.histogram()
        assert sum(histogram[:200]) > 0.01 * image.size[0] * image.size[1]


def test_a_long_slide_title_is_set_smaller_to_stay_on_one_line():
    short = "Own-income share — The gap over time"
    long = "Own-income share of the budget — Every indicator: where the gap is largest"
    assert title_size(short) == 28 and title_size(long) < 24


def test_the_gap_chart_of_a_percentage_is_in_percentage_points(published):
    doc = document(published, "en")
    assert "percentage points" in doc.gap_axis and not any(t.endswith("%") for t in doc.gap_texts)
