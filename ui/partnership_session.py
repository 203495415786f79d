"""Keeping the partnership page's work: the whole state in one plain dict in
st.session_state["partnerships_state"] (JSON-able, ready for the project file), editable tables that
survive reruns and page switches, uploads that replace a table only when the file is sound, and the
messages for table issues."""
from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from indicators.tools import partnership_checks as checks
from indicators.tools.partnership_checks import TableIssue
from indicators.tools.partnerships import PartnershipState, PartnershipStateError, state_from_dict, state_to_dict
from ui import data_access, tables
from ui.partnership_labels import Vocabulary

STATE_KEY = "partnerships_state"
_SAVED = "partnerships_state_saved"  # the JSON text of the dict this page last saved
_BASES = "partnerships_editor_bases"
_REVISIONS = "partnerships_revisions"
_NOTICES = "partnerships_notices"


TABLES = ("actors", "relationships", "scores")


def load_state() -> PartnershipState:
    """The saved state, or an empty one. A dict put there by other code (e.g. a project file being
    opened) restarts the editors from it. One that cannot be opened (open_state() checks first, so only
    a fault gets here) shows its error and is moved aside to st.session_state["partnerships_state_damaged"]
    rather than silently replaced."""
    saved = st.session_state.get(STATE_KEY)
    if saved is None:
        return PartnershipState()
    try:
        state = state_from_dict(saved)
    except PartnershipStateError as error:
        st.error(str(error), icon=":material/error:")
        st.session_state[f"{STATE_KEY}_damaged"] = st.session_state.pop(STATE_KEY)
        return PartnershipState()
    if st.session_state.get(_SAVED) != _text(saved):
        for name in TABLES:
            replace_table(name)
        st.session_state["partnerships_title"] = state.title
        st.session_state[_SAVED] = _text(saved)
    return state


def open_state(data: dict) -> None:
    """Replace the page's work with a saved state (validated first: PartnershipStateError names what is
    wrong, and then nothing changes)."""
    state_from_dict(data)
    st.session_state[STATE_KEY] = json.loads(_text(data))


def save_state(state: PartnershipState) -> None:
    data = state_to_dict(state)
    st.session_state[STATE_KEY] = data
    st.session_state[_SAVED] = _text(data)


def _text(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def revision(name: str) -> int:
    return st.session_state.setdefault(_REVISIONS, {}).get(name, 0)


def replace_table(name: str) -> None:
    """Call after changing a table from outside its editor (upload, example, new respondent): the
    editor starts again from the saved table."""
    revisions = st.session_state.setdefault(_REVISIONS, {})
    revisions[name] = revisions.get(name, 0) + 1


def edited_table(name: str, saved: pd.DataFrame, lang: str, variant: str = "", **editor_args) -> pd.DataFrame:
    """st.data_editor over the saved table. The editor keeps its edits as changes to the table it was
    first given, so that table (the base) stays fixed while its widget lives; when the widget is gone
    (after a page switch) or the table was replaced, the base is the saved table again. `variant` tells
    apart tables edited in turn under one name (the scores of each snapshot)."""
    key = f"partnerships_editor_{name}_{revision(name)}_{variant}"
    bases = st.session_state.setdefault(_BASES, {})
    if key not in st.session_state or key not in bases:
        for old in [k for k in bases if k.startswith(f"partnerships_editor_{name}_")]:
            del bases[old]
        bases[key] = saved.reset_index(drop=True)
    edited = tables.edit(lang, bases[key], key=key, num_rows="dynamic", hide_index=True, width="stretch",
                         placeholder="", **editor_args)
    return edited.reset_index(drop=True)


def notice(name: str, kind: str, text: str, issues: list[TableIssue] | None = None) -> None:
    """Remember a message about an upload for the next run (uploads are handled in callbacks)."""
    st.session_state.setdefault(_NOTICES, {})[name] = (kind, text, issues or [])


def show_notice(name: str, words: Vocabulary) -> None:
    kind, text, issues = st.session_state.get(_NOTICES, {}).get(name, (None, None, None))
    if kind == "success":
        st.success(text, icon=":material/check_circle:")
    elif kind == "error":
        st.error(text + "\n\n" + "\n".join(f"- {issue_text(i, words)}" for i in issues), icon=":material/error:")


def clear_notices() -> None:
    st.session_state[_NOTICES] = {}


@st.cache_data(show_spinner=False)
def town_lookup() -> dict[str, str]:
    """Every spelling of every authority (id, Hebrew, English, Arabic name) -> authority_id."""
    return checks.town_lookup(data_access.table("authorities"))


def issue_text(issue: TableIssue, words: Vocabulary) -> str:
    """“file, row 3, column “sector”: “farm” is not a sector; expected one of: …”"""
    if issue.code == "missing_column":  # named by its canonical column: show the page's own header
        where = words.t("where_column", file=issue.file, column=words.column(issue.column))
    elif issue.row is None and issue.column:
        where = words.t("where_column", file=issue.file, column=issue.column)
    elif issue.row is not None and issue.column:
        where = words.t("where_cell", file=issue.file, row=issue.row, column=issue.column)
    elif issue.row is not None:
        where = words.t("where_row", file=issue.file, row=issue.row)
    else:
        where = words.t("where_file", file=issue.file)
    return f"{where}: {words.t('issue_' + issue.code, found=issue.found, expected=issue.expected)}"


def show_issues(issues: list[TableIssue], words: Vocabulary) -> None:
    """Problems in an editable table: its rows are kept as typed but not counted until fixed."""
    if issues:
        st.warning(words.t("rows_not_counted") + "\n\n" + "\n".join(f"- {issue_text(i, words)}" for i in issues),
                   icon=":material/edit_note:")
