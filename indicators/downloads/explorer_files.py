"""The indicator explorer's slide pack and PDF, both from one ExplorerDocument and with the same Pillow charts,
through the gap view's renderers: slides by slide_pack, the PDF by the town profile's HTML and CSS (WeasyPrint)."""
from __future__ import annotations

import math

from PIL import Image

from indicators.downloads.bar_image import Bar, BarGroup, bar_groups_image, jpeg_bytes, png_bytes
from indicators.downloads.explorer_document import ExplorerDocument
from indicators.downloads.explorer_images import trend_png
from indicators.downloads.gap_files import JPEG, _chunks, _footer, _img, _page_head
from indicators.downloads.gap_images import BAR, joined
from indicators.downloads.slide_pack import SlideContent, SlidePack, ltr, pptx_bytes, source_lines
from indicators.downloads.town_profile_pdf import _e, _num, html_pdf, sources_list

BARS_PER_SLIDE = 34  # the Negev's authorities fit one slide (two columns); Israel's are split, on one scale
BARS_PER_IMAGE = 60  # a PDF image of at most about one page
PDF_SHRINK = 2 / 3  # drawn for projection (bar_image.SCALE); ~230 dpi is plenty on A4 and a third of the pixels
HIGHLIGHT = "#D55E00"  # the highlighted town, as on the page (charts.HIGHLIGHT)


def bar_charts(doc: ExplorerDocument, per_image: int, columns: int = 1, for_pdf: bool = False) -> list[bytes]:
    """The year's ranking as bars, split into images of at most per_image authorities on one scale, each image
    in `columns` panels (a slide is wide and short). PNG for slides; for a PDF smaller and as JPEG. Encoded
    once, at the end: the Israel-wide ranking is millions of pixels, and compressing them was most of a PDF's
    time."""
    if not doc.ranked:
        return []
    largest = max(abs(v) for _, v, _ in doc.ranked) or 1.0
    width = 760 if columns == 1 else 620

    def panel(part: tuple) -> Image.Image:
        bars = tuple(Bar(name, value, text) for name, value, text in part)
        colours = [HIGHLIGHT if name == doc.highlight else BAR for name, _, _ in part]
        return bar_groups_image([BarGroup("", bars)], doc.lang, doc.rtl, width=width, largest=largest,
                                colours=colours)

    def image(part: tuple) -> bytes:
        whole = joined([panel(p) for p in _chunks(part, math.ceil(len(part) / columns))], doc.rtl)
        if not for_pdf:
            return png_bytes(whole)
        size = (round(whole.width * PDF_SHRINK), round(whole.height * PDF_SHRINK))
        return jpeg_bytes(whole.resize(size, Image.Resampling.BOX))

    return [image(part) for part in _chunks(doc.ranked, per_image)]


def trend_chart(doc: ExplorerDocument) -> bytes | None:
    return trend_png(doc.trend, doc.trend_axis, doc.value_text, doc.rtl) if doc.trend else None


def explorer_pack(doc: ExplorerDocument) -> SlidePack:
    """Title; the key figures with what the indicator means; the ranked bars (one slide or several); the trend;
    sources (added by pptx_bytes)."""
    w, rtl = doc.words, doc.rtl
    footer = _footer(w, range(1, len(doc.sources) + 1))
    figures = tuple((name, " · ".join(t for t in (" ".join(t for t in (ltr(number, rtl), words) if t), detail) if t))
                    for name, number, words, detail in doc.key_figures)
    about = (doc.description, f"{w['direction_reason_label']}: {doc.direction_reason}")
    images = bar_charts(doc, BARS_PER_SLIDE, columns=2)
    # The key figures beside the first part of the ranking; the indicator's meaning under the title.
    slides = []
    for i, image in enumerate(images, start=1):
        part = f" ({i}/{len(images)})" if len(images) > 1 else ""
        slides.append(SlideContent(f"{w['bars_heading']}{part}", (), figures if i == 1 else (), footer, image=image,
                                   note=" ".join(about) if i == 1 else ""))
    trend = trend_chart(doc)
    if trend:
        slides.append(SlideContent(w["trend_heading"], (), (), footer, image=trend, note=w["trend_caption"]))
    return SlidePack(lang=doc.lang, rtl=rtl, title=doc.indicator_name, subtitle=f"{doc.subtitle} · {doc.year}",
                     link=doc.link, date=doc.date, slides=tuple(slides), sources=source_lines(doc.sources, w), words=w)


def explorer_pptx(doc: ExplorerDocument) -> bytes:
    """The slide pack as bytes (module-level, so the file worker can run it)."""
    return pptx_bytes(explorer_pack(doc))


def explorer_html(doc: ExplorerDocument) -> str:
    w = doc.words
    figures = "".join(f'<div class="figure"><div class="name">{_e(name)}</div><div class="value">'
                      f'{_num(number, "") if number else ""} {_e(words)}</div>'
                      f'<div class="name">{_e(detail)}</div></div>' for name, number, words, detail in doc.key_figures)
    # Two columns, as on a slide: the Negev's ranking then fits under the key figures on page 1.
    first, *rest = bar_charts(doc, BARS_PER_IMAGE, columns=2, for_pdf=True) or [None]
    bars = "".join(_img(jpeg, w["bars_heading"], JPEG) for jpeg in rest)
    trend = trend_chart(doc)
    trend_block = (f'<div class="keep"><h2>{_e(w["trend_heading"])}</h2>{_img(trend, w["trend_heading"])}'
                   f'<p class="caption">{_e(w["trend_caption"])}</p></div>') if trend else ""
    sources = sources_list(doc.sources, w)
    return f"""{_page_head(doc, w)}
<div class="figures">{figures}</div>
<div class="sentences"><p>{_e(doc.description)}</p>
<p><strong>{_e(w["direction_reason_label"])}:</strong> {_e(doc.direction_reason)}</p></div>
<div class="keep"><h2>{_e(w["bars_heading"])}</h2>{_img(first, w["bars_heading"], JPEG) if first else ""}</div>{bars}
{trend_block}
<h2>{_e(w["sources_heading"])}</h2><ol class="sources">{sources}</ol>
<p class="caption">{_e(w["sources_note"])}</p>
</body></html>"""


def explorer_pdf(doc: ExplorerDocument) -> bytes:
    return html_pdf(explorer_html(doc))
