"""Local spend and LM3: how much of an organisation's money stays in its town, its area and Israel, and how
much more would stay if it bought locally. The arithmetic is in indicators/tools; this page only renders."""
from functools import partial

import pandas as pd
import streamlit as st

from indicators.formatting import format_number
from indicators.tools import lm3, lm3_example, spend_table
from ui import data_access, layout, local_spend_view, project_panel, tables, tool_data
from ui.i18n import text_direction
from ui.state import initial_choice

lang, t = layout.page_start("local_spend")
project_panel.flash(lang)
gen = project_panel.generation()
state = project_panel.section_state(lm3.SECTION) or lm3.empty_state()
names = data_access.names_of_authorities(lang)
negev = data_access.negev_ids()
order = sorted(names, key=lambda a: (a not in set(negev), str(names[a])))
labels = local_spend_view.place_labels(names, order, t)
kind_labels = {lm3.SUPPLIER: t("kind_supplier"), lm3.STAFF: t("kind_staff")}
UPLOAD_MB = spend_table.MAX_BYTES // (1024 * 1024)
VERSION = "lm3_table_version"  # bumped when a whole table is replaced (upload, example, clear)


def ils(value) -> str:
    text = format_number(value)
    return "—" if text is None else f"{text} ₪"


def number(value) -> str:
    return format_number(value) or "—"


def as_float(value):
    return None if value is None else float(value)


def replace_tables(lines=None, survey=None, example=None) -> None:
    if lines is not None:
        state["lines"] = lines
    if survey is not None:
        state["survey"] = survey
    if example is not None:
        state["example"] = example
    project_panel.store_section(lm3.SECTION, lm3.state_to_dict(state), state["town"])
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1


if state["example"]:
    st.warning(t("example_banner"), icon=":material/science:")

# --- 1. The organisation, its town and what counts as local.
st.header(t("setup_heading"))
left, right = st.columns(2)
town_options = [a for a in order]
if state["town"] is None:  # nothing chosen in the tool yet: the link's town (?town=) or the one chosen elsewhere
    state["town"] = initial_choice("town", town_options, None)
state["town"] = left.selectbox(t("town"), town_options, format_func=names.get, key=f"lm3_town_{gen}",
                               index=town_options.index(state["town"]) if state["town"] in town_options else None,
                               placeholder=t("town_placeholder"))
state["organisation"] = right.text_input(t("organisation"), value=state["organisation"], key=f"lm3_org_{gen}")
left, right = st.columns(2)
state["round1"] = left.number_input(t("round1_input"), min_value=0.0, value=as_float(state["round1"]), step=10_000.0,
                                    format="%.0f", key=f"lm3_round1_{gen}", help=t("round1_help"))
state["period"] = right.text_input(t("period"), value=state["period"], key=f"lm3_period_{gen}")

st.subheader(t("rings_heading"))
st.caption(t("rings_explain"))
ring = state["ring"]
mode_labels = {"radius": t("mode_radius"), "negev": t("mode_negev"), "authorities": t("mode_authorities")}
ring["mode"] = st.radio(t("ring2_mode"), list(mode_labels), format_func=mode_labels.get, horizontal=True,
                        index=list(mode_labels).index(ring["mode"]), key=f"lm3_ring_mode_{gen}")
if ring["mode"] == "radius":
    ring["radius_km"] = st.slider(t("radius_km"), 0, 100, int(ring["radius_km"]), key=f"lm3_radius_{gen}")
elif ring["mode"] == "authorities":
    ring["authorities"] = st.multiselect(t("ring2_authorities"), order, default=[a for a in ring["authorities"]
                                                                                 if a in names],
                                         format_func=names.get, key=f"lm3_ring_set_{gen}")
ring2_label = {"radius": t("ring2_radius", km=ring["radius_km"]), "negev": t("ring2_negev"),
               "authorities": t("ring2_set", count=len(ring["authorities"]))}[ring["mode"]]
ring_labels = {1: t("ring1_label", town=names.get(state["town"], "—")), 2: ring2_label, 3: t("ring3_label")}
state["chosen_ring"] = st.radio(t("chosen_ring_input"), list(lm3.RINGS), format_func=ring_labels.get,
                                index=state["chosen_ring"] - 1, horizontal=True, key=f"lm3_chosen_ring_{gen}")

# --- 2. The spending table: typed, uploaded, or the example.
st.header(t("table_heading"))
version = st.session_state.get(VERSION, 0)
type_tab, upload_tab, template_tab = st.tabs([t("tab_type"), t("tab_upload"), t("tab_templates")])
with upload_tab:
    st.caption(t("upload_explain", mb=UPLOAD_MB))
    uploaded = st.file_uploader(t("upload_spend"), type=["csv", "xlsx", "txt"], key=f"lm3_upload_{gen}_{version}",
                                max_upload_size=UPLOAD_MB)
    if uploaded is not None:
        parsed = tool_data.parse_upload(uploaded.name, uploaded.getvalue(), spend_table.SPEND)
        if parsed.ok:
            replace_tables(lines=parsed.rows, example=False)
            st.session_state["lm3_flash"] = t("upload_ok", file=uploaded.name, rows=len(parsed.rows),
                                              encoding=parsed.encoding)
            st.rerun()
        tool_data.show_issues(parsed, lang, t("upload_kept"))
    uploaded_survey = st.file_uploader(t("upload_survey"), type=["csv", "xlsx", "txt"],
                                       key=f"lm3_upload_survey_{gen}_{version}", max_upload_size=UPLOAD_MB)
    if uploaded_survey is not None:
        parsed = tool_data.parse_upload(uploaded_survey.name, uploaded_survey.getvalue(), spend_table.SURVEY)
        if parsed.ok:
            replace_tables(survey=parsed.rows)
            st.session_state["lm3_flash"] = t("upload_ok", file=uploaded_survey.name, rows=len(parsed.rows),
                                              encoding=parsed.encoding)
            st.rerun()
        tool_data.show_issues(parsed, lang, t("upload_kept"), spend_table.SURVEY)
with template_tab:
    st.caption(t("templates_explain"))
    columns = st.columns(4)
    for i, (template_lang, suffix) in enumerate((("he", "he"), ("en", "en"))):
        # Files are written only when their button is clicked (a callable): an Excel file imports openpyxl,
        # about 19 MB resident per server, and writing four files cost every run of this page CPU.
        columns[2 * i].download_button(t("template_csv", language=suffix.upper()),
                                       partial(spend_table.template_csv, spend_table.SPEND, template_lang),
                                       file_name=f"kmm-lm3-template-{suffix}.csv", mime="text/csv",
                                       key=f"lm3_template_csv_{suffix}", on_click="ignore")
        columns[2 * i + 1].download_button(t("template_xlsx", language=suffix.upper()),
                                           partial(spend_table.template_excel, spend_table.SPEND, template_lang),
                                           file_name=f"kmm-lm3-template-{suffix}.xlsx",
                                           key=f"lm3_template_xlsx_{suffix}", on_click="ignore")
    st.divider()
    st.caption(t("example_explain"))
    left, right = st.columns(2)
    left.download_button(t("example_download"), lm3_example.example_csv(),
                         file_name="kmm-lm3-EXAMPLE-not-real-data.csv", mime="text/csv", key="lm3_example_csv",
                         on_click="ignore")
    if right.button(t("example_load"), key="lm3_example_load", icon=":material/science:"):
        example = lm3_example.example_state()
        state.update({k: v for k, v in example.items()})
        project_panel.store_section(lm3.SECTION, lm3.state_to_dict(state), state["town"])
        st.session_state["kmm_project_generation"] = gen + 1  # the widgets above start again from the example
        st.rerun()
flash = st.session_state.pop("lm3_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")
with type_tab:
    lines_key = f"lm3_lines_{lang}_{gen}_{version}"
    if lines_key not in st.session_state or "lm3_lines_base" not in st.session_state:
        st.session_state["lm3_lines_base"] = local_spend_view.lines_frame(state["lines"], labels, kind_labels)
    edited = tables.edit(
        lang, st.session_state["lm3_lines_base"], key=lines_key, num_rows="dynamic", width="stretch", hide_index=True,
        column_config={
            "name": st.column_config.TextColumn(t("col_name"), required=True),
            "amount": st.column_config.NumberColumn(t("col_amount"), min_value=0, format="localized"),
            "place": st.column_config.SelectboxColumn(t("col_place"), options=list(labels.values())),
            "kind": st.column_config.SelectboxColumn(t("col_kind"), options=list(kind_labels.values()),
                                                     default=kind_labels[lm3.SUPPLIER]),
            "sector": st.column_config.TextColumn(t("col_sector")),
            "tags": st.column_config.TextColumn(t("col_tags"), help=t("col_tags_help")),
        })
    state["lines"] = local_spend_view.lines_from_frame(edited, labels, kind_labels)
    if st.button(t("clear_table"), key="lm3_clear", icon=":material/delete:"):
        replace_tables(lines=[], survey=[], example=False)
        st.rerun()

st.subheader(t("survey_heading"))
st.caption(t("survey_explain"))
survey_key = f"lm3_survey_{lang}_{gen}_{version}"
if survey_key not in st.session_state or "lm3_survey_base" not in st.session_state:
    st.session_state["lm3_survey_base"] = local_spend_view.survey_frame(state["survey"])
edited_survey = tables.edit(
    lang, st.session_state["lm3_survey_base"], key=survey_key, num_rows="dynamic", width="stretch", hide_index=True,
    column_config={
        "supplier": st.column_config.TextColumn(t("col_supplier")),
        "respondent": st.column_config.TextColumn(t("col_respondent")),
        "received": st.column_config.NumberColumn(t("col_received"), min_value=0, format="localized"),
        "share_pct": st.column_config.NumberColumn(t("col_share"), min_value=0, max_value=100),
    })
state["survey"] = local_spend_view.survey_from_frame(edited_survey)
state["default_share_pct"] = st.number_input(t("default_share_input"), min_value=0.0, max_value=100.0,
                                             value=as_float(state["default_share_pct"]), step=5.0,
                                             key=f"lm3_default_share_{gen}", help=t("default_share_help"))

# --- 3. Results. The state is saved before anything can stop the page.
project_panel.store_section(lm3.SECTION, lm3.state_to_dict(state), state["town"])
st.header(t("results_heading"))
lines, incomplete = lm3.spend_lines(state)
if incomplete:
    st.info(t("incomplete_rows", rows=", ".join(str(i) for i in incomplete)))
rings = None
if state["town"]:
    rings = tool_data.rings(state["town"], ring["mode"], ring["radius_km"], tuple(ring["authorities"]))
if not state["town"] or not lines:
    st.info(t("need_inputs"), icon=":material/edit_note:")
elif rings is None:
    st.warning(t("no_boundary", town=names[state["town"]]))
else:
    result = lm3.compute_lm3(state["round1"], lines, rings, state["chosen_ring"], lm3.survey_answers(state),
                             state["default_share_pct"])

    def assumption() -> None:
        if result.default_used_for:
            st.caption(":material/warning: " + t("assumption_note", share=format_number(result.default_share_pct, 1),
                                                 lines="; ".join(result.default_used_for)))
        if state["example"]:
            st.caption(t("example_short"))

    ring2_members = sorted(rings.area, key=lambda a: str(names.get(a, a)))
    with st.expander(t("ring2_members", count=len(ring2_members))):
        st.write(", ".join(names.get(a, a) for a in ring2_members))
    st.subheader(t("ring_shares_heading"))
    tables.show(lang, pd.DataFrame({
        t("col_ring"): [ring_labels[n] for n in lm3.RINGS],
        t("col_spent_inside"): [ils(result.ring_amounts[n]) for n in lm3.RINGS],
        t("col_share_of_spend"): [("—" if result.ring_shares_pct[n] is None else
                                   f"{format_number(result.ring_shares_pct[n], 1)}%") for n in lm3.RINGS],
    }), hide_index=True, width="stretch")
    st.caption(t("ring_shares_caption", total=ils(result.total_spend)))
    if result.unplaced:
        st.warning(t("unplaced", lines="; ".join(result.unplaced)))

    st.subheader(t("lm3_heading", ring=ring_labels[state["chosen_ring"]]))
    if "no_round1" in result.problems:
        st.warning(t("need_round1"))
    if "round2_exceeds_round1" in result.problems:
        st.error(t("round2_exceeds_round1", round2=ils(result.round2), round1=ils(result.round1)),
                 icon=":material/error:")
    if result.missing_share:
        st.warning(t("missing_share", lines="; ".join(result.missing_share)))
    if result.survey_unused:
        st.info(t("survey_unused", names="; ".join(result.survey_unused)))
    cards = st.columns(4)
    cards[0].metric(f"{t('round1')} (₪)", number(result.round1))
    cards[1].metric(f"{t('round2')} (₪)", number(result.round2))
    cards[2].metric(f"{t('round3')} (₪)", number(result.round3))
    cards[3].metric(t("lm3"), "—" if result.lm3 is None else format_number(result.lm3, 2))
    assumption()
    st.plotly_chart(local_spend_view.rounds_figure(result, t), width="stretch", config={"displaylogo": False},
                    key="lm3_rounds_chart")
    tables.show(lang, pd.DataFrame({
        t("col_round"): [t("round_n", n=n) for n in (1, 2, 3)],
        t("col_amount"): [ils(v) for v in (result.round1, result.round2, result.round3)],
        t("col_leak"): [ils(result.leak_round1), ils(result.leak_round2), "—"],
    }), hide_index=True, width="stretch")
    st.caption(t("leaks_caption"))

    st.subheader(t("groups_heading"))
    left, right = st.columns(2)
    for column, by, title in ((left, "tags", t("by_tag")), (right, "sector", t("by_sector"))):
        table = lm3.spend_by_group(lines, rings, state["chosen_ring"], by)
        column.markdown(f"**{title}**")
        tables.show(lang, pd.DataFrame({
            t("col_group"): table["group"].replace("", t("no_group")),
            t("col_total"): table["total"].map(ils), t("col_local"): table["local"].map(ils),
            t("col_share_of_spend"): table["local_share_pct"].map(
                lambda v: "—" if pd.isna(v) else f"{format_number(v, 1)}%"),
        }), container=column, hide_index=True, width="stretch")

    st.subheader(t("candidates_heading"))
    candidates = lm3.localisation_candidates(lines, result, rings)
    if candidates.empty:
        st.info(t("no_candidates"))
    else:
        tables.show(lang, pd.DataFrame({
            t("col_name"): candidates["name"], t("col_place"): candidates["place"].map(lambda p: labels.get(p, p)),
            t("col_amount"): candidates["amount"].map(ils),
            t("col_added"): candidates["added_circulation"].map(ils),
            t("col_lm3_gain"): candidates["lm3_gain"].map(lambda v: "—" if pd.isna(v) else f"+{v:.3f}"),
        }), hide_index=True, width="stretch")
        st.caption(t("candidates_caption"))

    st.subheader(t("whatif_heading"))
    state["what_if_pct"] = st.slider(t("whatif_slider"), 0, 100, int(state["what_if_pct"]),
                                     key=f"lm3_whatif_{gen}")
    project_panel.store_section(lm3.SECTION, lm3.state_to_dict(state), state["town"])
    whatif = lm3.what_if(result, state["what_if_pct"])
    cards = st.columns(3)
    cards[0].metric(f"{t('whatif_moved')} (₪)", number(whatif.moved))
    cards[1].metric(t("whatif_lm3"), "—" if whatif.lm3 is None else format_number(whatif.lm3, 2),
                    delta=None if whatif.lm3 is None or result.lm3 is None else f"{whatif.lm3 - result.lm3:+.3f}")
    cards[2].metric(t("whatif_extra"), number(whatif.extra_circulating))
    if whatif.assumed_share_pct is not None:
        st.caption(t("whatif_caption", share=format_number(whatif.assumed_share_pct, 1)))
    assumption()

    # --- 4. Export.
    st.subheader(t("export_heading"))
    summary = local_spend_view.summary_rows(result, whatif, t)
    notes = []
    if result.default_used_for:
        notes.append(t("assumption_note", share=format_number(result.default_share_pct, 1),
                       lines="; ".join(result.default_used_for)))
    if state["example"]:
        notes.append(t("example_banner"))
    left, middle, right = st.columns(3)
    left.download_button(t("export_csv"), spend_table.safe_table(summary).to_csv(index=False).encode("utf-8-sig"),
                         file_name="kmm-lm3-results.csv", mime="text/csv", key="lm3_export_csv", on_click="ignore")
    sheets = {t("sheet_summary"): summary,
              t("sheet_lines"): spend_table.rows_to_table(state["lines"], spend_table.SPEND, lang, labels),
              t("sheet_survey"): spend_table.rows_to_table(state["survey"], spend_table.SURVEY, lang),
              t("sheet_candidates"): candidates}
    middle.download_button(t("export_xlsx"), partial(spend_table.excel_bytes, sheets, right_to_left=lang != "en"),
                           file_name="kmm-lm3-results.xlsx", key="lm3_export_xlsx", on_click="ignore")
    title = t("print_title", organisation=state["organisation"] or "—")
    subtitle = f"{names[state['town']]} · {state['period']} · {ring_labels[state['chosen_ring']]}"
    page = local_spend_view.printable_summary(title, subtitle, summary, notes, text_direction(lang))
    right.download_button(t("export_print"), page.encode("utf-8"), file_name="kmm-lm3-summary.html",
                          mime="text/html", key="lm3_export_print", on_click="ignore")

project_panel.project_panel(lm3.SECTION, lang)
