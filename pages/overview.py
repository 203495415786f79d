"""Overview (home): the KMM question, the Negev map coloured by an indicator, and a ranked chart."""
import streamlit as st

from indicators.exports import tidy_table
from indicators.formatting import format_value, format_with_unit, join_items
from indicators.groups import filter_by_group, group_of
from indicators.stats import default_year, value_in_year
from ui import (
    components,
    data_access,
    downloads,
    figure_cache,
    group_style,
    layout,
    map_cache,
    maps,
    tables,
    town_links,
)
from ui.i18n import text_direction, translate
from ui.navigation import page_links
from ui.state import url_selectbox

lang = layout.page_language()
t = lambda key, **kw: translate(lang, f"overview.{key}", **kw)  # noqa: E731
town_links.follow_pick(lang)  # a town clicked on the map or the chart: straight to its profile

# The first screen, also on a phone: the title, the question once (the tagline used to repeat it above
# the heading), the way in (the search), then the model in a few lines.
st.title(translate(lang, "common.app_title"))
st.header(t("kmm_heading"))

if not data_access.data_ready():
    st.info(translate(lang, "common.data_missing"))
    st.stop()

town_links.search_box(lang)
st.markdown(t("kmm_text"))
page_links(lang, exclude="overview")

indicators = data_access.table("indicators")
authorities = data_access.table("authorities")
indicator_labels = data_access.names_of_indicators(lang)

left, right = st.columns([3, 1])
group_row = st.columns(2)
population_group = group_style.group_filter(lang, container=group_row[0])
by_group = group_style.colour_switch(lang, container=group_row[1])
negev = filter_by_group(authorities, data_access.negev_ids(), population_group)
if not negev:
    st.info(translate(lang, "common.group_none"))
    st.stop()
names = {a: n for a, n in data_access.names_of_authorities(lang).items() if a in set(negev)}

indicator_id = url_selectbox("indicator", translate(lang, "common.indicator"), data_access.indicator_options(),
                             data_access.DEFAULT_INDICATOR, format_func=indicator_labels.get, container=left)
meta = data_access.indicator_meta(indicator_id)
values = data_access.indicator_values(indicator_id)
years = sorted(values.loc[values["authority_id"].isin(negev), "year"].unique().tolist(), reverse=True)
if not years:
    st.info(t("no_values"))
    st.stop()
year = url_selectbox("year", translate(lang, "common.year"), years, default_year(values, negev) or years[0],
                     container=right)

in_year = value_in_year(values, year).reindex(negev).dropna()
text = {a: format_value(v, int(meta["decimals"]), meta["unit"]) for a, v in in_year.items()}
tooltip = {a: f"{format_with_unit(v, int(meta['decimals']), meta['unit'], meta[f'unit_{lang}'])} · {year}"
           for a, v in in_year.items()}
label = f"{meta[f'name_{lang}']} ({meta[f'unit_{lang}']})"

st.header(t("map_heading"))
deck, breaks = map_cache.choropleth(in_year, names, tooltip, lang,
                                    no_data_text=f"{translate(lang, 'common.no_data')} · {year}")
# A click on an area opens its profile (only the areas' fill is picked: ui/maps.OUTLINES_NOT_PICKED says why).
st.pydeck_chart(deck, height=520, on_select=town_links.on_map_click("home_map"), selection_mode="single-object",
                key="home_map")
components.map_legend(maps.legend_entries(breaks, lambda v: format_value(v, int(meta["decimals"]), meta["unit"])),
                      lang, label)
st.caption(t("map_caption", indicator=meta[f"name_{lang}"], year=year))

st.header(t("chart_heading"))
if in_year.empty:
    st.info(t("no_values"))
else:
    bar_frame = in_year.rename("value").reset_index()
    bar_frame["name"] = bar_frame["authority_id"].map(names)
    bar_frame["text"] = bar_frame["authority_id"].map(text)
    ids, groups = bar_frame["authority_id"].tolist(), group_of(authorities)
    colours = group_style.authority_colours(ids, groups) if by_group else None
    bar_figure = figure_cache.ranked_bar(bar_frame, label, join_items([meta[f'name_{lang}'], year], lang),
                                         colours=colours, rtl=text_direction(lang) == "rtl")
    st.plotly_chart(bar_figure, width="stretch", config={"displaylogo": False}, key="home_chart",
                    on_select=town_links.on_chart_click("home_chart"), selection_mode="points")
    st.caption(translate(lang, "town_links.chart_click"))
    if by_group:
        group_style.group_legend(lang, group_style.present_groups(ids, groups))
    downloads.chart_downloads(bar_figure, lang, "overview_chart", f"kmm-negev-{indicator_id}-{year}",
                              values.loc[values["year"] == year, "source_id"].unique(), embeddable=True)

rows = values[(values["year"] == year) & values["authority_id"].isin(negev)]
table = tidy_table(rows, names, meta, data_access.table("sources"), lang)
# Sent with the page though closed: an expander that runs its content only when opened (key, on_change="rerun")
# made the cold start 2 s slower in Chromium (same-run: 6.5 → 8.6 s; bare app 3.6 s), for ~17 KB saved.
with st.expander(translate(lang, "common.data_table")):
    tables.show(lang, table.drop(columns=["authority_id", "indicator_id"]), hide_index=True)
downloads.table_downloads(table, f"kmm-negev-{indicator_id}-{year}", lang, key="overview_csv",
                          title=join_items([meta[f'name_{lang}'], year], lang))
components.source_line(data_access.table("sources"), rows["source_id"].unique(), lang)
