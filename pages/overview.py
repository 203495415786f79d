"""Overview (home): the Negev at a glance. Renders only; data comes from indicators/ via ui.data_access."""
import streamlit as st

from ui.i18n import translate

lang = st.session_state.get("lang", "he")
st.title(translate(lang, "common.app_title"))
st.caption(translate(lang, "common.tagline"))
st.info(translate(lang, "common.data_missing"))
