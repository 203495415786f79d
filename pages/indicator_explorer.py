"""Indicator explorer: one indicator across the Negev or all Israel — map, ranking, trends and a table."""
import streamlit as st

from indicators import explorer, groups, read_model
from indicators.exports import tidy_table
from indicators.formatting import format_value, join_items
from indicators.prices import CURRENT, is_shekels
from indicators.source_register_view import distinct_publishers
from indicators.stats import default_year
from ui import (
    components,
    data_access,
    downloads,
    explorer_data,
    explorer_exports,
    group_style,
    layout,
    maps,
    prices,
    tables,
    town_links,
)
from ui.i18n import text_direction, translate
from ui.state import url_multiselect, url_selectbox

MAX_TRENDS = 5  # hand-picked towns in the trend chart; a preset adds all its towns

lang, t = layout.page_start("indicator_explorer")

authorities = data_access.table("authorities")
sources = data_access.table("sources")
names = data_access.names_of_authorities(lang)
negev = data_access.negev_ids()
all_ids = authorities["authority_id"].tolist()
by_name = data_access.authority_options(lang)
kind_names = {k: t(f"kind_{k}") for k in explorer.KINDS}
indicators = data_access.table("indicators")
dimension_of = dict(zip(indicators["indicator_id"], indicators["dimension"], strict=True))
indicator_labels = data_access.names_of_indicators(lang)


def _indicator_label(indicator_id: str) -> str:
    return f"{t('dimension_' + dimension_of[indicator_id])} · {indicator_labels[indicator_id]}"


# --- Controls: every choice lives in the URL, so a copied link reopens this view. Three rows of at most
# three widgets (they stack on a phone); the type filter gets room for its three chips.
top, area_row, group_row, population_row = st.columns([3, 1]), st.columns([1, 1.6]), st.columns(2), st.columns(2)
indicator_id = url_selectbox("indicator", translate(lang, "common.indicator"),
                             data_access.indicator_options(), data_access.DEFAULT_INDICATOR,
                             format_func=_indicator_label, container=top[0])
meta = data_access.indicator_meta(indicator_id)
values = data_access.indicator_values(indicator_id)
years = sorted(values["year"].unique().tolist(), reverse=True)
year = None
if years:
    year = url_selectbox("year", translate(lang, "common.year"), years, default_year(values, negev) or years[0],
                         container=top[1])
town = url_selectbox("town", t("highlight"), by_name, "la-9000", format_func=names.get, container=group_row[0])
peers_of = url_selectbox("peers_of", t("peers_filter"), ["", *by_name], "",
                         format_func=lambda a: names.get(a) if a else t("peers_none"), container=group_row[1])
# A peer group is drawn from all of Israel and replaces the area, so the area choice pauses meanwhile.
scope = url_selectbox("scope", t("area"), list(explorer.SCOPES), "negev", format_func=lambda s: t(f"scope_{s}"),
                      container=area_row[0], widget=area_row[0].radio, horizontal=True, disabled=bool(peers_of))
kinds = url_multiselect("kind", t("kind_filter"), list(explorer.KINDS), list(explorer.KINDS),
                        format_func=kind_names.get, container=area_row[1])
population_group = group_style.group_filter(lang, container=population_row[0])
by_group = group_style.colour_switch(lang, container=population_row[1])
group_of = groups.group_of(authorities)

peer_group = None
if peers_of:
    peer_group = [peers_of, *data_access.nearest_peers(peers_of)]
shown_ids = explorer.filter_authorities(authorities, scope, kinds or explorer.KINDS, peer_group, population_group)

# --- What the indicator is.
unit_label = meta[f"unit_{lang}"]
decimals = int(meta["decimals"])
direction = {read_model.HIGHER_IS_BETTER: "higher", read_model.LOWER_IS_BETTER: "lower"}.get(meta["direction"], "none")
publishers = distinct_publishers(sources.loc[sources["series"] == meta["source_id"],
                                             components.publisher_column(sources, lang)])
with st.container(border=True):
    st.markdown(f"**{meta[f'name_{lang}']}** · {t('dimension_' + meta['dimension'])}")
    st.markdown(str(meta[f"description_{lang}"]))
    st.caption(f"{t('unit_label')}: {unit_label} · {t('direction_label')}: {t('direction_' + direction)} · "
               f"{translate(lang, 'common.source_label')}: {publishers}")
    st.caption(f"{t('direction_reason_label')}: {meta[f'direction_reason_{lang}']}")

if year is None:
    st.info(t("no_data_indicator"))
    st.stop()

if peers_of:
    if len(peer_group) == 1:
        st.info(t("peers_unavailable", name=names[peers_of]))
    else:
        st.caption(t("peers_caption", name=names[peers_of], count=len(peer_group) - 1))
        hidden = len(peer_group) - len(shown_ids)
        if hidden:
            st.caption(t("peers_hidden", hidden=hidden, total=len(peer_group)))


def fmt(value):
    """With the unit, for captions and the map tooltip."""
    return explorer.value_text(value, decimals, meta["unit"], unit_label)


def short(value):
    """Without the unit, for values written on charts (their axis title carries it)."""
    return format_value(value, decimals, meta["unit"])


ranked = explorer.year_table(values, year, shown_ids, all_ids, meta["direction"])
medians = explorer.reference_medians(values, year, negev, all_ids)
name = meta[f"name_{lang}"]
label = f"{name} ({unit_label})"
shekels = is_shekels(meta["unit"])

if not shown_ids:
    st.warning(t("no_authorities"))
elif ranked.empty:
    st.info(t("no_data_filtered", indicator=name, year=year))
else:
    st.caption(t("shown_count", count=len(ranked), total=len(shown_ids), year=year))

    # --- Map.
    st.header(t("map_heading"))
    deck, breaks = explorer_data.map_deck(indicator_id, year, tuple(shown_ids), lang, town,
                                          translate(lang, "common.no_data"))
    st.pydeck_chart(deck, height=520)
    components.map_legend(maps.legend_entries(breaks, short), lang, label)
    st.caption(t("map_caption", indicator=name, year=year))
    if shekels:  # the trend below is in constant prices by default: say that this year's figures are not
        st.caption(prices.single_year_note(lang, year))

    # --- Ranked bars with the two medians as reference lines.
    st.header(t("chart_heading", year=year))
    bars = ranked.assign(name=ranked["authority_id"].map(names), text=[short(v) for v in ranked["value"]])
    bar_colours = group_style.authority_colours(bars["authority_id"].tolist(), group_of) if by_group else None
    figure = explorer_data.bars_figure(bars, label, join_items([name, year], lang), town, bar_colours,
                                       {key: (medians[key], t(f"{key}_median")) for key in ("negev", "israel")},
                                       rtl=text_direction(lang) == "rtl")
    # All of Israel is 250 bars: scroll them in a box rather than push the table a page further down.
    chart_box = st.container(height=640) if len(bars) > 40 else st.container()
    chart_box.plotly_chart(figure, width="stretch", config={"displaylogo": False})
    if by_group:
        group_style.group_legend(lang, group_style.present_groups(bars["authority_id"].tolist(), group_of))
    downloads.chart_downloads(figure, lang, "explorer_bars", f"kmm-{indicator_id}-{year}-{scope}",
                              ranked["source_id"].unique(), embeddable=True)
    st.caption(t("medians_caption", negev=fmt(medians["negev"]) or translate(lang, "common.no_data"),
                 israel=fmt(medians["israel"]) or translate(lang, "common.no_data"), year=year))
    if direction == "lower":  # the bars are ordered by value, so the best are at the bottom here
        st.caption(t("bars_lower_better"))
    if town in shown_ids and town not in set(ranked["authority_id"]):
        st.caption(t("town_no_value", name=names[town], year=year))

    # --- Data table and downloads.
    st.header(t("table_heading", year=year))
    by_kind = authorities.set_index("authority_id")["kind"].map(kind_names)
    best = "best" if direction != "none" else "highest"  # what rank 1 and percentile 100 mean
    missing = explorer.missing_in_year(values, year, shown_ids)
    reasons = explorer.gap_reasons(data_access.indicator_gaps(indicator_id), year, missing)
    shown_table = explorer.with_missing(ranked, missing, reasons)
    shown_table = shown_table.assign(authority=shown_table["authority_id"].map(names),
                                     kind=shown_table["authority_id"].map(by_kind),
                                     note=shown_table["reason"].map(lambda r: t(f"reason_{r}") if isinstance(r, str)
                                                                   else ""))
    # Name and value first: on a phone the later columns scroll sideways; the name stays pinned.
    columns = ["authority", "value", "rank", "percentile", "kind"]
    if missing:  # the reason column only when some authority has no figure
        st.caption(t("missing_caption", count=len(missing), year=year))
        columns.append("note")
    tables.show(
        lang, shown_table[columns], hide_index=True, width="stretch",
        column_config={
            "authority": st.column_config.TextColumn(translate(lang, "common.town"), pinned=True),
            "value": st.column_config.NumberColumn(t("col_value", unit=unit_label), format=f"%.{decimals}f"),
            "rank": st.column_config.NumberColumn(t("col_rank"), format="%d", help=t(f"col_rank_help_{best}")),
            "percentile": st.column_config.NumberColumn(t("col_percentile"), format="%.0f",
                                                        help=t(f"col_percentile_help_{best}")),
            "kind": st.column_config.TextColumn(t("col_kind")),
            "note": st.column_config.TextColumn(t("col_note")),
        },
    )
    year_csv = explorer.with_ranks(tidy_table(ranked, names, meta, sources, lang), ranked, by_kind.to_dict())
    year_csv = prices.table_with_basis(year_csv, lang, meta["unit"], unit_label, CURRENT)
    downloads.table_downloads(year_csv, f"kmm-{indicator_id}-{year}-{scope}", lang, key="explorer_csv_year",
                              title=join_items([name, year], lang), csv_label=t("download_year", year=year))
    components.source_line(sources, ranked["source_id"].unique(), lang)

# --- Trends: chosen authorities (or a whole preset of towns) against the Negev and Israel medians, every year.
st.header(t("trend_heading"))
trend_row = st.columns([2, 1])
town_links.clean_compare_link(lang, by_name, names, MAX_TRENDS)  # a long list: say which towns were kept
compare = url_multiselect("compare", t("compare"), by_name, [town], format_func=names.get,
                          max_selections=MAX_TRENDS, container=trend_row[0])
preset_members = groups.presets(authorities, by_name)
preset = group_style.preset_chooser(lang, preset_members, container=trend_row[1])
# A preset draws all its towns (thin lines) with its median; hand-picked towns stay capped at MAX_TRENDS.
trend_ids = list(dict.fromkeys([*compare, *preset_members.get(preset, [])]))
benchmarks = {t("negev_median"): negev, t("israel_median"): all_ids}
if preset:
    benchmarks[translate(lang, "common.preset_median", preset=group_style.preset_label(lang, preset))] = \
        preset_members[preset]
# Shekels over the years in one year's prices by default (the switch keeps current prices a click away).
basis = prices.control(lang) if shekels else CURRENT
trend_values = prices.shown(values, meta["unit"], basis)
trend_label = f"{name} ({prices.axis_unit(lang, meta['unit'], unit_label, basis)})"
trend = read_model.trend_frame(trend_values, trend_ids, names, benchmarks)
if trend.empty:
    st.info(t("no_data_compare") if trend_ids else t("no_data_indicator"))
else:
    trend = trend.assign(text=trend["value"].map(short))
    line_colours = ({names[a]: c for a, c in group_style.authority_colours(trend_ids, group_of).items()}
                    if by_group else None)
    trend_figure = explorer_data.trend_figure(trend, trend_label, translate(lang, "common.year"), name, line_colours,
                                              frozenset(names[a] for a in compare), tuple(benchmarks))
    st.plotly_chart(trend_figure, width="stretch", config={"displaylogo": False})
    if by_group:
        group_style.group_legend(lang, group_style.present_groups(trend_ids, group_of))
    downloads.chart_downloads(trend_figure, lang, "explorer_trend", f"kmm-{indicator_id}-trend",
                              values["source_id"].dropna().unique())
    st.caption(t("trend_caption"))
    if shekels:
        st.caption(prices.caption(lang, basis))
    # Built only when opened: a grid is a canvas the browser would otherwise set up on every visit.
    trend_box = st.expander(t("trend_table"), key="explorer_trend_table", on_change="rerun")
    if trend_box.open:
        tables.show(lang, read_model.trend_table(trend).reset_index(), container=trend_box, hide_index=True,
                    width="stretch", column_config={"year": st.column_config.NumberColumn(
                        translate(lang, "common.year"), format="%d")})

if not ranked.empty:  # the view as a PDF and a slide pack: the year's ranking, the trend above and the sources
    explorer_exports.explorer_downloads(
        lang=lang, link=downloads.view_link(), meta=meta, year=year, scope=scope,
        scope_label=names[peers_of] if peers_of else t(f"scope_{scope}"), ranked=ranked, medians=medians, names=names,
        highlight=town, trend=trend, medians_labels=list(benchmarks), trend_axis=trend_label,
        source_ids=[*ranked["source_id"].unique(), *values["source_id"].dropna().unique()])

series_rows = trend_values[trend_values["authority_id"].isin(set(shown_ids)) & trend_values["value"].notna()]
if not series_rows.empty:  # every year, so in the trend's price basis
    series_csv = prices.table_with_basis(tidy_table(series_rows, names, meta, sources, lang), lang, meta["unit"],
                                         unit_label, basis)
    downloads.table_downloads(series_csv, f"kmm-{indicator_id}-{scope}-all-years", lang, key="explorer_csv_series",
                              title=name, csv_label=t("download_series", count=len(shown_ids)))
    components.source_line(sources, series_rows["source_id"].unique(), lang)
