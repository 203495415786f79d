"""The project file on every tool page (in the sidebar): save the whole project held in the session, open one
again. Each tool stores its section on every run (store_section), so a save always holds the latest edits."""
from __future__ import annotations

import importlib
from datetime import UTC, datetime

import streamlit as st

from indicators.tools import project_file
from ui.i18n import translate
from ui.safe_text import shortened, visible

_PROJECT = "kmm_project"
_OPENED = "kmm_project_opened"  # (file id, tools as opened, saved stamp): an open is applied once
_GENERATION = "kmm_project_generation"
# The tool module that validates each section; a tool not built yet is simply not validated.
_TOOL_MODULES = {"lm3": "indicators.tools.lm3", "leaky_bucket": "indicators.tools.leaky_bucket",
                 "partnerships": "indicators.tools.partnerships"}
# Sections whose page keeps its state under its own session key: the partnerships page holds a plain dict
# there (ui/partnership_session.py) and restarts its editors when other code puts a new one in its place.
_SESSION_KEYS = {"partnerships": "partnerships_state"}


def _project() -> dict:
    if _PROJECT not in st.session_state:
        st.session_state[_PROJECT] = project_file.new_project()
    return st.session_state[_PROJECT]


def section_state(section: str) -> dict | None:
    """The tool's saved state in this session (a plain dict), or None when it has none yet."""
    if section in _SESSION_KEYS:
        return st.session_state.get(_SESSION_KEYS[section])
    return _project()["tools"].get(section)


def store_section(section: str, data: dict, town: str | None = None) -> None:
    project = _project()
    if section in _SESSION_KEYS:
        st.session_state[_SESSION_KEYS[section]] = data
    else:
        project["tools"][section] = data
    if town:
        project["town"] = town


def _all_tools() -> dict:
    tools = dict(_project()["tools"])
    for section, key in _SESSION_KEYS.items():
        if st.session_state.get(key) is not None:
            tools[section] = st.session_state[key]
    return tools


def generation() -> int:
    """Bumped when a project is opened: tool pages put it in their widget keys so every widget starts
    again from the opened state."""
    return st.session_state.get(_GENERATION, 0)


def _validator(module):
    """Open the section with the tool's own state_from_dict (which raises ValueError naming what is wrong)
    and keep it as the tool would save it, a plain dict."""
    return lambda data: module.state_to_dict(module.state_from_dict(data))


def validators() -> dict:
    found = {}
    for section, module_name in _TOOL_MODULES.items():
        try:
            found[section] = _validator(importlib.import_module(module_name))
        except ImportError:
            continue
    return found


def project_bytes() -> bytes:
    """The project as saved now. The "saved" time changes only when the work changed since it was opened,
    so opening a file and saving it again gives the same bytes."""
    project = {**_project(), "tools": _all_tools()}
    opened = st.session_state.get(_OPENED)
    if opened and project_file.dumps(project["tools"]) == opened[1]:
        project["saved"] = opened[2]
    else:
        project["saved"] = datetime.now(UTC).replace(microsecond=0).isoformat()
    return project_file.dumps(project)


def open_project(name: str, data: bytes, lang: str) -> str | None:
    """Replace the session's project with the file's; the message to show when it cannot be opened (and
    then nothing changes)."""
    project, error = project_file.loads(data, validators())
    if error is not None:
        # The file's name and what it holds are the visitor's text: no direction controls, nothing huge.
        return translate(lang, f"project_file.error_{error.code}", file=shortened(visible(name)),
                         section=visible(error.section or ""), detail=visible(error.detail or ""))
    for section, key in _SESSION_KEYS.items():
        if section in project["tools"]:
            st.session_state[key] = project["tools"].pop(section)
        else:
            st.session_state.pop(key, None)
    st.session_state[_PROJECT] = project
    st.session_state[_GENERATION] = generation() + 1
    return None


def project_panel(section: str, lang: str) -> None:
    """Save / open, in the sidebar. Call it after the page has stored its section for this run."""
    box = st.sidebar.container(border=True)
    box.markdown(f"**{translate(lang, 'project_file.heading')}**")
    box.caption(translate(lang, "project_file.explain"))
    town = _project().get("town") or "town"
    box.download_button(translate(lang, "project_file.save"), data=project_bytes(),
                        file_name=f"kmm-project-{town}.json", mime="application/json",
                        key=f"project_save_{section}", icon=":material/save:", on_click="ignore")
    uploaded = box.file_uploader(translate(lang, "project_file.open"), type=["json"],
                                 key=f"project_open_{section}_{generation()}",
                                 max_upload_size=project_file.MAX_BYTES // (1024 * 1024))
    box.caption(translate(lang, "project_file.open_limit", mb=project_file.MAX_BYTES // (1024 * 1024)))
    if uploaded is None:
        return
    data = uploaded.getvalue()
    error = open_project(uploaded.name, data, lang)
    if error:
        box.error(error, icon=":material/error:")
        return
    st.session_state[_OPENED] = (uploaded.file_id, project_file.dumps(_all_tools()), _project()["saved"])
    st.session_state["kmm_project_flash"] = translate(lang, "project_file.opened", file=uploaded.name)
    st.rerun()


def flash(lang: str) -> None:
    """The "opened" note after the rerun that applied an opened file."""
    message = st.session_state.pop("kmm_project_flash", None)
    if message:
        st.success(message, icon=":material/folder_open:")
