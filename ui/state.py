"""Widgets whose value lives in the URL (so a copied link reopens the same view) and in the session
(so switching pages keeps the town, indicator and year). The URL wins when it says something."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.layout import add_url_note, show_url_notes
from ui.url_params import format_list, parse_choice, parse_list


def _kept(param: str):
    return st.session_state.get(f"keep_{param}")


def _sync_to_url(param: str, key: str, is_list: bool) -> None:
    value = st.session_state[key]
    st.query_params[param] = format_list(value) if is_list else str(value)


def initial_choice(param: str, options: Sequence, default):
    """The value to show: the URL's if valid, else this session's last choice, else the default."""
    raw = st.query_params.get(param)
    value, ok = parse_choice(raw, options, None)
    if not ok:
        add_url_note(param, raw)
    if value is None:
        kept = _kept(param)
        value = kept if kept in options else default
    return value


def url_selectbox(param: str, label: str, options: Sequence, default, format_func: Callable = str,
                  container=st, widget=None, **kwargs):
    """A selectbox (or radio/segmented control via `widget`) bound to ?<param>=."""
    key = f"w_{param}"
    st.session_state[key] = initial_choice(param, options, default)
    make = widget or container.selectbox
    choice = make(label, options, key=key, format_func=format_func,
                  on_change=_sync_to_url, args=(param, key, False), **kwargs)
    st.session_state[f"keep_{param}"] = choice
    st.query_params[param] = str(choice)
    show_url_notes(st.session_state.get("lang", "he"), param, container)
    return choice


def url_multiselect(param: str, label: str, options: Sequence, default: list, format_func: Callable = str,
                    max_selections: int | None = None, container=st, **kwargs) -> list:
    """A multiselect bound to ?<param>=a,b,c."""
    key = f"w_{param}"
    raw = st.query_params.get(param)
    values, ok = parse_list(raw, options, [], max_selections)
    if not ok:
        add_url_note(param, raw)
    if raw is None or (not values and not ok):
        # Nothing in the link (or nothing usable): this session's last choice, else the default.
        kept = _kept(param)
        values = [v for v in kept if v in options] if kept is not None else list(default)
    st.session_state[key] = values
    chosen = container.multiselect(label, options, key=key, format_func=format_func,
                                   max_selections=max_selections,
                                   on_change=_sync_to_url, args=(param, key, True), **kwargs)
    st.session_state[f"keep_{param}"] = chosen
    st.query_params[param] = format_list(chosen)
    show_url_notes(st.session_state.get("lang", "he"), param, container)
    return chosen


def _sync_toggle_to_url(param: str, key: str) -> None:
    st.query_params[param] = "1" if st.session_state[key] else "0"


def url_toggle(param: str, label: str, default: bool, container=st, **kwargs) -> bool:
    """An on/off switch bound to ?<param>=1 / 0."""
    key = f"w_{param}"
    st.session_state[key] = initial_choice(param, ("0", "1"), "1" if default else "0") == "1"
    on = container.toggle(label, key=key, on_change=_sync_toggle_to_url, args=(param, key), **kwargs)
    st.session_state[f"keep_{param}"] = "1" if on else "0"
    st.query_params[param] = "1" if on else "0"
    show_url_notes(st.session_state.get("lang", "he"), param, container)
    return on


def url_tabs(param: str, labels: dict[str, str], key: str) -> dict[str, object]:
    """Tabs bound to ?<param>=<code>: the code, not the label, so that a shared link opens the same tab in
    any language. The tabs track which one is open (a switch reruns the page), so `tab.open` is True for
    that one only and the caller builds only its content. Returns code -> tab container."""
    codes = list(labels)
    requested = initial_choice(param, codes, codes[0])  # the link's (a wrong one noted), else the session's
    if st.session_state.get(key) not in labels.values():  # no tab open yet here, or the language changed
        st.session_state[key] = labels[requested]
    # No `default`: it is part of the widget's identity, and one identity keeps the tab that a click (or the
    # session state) opened. A switch reruns the page, which then writes the open tab into the link.
    tabs = st.tabs(list(labels.values()), key=key, on_change="rerun")
    opened = next((code for code, tab in zip(codes, tabs, strict=True) if tab.open), codes[0])
    st.session_state[f"keep_{param}"] = opened
    st.query_params[param] = opened
    show_url_notes(st.session_state.get("lang", "he"), param)
    return dict(zip(codes, tabs, strict=True))
