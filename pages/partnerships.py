"""Partnerships: the register of actors, their relationships on the six-step scale, network measures, the
actors on the map, the partnership health check and its trend. Everything shown is what the user typed or
uploaded (or the example, marked as such); the page's whole state lives in st.session_state["partnerships_state"]."""
import datetime as dt
from functools import partial

import streamlit as st

from indicators.tools import partnership_health as health
from indicators.tools import partnership_network as network
from indicators.tools import partnerships as model
from indicators.tools.partnership_checks import Where, check_actors, check_relationships, check_scores
from indicators.tools.partnership_example import EXAMPLE_ACTORS, example_state
from indicators.tools.partnership_files import (
    MAX_BYTES,
    load_actors,
    load_relationships,
    load_scores,
    to_csv_bytes,
    to_excel_bytes,
)
from ui import data_access, layout, partnership_charts, partnership_map, partnership_tables, project_panel, tables
from ui import partnership_session as session
from ui.i18n import text_direction
from ui.partnership_labels import Vocabulary

lang, t = layout.page_start("partnerships")
project_panel.flash(lang)
words = Vocabulary(lang)
town_names = data_access.names_of_authorities(lang)
negev = data_access.negev_ids()
towns = session.town_lookup()
town_options = data_access.authority_options(lang)
SNAPSHOT_KEY = "partnerships_snapshot"
UPLOAD_COLUMNS = {"actors": model.ACTOR_COLUMNS, "relationships": model.RELATIONSHIP_COLUMNS,
                  "scores": ("date", *model.SCORE_COLUMNS)}
MAX_UPLOAD_MB = MAX_BYTES // 1_000_000  # the uploader shows and enforces the same limit as our own check


def _words() -> Vocabulary:
    return Vocabulary(st.session_state.get("lang", "he"))


def _where(table: str, columns) -> Where:
    """Rows of an on-page table are numbered from 1, columns named by their headers."""
    return Where(words.t(table), 1, words.columns(columns))


def _selected_date(state: model.PartnershipState) -> dt.date | None:
    dates = [a.date.isoformat() for a in state.assessments]
    chosen = st.session_state.get(f"{SNAPSHOT_KEY}_keep")
    if chosen in dates:
        return dt.date.fromisoformat(chosen)
    return state.assessments[-1].date if state.assessments else None


# --- Actions (callbacks run before the page, so the tables below start from their result).

def _load_example() -> None:
    w = _words()
    state = example_state(w.t("example_title"), {key: w.t(f"example_actor_{key}") for key, *_ in EXAMPLE_ACTORS},
                          lambda i: w.t("example_respondent", number=i))
    _replace_everything(state)


def _start_empty() -> None:
    _replace_everything(model.PartnershipState())


def _replace_everything(state: model.PartnershipState) -> None:
    session.save_state(state)
    st.session_state["partnerships_title"] = state.title
    st.session_state.pop(f"{SNAPSHOT_KEY}_keep", None)
    for name in session.TABLES:
        session.replace_table(name)
    session.clear_notices()


def _upload_key(name: str) -> str:
    return f"partnerships_upload_{name}_{session.revision('upload_' + name)}"


def _on_upload(name: str) -> None:
    w = _words()
    file = st.session_state.get(_upload_key(name))
    if file is None:
        return
    state = session.load_state()
    data = file.getvalue()
    if name == "actors":
        table, issues = load_actors(file.name, data, session.town_lookup())
        if table is not None:
            state.actors, count = table, len(table)
    elif name == "relationships":
        actors, _ = check_actors(state.actors, Where("", 1, {}), session.town_lookup())
        table, issues = load_relationships(file.name, data, list(actors["name"]))
        if table is not None:
            state.relationships, count = table, len(table)
    else:
        table, issues = load_scores(file.name, data)
        if table is not None:
            count = sum(len(part) for part in table.values())
            _put_scores(state, table)
    if issues:
        session.notice(name, "error", w.t("upload_failed", file=file.name), issues)
        return
    session.save_state(state)
    session.replace_table(name)
    session.replace_table("upload_" + name)  # a fresh, empty uploader
    session.notice(name, "success", w.t("uploaded_ok", count=count, file=file.name))


def _put_scores(state: model.PartnershipState, snapshots: dict) -> None:
    """Dated rows replace (or create) their snapshots; undated rows go to the snapshot being edited."""
    for date, table in snapshots.items():
        date = date or _selected_date(state) or dt.date.today()
        state.assessments = [a for a in state.assessments if a.date != date] + [model.Assessment(date, table)]
        st.session_state[f"{SNAPSHOT_KEY}_keep"] = date.isoformat()
    state.assessments.sort(key=lambda a: a.date)


def _add_snapshot() -> None:
    w = _words()
    state = session.load_state()
    date = st.session_state.get("partnerships_new_date") or dt.date.today()
    if any(a.date == date for a in state.assessments):
        session.notice("snapshot", "error", w.t("snapshot_exists", date=date.isoformat()))
        return
    # A new snapshot starts with the same respondents as the latest one, scores empty.
    people = health.respondents(state.assessments[-1].scores) if state.assessments else []
    rows = [model.blank_scores(p) for p in people]
    table = model.scores_table([r for part in rows for r in part.to_dict("records")])
    state.assessments = sorted([*state.assessments, model.Assessment(date, table)], key=lambda a: a.date)
    st.session_state[f"{SNAPSHOT_KEY}_keep"] = date.isoformat()
    session.save_state(state)
    session.replace_table("scores")
    session.notice("snapshot", None, "")


def _add_respondent() -> None:
    w = _words()
    name = (st.session_state.get("partnerships_new_respondent") or "").strip()
    state = session.load_state()
    date = _selected_date(state)
    if not name or date is None:
        return
    assessment = next(a for a in state.assessments if a.date == date)
    if name in set(assessment.scores["respondent"].dropna()):
        session.notice("respondent", "error", w.t("respondent_exists", name=name))
        return
    rows = [*assessment.scores.to_dict("records"), *model.blank_scores(name).to_dict("records")]
    assessment.scores = model.scores_table(rows)
    session.save_state(state)
    session.replace_table("scores")
    st.session_state["partnerships_new_respondent"] = ""
    session.notice("respondent", None, "")


def _remove_snapshot() -> None:
    state = session.load_state()
    date = _selected_date(state)
    state.assessments = [a for a in state.assessments if a.date != date]
    st.session_state.pop(f"{SNAPSHOT_KEY}_keep", None)
    session.save_state(state)
    session.replace_table("scores")


def _keep_snapshot() -> None:
    st.session_state[f"{SNAPSHOT_KEY}_keep"] = st.session_state[SNAPSHOT_KEY]


def _uploader(name: str) -> None:
    with st.expander(words.t(f"upload_{name}"), icon=":material/upload_file:"):
        st.file_uploader(words.t(f"upload_{name}"), type=["csv", "xlsx"], key=_upload_key(name),
                         on_change=_on_upload, args=(name,), help=words.t("upload_help"),
                         label_visibility="collapsed", max_upload_size=MAX_UPLOAD_MB)
        st.caption(f'{words.t("upload_limit", mb=MAX_UPLOAD_MB)} {words.t("upload_help")}')
        st.caption(words.t("upload_expected_columns", columns=", ".join(words.column(c) for c in UPLOAD_COLUMNS[name])))
    session.show_notice(name, words)


# --- The partnership and the example.
state = session.load_state()
if "partnerships_title" not in st.session_state:  # first visit, or back from another page
    st.session_state["partnerships_title"] = state.title
state.title = st.text_input(t("partnership_name"), key="partnerships_title",
                            placeholder=t("partnership_name_placeholder"))
left, right = st.columns(2)
left.button(t("load_example"), key="partnerships_load_example", on_click=_load_example,
            icon=":material/science:", width="stretch")
right.button(t("start_empty"), key="partnerships_start_empty", on_click=_start_empty,
             icon=":material/restart_alt:", width="stretch")
if state.is_example:
    st.warning(t("example_banner"), icon=":material/science:")

# --- 1. Actors.
st.header(t("actors_heading"))
st.caption(t("actors_caption"))
_uploader("actors")
edited_actors = session.edited_table(
    "actors", state.actors, lang, column_order=list(model.ACTOR_COLUMNS), column_config={
    "name": st.column_config.TextColumn(words.column("name"), required=True, width="medium"),
    "sector": st.column_config.SelectboxColumn(words.column("sector"), options=list(model.SECTORS),
                                               format_func=lambda c: words.label("sector", c), required=True),
    "town": st.column_config.SelectboxColumn(words.column("town"), options=town_options,
                                             format_func=lambda a: town_names.get(a, a)),
    "role": st.column_config.SelectboxColumn(words.column("role"), options=list(model.ROLES), default="partner",
                                             format_func=lambda c: words.label("role", c)),
})
state.actors = edited_actors
session.save_state(state)
actors, actor_issues = check_actors(edited_actors, _where("actors_table", model.ACTOR_COLUMNS), towns)
session.show_issues(actor_issues, words)

# --- 2. Relationships.
st.header(t("relationships_heading"))
st.caption(t("relationships_caption"))
_uploader("relationships")
if len(actors) < 2 and state.relationships.empty:
    st.info(t("relationships_need_actors"), icon=":material/group_add:")
edited_relationships = session.edited_table(
    "relationships", state.relationships, lang, column_order=list(model.RELATIONSHIP_COLUMNS), column_config={
        "actor_a": st.column_config.SelectboxColumn(words.column("actor_a"), options=list(actors["name"]),
                                                    required=True),
        "actor_b": st.column_config.SelectboxColumn(words.column("actor_b"), options=list(actors["name"]),
                                                    required=True),
        "step": st.column_config.SelectboxColumn(words.column("step"), options=list(model.STEPS), required=True,
                                                 format_func=lambda c: words.label("step", c)),
        "note": st.column_config.TextColumn(words.column("note")),
    })
state.relationships = edited_relationships
session.save_state(state)
relationships, relationship_issues = check_relationships(
    edited_relationships, _where("relationships_table", model.RELATIONSHIP_COLUMNS), list(actors["name"]))
session.show_issues(relationship_issues, words)

# --- 3. The network.
st.header(t("network_heading"))
graph = network.build_graph(actors, relationships)
if actors.empty:
    st.info(t("no_actors"), icon=":material/hub:")
else:
    density = network.density(graph)
    metrics = st.columns(3)
    metrics[0].metric(t("metric_actors"), len(actors))
    metrics[1].metric(t("metric_ties"), network.ties(graph).number_of_edges())
    metrics[2].metric(t("metric_density"), "—" if density is None else f"{density:.2f}")
    st.plotly_chart(partnership_charts.network_figure(graph, words), width="stretch",
                    config={"displaylogo": False}, key="partnerships_graph")
    st.caption(t("graph_caption"))
    st.caption(t("network_rule"))
    for reach in network.integrator_reach(graph):
        st.markdown(t("reach_text", integrator=reach.integrator, direct=reach.direct, others=reach.others,
                      within_two=reach.within_two,
                      direct_share="—" if reach.direct_share is None else f"{reach.direct_share:.0%}",
                      within_two_share="—" if reach.within_two_share is None else f"{reach.within_two_share:.0%}"))
    st.caption(t("reach_rule"))
    st.subheader(t("flags_heading"))
    found = network.flags(graph)
    subjects = {"missing_sector": lambda s: words.label("sector", s)}
    for flag in found:
        subject = subjects.get(flag.code, str)(flag.subject)
        st.warning(t(f"flag_{flag.code}", subject=subject), icon=":material/flag:")
    if not found:
        st.success(t("no_flags"), icon=":material/check_circle:")
    st.subheader(t("measures_heading"))
    number = st.column_config.NumberColumn(format="%.2f")
    tables.show(lang, partnership_tables.measures_display(network.actor_measures(graph), town_names, words),
                hide_index=True, width="stretch",
                column_config={words.column("degree_centrality"): number, words.column("betweenness"): number})
    st.subheader(t("step_counts_heading"))
    tables.show(lang, partnership_tables.step_counts_display(network.step_counts(relationships), words),
                hide_index=True, width=420)
    st.subheader(t("sector_pairs_heading"))
    tables.show(lang, partnership_tables.sector_pairs_display(network.sector_pair_counts(actors, relationships), words),
                hide_index=True, width="stretch")

# --- 4. On the map (its heading always, so the numbered sections never skip one).
st.header(t("map_heading"))
deck = None if actors.empty else partnership_map.actors_map(graph, data_access.table("boundaries"), town_names,
                                                              negev, words)
if deck is None:
    st.info(t("map_no_towns"), icon=":material/map:")
else:
    placed = int(actors["town"].notna().sum())
    st.pydeck_chart(deck, key="partnerships_map", height=520, alt=t("map_alt", count=placed))
    partnership_map.legend(words)
    st.caption(t("map_caption"))
    unplaced = actors.loc[actors["town"].isna(), "name"].tolist()
    if unplaced:
        st.caption(t("map_without_town", names=", ".join(unplaced)))

# --- 5. Health check.
st.header(t("health_heading"))
st.caption(t("health_caption"))
add_left, add_right = st.columns([2, 1], vertical_alignment="bottom")
add_left.date_input(t("new_snapshot_date"), key="partnerships_new_date",
                    value=health.next_snapshot_date(state.assessments, dt.date.today()))
add_right.button(t("add_snapshot"), key="partnerships_add_snapshot", on_click=_add_snapshot,
                 icon=":material/add_a_photo:", width="stretch")
session.show_notice("snapshot", words)
selected = _selected_date(state)
if selected is None:
    st.info(t("no_snapshots"), icon=":material/fact_check:")
else:
    dates = [a.date.isoformat() for a in state.assessments]
    st.session_state[SNAPSHOT_KEY] = selected.isoformat()
    pick, remove = st.columns([2, 1], vertical_alignment="bottom")
    pick.selectbox(t("snapshot_label"), dates, key=SNAPSHOT_KEY, on_change=_keep_snapshot)
    with remove.popover(t("remove_snapshot"), icon=":material/delete:", width="stretch"):
        # Asked once more: a removed snapshot's scores cannot be brought back (other than from a download).
        st.button(t("remove_confirm", date=selected.isoformat()), key="partnerships_remove_snapshot",
                  on_click=_remove_snapshot, type="primary")
    assessment = next(a for a in state.assessments if a.date == selected)
    new_left, new_right = st.columns([2, 1], vertical_alignment="bottom")
    new_left.text_input(t("respondent_name"), key="partnerships_new_respondent")
    new_right.button(t("add_respondent"), key="partnerships_add_respondent", on_click=_add_respondent,
                     icon=":material/person_add:", width="stretch")
    session.show_notice("respondent", words)
    _uploader("scores")
    edited_scores = session.edited_table(
        "scores", assessment.scores, lang, variant=selected.isoformat(), column_order=list(model.SCORE_COLUMNS),
        column_config={
            "respondent": st.column_config.TextColumn(words.column("respondent"), required=True),
            "trait": st.column_config.SelectboxColumn(words.column("trait"), options=list(model.TRAITS), required=True,
                                                      format_func=lambda c: words.label("trait", c), width="large"),
            "score": st.column_config.NumberColumn(words.column("score"), min_value=model.SCORE_MIN,
                                                   max_value=model.SCORE_MAX, step=1, format="%d"),
            "note": st.column_config.TextColumn(words.column("note"), width="medium"),
        })
    assessment.scores = edited_scores
    session.save_state(state)
    scores, score_issues = check_scores(edited_scores, _where("scores_table", model.SCORE_COLUMNS))
    session.show_issues(score_issues, words)
    summary = health.trait_summary(scores)
    if summary["respondents"].sum():
        st.plotly_chart(partnership_charts.radar_figure(summary, words), width="stretch",
                        config={"displaylogo": False}, key="partnerships_radar")
        st.subheader(t("bands_heading"))
        two_places = st.column_config.NumberColumn(format="%.2f")
        tables.show(lang, partnership_tables.bands_display(summary, words), hide_index=True, width="stretch",
                    column_config={words.column("mean"): two_places, words.column("sd"): two_places})
        st.caption(t("bands_rule"))

# --- 6. Over time (its heading always, as above).
st.header(t("trend_heading"))
if len(state.assessments) < 2:
    st.info(t("trend_need_two"), icon=":material/timeline:")
else:
    snapshots = [model.Assessment(a.date, check_scores(a.scores, _where("scores_table", model.SCORE_COLUMNS))[0])
                 for a in state.assessments]
    long = health.trend_table(snapshots)
    if long["date"].nunique() < 2:
        st.info(t("trend_need_two"), icon=":material/timeline:")
    else:
        st.plotly_chart(partnership_charts.trend_figure(long, words), width="stretch",
                        config={"displaylogo": False}, key="partnerships_trend")
        st.caption(t("trend_caption"))
        tables.show(lang, partnership_tables.trend_display(health.trend_by_trait(snapshots), words), hide_index=True,
                    width="stretch")

# --- 7. Download.
st.header(t("export_heading"))
st.caption(t("export_caption"))
actors_out = partnership_tables.actors_export(state.actors, town_names, words)
relationships_out = partnership_tables.relationships_export(state.relationships, words)
scores_out = partnership_tables.scores_export(state.assessments, words)
stem = "kmm-partnership"
# Files are written only when their button is clicked (callables): the workbook imports openpyxl (about 19 MB
# resident per server), and writing four files cost every run of this page CPU.
workbook = partial(to_excel_bytes, {t("sheet_actors"): actors_out, t("sheet_relationships"): relationships_out,
                                    t("sheet_scores"): scores_out}, right_to_left=text_direction(lang) == "rtl")
downloads = [*st.columns(2), *st.columns(2)]
for column, (label, data, file_name, mime, key) in zip(downloads, [
    (t("export_actors"), partial(to_csv_bytes, actors_out), f"{stem}-actors.csv", "text/csv", "actors"),
    (t("export_relationships"), partial(to_csv_bytes, relationships_out), f"{stem}-relationships.csv", "text/csv",
     "relationships"),
    (t("export_scores"), partial(to_csv_bytes, scores_out), f"{stem}-scores.csv", "text/csv", "scores"),
    (t("export_excel"), workbook, f"{stem}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     "excel"),
], strict=True):
    column.download_button(label, data, file_name, mime, key=f"partnerships_export_{key}", icon=":material/download:",
                           width="stretch", on_click="ignore")

project_panel.project_panel("partnerships", lang)  # the project file: this page's state with the other tools'
