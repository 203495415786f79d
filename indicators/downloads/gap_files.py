"""The population-gap view's slide pack and PDF, both from one GapDocument and with the same Pillow charts: the
slides through slide_pack's renderer, the PDF through the town profile's HTML and CSS (WeasyPrint)."""
from __future__ import annotations

import base64
import math
import re

from PIL import Image

from indicators.downloads.bar_image import jpeg_bytes, png_bytes
from indicators.downloads.gap_document import GapDocument
from indicators.downloads.gap_images import dumbbell_image, gap_bars_png, joined
from indicators.downloads.slide_pack import SlideContent, SlidePack, ltr, pptx_bytes, source_lines
from indicators.downloads.town_profile_pdf import _css, _e, _num, html_pdf, sources_list

TOWNS_PER_SLIDE = 34  # the Negev's towns fit one slide (in two columns); Israel's are split, on one scale
TOWNS_PER_IMAGE = 60  # a PDF image of at most about one page
_FIGURE = re.compile(r"^[-+]?[\d,.]+%?$")  # "-2.30", "+0.31": signs must stay before the digits in he/ar


def _chunks(items: tuple, size: int) -> list[tuple]:
    count = max(1, math.ceil(len(items) / size))
    per = math.ceil(len(items) / count) if items else 0
    return [items[i * per:(i + 1) * per] for i in range(count)]


def gap_chart(doc: GapDocument) -> bytes:
    return gap_bars_png(list(doc.gap_years), list(doc.gap_values), list(doc.gap_texts), doc.gap_axis, doc.lang,
                        doc.rtl)


def town_charts(doc: GapDocument, per_image: int, columns: int = 1, for_pdf: bool = False) -> list[bytes]:
    """The dumbbell, split into images of at most per_image towns, all on the same value scale; each image in
    `columns` panels side by side (a slide is wide and short: one tall column would shrink its names). PNG for
    slides; for a PDF a JPEG, which WeasyPrint embeds without compressing it again (explorer_files.bar_charts)."""
    if not doc.towns:
        return []
    values = [t.value for t in doc.towns] + [doc.reference]
    w = doc.words
    reference = f"{w['reference_median']}: {doc.value_text(doc.reference)}"

    def panel(part: tuple, first: bool, width: int) -> Image.Image:
        return dumbbell_image(list(part), doc.reference, reference, (w["legend_arab"], w["legend_jewish"]),
                            doc.value_text, doc.lang, doc.rtl, low=min(values), high=max(values), width=width,
                            axis_label=doc.towns_axis, show_legend=first)

    def image(part: tuple) -> bytes:
        panels = [panel(p, i == 0, width) for i, p in enumerate(_chunks(part, math.ceil(len(part) / columns)))]
        return (jpeg_bytes if for_pdf else png_bytes)(joined(panels, doc.rtl))

    width = 900 if columns == 1 else 620
    return [image(part) for part in _chunks(doc.towns, per_image)]


def _cell(text: str, rtl: bool) -> str:
    return ltr(text, rtl) if _FIGURE.match(text) else text


def _footer(words: dict[str, str], numbers) -> str:
    return f"{words['col_source']}: " + ", ".join(f"[{n}]" for n in numbers) if numbers else ""


def gap_pack(doc: GapDocument) -> SlidePack:
    """Title; the gap over time with the three key figures; the towns (one slide or several); the ranking of
    indicators; sources (added by pptx_bytes)."""
    w, rtl = doc.words, doc.rtl
    indicator_footer = _footer(w, doc.indicator_sources)
    figures = tuple((name, " · ".join(t for t in (" ".join(t for t in (ltr(number, rtl), words) if t), detail) if t))
                    for name, number, words, detail in doc.key_figures)
    slides = [SlideContent(w["gap_heading"], (), figures, indicator_footer, image=gap_chart(doc),
                           note=" ".join(doc.sentences[1:]))]
    images = town_charts(doc, TOWNS_PER_SLIDE, columns=2)
    for i, image in enumerate(images, start=1):
        part = f" ({i}/{len(images)})" if len(images) > 1 else ""
        slides.append(SlideContent(f"{w['towns_heading']}{part}", (), (), indicator_footer, image=image,
                                   note=w["towns_caption"]))
    if len(doc.ranking) > 1:
        note = w["ranking_shown"].format(shown=len(doc.ranking) - 1, total=doc.ranking_total)
        slides.append(SlideContent(w["ranking_heading"], (), (), _footer(w, range(1, len(doc.sources) + 1)),
                                   table=tuple(tuple(_cell(c, rtl) for c in r) for r in doc.ranking), note=note,
                                   bold_rows=frozenset({doc.ranking_current} if doc.ranking_current else ())))
    # As the town pack writes them: wrapping the English title left-to-right would mirror the brackets
    # around its Hebrew part in LibreOffice.
    return SlidePack(lang=doc.lang, rtl=rtl, title=doc.indicator_name, subtitle=doc.subtitle, link=doc.link,
                     date=doc.date, slides=tuple(slides), sources=source_lines(doc.sources, w), words=w)


def gap_pptx(doc: GapDocument) -> bytes:
    """The slide pack as bytes (module-level, so the file worker can run it)."""
    return pptx_bytes(gap_pack(doc))


PNG, JPEG = "image/png", "image/jpeg"


def _img(data: bytes, alt: str, mime: str = PNG) -> str:
    return f'<img class="chart" alt="{_e(alt)}" src="data:{mime};base64,{base64.b64encode(data).decode()}">'


GAP_CSS = """
.sentences p { margin: 0 0 1.5mm 0; }
.figures { display: flex; gap: 4mm; margin: 3mm 0; }
.figure { flex: 1; border: 0.6pt solid #ccc; border-radius: 1mm; padding: 2mm; }
.figure .name { font-size: 8pt; color: #555; }
.figure .value { font-size: 12pt; font-weight: bold; }
img.chart { width: 100%; margin: 2mm 0; }
tr.current td { font-weight: bold; background: #eef4fa; }
.keep { break-inside: avoid; }  /* a heading goes to the next page with its chart, not left alone above it */
"""


def gap_html(doc: GapDocument) -> str:
    w = doc.words
    figures = "".join(f'<div class="figure"><div class="name">{_e(name)}</div><div class="value">'
                      f'{_num(number, "") if number else ""} {_e(words)}</div>'
                      f'<div class="name">{_e(detail)}</div></div>' for name, number, words, detail in doc.key_figures)
    towns = "".join(_img(jpeg, w["towns_heading"], JPEG) for jpeg in town_charts(doc, TOWNS_PER_IMAGE, for_pdf=True))
    head, *rows = doc.ranking or ((),)
    ranking = "".join(
        f'<tr{" class=current" if i == doc.ranking_current else ""}>'
        + "".join(f'<td{" class=num" if c else ""}>{_num(v, "") if _FIGURE.match(v) else _e(v)}</td>'
                  for c, v in enumerate(r)) + "</tr>"
        for i, r in enumerate(rows, start=1))
    ranking_block = (f'<h2>{_e(w["ranking_heading"])}</h2><p class="caption">{_e(w["ranking_caption"])} '
                     f'{_e(w["ranking_shown"].format(shown=len(rows), total=doc.ranking_total))}</p>'
                     f'<table><thead><tr>{"".join(f"<th>{_e(h)}</th>" for h in head)}</tr></thead>'
                     f'<tbody>{ranking}</tbody></table>') if rows else ""
    sources = sources_list(doc.sources, w)
    numbers = ", ".join(f"[{n}]" for n in doc.indicator_sources)
    return f"""{_page_head(doc, w)}
<div class="figures">{figures}</div>
<div class="sentences">{"".join(f"<p>{_e(s)}</p>" for s in doc.sentences)}</div>
<h2>{_e(w["gap_heading"])}</h2>{_img(gap_chart(doc), w["gap_heading"])}
<p class="caption">{_e(w["col_source"])}: {numbers}</p>
<div class="keep"><h2>{_e(w["towns_heading"])}</h2><p class="caption">{_e(w["towns_caption"])}</p>{towns}</div>
{ranking_block}
<h2>{_e(w["sources_heading"])}</h2><ol class="sources">{sources}</ol>
<p class="caption">{_e(w["sources_note"])}</p>
</body></html>"""


def gap_pdf(doc: GapDocument) -> bytes:
    return html_pdf(gap_html(doc))


def _page_head(doc, w: dict) -> str:
    """The opening of a gap-view or explorer PDF page: document head, title, subtitle, date and the link back."""
    direction = "rtl" if doc.rtl else "ltr"
    return f"""<!DOCTYPE html><html lang="{doc.lang}" dir="{direction}"><head><meta charset="utf-8">
<title>{_e(doc.title)}</title><style>{_css(doc)}{GAP_CSS}</style></head><body>
<h1>{_e(doc.title)}</h1>
<p class="subtitle">{_e(doc.subtitle)}</p>
<p class="meta">{_e(w["generated"])} <span class="ltr">{_e(doc.date)}</span> · {_e(w["link_label"])}:
<a class="ltr" href="{_e(doc.link)}">{_e(doc.link)}</a></p>"""
