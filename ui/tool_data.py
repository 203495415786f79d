"""Cached data the KMM tool pages need (authority polygons in metres, the place index, an authority's
observations) and the rendering of upload issues as messages."""
from __future__ import annotations

import streamlit as st

from indicators.tools import rings as rings_module
from indicators.tools import spend_table
from ui import data_access
from ui.i18n import translate

ISSUES_SHOWN = 20


@st.cache_resource(show_spinner=False)
def projected_shapes() -> dict:
    return rings_module.projected_shapes(data_access.table("boundaries"))


@st.cache_resource(show_spinner=False)
def place_index() -> spend_table.PlaceIndex:
    return spend_table.PlaceIndex(data_access.table("authorities"))


def rings(town: str, mode: str, radius_km: float, chosen: tuple[str, ...]):
    members = data_access.negev_ids() if mode == "negev" else chosen
    return rings_module.rings_for(town, mode, radius_km, members, projected_shapes())


def parse_upload(name: str, data: bytes, schema: spend_table.Schema) -> spend_table.ParsedTable:
    return spend_table.parse_table(name, data, schema, place_index())


def _column_label(lang: str, key: str | None) -> str:
    if key is None:
        return ""
    return translate(lang, f"local_spend.col_{'share' if key == 'share_pct' else key}")


def issue_text(issue: spend_table.TableIssue, lang: str, schema: spend_table.Schema) -> str:
    """One issue as a sentence: file, row, column, what was found and what was expected."""
    expected = ""
    if issue.column:
        column = next((c for c in schema.columns if c.key == issue.column), None)
        expected = " / ".join(f"«{h}»" for h in column.headers[:3]) if column else ""
    text = translate(lang, f"local_spend.issue_{issue.code}", file=issue.file, row=issue.row or "",
                     column=issue.header or _column_label(lang, issue.column), found=issue.found or "",
                     expected=expected, mb=spend_table.MAX_BYTES // (1024 * 1024))
    if issue.hint:
        text += " " + translate(lang, "local_spend.issue_hint", hint=_place_name(issue.hint, lang))
    return text


def _place_name(place: str, lang: str) -> str:
    words = {"outside_israel": "local_spend.place_outside", "israel": "local_spend.place_israel"}
    if place in words:
        return translate(lang, words[place])
    return data_access.names_of_authorities(lang).get(place, place)


def show_issues(parsed: spend_table.ParsedTable, lang: str, kept_note: str, schema=None) -> None:
    schema = schema or spend_table.SPEND
    lines = [issue_text(i, lang, schema) for i in parsed.issues[:ISSUES_SHOWN]]
    hidden = len(parsed.issues) - ISSUES_SHOWN + parsed.more_issues
    if hidden > 0:
        lines.append(translate(lang, "local_spend.issues_more", count=hidden))
    st.error("\n".join(f"- {line}" for line in lines) + f"\n\n{kept_note}", icon=":material/error:")
