"""Peer groups ("twins", as in Kolada): the authorities across Israel most like a chosen one on the
socio-economic index, peripherality, size and kind, with weights the user sets."""
import streamlit as st

from indicators import groups
from indicators.formatting import join_items
from ui import components, data_access, downloads, group_style, layout, maps, peer_groups_data, tables
from ui.i18n import translate
from ui.navigation import registered_pages
from ui.state import url_selectbox

WEIGHT_STEPS = [0, 0.5, 1, 1.5, 2, 2.5, 3]
PEER_COUNTS = list(range(5, 21))
COMPARE_WITH = 5  # the Compare page takes six authorities: the town and its five nearest peers

lang, t = layout.page_start("peer_groups")

sources = data_access.table("sources")
names = data_access.names_of_authorities(lang)
options = data_access.authority_options(lang)

# --- Choices (all in the URL, so a shared link reopens the same peer group).
town = url_selectbox("town", translate(lang, "common.town"), options, "la-9000", format_func=names.get)
st.markdown(f"**{t('weights_heading')}**")
# Two rows of two, so that on a phone (columns stack) the sliders keep the order of the method text.
first, second = st.columns(2), st.columns(2)
weights = {
    "ses": url_selectbox("peer_ses", t("weight_ses"), WEIGHT_STEPS, 1, widget=first[0].select_slider),
    "peripherality": url_selectbox("peer_periph", t("weight_periph"), WEIGHT_STEPS, 1,
                                   widget=first[1].select_slider),
    "size": url_selectbox("peer_size", t("weight_size"), WEIGHT_STEPS, 1, widget=second[0].select_slider),
    "kind": url_selectbox("peer_kind", t("weight_kind"), WEIGHT_STEPS, 1, widget=second[1].select_slider),
}
# The population group: a criterion like the kind (weight 0 leaves it out), or a filter on who may be a peer.
third = st.columns(2)
weights["group"] = url_selectbox("peer_group", t("weight_group"), WEIGHT_STEPS, 0, widget=third[0].select_slider)
population_group = group_style.group_filter(lang, container=third[1])
k = url_selectbox("peer_k", t("how_many"), PEER_COUNTS, 10, widget=st.select_slider)
by_group = group_style.colour_switch(lang)

weight_key = tuple(sorted((f, float(w)) for f, w in weights.items()))
view = peer_groups_data.peer_view(town, weight_key, k, lang, population_group, by_group)
if view is None:
    st.info(t("no_peers", name=names[town]) if population_group == groups.ALL else translate(lang, "common.group_none"))
    st.stop()
peer_ids = peer_groups_data.peer_table(town, weight_key, k, population_group)["authority_id"].iloc[1:].tolist()

# --- The peers as a table.
st.header(t("table_heading", name=names[town], count=len(peer_ids)))
# Every peer in view (up to 21 rows): the default height hides the tenth behind a scrollbar.
tables.show(lang, view.table, hide_index=True, width="stretch", height="content", column_config={
    t("col_ses"): st.column_config.NumberColumn(format="%.3f"),
    t("col_periph"): st.column_config.NumberColumn(format="%.3f"),
    t("col_population"): st.column_config.NumberColumn(format="localized"),
    t("col_distance"): st.column_config.NumberColumn(format="%.2f"),
})
st.caption(t("table_caption", name=names[town]))
downloads.table_downloads(view.export, f"kmm-peers-{town}", lang, key="peers_csv", source_ids=view.source_ids,
                          title=t("table_heading", name=names[town], count=len(peer_ids)))
components.source_line(sources, view.source_ids, lang)

links = st.columns(2)
links[0].page_link("pages/compare.py", label=t("compare_link", count=min(COMPARE_WITH, len(peer_ids))),
                   icon=":material/compare_arrows:",
                   query_params={"lang": lang, "compare": ",".join([town, *peer_ids[:COMPARE_WITH]])})
if any(p.script == "pages/town_profile.py" for p in registered_pages()):
    links[1].page_link("pages/town_profile.py", label=t("profile_link", name=names[town]),
                       icon=":material/location_city:", query_params={"lang": lang, "town": town})

# --- Where they sit on the two indices, and on the map.
st.header(t("scatter_heading"))
st.plotly_chart(view.scatter, width="stretch", config={"displaylogo": False}, key="peers_scatter")
if by_group:
    group_of = groups.group_of(data_access.table("authorities"))
    group_style.group_legend(lang, group_style.present_groups([town, *peer_ids], group_of))
st.caption(t("scatter_caption"))

st.header(t("map_heading"))
st.pydeck_chart(view.deck, height=420)
components.map_legend(maps.legend_entries(view.breaks, lambda v: f"{v:.2f}"), lang, t("col_distance"))
st.caption(t("map_caption") + (" " + t("map_missing", names=join_items(view.off_map, lang)) if view.off_map else ""))

# --- How it works.
st.header(t("method_heading"))
st.markdown(t("method_text"))
