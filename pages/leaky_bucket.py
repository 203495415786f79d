"""The leaky bucket: money entering a town's economy, where it leaks out, and what circulates locally; the
database's own figures where it has them, the user's estimates (marked as such) for the rest."""
import pandas as pd
import streamlit as st

from indicators.formatting import format_number
from indicators.tools import leaky_bucket, lm3
from ui import data_access, layout, leaky_bucket_view, project_panel, tables
from ui.i18n import text_direction
from ui.state import initial_choice

lang, t = layout.page_start("leaky_bucket")
project_panel.flash(lang)
gen = project_panel.generation()
state = project_panel.section_state(leaky_bucket.SECTION) or leaky_bucket.empty_state()
names = data_access.names_of_authorities(lang)
negev = set(data_access.negev_ids())
order = sorted(names, key=lambda a: (a not in negev, str(names[a])))
sources = data_access.table("sources").set_index("source_id")
AMOUNT_WIDTH, FLOW_WIDTH = 150, 190  # px: together within a phone's 358 px grid
# The source and the computation are sentences: wrapped in rows tall enough for four lines (the grid wraps text
# only in rows taller than 64 px), the whole table fits beside the sidebar at 1400 px in every language.
YEAR_WIDTH, SOURCE_WIDTH, COMPUTED_WIDTH, ROW_HEIGHT = 60, 240, 270, 84


def ils(value) -> str:
    text = format_number(value)
    return "—" if text is None else f"{text} ₪"


lm3_section = project_panel.section_state(lm3.SECTION)
# The tool's own choice first; then the town of the link (?town=) or the one chosen on another page.
linked_town = initial_choice("town", order, None)
default_town = state["authority"] or linked_town or (lm3_section or {}).get("town") or "la-9000"
state["authority"] = st.selectbox(t("authority"), order, index=order.index(default_town) if default_town in order
                                  else 0, format_func=names.get, key=f"lb_authority_{gen}")
values = data_access.authority_values(state["authority"])
prefilled = leaky_bucket.prefilled_flows(values)
reference = leaky_bucket.reference_figures(values)

st.header(t("data_heading"))
st.caption(t("data_explain"))
known = list(prefilled.values()) + list(reference.values())
if known:
    tables.show(lang, pd.DataFrame({
        t("col_flow"): [t(f"flow_{f.label_key}") for f in known],
        t("col_amount"): [ils(f.amount) for f in known],
        t("col_year"): [str(f.year) for f in known],
        t("col_source"): ["; ".join(f"{sources.loc[s, f'publisher_{lang}']} — {sources.loc[s, 'edition']}"
                                    for s in f.source_ids) for f in known],
        t("col_computed"): [t("computed_as", indicators=f.formula) for f in known],
    }), hide_index=True, width="stretch", row_height=ROW_HEIGHT,
        # The amount wide enough for "12,562,757,245 ₪" and the flow's name narrow enough that both fit a
        # 390 px phone: the grid sized the name to its text and clipped the amount's digits.
        column_config={t("col_amount"): st.column_config.TextColumn(width=AMOUNT_WIDTH),
                       t("col_flow"): st.column_config.TextColumn(width=FLOW_WIDTH),
                       t("col_year"): st.column_config.TextColumn(width=YEAR_WIDTH),
                       t("col_source"): st.column_config.TextColumn(width=SOURCE_WIDTH),
                       t("col_computed"): st.column_config.TextColumn(width=COMPUTED_WIDTH)})
    if leaky_bucket.WAGES in prefilled:
        st.caption(t("wages_note", year=prefilled[leaky_bucket.WAGES].year))
    if "budget_income" in reference:
        st.caption(t("reference_note"))
else:
    st.info(t("no_data_flows"))

st.header(t("user_heading"))
st.caption(t("user_explain"))
user = dict(state["user_flows"])
columns = st.columns(2)
for column, direction, flow_ids in ((columns[0], "in", leaky_bucket.INFLOWS), (columns[1], "out", leaky_bucket.LEAKS)):
    column.markdown(f"**{t('inflows' if direction == 'in' else 'leaks')}**")
    for flow_id in flow_ids:
        if flow_id in prefilled:
            flow = prefilled[flow_id]
            column.caption(f"{t(f'flow_{flow.label_key}')}: {ils(flow.amount)} ({t('from_data')}, {flow.year})")
            continue
        typed = user.get(flow_id)
        user[flow_id] = column.number_input(f"{t(f'flow_{flow_id}')} — {t('user_estimate')} (₪)", min_value=0.0,
                                            value=None if typed is None else float(typed), step=100_000.0,
                                            format="%.0f", key=f"lb_{flow_id}_{gen}",
                                            placeholder=t("empty_not_shown"))
state["user_flows"] = {k: v for k, v in user.items() if v is not None}
project_panel.store_section(leaky_bucket.SECTION, leaky_bucket.state_to_dict(state), state["authority"])

flows = leaky_bucket.all_flows(prefilled, state["user_flows"])
st.header(t("bucket_heading"))
totals = leaky_bucket.bucket(flows)
cards = st.columns(3)
cards[0].metric(t("total_in"), ils(totals.inflow))
cards[1].metric(t("total_leaks"), ils(totals.leaks))
cards[2].metric(t("circulating"), ils(totals.circulating))
if totals.circulating is None:
    st.caption(t("need_both_sides"))
if totals.leaks_exceed_inflows:
    st.warning(t("leaks_exceed"))
if any(f.direction == leaky_bucket.IN for f in flows):
    st.plotly_chart(leaky_bucket_view.sankey_figure(flows, t, rtl=text_direction(lang) == "rtl"), width="stretch",
                    config={"displaylogo": False}, key="lb_sankey")
    st.caption(t("sankey_caption"))
if any(f.origin == leaky_bucket.USER for f in flows):
    st.caption(t("user_flows_note"))

st.header(t("plug_heading"))
leaks = [f.flow_id for f in flows if f.direction == leaky_bucket.OUT]
if not leaks:
    st.info(t("no_leaks"))
else:
    plug = state["plug"]
    leak = st.selectbox(t("plug_leak"), leaks, index=leaks.index(plug["leak"]) if plug["leak"] in leaks else 0,
                        format_func=lambda k: t(f"flow_{k}"), key=f"lb_plug_leak_{gen}")
    pct = st.slider(t("plug_pct"), 0, 100, int(plug["pct"]), key=f"lb_plug_pct_{gen}")
    state["plug"] = {"leak": leak, "pct": pct}
    share = leaky_bucket_view.lm3_respend_share(lm3_section)
    if share is not None:
        state["use_lm3"] = st.checkbox(t("use_lm3", share=format_number(share, 1)), value=state["use_lm3"],
                                       key=f"lb_use_lm3_{gen}")
    else:
        st.caption(t("no_lm3"))
    result = leaky_bucket.plug_leak(flows, leak, pct, share if state["use_lm3"] else None)
    cards = st.columns(3)
    cards[0].metric(t("plugged"), ils(result.plugged))
    cards[1].metric(t("circulating_after"), ils(result.circulating_after),
                    delta=None if result.circulating_before is None else
                    ils(result.circulating_after - result.circulating_before))
    cards[2].metric(t("extra_local"), ils(result.extra_local_spending))
    st.caption(t("plug_caption_lm3", share=format_number(result.respend_share_pct, 1))
               if result.respend_share_pct is not None else t("plug_caption"))
    project_panel.store_section(leaky_bucket.SECTION, leaky_bucket.state_to_dict(state), state["authority"])

project_panel.project_panel(leaky_bucket.SECTION, lang)
