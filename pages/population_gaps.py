"""Population gaps: on one indicator, the Arab authorities against the authorities of Jews and others — each
group's median per year, the gap and whether it narrows, town by town in the latest year, and every indicator
ranked by the size of its gap. Whose development is it, and who is it for?"""
from functools import partial

import streamlit as st

from indicators import group_gaps
from indicators.downloads.gap_document import gap_table_export, gap_text
from indicators.exports import tidy_table
from indicators.formatting import format_value
from indicators.prices import CURRENT, is_shekels
from ui import components, data_access, downloads, gap_exports, layout, prices, tables
from ui import gap_view as view
from ui.i18n import text_direction, translate
from ui.state import url_selectbox

SCOPES = view.SCOPES
FIRST, SECOND = group_gaps.FIRST, group_gaps.SECOND

lang, t = layout.page_start("population_gaps")

names = data_access.names_of_authorities(lang)
indicator_names = data_access.names_of_indicators(lang)
sources = data_access.table("sources")
left, right = st.columns([3, 1])
indicator_id = url_selectbox("indicator", translate(lang, "common.indicator"), data_access.indicator_options(),
                             "own_income_share_pct", format_func=indicator_names.get, container=left)
scope = url_selectbox("scope", t("area"), list(SCOPES), "negev", format_func=lambda s: t(f"scope_{s}"),
                      container=right)
meta = data_access.indicator_meta(indicator_id)
groups = view.groups(scope)
group_labels = {FIRST: t("group_arab", count=len(groups[FIRST])),
                SECOND: t("group_jewish_others", count=len(groups[SECOND]))}
st.caption(t("groups_caption"))

shekels = is_shekels(meta["unit"])
# Shekels over the years in one year's prices by default, so that a widening gap is not inflation.
basis = prices.control(lang) if shekels else CURRENT
table = view.gap_table(indicator_id, scope, basis)
trend = group_gaps.gap_trend(table, meta["direction"])
name, unit = meta[f"name_{lang}"], prices.axis_unit(lang, meta["unit"], meta[f"unit_{lang}"], basis)
value_label, year_label = f"{name} ({unit})", translate(lang, "common.year")


def isolated(text: str) -> str:
    """A number kept left-to-right inside Hebrew or Arabic text."""
    return f"\u2066{text}\u2069" if text_direction(lang) == "rtl" else text


def fmt(value) -> str:
    text = format_value(value, int(meta["decimals"]), meta["unit"])
    return isolated(text) if text else translate(lang, "common.no_data")


def fmt_gap(value) -> str:
    return gap_text(value, int(meta["decimals"]), meta["unit"], unit, partial(translate, lang), isolate=isolated)


def headline() -> None:
    if trend.last_year is None:
        st.info(t("no_gap", indicator=name))
        st.stop()
    latest = table.loc[trend.last_year]
    st.markdown(t("headline_medians", year=trend.last_year, arab=fmt(latest[f"{FIRST}_median"]),
                  jewish=fmt(latest[f"{SECOND}_median"]), gap=fmt_gap(trend.last_gap)))
    if trend.behind:
        st.markdown(t(f"behind_{trend.behind}"))
    if trend.movement:
        st.markdown(t(f"movement_{trend.movement}", first=trend.first_year, last=trend.last_year,
                      first_gap=fmt_gap(trend.first_gap), last_gap=fmt_gap(trend.last_gap)))
    if meta["direction"] == "neutral":
        st.caption(t("neutral_note"))


st.header(t("headline_heading", indicator=name))
headline()
gap_exports.gap_downloads(indicator_id, scope, basis, lang, downloads.view_link())

st.header(t("series_heading"))
labels = {f"{FIRST}_median": t("series_arab_median"), f"{SECOND}_median": t("series_jewish_median")}
if view.is_additive(indicator_id):
    labels |= {f"{FIRST}_weighted": t("series_arab_weighted"), f"{SECOND}_weighted": t("series_jewish_weighted")}
source_ids = data_access.indicator_values(indicator_id)["source_id"].dropna().unique()
series_figure = view.groups_figure(table, indicator_id, labels, value_label, year_label, name)
st.plotly_chart(series_figure, width="stretch", config={"displaylogo": False}, key="gaps_series")
downloads.chart_downloads(series_figure, lang, "gaps_series_image", f"kmm-gaps-{indicator_id}-{scope}", source_ids,
                          title=name)
st.caption(t("series_caption_weighted") if view.is_additive(indicator_id) else t("series_caption"))
if shekels:
    st.caption(prices.caption(lang, basis))

st.header(t("gap_heading"))
gap_chart = view.gap_figure(table, indicator_id, view.gap_axis_label(indicator_id, lang, unit), year_label,
                           t("gap_title"))
st.plotly_chart(gap_chart, width="stretch", config={"displaylogo": False}, key="gaps_gap")
downloads.chart_downloads(gap_chart, lang, "gaps_gap_image", f"kmm-gaps-{indicator_id}-{scope}-gap", source_ids,
                          title=f"{name}: {t('gap_title')}", embeddable=True)

st.header(t("towns_heading", year=trend.last_year))
values = data_access.indicator_values(indicator_id)
towns = group_gaps.town_distances(values, trend.last_year, groups)
# One year, one price level: the towns are compared in that year's own (current) shekels.
towns_label = f"{name} ({prices.axis_unit(lang, meta['unit'], meta[f'unit_{lang}'], CURRENT)})"
towns_figure = view.dumbbell_figure(towns, indicator_id, names, group_labels, t("reference_median"), towns_label)
st.plotly_chart(towns_figure, width="stretch", config={"displaylogo": False}, key="gaps_towns")
downloads.chart_downloads(towns_figure, lang, "gaps_towns_image", f"kmm-gaps-{indicator_id}-{scope}-{trend.last_year}",
                          source_ids, title=f"{name}: {t('towns_heading', year=trend.last_year)}")
st.caption(t("towns_caption"))
if shekels:
    st.caption(prices.single_year_note(lang, trend.last_year))

with st.expander(translate(lang, "common.data_table")):
    shown = gap_table_export(table, indicator_id, name, unit)
    tables.show(lang, shown, hide_index=True)
    # The medians and the gap as the charts show them (in their price basis), with the sources and the link.
    downloads.table_downloads(shown, f"kmm-gaps-{indicator_id}-{scope}-by-year", lang, key="gaps_table_csv",
                              title=f"{name}: {translate(lang, 'downloads.gap_table_title')}", source_ids=source_ids,
                              unit=unit, decimals=view.gap_table_decimals(shown, int(meta["decimals"])))
rows = prices.shown(values, meta["unit"], basis)  # every year: in the charts' price basis
rows = rows[rows["authority_id"].isin(set(groups[FIRST]) | set(groups[SECOND]))]
export = prices.table_with_basis(tidy_table(rows.reset_index(drop=True), names, meta, sources, lang), lang,
                                 meta["unit"], meta[f"unit_{lang}"], basis)
export.insert(2, "population_group", export["authority_id"].map(
    {a: g for g, ids in groups.items() for a in ids}))
downloads.table_downloads(export, f"kmm-gaps-{indicator_id}-{scope}", lang, key="gaps_csv",
                          title=f"{t('title')} — {name}")
components.source_line(sources, rows["source_id"].unique(), lang)

st.header(t("ranking_heading"))
st.caption(t("ranking_caption"))
ranked = view.ranking(scope)
if not ranked.empty:
    tables.show(lang, ranked.assign(
        indicator=ranked["indicator_id"].map(indicator_names),
        movement=ranked["movement"].map(lambda m: t(f"movement_word_{m}") if isinstance(m, str) else ""),
        behind=ranked["behind"].map(lambda b: t(f"behind_word_{b}") if isinstance(b, str) else ""),
    )[["indicator", "year", "gap_sd", "first_year", "gap_sd_change", "movement", "behind"]],
        hide_index=True, width="stretch", column_config={
            "indicator": st.column_config.TextColumn(translate(lang, "common.indicator"), pinned=True),
            "year": st.column_config.NumberColumn(translate(lang, "common.year"), format="%d"),
            "gap_sd": st.column_config.NumberColumn(t("col_gap_sd"), format="%.2f", help=t("col_gap_sd_help")),
            "first_year": st.column_config.NumberColumn(t("col_first_year"), format="%d"),
            "gap_sd_change": st.column_config.NumberColumn(t("col_change"), format="%+.2f",
                                                           help=t("col_change_help")),
            "movement": st.column_config.TextColumn(t("col_movement")),
            "behind": st.column_config.TextColumn(t("col_behind")),
        })
    ranking_export = ranked.assign(indicator=ranked["indicator_id"].map(indicator_names))
    downloads.table_downloads(ranking_export, f"kmm-gaps-ranking-{scope}", lang, key="gaps_ranking_csv",
                              title=f"{t('title')} — {t('ranking_heading')} ({t(f'scope_{scope}')})",
                              source_ids=view.area_sources(scope), unit="",
                              decimals={c: 2 for c in ("gap_sd", "first_gap_sd", "gap_sd_change")})
