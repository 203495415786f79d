"""The app's pages in one registry: dashboard.py builds st.navigation from it and the smoke test iterates it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.i18n import translate

ROOT = Path(__file__).resolve().parent.parent
_CLOSE_NOT_FOUND_JS = (ROOT / "ui" / "page_not_found.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class PageSpec:
    """A page. Its url_path is its script's file name: on a fresh server Streamlit answers the first deep
    link with its pages/-folder routing, which knows pages only by file name (see layout.page_language)."""

    url_path: str
    script: str  # relative to the project root
    title_key: str  # message key in ui/messages/<lang>/nav.yml
    icon: str
    default: bool = False
    # The heavy elements (ui/chunk_preload.BUNDLES) its typical link draws: their browser code is fetched as
    # soon as the page starts (tests/app/test_page_draws.py checks each list against what the page draws).
    draws: tuple[str, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "pages/overview.py", "nav.overview", ":material/map:", default=True,
             draws=("map", "chart", "grid")),
    PageSpec("town_profile", "pages/town_profile.py", "nav.town_profile", ":material/location_city:",
             draws=("map", "chart")),
    PageSpec("indicator_explorer", "pages/indicator_explorer.py", "nav.indicator_explorer", ":material/query_stats:",
             draws=("map", "chart", "grid")),
    PageSpec("compare", "pages/compare.py", "nav.compare", ":material/compare_arrows:", draws=("chart", "grid")),
    PageSpec("peer_groups", "pages/peer_groups.py", "nav.peer_groups", ":material/diversity_3:",
             draws=("map", "chart", "grid")),
    PageSpec("population_gaps", "pages/population_gaps.py", "nav.population_gaps", ":material/balance:",
             draws=("chart", "grid")),
    PageSpec("local_spend", "pages/local_spend.py", "nav.local_spend", ":material/storefront:", draws=("grid",)),
    PageSpec("leaky_bucket", "pages/leaky_bucket.py", "nav.leaky_bucket", ":material/water_drop:",
             draws=("chart", "grid")),
    PageSpec("partnerships", "pages/partnerships.py", "nav.partnerships", ":material/hub:", draws=("grid",)),
    PageSpec("data_methods", "pages/data_methods.py", "nav.data_methods", ":material/menu_book:", draws=("grid",)),
)


def spec_of(url_path: str) -> PageSpec | None:
    """The registered page at `url_path` ("" is the default page, as st.navigation names it)."""
    return next((p for p in registered_pages() if p.url_path == url_path or (p.default and not url_path)), None)


def registered_pages() -> tuple[PageSpec, ...]:
    """Only pages whose script exists, so a page under construction never breaks navigation."""
    return tuple(p for p in PAGES if (ROOT / p.script).is_file())


def take_unknown_path() -> str | None:
    """The path of a link to no page (/no_such_page), taken over before st.navigation sees it.

    Streamlit would answer it with an English "Page not found" dialog over the home page. Forgetting the
    path makes st.navigation run the home page quietly; dashboard.py shows our own note in the visitor's
    language instead. A rerun names its page by hash, never by path, so only a link's first run counts."""
    ctx = get_script_run_ctx()
    manager = ctx.pages_manager if ctx is not None else None
    if manager is None or manager.intended_page_script_hash or not manager.intended_page_name:
        return None
    path = manager.intended_page_name
    default = next((p.url_path for p in registered_pages() if p.default), None)
    if path in {p.url_path for p in registered_pages() if not p.default}:
        return None
    manager.set_script_intent("", "")
    return None if path == default else path  # /overview is the home page, under its own name


def dismiss_streamlit_not_found() -> None:
    """Close Streamlit's "Page not found" dialog in the browser, beside our own note.

    On a just-started server the very first request is routed by Streamlit's older pages/-folder routing
    (PagesManager.uses_pages_directory is still True until some run calls st.navigation). That routing
    looks the path up among pages/*.py, finds nothing and sends its dialog before dashboard.py even starts,
    so no code of ours can hold it back; later requests reach take_unknown_path first and get no dialog."""
    st.html(f"<script>{_CLOSE_NOT_FOUND_JS}</script>", unsafe_allow_javascript=True)


LINKS_PER_ROW = 4


def page_links(lang: str, exclude: str | None = None) -> None:
    """Entry points to the other pages (as real links, so they work with the keyboard and can be shared)."""
    specs = [p for p in registered_pages() if p.url_path != exclude]
    # At most four links a row, so that every label fits on a laptop screen.
    for start in range(0, len(specs), LINKS_PER_ROW):
        columns = st.columns(LINKS_PER_ROW)
        for column, spec in zip(columns, specs[start:start + LINKS_PER_ROW], strict=False):
            column.page_link(spec.script, label=translate(lang, spec.title_key), icon=spec.icon,
                             query_params={"lang": lang})
