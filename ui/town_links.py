"""Getting around: from the home page to a town's profile (a search box taking a name in any language, a
click on the map or the ranked chart), from a profile to its comparison and peer group, and what a
`compare=` link kept. The matching and the reading of click events are in indicators/ (pure)."""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from indicators import chart_picks, comparison, town_search
from indicators.formatting import join_items
from ui import data_access
from ui.i18n import translate
from ui.navigation import registered_pages
from ui.safe_text import markdown_literal

PROFILE = "pages/town_profile.py"
COMPARE = "pages/compare.py"
PEER_GROUPS = "pages/peer_groups.py"
COMPARE_PEERS = 5  # the Compare page takes six authorities: the town and its five nearest peers
MAP_LAYER = "kmm-areas"  # the map's pickable layer (ui/maps.choropleth)
_PICKED = "picked_town"  # set by a click's callback, followed at the start of the next run
LINKS_PER_ROW = 4


@st.cache_data(show_spinner=False)
def _index(lang: str) -> tuple[town_search.TownKey, ...]:
    """Every authority's names, folded once; ties in a search keep the choosers' order in `lang`."""
    return town_search.build_index(data_access.table("authorities"), data_access.authority_options(lang))


def open_profile(town: str, lang: str) -> None:
    """Go to the town's profile; the other pages' town choosers start from it too (ui/state.py)."""
    st.session_state["keep_town"] = town
    st.switch_page(PROFILE, query_params={"lang": lang, "town": town})


def follow_pick(lang: str) -> None:
    """If the last click picked a town, open its profile (switching pages from the callback is not allowed)."""
    town = st.session_state.pop(_PICKED, None)
    if town is not None:
        open_profile(town, lang)


def _remember(key: str, read: Callable[[dict], str | None]) -> Callable[[], None]:
    """A selection callback: fires only when the selection changes, so a kept selection never re-opens."""
    def callback() -> None:
        town = read(st.session_state[key].get("selection") or {})
        if town is not None:
            st.session_state[_PICKED] = town
    return callback


def on_map_click(key: str) -> Callable[[], None]:
    known = set(data_access.table("authorities")["authority_id"])
    return _remember(key, lambda selection: chart_picks.town_from_map(selection, MAP_LAYER, known))


def on_chart_click(key: str) -> Callable[[], None]:
    known = set(data_access.table("authorities")["authority_id"])
    return _remember(key, lambda selection: chart_picks.town_from_chart(selection, known))


def _t(lang: str, key: str, **values) -> str:
    return translate(lang, f"town_links.{key}", **values)


def search_box(lang: str) -> None:
    """A name typed in Hebrew, English or Arabic: Enter opens the town it can only mean, else the
    matching towns are listed as links (real links: they work from the keyboard and can be shared)."""
    t = lambda key, **kw: _t(lang, key, **kw)  # noqa: E731
    with st.form("town_search", border=False, enter_to_submit=True):
        field, button = st.columns([4, 1], vertical_alignment="bottom")
        query = field.text_input(t("search_label"), placeholder=t("search_placeholder"),
                                 max_chars=town_search.MAX_QUERY, key="town_query")
        submitted = button.form_submit_button(t("search_button"), icon=":material/search:", width="stretch")
    if not query.strip():
        return
    index = _index(lang)
    only = town_search.unambiguous(index, query)
    if submitted and only is not None:
        open_profile(only, lang)
    found = town_search.search(index, query)
    if not found:
        st.info(t("search_none", query=markdown_literal(query)))
        return
    st.caption(t("search_matches", query=markdown_literal(query)))
    names = data_access.names_of_authorities(lang)
    for start in range(0, len(found), LINKS_PER_ROW):
        row = found[start:start + LINKS_PER_ROW]
        for column, town in zip(st.columns(LINKS_PER_ROW), row, strict=False):
            column.page_link(PROFILE, label=names[town], icon=":material/location_city:",
                             query_params={"lang": lang, "town": town})


def profile_links(town: str, town_name: str, peers: list[str], lang: str) -> None:
    """From a profile: the town beside its nearest peers on the Compare page, and its peer group."""
    scripts = {p.script for p in registered_pages()}
    if peers and COMPARE in scripts:
        chosen = [town, *peers[:COMPARE_PEERS]]
        st.page_link(COMPARE, label=_t(lang, "compare_town", town=town_name, count=len(chosen) - 1),
                     icon=":material/compare_arrows:", query_params={"lang": lang, "compare": ",".join(chosen)})
    if PEER_GROUPS in scripts:
        st.page_link(PEER_GROUPS, label=_t(lang, "peer_group", town=town_name), icon=":material/diversity_3:",
                     query_params={"lang": lang, "town": town})


def clean_compare_link(lang: str, options: list[str], names: dict[str, str], max_items: int) -> None:
    """Before a `compare=` multiselect reads the link: keep its known ids (at most `max_items`), and say
    which were left out and which towns were kept, rather than the generic "the default is shown"."""
    raw = st.query_params.get("compare")
    if raw is None:
        return
    selection = comparison.parse_selection(raw, options, max_items)
    if selection.unknown:
        ids = ", ".join(markdown_literal(item) for item in selection.unknown[:5])  # link text: literal, short
        st.warning(_t(lang, "compare_unknown", ids=ids), icon="⚠️")
    if selection.over_cap:
        st.info(_t(lang, "compare_kept", listed=len(selection.kept) + len(selection.over_cap), max=max_items,
                   kept=join_items((names[a] for a in selection.kept), lang)))
    if selection.kept:
        st.query_params["compare"] = ",".join(selection.kept)
    else:
        del st.query_params["compare"]
