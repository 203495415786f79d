"""The Streamlit script that app.py serves: page config, language and direction, navigation."""
from pathlib import Path

import streamlit as st

from ui import embed, errors, layout, navigation
from ui.i18n import translate
from ui.navigation import registered_pages
from ui.safe_text import markdown_literal

# Our own drawing, inlined by Streamlit as a data: URL. A ":material/...:" icon here would make every
# browser fetch the symbol from fonts.gstatic.com (the in-page material icons use a bundled font).
ICON = Path(__file__).resolve().parent / "static" / "kmm-icon.svg"
st.set_page_config(page_title="KMM Negev", page_icon=str(ICON), layout="wide")

lang = layout.current_language()

pages = [
    st.Page(spec.script, title=translate(lang, spec.title_key), icon=spec.icon,
            url_path=spec.url_path, default=spec.default)
    for spec in registered_pages()
]
# ?embed=true: only the view's chart, its source and a link back (ui/embed.py), no navigation.
embedded = embed.requested()
unknown_path = navigation.take_unknown_path()  # a link to no page: the home page with a note, not Streamlit's
current = st.navigation(pages, position="hidden" if embedded else "sidebar")
# The page's first element: its style, and (not for an embedded chart) the early fetch of its heavy elements'
# browser code (ui/chunk_preload.py). st.navigation above draws nothing in the page, so this still comes first.
spec = navigation.spec_of(current.url_path)
layout.apply_language(lang, preload=() if embedded or spec is None else spec.draws)
if embedded:
    embed.render(current.url_path, lang)
    st.stop()
st.sidebar.markdown(f"**{translate(lang, 'common.app_title')}**")
layout.language_switch(lang)
layout.show_url_notes(lang)  # an unknown ?lang=, above the page
if unknown_path:
    st.warning(translate(lang, "town_links.unknown_page", path=markdown_literal(f"/{unknown_path}")), icon="⚠️")
    navigation.dismiss_streamlit_not_found()  # a fresh server's first request also got Streamlit's dialog
errors.run_page(current, lang)  # a failing page: a short message, the traceback in the log
