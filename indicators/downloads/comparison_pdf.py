"""The comparison of several towns as an A4 PDF, from the same content as its slide pack (slide_pack.comparison_
content): per dimension the key figures as one bar per town and their figures with each town's year, then every
source and the link back. Laid out by the town profile's HTML and CSS (WeasyPrint)."""
from __future__ import annotations

from indicators.downloads.bar_image import bar_groups_png
from indicators.downloads.gap_files import GAP_CSS, _img
from indicators.downloads.slide_pack import SlideContent, SlidePack, comparison_content
from indicators.downloads.town_profile_pdf import _css, _e, html_pdf, sources_list


def _dimension(slide: SlideContent, pack: SlidePack) -> str:
    chart = _img(bar_groups_png(list(slide.groups), pack.lang, pack.rtl), slide.title) if slide.groups else ""
    rows = "".join(f"<tr><td><strong>{_e(name)}</strong></td><td>{_e(line)}</td></tr>"
                   for name, line in slide.key_figures)
    return (f'<div class="keep"><h2>{_e(slide.title)}</h2>{chart}</div>'
            f'<table><tbody>{rows}</tbody></table><p class="caption">{_e(slide.footer)}</p>')


def comparison_html(arguments: dict) -> str:
    """arguments: comparison_content's keyword arguments (as for the slide pack)."""
    pack, entries = comparison_content(**arguments)
    w = pack.words
    direction = "rtl" if pack.rtl else "ltr"
    return f"""<!DOCTYPE html><html lang="{pack.lang}" dir="{direction}"><head><meta charset="utf-8">
<title>{_e(pack.title)}</title><style>{_css(pack)}{GAP_CSS}
img.chart {{ width: 80%; }}</style></head><body>
<h1>{_e(pack.title)}</h1>
<p class="meta">{_e(w["generated"])} <span class="ltr">{_e(pack.date)}</span> · {_e(w["link_label"])}:
<a class="ltr" href="{_e(pack.link)}">{_e(pack.link)}</a></p>
{"".join(_dimension(s, pack) for s in pack.slides)}
<h2>{_e(w["sources_heading"])}</h2><ol class="sources">{sources_list(entries, w)}</ol>
<p class="caption">{_e(w["sources_note"])}</p>
</body></html>"""


def comparison_pdf(arguments: dict) -> bytes:
    """The comparison's PDF as bytes (module-level, so the file worker can run it)."""
    return html_pdf(comparison_html(arguments))
