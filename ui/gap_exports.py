"""The population-gap view's take-away files (PDF, slide pack): their content assembled from the page's cached
tables in the reader's language; the files are written in the file worker only when a button is clicked."""
from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st

from indicators import group_gaps
from indicators.downloads.gap_document import GapDocument, build_gap_document, gap_words
from indicators.prices import CURRENT
from ui import data_access, prices
from ui import gap_view as view
from ui.i18n import text_direction, translate
from ui.profile_exports import PDF_MIME, PPTX_MIME


@st.cache_data(show_spinner=False, max_entries=32)
def gap_document(indicator_id: str, scope: str, basis: str, lang: str, link: str) -> GapDocument:
    """The same tables the page draws (cached there), worded for the documents."""
    say = partial(translate, lang)
    meta = data_access.indicator_meta(indicator_id)
    table = view.gap_table(indicator_id, scope, basis)
    trend = group_gaps.gap_trend(table, meta["direction"])
    groups = view.groups(scope)
    values = data_access.indicator_values(indicator_id)
    towns = group_gaps.town_distances(values, trend.last_year, groups)
    group_labels = (say("population_gaps.group_arab", count=len(groups[group_gaps.FIRST])),
                    say("population_gaps.group_jewish_others", count=len(groups[group_gaps.SECOND])))
    in_area = set(view.area_ids(scope))
    indicator_sources = values.loc[values["authority_id"].isin(in_area), "source_id"].dropna().unique()
    unit_label = meta[f"unit_{lang}"]
    return build_gap_document(
        lang=lang, rtl=text_direction(lang) == "rtl", link=link, date=dt.date.today().isoformat(), meta=meta,
        scope_label=say(f"population_gaps.scope_{scope}"), group_labels=group_labels,
        unit_label=prices.axis_unit(lang, meta["unit"], unit_label, basis),
        towns_unit_label=prices.axis_unit(lang, meta["unit"], unit_label, CURRENT), table=table, trend=trend,
        towns=towns, names=data_access.names_of_authorities(lang), ranked=view.ranking(scope),
        indicator_names=data_access.names_of_indicators(lang), sources=data_access.table("sources"),
        indicator_source_ids=sorted(indicator_sources), ranking_source_ids=view.area_sources(scope),
        words=gap_words(say, group_labels, trend.last_year), say=say)


def gap_downloads(indicator_id: str, scope: str, basis: str, lang: str, link: str) -> None:
    """"PDF" and "Slide pack" buttons for the view as shown (indicator, area, price basis, language)."""
    from indicators.downloads import worker
    from indicators.downloads.gap_files import gap_pdf, gap_pptx
    from indicators.downloads.town_profile_pdf import pdf_engine_available

    def build(render):
        # Gathered on click, on the download's own thread: most visits never ask for a file.
        return lambda: worker.run(render, gap_document(indicator_id, scope, basis, lang, link))

    stem = f"kmm-gaps-{indicator_id}-{scope}-{lang}"
    bar = st.container(horizontal=True, gap="small")
    if pdf_engine_available():
        bar.download_button(translate(lang, "downloads.gap_pdf"), data=build(gap_pdf), file_name=f"{stem}.pdf",
                            mime=PDF_MIME, key="gaps_pdf", icon=":material/picture_as_pdf:", on_click="ignore")
    else:
        st.info(translate(lang, "downloads.gap_pdf_unavailable"))
    bar.download_button(translate(lang, "downloads.slides"), data=build(gap_pptx), file_name=f"{stem}.pptx",
                        mime=PPTX_MIME, key="gaps_pptx", icon=":material/slideshow:", on_click="ignore")
