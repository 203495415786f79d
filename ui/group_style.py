"""The population groups on screen: one colour per group (defined here only), its legend in the visitor's
language, and the shared group filter, colour switch and preset chooser of the pages that list towns."""
from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from indicators.groups import ALL, GROUP_FILTERS, GROUPS, PRESETS, colour_keys
from ui.i18n import translate
from ui.state import url_selectbox, url_toggle

# Okabe–Ito blue, orange and bluish green: told apart with the common colour-vision deficiencies.
GROUP_COLOURS = {"jewish_others": "#0072B2", "arab": "#E69F00", "mixed": "#009E73", "unknown": "#999999"}


def group_colour(group: str | None) -> str:
    return GROUP_COLOURS.get(group or "unknown", GROUP_COLOURS["unknown"])


def authority_colours(ids: Sequence[str], groups: dict[str, str]) -> dict[str, str]:
    """authority_id -> its group's colour."""
    return {a: group_colour(g) for a, g in zip(ids, colour_keys(ids, groups), strict=True)}


def present_groups(ids: Sequence[str], groups: dict[str, str]) -> list[str]:
    """The groups among `ids`, in the legend's fixed order (so a legend lists only what a chart shows)."""
    found = set(colour_keys(ids, groups))
    return [g for g in (*GROUPS, "unknown") if g in found]


def group_name(lang: str, group: str) -> str:
    """The CBS category in the visitor's language ("Arabs", "Jews and others", "Mixed"), or "All"."""
    return translate(lang, f"common.group_{group}")


def group_legend(lang: str, groups: Sequence[str] = GROUPS) -> None:
    """Swatches for the groups a chart shows, titled so the colours read without the chart."""
    title = translate(lang, "common.group_legend")
    items = "".join(
        f'<span class="kmm-legend-item" role="listitem"><span class="kmm-swatch" '
        f'style="background:{group_colour(g)}"></span>{html.escape(group_name(lang, g))}</span>' for g in groups)
    st.markdown(f'<div class="kmm-legend"><strong>{html.escape(title)}</strong>'
                f'<span class="kmm-legend" role="list" aria-label="{html.escape(title)}">{items}</span></div>',
                unsafe_allow_html=True)


def group_filter(lang: str, container=st, disabled: bool = False) -> str:
    """The population-group filter, kept in ?group= (all / arab / jewish_others / mixed)."""
    return url_selectbox("group", translate(lang, "common.group_filter"), list(GROUP_FILTERS), ALL,
                         format_func=lambda g: group_name(lang, g), container=container, disabled=disabled)


def colour_switch(lang: str, container=st) -> bool:
    """Whether charts colour towns by population group, kept in ?colour_group=1."""
    return url_toggle("colour_group", translate(lang, "common.colour_by_group"), False, container=container)


def preset_label(lang: str, preset: str, count: int | None = None) -> str:
    if not preset:
        return translate(lang, "common.preset_none")
    name = translate(lang, f"common.preset_{preset}")
    return name if count is None else f"{name} ({count})"


def preset_chooser(lang: str, members: dict[str, list[str]], container=st, **kwargs) -> str:
    """A chooser of group presets (kept in ?preset=); "" when none is chosen."""
    options = ["", *[p for p in PRESETS if p in members]]
    return url_selectbox("preset", translate(lang, "common.preset_label"), options, "",
                         format_func=lambda p: preset_label(lang, p, len(members[p]) if p else None),
                         container=container, **kwargs)
