"""Small rendering pieces used on several pages: the map legend and the source line under a chart or table."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from indicators.formatting import join_items
from indicators.source_register_view import distinct_publishers
from ui.i18n import translate


def map_legend(entries: list[tuple[str, str]], lang: str, title: str) -> None:
    """Colour swatches with their value ranges as text, plus the no-data swatch."""
    items = "".join(
        f'<span class="kmm-legend-item" role="listitem"><span class="kmm-swatch" style="background:{c}"></span>'
        f'<span dir="ltr">{html.escape(label)}</span></span>'
        for c, label in entries
    )
    items += ('<span class="kmm-legend-item" role="listitem">'
              '<span class="kmm-swatch" style="background:#c8c8c8"></span>'
              f"{html.escape(translate(lang, 'common.no_data'))}</span>")
    st.markdown(f'<div class="kmm-legend"><strong>{html.escape(title)}</strong>'
                f'<span class="kmm-legend" role="list" aria-label="{html.escape(title)}">{items}</span></div>',
                unsafe_allow_html=True)


def source_line(sources: pd.DataFrame, source_ids, lang: str) -> None:
    """"Source: CBS, … — editions …" under a chart or table."""
    used = sources[sources["source_id"].isin(set(source_ids))]
    if used.empty:
        return
    editions = join_items(sorted(used["edition"].unique()), lang)  # the Arabic comma in Arabic
    st.caption(f"{translate(lang, 'common.source_label')}: {distinct_publishers(used[publisher_column(used, lang)])} — "
               f"{translate(lang, 'common.editions')} {editions}")


def publisher_column(sources: pd.DataFrame, lang: str) -> str:
    """The publisher in the reader's language (sources.publisher_<lang>); the register's text if absent."""
    return f"publisher_{lang}" if f"publisher_{lang}" in sources.columns else "publisher"
