"""Every data table of the app goes through show(), every editable one through edit(): in Hebrew and Arabic
the columns are listed backwards, so the first column stands at the right (the grid itself does not
mirror), and text sits at the right of its cell."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.table_layout import display_order
from ui.i18n import text_direction


def show(lang: str, data, container=st, column_order=None, column_config=None, **kwargs):
    """st.dataframe of `data` (in `container`) with the column order of the language's direction. Pinned
    columns are unpinned in RTL: the grid can pin only at its left edge, which would pull the first column
    away from the right."""
    order, config = _layout(lang, data, column_order, column_config)
    return container.dataframe(data, column_order=order, column_config=config, **kwargs)


def edit(lang: str, data: pd.DataFrame, container=st, column_order=None, column_config=None, **kwargs):
    """st.data_editor laid out as show() lays out a table. Only the display order changes: the editor
    still returns the frame with its own columns, and its edits are keyed by column name."""
    order, config = _layout(lang, data, column_order, column_config)
    return container.data_editor(data, column_order=order, column_config=config, **kwargs)


def _layout(lang: str, data, column_order, column_config) -> tuple[list[str], dict | None]:
    """The column order and settings of a grid in the language's direction."""
    rtl = text_direction(lang) == "rtl"
    columns = column_order if column_order is not None else data.columns
    config = dict(column_config or {})
    if rtl:
        frame = getattr(data, "data", data)  # a Styler's frame
        text = {str(c) for c in frame.columns if pd.api.types.is_object_dtype(frame[c])
                or pd.api.types.is_string_dtype(frame[c])}
        config = {str(k): _unpinned(v) for k, v in config.items()}
        config |= {c: _right_aligned(config.get(c)) for c in text}
    return display_order(columns, rtl), config or None


def _unpinned(config):
    if isinstance(config, dict) and config.get("pinned"):
        return {**config, "pinned": False}
    return config


def _right_aligned(config):
    """Hebrew and Arabic text starts at the right of its cell (a column set up otherwise keeps its own)."""
    if config is None:
        return {"alignment": "right"}
    if isinstance(config, str):
        return {"label": config, "alignment": "right"}
    if isinstance(config, dict) and not config.get("alignment"):
        return {**config, "alignment": "right"}
    return config
