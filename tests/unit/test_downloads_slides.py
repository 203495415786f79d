"""The slide pack reopened with python-pptx: a title slide, one slide per dimension with a chart image and
three key figures, a sources slide; right-to-left paragraphs for Hebrew and Arabic. And the bar images
it carries: the expected size, not blank."""
import io
import time

import pytest
from PIL import Image
from pptx import Presentation

from indicators.downloads.bar_image import SCALE, Bar, BarGroup, bar_groups_png
from indicators.downloads.slide_pack import KEY_FIGURES, pptx_bytes, town_pack
from indicators.settings import DIMENSIONS
from tests.unit.test_downloads_pdf import document, published  # noqa: F401 (a fixture)

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def paragraphs(slide):
    return [p for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs if p.text]


@pytest.mark.parametrize("lang, name", [("he", "רהט"), ("en", "Rahat"), ("ar", "رهط")])
def test_pack_reopens_with_the_expected_slides(published, lang, name):  # noqa: F811
    doc = document(published, lang)
    started = time.perf_counter()
    raw = pptx_bytes(town_pack(doc))
    print(f"slide pack {lang}: {time.perf_counter() - started:.2f} s")
    deck = Presentation(io.BytesIO(raw))
    slides = list(deck.slides)
    assert len(slides) == 1 + len(DIMENSIONS) + 1
    assert name in " ".join(p.text for p in paragraphs(slides[0]))
    for slide, section in zip(slides[1:-1], doc.sections, strict=True):
        texts = [p.text for p in paragraphs(slide)]
        assert any(section.title in t for t in texts)
        shown = [r for r in section.rows[:KEY_FIGURES]]
        assert all(any(r.name in t for t in texts) for r in shown)
        assert sum(1 for s in slide.shapes if s.shape_type == 13) == 1  # one picture: the chart
    source_text = " ".join(p.text for p in paragraphs(slides[-1]))
    assert all(s.url in source_text for s in doc.sources)
    rtl_marks = {p._p.pPr.get("rtl") if p._p.pPr is not None else None for s in slides for p in paragraphs(s)}
    assert rtl_marks == ({"1"} if lang != "en" else {None})


def test_bar_image_has_the_expected_size_and_is_not_blank():
    groups = [BarGroup("שכר חודשי ממוצע", (Bar("רהט", 5751.0, "5,751"), Bar("חציון הנגב", 8745.0, "8,745"),
                                           Bar("חציון הדומות", None, "אין נתונים")))]
    image = Image.open(io.BytesIO(bar_groups_png(groups, "he", rtl=True, width=760))).convert("L")
    assert image.size[0] == 760 * SCALE and image.size[1] > 100
    histogram = image.histogram()
    assert sum(histogram[:200]) > 0.03 * image.size[0] * image.size[1]


def test_comparison_pack_has_a_bar_per_town_and_rtl_paragraphs(published):  # noqa: F811
    from indicators import profile
    from indicators.downloads.headline import headline_indicators
    from indicators.downloads.slide_pack import comparison_pack
    from ui.i18n import translate
    from ui.profile_exports import _words

    auth, ind, obs = published["authorities"], published["indicators"], published["observations"]
    negev = auth.loc[auth["is_negev"], "authority_id"].tolist()
    towns = {"la-1161": "רהט", "la-9000": "באר שבע"}
    cards = {a: profile.town_cards(obs, published["latest"], ind, a, negev, negev[:10], auth["authority_id"].tolist())
             for a in towns}
    words = _words("he", "", "") | {"compare_title": "השוואה: רהט, באר שבע"}
    pack = comparison_pack(lang="he", rtl=True, town_names=towns, cards=cards, indicators=ind,
                           town_values={a: obs[obs["authority_id"] == a] for a in towns}, sources=published["sources"],
                           headline=headline_indicators(ind),
                           dimension_titles={d: translate("he", f"town_profile.dimension_{d}") for d in DIMENSIONS},
                           words=words, link="http://localhost:8501/compare?compare=la-1161,la-9000", date="2026-12-03")
    assert all(len(g.bars) == 2 for s in pack.slides for g in s.groups)
    deck = Presentation(io.BytesIO(pptx_bytes(pack)))
    slides = list(deck.slides)
    assert len(slides) == 1 + len(DIMENSIONS) + 1
    texts = " ".join(p.text for s in slides for p in paragraphs(s))
    assert "באר שבע" in texts and "רהט" in texts and "compare=la-1161,la-9000" in texts
    assert all(p._p.pPr.get("rtl") == "1" for s in slides for p in paragraphs(s))
