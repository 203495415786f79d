"""The town profile as an A4 PDF: HTML and CSS laid out by WeasyPrint, whose text layout (pango with
HarfBuzz and FriBidi) shapes Arabic and orders right-to-left text; the bundled Noto fonts are embedded."""
from __future__ import annotations

import base64
import html
import re
import unicodedata

from indicators.downloads.profile_document import FigureRow, ProfileDocument, Section
from indicators.settings import ROOT

FONTS_DIR = ROOT / "static" / "fonts"
COLOURS = {"town": "#D55E00", "negev": "#0072B2", "peers": "#009E73"}  # Okabe–Ito, as on the page
_DATA_URI = re.compile(r'src="data:(image/[a-z+]+);base64,([^"]+)"')


def _font_faces() -> str:
    faces = []
    for family, stem in (("Noto Sans Hebrew", "NotoSansHebrew"), ("Noto Sans Arabic", "NotoSansArabic")):
        for weight, style in ((400, "Regular"), (700, "Bold")):
            url = (FONTS_DIR / f"{stem}-{style}.ttf").as_uri()
            faces.append(f'@font-face {{ font-family: "{family}"; src: url("{url}"); font-weight: {weight}; }}')
    return "\n".join(faces)


def font_families(lang: str) -> str:
    """The language's own Noto font first. The Hebrew and Arabic fonts carry no Latin letters (and the
    Hebrew one no digits): those come from DejaVu Sans, Debian's default, which WeasyPrint embeds too."""
    order = {"he": ("Noto Sans Hebrew", "DejaVu Sans", "Noto Sans Arabic"),
             "ar": ("Noto Sans Arabic", "DejaVu Sans", "Noto Sans Hebrew"),
             "en": ("DejaVu Sans", "Noto Sans Hebrew", "Noto Sans Arabic")}[lang]
    return ", ".join(f'"{f}"' for f in order) + ", sans-serif"


def _css(doc: ProfileDocument) -> str:
    families = font_families(doc.lang)
    # A CSS string, not HTML: only its quotes and backslashes need escaping.
    footer = f"{doc.title} · {doc.link}".replace("\\", "\\\\").replace('"', '\\"')
    return _font_faces() + f"""
@page {{ size: A4; margin: 14mm 13mm 16mm 13mm;
  @bottom-center {{ content: "{footer}"; font-family: {families}; font-size: 7pt; color: #666; }}
  @bottom-right {{ content: counter(page) "/" counter(pages); font-family: {families}; font-size: 7pt;
                  color: #666; }} }}
body {{ font-family: {families}; font-size: 9pt; line-height: 1.3; color: #222; }}
h1 {{ font-size: 20pt; margin: 0 0 2mm 0; }}
h2 {{ font-size: 13pt; margin: 6mm 0 2mm 0; border-bottom: 1.5pt solid #0072B2; padding-bottom: 1mm; }}
.subtitle {{ font-size: 10pt; margin: 0 0 1mm 0; }}
.meta {{ font-size: 8pt; color: #555; }}
.top {{ display: flex; gap: 6mm; align-items: flex-start; margin-top: 4mm; }}
.map {{ flex: 0 0 42mm; }}
.map svg {{ width: 42mm; height: 62mm; }}
.caption {{ font-size: 7.5pt; color: #555; }}
.about {{ flex: 1; }}
table {{ width: 100%; border-collapse: collapse; page-break-inside: auto; }}
tr {{ page-break-inside: avoid; }}
th {{ font-size: 7.5pt; text-align: start; color: #444; border-bottom: 0.8pt solid #999; padding: 1mm; }}
td {{ padding: 1.2mm 1mm; border-bottom: 0.4pt solid #ddd; vertical-align: middle; }}
td.num {{ white-space: nowrap; }}
.unit {{ font-size: 7pt; color: #666; }}
.bars {{ width: 34mm; }}
.bar {{ height: 2.2mm; margin: 0.5mm 0; border-radius: 0.5mm; }}
.legend span {{ display: inline-block; margin-inline-end: 4mm; font-size: 7.5pt; }}
.swatch {{ display: inline-block; width: 3mm; height: 3mm; margin-inline-end: 1mm; vertical-align: middle; }}
.missing {{ color: #777; font-style: italic; }}
ol.sources {{ font-size: 8pt; padding-inline-start: 5mm; }}
ol.sources li {{ margin-bottom: 1.5mm; }}
.ltr {{ direction: ltr; unicode-bidi: isolate; }}
a {{ color: #0563C1; text-decoration: none; }}
"""


def text_direction(text: str) -> str:
    """"rtl" when the text's first letter is Hebrew or Arabic (the first strong character, as dir="auto")."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def sources_list(sources, words: dict) -> str:
    """The <li> items of a document's sources (every PDF: profile, gap view, explorer), publisher and title in
    the reader's language. They are one isolated piece in their own direction, so an English name left where a
    translation is missing keeps its order inside Hebrew or Arabic text, and vice versa."""
    return "".join(
        f'<li><bdi dir="{text_direction(s.publisher)}">{_e(s.publisher)}, <em>{_e(s.title)}</em></bdi> — '
        f'{_e(words["edition"])} <span class="ltr">{_e(s.edition)}</span><br>'
        f'<a class="ltr" href="{_e(s.url)}">{_e(s.url)}</a></li>'
        for s in sources)


def _e(text) -> str:
    return html.escape("" if text is None else str(text))


def _num(text: str | None, missing: str) -> str:
    """A figure kept left-to-right inside Hebrew or Arabic (else "-0.1%" shows as "0.1%-")."""
    return f'<span class="ltr">{_e(text)}</span>' if text is not None else f'<span class="missing">{_e(missing)}</span>'


def _bars(row: FigureRow) -> str:
    """Town, Negev median and peer-group median as three bars on the figure's own scale."""
    values = {"town": row.value, "negev": row.negev, "peers": row.peers}
    largest = max((abs(v) for v in values.values() if v is not None), default=0)
    if not largest:
        return ""
    return "".join(f'<div class="bar" style="width:{abs(v) / largest * 100:.1f}%;background:{COLOURS[k]}"></div>'
                   if v is not None else '<div class="bar"></div>' for k, v in values.items())


def _sparkline(trend, width: int = 70, height: int = 20) -> str:
    """The town's series as a small line (no text: the table beside it gives the figures)."""
    if len(trend) < 2:
        return ""
    years, values = zip(*trend, strict=True)
    low, high = min(values), max(values)
    span_x, span_y = (max(years) - min(years)) or 1, (high - low) or 1
    points = " ".join(f"{2 + (y - min(years)) / span_x * (width - 4):.1f},"
                      f"{height - 2 - (v - low) / span_y * (height - 4):.1f}" for y, v in trend)
    # Time runs left to right in both directions of text, as on the page's charts.
    return (f'<svg class="ltr" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}"><polyline points="{points}" fill="none" stroke="{COLOURS["town"]}" '
            'stroke-width="1.5"/></svg>')


def _section(section: Section, w: dict[str, str]) -> str:
    head = "".join(f"<th>{_e(w[k])}</th>" for k in ("col_indicator", "col_value", "col_year", "col_negev",
                                                     "col_peers", "col_compare", "col_trend", "col_source"))
    rows = []
    for row in section.rows:
        reason = row.missing_reason or w["no_data"]
        source = f"[{row.source_number}]" if row.source_number else ""
        rows.append(
            f'<tr><td><strong>{_e(row.name)}</strong><div class="unit">{_e(row.unit)}</div></td>'
            f'<td class="num">{_num(row.value_text, reason)}</td><td class="num">{_e(row.year or "")}</td>'
            f'<td class="num">{_num(row.negev_text, w["no_data"])}</td>'
            f'<td class="num">{_num(row.peers_text, w["no_data"])}</td>'
            f'<td class="bars">{_bars(row)}</td><td>{_sparkline(row.trend)}</td><td class="num">{source}</td></tr>')
    return f"<h2>{_e(section.title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def profile_html(doc: ProfileDocument) -> str:
    w = doc.words
    legend = "".join(f'<span><span class="swatch" style="background:{COLOURS[k]}"></span>{_e(w[f"legend_{k}"])}</span>'
                     for k in ("town", "negev", "peers"))
    # Each name in its own direction: an English name (no Arabic name published for a town outside the
    # Negev) would otherwise run into its neighbours across the Arabic commas.
    peers = (("، " if doc.lang == "ar" else ", ").join(f'<bdi dir="{text_direction(n)}">{_e(n)}</bdi>'
                                                      for n in doc.peer_names)
             if doc.peer_names else _e(w["peers_none"]))
    map_block = (f'<div class="map">{doc.map_svg}<div class="caption">{_e(w["map_caption"])}</div></div>'
                 if doc.map_svg else "")
    sources = sources_list(doc.sources, w)
    direction = "rtl" if doc.rtl else "ltr"
    return f"""<!DOCTYPE html><html lang="{doc.lang}" dir="{direction}"><head><meta charset="utf-8">
<title>{_e(doc.title)}</title><style>{_css(doc)}</style></head><body>
<h1>{_e(doc.title)}</h1>
<p class="subtitle">{_e(doc.subtitle)}</p>
<p class="meta">{_e(w["generated"])} <span class="ltr">{_e(doc.date)}</span> · {_e(w["link_label"])}:
<a class="ltr" href="{_e(doc.link)}">{_e(doc.link)}</a></p>
<div class="top">{map_block}<div class="about"><p>{_e(w["intro"])}</p>
<p><strong>{_e(w["peers_heading"])}</strong> {peers}</p><p class="caption">{_e(w["medians_note"])}</p>
<div class="legend">{legend}</div></div></div>
{"".join(_section(s, w) for s in doc.sections)}
<h2>{_e(w["sources_heading"])}</h2><ol class="sources">{sources}</ol>
<p class="caption">{_e(w["sources_note"])}</p>
</body></html>"""


def pdf_engine_available() -> bool:
    """Whether the system libraries WeasyPrint loads are installed (.ci/ensure_pdf_libs.sh installs them)."""
    from ctypes.util import find_library

    return all(find_library(name) for name in ("pango-1.0", "pangoft2-1.0", "harfbuzz"))


def html_pdf(page: str) -> bytes:
    """Any of our documents' HTML as a PDF. Charts embedded as data: URIs are handed to WeasyPrint by a fetcher
    instead: its HTML parser takes seconds over the megabytes of base64 of a long ranking's images."""
    from weasyprint import HTML  # heavy (pango, fonts): loaded only when a PDF is asked for
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    images: dict[str, tuple[str, str]] = {}

    def set_aside(match: re.Match) -> str:
        url = f"kmm-chart:{len(images)}"
        images[url] = (match[1], match[2])
        return f'src="{url}"'

    class Fetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url in images:
                mime, data = images[url]
                return URLFetcherResponse(url, base64.b64decode(data), {"Content-Type": mime})
            return super().fetch(url, headers)

    return HTML(string=_DATA_URI.sub(set_aside, page), base_url=str(ROOT), url_fetcher=Fetcher()).write_pdf()


def profile_pdf(doc: ProfileDocument) -> bytes:
    return html_pdf(profile_html(doc))
