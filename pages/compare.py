"""Compare: 2–6 authorities side by side on every indicator, as percentiles among all of Israel's
authorities, and over time for one indicator."""
import streamlit as st

from indicators import comparison, groups
from indicators.exports import tidy_table
from indicators.formatting import join_items
from indicators.prices import CURRENT, is_shekels
from indicators.settings import DIMENSIONS
from ui import compare_data, components, data_access, downloads, group_style, layout, prices, profile_exports, tables
from ui.i18n import translate
from ui.safe_text import markdown_literal
from ui.state import url_multiselect, url_selectbox, url_tabs

MAX_AUTHORITIES = 6  # hand-picked; a group preset brings all its towns (the tables scroll, the trend thins)
DEFAULT_OTHERS = ["la-9000", "la-1161", "la-2200"]  # Be'er Sheva, Rahat, Dimona

lang, t = layout.page_start("compare")

authorities = data_access.table("authorities")
indicators = data_access.table("indicators")
sources = data_access.table("sources")
names = data_access.names_of_authorities(lang)
options = data_access.authority_options(lang)
dimension_titles = compare_data.dimension_titles(lang)

# --- Group presets: choosing one replaces the selection with the preset's towns (once, so the visitor can
# then remove some). A shared link that carries both keeps its own list.
preset_members = groups.presets(authorities, options)
preset_row = st.columns(3)
preset = group_style.preset_chooser(lang, preset_members, container=preset_row[0])
population_group = group_style.group_filter(lang, container=preset_row[1])
by_group = group_style.colour_switch(lang, container=preset_row[2])
applied = st.session_state.get("compare_preset", preset if "compare" in st.query_params else "")
if preset and preset != applied:
    st.query_params["compare"] = ",".join(preset_members[preset])
st.session_state["compare_preset"] = preset
cap = comparison.selection_cap(MAX_AUTHORITIES, preset_members.get(preset, []))

# --- The set of authorities. Clean the link first so that a partly wrong list keeps its good part.
raw = st.query_params.get("compare")
selection = comparison.parse_selection(raw, options, cap)
if raw is not None:
    if selection.unknown:
        fallback = "" if selection.kept else " " + t("default_shown")
        shown = ", ".join(markdown_literal(item) for item in selection.unknown[:5])  # link text: literal, short
        st.warning(t("unknown_ids", ids=shown) + fallback, icon="⚠️")
    if selection.over_cap:
        st.info(t("capped", max=cap, dropped=join_items((names[a] for a in selection.over_cap), lang)))
    if selection.kept:
        st.query_params["compare"] = ",".join(selection.kept)
    else:
        del st.query_params["compare"]
# The town from the link, else the one chosen on another page this session (ui/state.py keeps it).
preferred = st.query_params.get("town") or st.session_state.get("keep_town")
default = comparison.default_selection(preferred, options, DEFAULT_OTHERS)
# The group filter narrows the list to choose from; towns already chosen stay listed (and chosen).
current = selection.kept if raw is not None else (st.session_state.get("keep_compare") or default)
listed = comparison.listed_options(options, groups.filter_by_group(authorities, options, population_group), current)
chosen = url_multiselect("compare", t("choose"), listed, default, format_func=names.get,
                         max_selections=cap, placeholder=t("choose_placeholder"))
if len(chosen) < 2:
    st.info(t("need_two"), icon=":material/group_add:")
    st.stop()
chosen_key = tuple(chosen)
chosen_names = [names[a] for a in chosen]

# --- 1. Side by side on every indicator.
st.header(t("table_heading"))
st.caption(t("table_caption", count=len(authorities)))
table = compare_data.side_by_side(chosen_key, lang)
table_columns = compare_data.side_by_side_columns(chosen_key, lang)
# Only the open dimension's grid is built (?dim= in the link; the profile's tabs share it): each grid is a
# canvas the browser would otherwise set up for a hidden tab (docs/performance.md, "Page settle").
for dimension, tab in url_tabs("dim", {d: dimension_titles[d] for d in DIMENSIONS}, key="compare_dimension").items():
    if tab.open:
        tables.show(lang, table[table["dimension"] == dimension].drop(columns="dimension"), container=tab,
                    column_config=table_columns, hide_index=True, width="stretch", height="content")
export = compare_data.export(chosen_key, lang)
downloads.table_downloads(export, f"kmm-compare-{'-'.join(chosen)}", lang, key="compare_csv",
                          title=f"{t('table_heading')}: {join_items(chosen_names, lang)}")
components.source_line(sources, export["source_id"].unique() if not export.empty else [], lang)
profile_exports.comparison_downloads(chosen_key, lang, downloads.view_link())

# --- 2. Percentiles among all of Israel's authorities: one scale for every indicator.
st.header(t("percentile_heading"))
st.caption(t("percentile_caption", count=len(authorities)))
dots, dots_table = compare_data.percentile_view(chosen_key, lang)
st.plotly_chart(dots, width="stretch", config={"displaylogo": False}, key="compare_dots")
downloads.chart_downloads(dots, lang, "compare_dots_image", f"kmm-compare-{'-'.join(chosen)}-percentiles",
                          export["source_id"].unique() if not export.empty else [], title=t("percentile_heading"))
st.caption(t("neutral_note"))
# The data tables under the charts are built only when opened: each grid is a canvas the browser would
# otherwise set up on every visit (docs/performance.md, "Page settle").
dots_box = st.expander(translate(lang, "common.data_table"), key="compare_dots_table", on_change="rerun")
if dots_box.open:
    tables.show(lang, dots_table, container=dots_box, hide_index=True, width="stretch")

st.subheader(t("summary_heading"))
bars, bars_table = compare_data.summary_view(chosen_key, lang)
st.plotly_chart(bars, width="stretch", config={"displaylogo": False}, key="compare_bars")
st.caption(t("summary_caption"))
bars_box = st.expander(translate(lang, "common.data_table"), key="compare_bars_table", on_change="rerun")
if bars_box.open:
    tables.show(lang, bars_table, container=bars_box, hide_index=True, width="stretch")

# --- 3. One indicator over time.
st.header(t("trend_heading"))
indicator_names = data_access.names_of_indicators(lang)
dimension_of = dict(zip(indicators["indicator_id"], indicators["dimension"], strict=True))
indicator_id = url_selectbox("indicator", translate(lang, "common.indicator"), data_access.indicator_options(),
                             data_access.DEFAULT_INDICATOR,
                             format_func=lambda i: f"{dimension_titles[dimension_of[i]]} · {indicator_names[i]}")
meta = data_access.indicator_meta(indicator_id)
shekels = is_shekels(meta["unit"])
basis = prices.control(lang) if shekels else CURRENT  # shekels over the years: in one year's prices by default
trend, missing = compare_data.trend_view(chosen_key, indicator_id, lang, basis, by_group)
if trend is None:
    st.info(t("trend_no_data", indicator=indicator_names[indicator_id]))
else:
    st.plotly_chart(trend, width="stretch", config={"displaylogo": False}, key="compare_trend")
    if by_group:
        group_style.group_legend(lang, group_style.present_groups(chosen, groups.group_of(authorities)))
    downloads.chart_downloads(trend, lang, "compare_trend_image", f"kmm-compare-{indicator_id}",
                              data_access.indicator_values(indicator_id)["source_id"].dropna().unique(),
                              embeddable=True)
    if missing:
        st.caption(t("trend_missing", names=join_items(missing, lang)))
    st.caption(t("trend_caption", count=len(authorities)))
    if shekels:
        st.caption(prices.caption(lang, basis))
    values = prices.shown(data_access.indicator_values(indicator_id), meta["unit"], basis)
    own = values[values["authority_id"].isin(chosen_key)]
    trend_table = prices.table_with_basis(tidy_table(own, names, meta, sources, lang), lang, meta["unit"],
                                          meta[f"unit_{lang}"], basis)
    trend_box = st.expander(translate(lang, "common.data_table"), key="compare_trend_table", on_change="rerun")
    if trend_box.open:
        tables.show(lang, trend_table.drop(columns=["authority_id", "indicator_id"]), container=trend_box,
                    hide_index=True, width="stretch")
    downloads.table_downloads(trend_table, f"kmm-compare-{indicator_id}", lang, key="compare_trend_csv",
                              title=f"{indicator_names[indicator_id]}: {join_items(chosen_names, lang)}")
    components.source_line(sources, own["source_id"].unique(), lang)
