"""Download bars for pages: a table as CSV and Excel, a chart as PNG and SVG, each file carrying its
title, sources, unit, years, date of download and the link back to the view."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from indicators.downloads.csv_file import csv_bytes
from indicators.downloads.excel_file import excel_bytes
from indicators.downloads.header_block import HeaderBlock
from indicators.source_register_view import distinct_publishers
from ui import data_access
from ui.i18n import text_direction, translate

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def view_link() -> str:
    """The address of the view as the user sees it, with its URL parameters, so a file leads back."""
    base = st.context.url or ""
    params = st.query_params.to_dict()
    return f"{base}?{urlencode(params)}" if params else base


def source_text(source_ids: Sequence[str], lang: str) -> str:
    """"Central Bureau of Statistics — editions 2019, 2021" for the sources behind a table or chart."""
    sources = data_access.table("sources")
    used = sources[sources["source_id"].isin(set(source_ids))]
    if used.empty:
        return ""
    editions = ", ".join(str(e) for e in sorted(used["edition"].unique()))
    column = f"publisher_{lang}" if f"publisher_{lang}" in used.columns else "publisher"  # the reader's language
    return f"{distinct_publishers(used[column])} — {translate(lang, 'common.editions')} {editions}"


def years_text(table: pd.DataFrame) -> str:
    if "year" not in table.columns or table["year"].dropna().empty:
        return ""
    first, last = int(table["year"].min()), int(table["year"].max())
    return str(first) if first == last else f"{first}–{last}"


def unit_text(table: pd.DataFrame) -> str:
    """The unit when the whole table has one (several indicators: each row carries its own)."""
    if "unit" not in table.columns:
        return ""
    units = table["unit"].dropna().unique()
    return str(units[0]) if len(units) == 1 else ""


def header_block(title: str, lang: str, source_ids: Sequence[str] = (), unit: str = "", years: str = "") -> HeaderBlock:
    def label(key: str) -> str:
        return translate(lang, f"downloads.{key}")

    return HeaderBlock(
        title=title,
        lines=((label("source"), source_text(source_ids, lang)), (label("unit"), unit), (label("years"), years),
               (label("downloaded"), dt.date.today().isoformat())),
        link=view_link(), link_label=label("link"), rtl=text_direction(lang) == "rtl")


def value_decimals(table: pd.DataFrame) -> dict[str, list[int]]:
    """Each row's `value` shown with its own indicator's decimals."""
    if not {"indicator_id", "value"} <= set(table.columns):
        return {}
    decimals = data_access.table("indicators").set_index("indicator_id")["decimals"]
    return {"value": [int(decimals.get(i, 2)) for i in table["indicator_id"]]}


def table_downloads(table: pd.DataFrame, file_stem: str, lang: str, key: str, title: str,
                    source_ids: Sequence[str] | None = None, unit: str | None = None,
                    csv_label: str | None = None, decimals: dict | None = None) -> None:
    """CSV and Excel buttons side by side. The CSV keeps the widget key pages had before; the workbook is
    written only when its button is clicked."""
    if source_ids is None:
        source_ids = table["source_id"].dropna().unique().tolist() if "source_id" in table.columns else []
    block = header_block(title, lang, source_ids, unit if unit is not None else unit_text(table), years_text(table))
    formats = {**value_decimals(table), **(decimals or {})}
    bar = st.container(horizontal=True, gap="small")
    bar.download_button(csv_label or translate(lang, "common.download_csv"), data=lambda: csv_bytes(table),
                         file_name=f"{file_stem}.csv", mime="text/csv", key=key, icon=":material/download:",
                         on_click="ignore")
    bar.download_button(translate(lang, "downloads.excel"), data=lambda: excel_bytes(table, block, formats),
                          file_name=f"{file_stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx",
                          icon=":material/table_view:", on_click="ignore")


def embed_code(lang: str) -> None:
    """The iframe that shows this view's chart on another site (ui/embed.py answers ?embed=true)."""
    link = view_link()
    src = f"{link}{'&' if '?' in link else '?'}embed=true"
    with st.popover(translate(lang, "downloads.embed_code"), icon=":material/code:"):
        st.code(f'<iframe src="{src}" width="100%" height="560" style="border:0" loading="lazy"></iframe>',
                language="html")


def chart_downloads(figure, lang: str, key: str, file_stem: str, source_ids: Sequence[str],
                    title: str | None = None, embeddable: bool = False) -> None:
    """PNG and SVG of a chart with its source line and link drawn in. Drawn only when asked (the first
    image starts a headless Chromium, about 10 s; later ones take about a second), then offered as two
    download buttons until the view changes."""
    from indicators.downloads.chart_image import ChartExportUnavailable, captioned, render

    link = view_link()
    state_key = f"chart_files_{key}"
    ready = st.session_state.get(state_key)
    if ready is not None and ready["link"] != link:
        ready = None
    bar = st.container(horizontal=True, gap="small")
    if embeddable:
        with bar:
            embed_code(lang)
    if ready is None:
        if not bar.button(translate(lang, "downloads.prepare_image"), key=f"{key}_prepare",
                          icon=":material/image:", type="tertiary"):
            return
        source = source_text(source_ids, lang)
        caption = f"{translate(lang, 'downloads.source')}: {source}" if source else ""
        export = captioned(figure, caption, link, text_direction(lang) == "rtl", title)
        try:
            with st.spinner(translate(lang, "downloads.preparing_image")):
                ready = {"link": link, "png": render(export, "png"), "svg": render(export, "svg")}
        except ChartExportUnavailable:
            st.warning(translate(lang, "downloads.image_unavailable"), icon=":material/warning:")
            return
        st.session_state[state_key] = ready
    bar.download_button(translate(lang, "downloads.png"), data=ready["png"], file_name=f"{file_stem}.png",
                        mime="image/png", key=f"{key}_png", icon=":material/download:", on_click="ignore")
    bar.download_button(translate(lang, "downloads.svg"), data=ready["svg"], file_name=f"{file_stem}.svg",
                        mime="image/svg+xml", key=f"{key}_svg", icon=":material/download:", on_click="ignore")
