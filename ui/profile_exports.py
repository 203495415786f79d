"""The town profile's take-away files (PDF profile, slide pack): their content assembled from the page's
cached data in the reader's language; the files themselves are written only when a button is clicked."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from indicators.coverage import gap_reasons
from indicators.downloads.headline import headline_indicators
from indicators.downloads.map_svg import town_map_svg
from indicators.downloads.profile_document import ProfileDocument, build_document
from indicators.formatting import format_number, join_items
from indicators.settings import DIMENSIONS
from ui import data_access, prices
from ui import town_profile_data as data
from ui.i18n import text_direction, translate

REASONS = gap_reasons()  # every reason data/schema.yml accepts, so a new one reaches the PDF and slides too
PDF_MIME = "application/pdf"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _words(lang: str, town_name: str, area: str) -> dict[str, str]:
    def w(key: str, **values) -> str:
        return translate(lang, f"downloads.{key}", **values)

    keys = ("peers_heading", "peers_none", "medians_note", "legend_negev", "legend_peers", "col_indicator",
            "col_value", "col_year", "col_negev", "col_peers", "col_compare", "col_trend", "col_source",
            "sources_heading", "sources_note", "edition", "generated", "link_label", "no_data",
            "title_slide_subtitle", "key_figures")
    words = {k: w(k) for k in keys}
    words |= {"intro": w("profile_intro", town=town_name), "legend_town": w("legend_town", town=town_name),
              "map_caption": w("map_caption", town=town_name, area=area)}
    return words


def _subtitle(lang: str, info: dict, population, district: str) -> str:
    kind = translate(lang, f"town_profile.kind_{info['kind']}")
    if population.value is None:
        return translate(lang, "town_profile.header_line_short", kind=kind, district=district)
    return translate(lang, "town_profile.header_line", kind=kind, district=district, year=population.year,
                     population=format_number(population.value, 0))


@st.cache_data(show_spinner=False, max_entries=64)
def profile_document(town: str, lang: str, link: str, basis: str) -> ProfileDocument:
    """basis: the page's price switch; in constant prices the shekel trends are drawn in the base year's prices."""
    names = data_access.names_of_authorities(lang)
    info = data.authority(town)
    cards = data.cards(town)
    district = translate(lang, f"town_profile.district_{info['district_en'].lower().replace(' ', '_')}")
    area = translate(lang, "downloads.area_negev") if info["is_negev"] else district
    reasons = {code: translate(lang, f"town_profile.reason_{code}") for code in REASONS}
    reasons[""] = translate(lang, "town_profile.reason_none")
    map_svg = town_map_svg(data_access.table("boundaries"), town, data.rank_group(town), label=names[town])
    words = _words(lang, names[town], area)
    constant = basis == prices.CONSTANT
    if constant:
        words["medians_note"] += " " + prices.document_note(lang)
    return build_document(
        lang=lang, rtl=text_direction(lang) == "rtl", town_name=names[town],
        subtitle=_subtitle(lang, info, cards["population"], district), link=link, date=dt.date.today().isoformat(),
        cards=cards, indicators=data_access.table("indicators"),
        town_values=data_access.authority_values(town), sources=data_access.table("sources"),
        headline=headline_indicators(data_access.table("indicators")),
        dimension_titles={d: translate(lang, f"town_profile.dimension_{d}") for d in DIMENSIONS},
        words=words, reasons=reasons, map_svg=map_svg, peer_names=tuple(names[p] for p in data.peers(town)),
        price_index=data_access.table("price_index") if constant else None)


def profile_downloads(town: str, lang: str, link: str) -> None:
    """"PDF profile" and "Slide pack" buttons: each file is written when its button is clicked, on a
    thread of its own, so the page and other visitors' pages do not wait for it."""
    from indicators.downloads import worker
    from indicators.downloads.slide_pack import town_pptx
    from indicators.downloads.town_profile_pdf import pdf_engine_available, profile_pdf

    document = profile_document(town, lang, link, prices.chosen())
    bar = st.container(horizontal=True, gap="small")
    if pdf_engine_available():
        bar.download_button(translate(lang, "downloads.pdf"), data=lambda: worker.run(profile_pdf, document),
                            file_name=f"kmm-profile-{town}-{lang}.pdf", mime=PDF_MIME, key="town_pdf",
                            icon=":material/picture_as_pdf:", on_click="ignore")
    else:
        st.info(translate(lang, "downloads.pdf_unavailable"))
    bar.download_button(translate(lang, "downloads.slides"), data=lambda: worker.run(town_pptx, document),
                        file_name=f"kmm-slides-{town}-{lang}.pptx", mime=PPTX_MIME, key="town_pptx",
                        icon=":material/slideshow:", on_click="ignore")


def comparison_downloads(chosen: tuple[str, ...], lang: str, link: str) -> None:
    """"PDF" and "Slide pack" of the towns compared, from the same content (written when a button is clicked)."""
    from indicators.downloads import worker
    from indicators.downloads.comparison_pdf import comparison_pdf
    from indicators.downloads.slide_pack import comparison_pptx
    from indicators.downloads.town_profile_pdf import pdf_engine_available

    names = data_access.names_of_authorities(lang)
    town_names = {a: names[a] for a in chosen}
    words = _words(lang, "", "")
    words["compare_title"] = translate(lang, "downloads.compare_title", names=join_items(town_names.values(), lang))
    dimension_titles = {d: translate(lang, f"town_profile.dimension_{d}") for d in DIMENSIONS}
    today = dt.date.today().isoformat()

    def build(render):
        # Everything is gathered on click, on the download's own thread: the towns' cards take a moment
        # each, and most visits to the compare page never ask for a file.
        def make() -> bytes:
            indicators, sources = data_access.table("indicators"), data_access.table("sources")
            return worker.run(render, dict(
                lang=lang, rtl=text_direction(lang) == "rtl", town_names=town_names,
                cards={a: data.cards(a) for a in chosen}, indicators=indicators,
                town_values={a: data_access.authority_values(a) for a in chosen}, sources=sources,
                headline=headline_indicators(indicators), dimension_titles=dimension_titles, words=words,
                link=link, date=today))
        return make

    stem = f"kmm-compare-{'-'.join(chosen)}-{lang}"
    bar = st.container(horizontal=True, gap="small")
    if pdf_engine_available():
        bar.download_button(translate(lang, "downloads.gap_pdf"), data=build(comparison_pdf), mime=PDF_MIME,
                            key="compare_pdf", file_name=f"{stem}.pdf", icon=":material/picture_as_pdf:",
                            on_click="ignore")
    else:
        st.info(translate(lang, "downloads.gap_pdf_unavailable"))
    bar.download_button(translate(lang, "downloads.slides"), data=build(comparison_pptx), mime=PPTX_MIME,
                        key="compare_pptx", file_name=f"{stem}.pptx", icon=":material/slideshow:", on_click="ignore")
