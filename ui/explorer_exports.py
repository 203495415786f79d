"""The indicator explorer's take-away files (PDF, slide pack) for the view as shown: the document is worded from
the page's own tables on click, and the files are written in the file worker (as the gap view's)."""
from __future__ import annotations

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from indicators.downloads.explorer_document import build_explorer_document
from ui import data_access
from ui.i18n import text_direction, translate
from ui.profile_exports import PDF_MIME, PPTX_MIME


def explorer_downloads(*, lang: str, link: str, meta, year: int, scope: str, scope_label: str, ranked: pd.DataFrame,
                       medians: dict, names: dict, highlight: str | None, trend: pd.DataFrame, medians_labels: list,
                       trend_axis: str, source_ids) -> None:
    """"PDF" and "Slide pack" buttons (indicator, year, area, chosen towns, language as on the page)."""
    from indicators.downloads import worker
    from indicators.downloads.explorer_files import explorer_pdf, explorer_pptx
    from indicators.downloads.town_profile_pdf import pdf_engine_available

    say = partial(translate, lang)

    def document():
        return build_explorer_document(
            lang=lang, rtl=text_direction(lang) == "rtl", link=link, date=dt.date.today().isoformat(), meta=meta,
            year=year, scope_label=scope_label,
            dimension_label=say(f"indicator_explorer.dimension_{meta['dimension']}"),
            ranked=ranked, medians=medians, names=names, highlight=highlight, trend=trend,
            medians_labels=medians_labels, trend_axis=trend_axis, sources=data_access.table("sources"),
            source_ids=source_ids, say=say)

    def build(render):
        return lambda: worker.run(render, document())  # on click: most visits never ask for a file

    stem = f"kmm-{meta['indicator_id']}-{year}-{scope}-{lang}"
    bar = st.container(horizontal=True, gap="small")
    if pdf_engine_available():
        bar.download_button(say("downloads.gap_pdf"), data=build(explorer_pdf), file_name=f"{stem}.pdf",
                            mime=PDF_MIME, key="explorer_pdf", icon=":material/picture_as_pdf:", on_click="ignore")
    else:
        st.info(say("downloads.gap_pdf_unavailable"))
    bar.download_button(say("downloads.slides"), data=build(explorer_pptx), file_name=f"{stem}.pptx",
                        mime=PPTX_MIME, key="explorer_pptx", icon=":material/slideshow:", on_click="ignore")
