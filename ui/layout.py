"""Page chrome shared by every page: language from the URL, right-to-left styling, the language switch."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from indicators.settings import LANGUAGES
from ui import chunk_preload, data_access
from ui.i18n import resolve_language, text_direction, translate
from ui.safe_text import markdown_literal

_HERE = Path(__file__).resolve().parent
_BASE_CSS = (_HERE / "base.css").read_text(encoding="utf-8")
_RTL_CSS = (_HERE / "style.css").read_text(encoding="utf-8")
_RTL_GRIDS_JS = (_HERE / "rtl_grids.js").read_text(encoding="utf-8")
LANGUAGE_NAMES = {"he": "עברית", "en": "English", "ar": "العربية"}
_LANG_KEY = "ui_lang"  # the sidebar's switch
_TOP_LANG_KEY = "ui_lang_top"  # the same switch at the top of the main area (a phone hides the sidebar)


def current_language() -> str:
    """The language in force: ?lang= in the URL, else the one chosen earlier this session."""
    requested = st.query_params.get("lang")
    if requested is None:
        return st.session_state.get("lang", "he")
    lang, valid = resolve_language(requested)
    if not valid:
        add_url_note("lang", requested)
    return lang


def add_url_note(param: str, value: str) -> None:
    """Remember an unusable URL value; the widget that fell back shows the note beside itself."""
    st.session_state.setdefault("url_notes", []).append((param, value))


def show_url_notes(lang: str, param: str | None = None, container=st) -> None:
    """Show (and forget) the waiting notes, or only those about `param`, in `container`."""
    waiting = st.session_state.get("url_notes", [])
    shown = [(p, v) for p, v in waiting if param is None or p == param]
    st.session_state["url_notes"] = [note for note in waiting if note not in shown]
    for name, value in shown:
        container.warning(translate(lang, "common.invalid_param", param=markdown_literal(name),
                                    value=markdown_literal(value)), icon="⚠️")


def apply_language(lang: str, preload: tuple[str, ...] = ()) -> None:
    """Keep the language in session state and in the URL, and style the page for its direction. The same
    first element asks the browser to fetch the code of the page's heavy elements (`preload`) early."""
    st.session_state["lang"] = lang
    st.query_params["lang"] = lang
    rtl = text_direction(lang) == "rtl"
    css = _BASE_CSS + (_RTL_CSS if rtl else "")
    st.markdown(f"<style>{css}</style>{chunk_preload.links(preload)}", unsafe_allow_html=True)
    if rtl:  # the data grids cannot mirror: start them at their right edge (ui/rtl_grids.js, fixed text)
        st.html(f"<script>{_RTL_GRIDS_JS}</script>", unsafe_allow_javascript=True)


def _on_language_change(key: str) -> None:
    """Only ?lang= changes: the page and its other parameters (town, indicator...) stay as they are."""
    st.query_params["lang"] = st.session_state[key]
    st.session_state["lang"] = st.session_state[key]


def language_switch(lang: str) -> None:
    """עברית / English / العربية twice: in the sidebar, and compact at the top of the main area, where a
    phone visitor sees it without opening the sidebar. The choice goes into ?lang= so links keep it."""
    label = translate(lang, "common.language_label")
    for key, container, visibility in ((_LANG_KEY, st.sidebar, "visible"), (_TOP_LANG_KEY, st, "collapsed")):
        st.session_state[key] = lang
        container.radio(label, LANGUAGES, key=key, format_func=LANGUAGE_NAMES.get, horizontal=True,
                        label_visibility=visibility, on_change=_on_language_change, args=(key,))


def page_language() -> str:
    """The language dashboard.py chose for this run; every page starts with it.

    On a fresh server the first deep link (e.g. /town_profile) is answered by Streamlit's older pages/-folder
    routing, which runs the page without dashboard.py (no language, no RTL, no navigation) until some session
    has called st.navigation. dashboard.py leaves the language in the session, so its absence means that
    happened: switch that legacy routing off (as st.navigation itself does) and rerun through dashboard.py.
    """
    if "lang" not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["lang"]


def page_start(namespace: str) -> tuple[str, Callable[..., str]]:
    """The opening every data page shares: its language, a translator for its own messages, its title
    and intro (keys `title` and `intro` in ui/messages/<lang>/<namespace>.yml), and a stop with a clear
    message when the published tables are missing."""
    lang = page_language()

    def t(key: str, **values) -> str:
        return translate(lang, f"{namespace}.{key}", **values)

    st.title(t("title"))
    st.caption(t("intro"))
    if not data_access.data_ready():
        st.info(translate(lang, "common.data_missing"))
        st.stop()
    return lang, t
