"""Entry point: page config, language and direction, navigation. Pages live in pages/ and only render."""
import streamlit as st

from ui import embed, layout
from ui.i18n import translate
from ui.navigation import registered_pages

st.set_page_config(page_title="KMM Negev", page_icon=":material/map:", layout="wide")

lang = layout.current_language()
layout.apply_language(lang)

pages = [
    st.Page(spec.script, title=translate(lang, spec.title_key), icon=spec.icon,
            url_path=spec.url_path, default=spec.default)
    for spec in registered_pages()
]
# ?embed=true: only the view's chart, its source and a link back (ui/embed.py), no navigation.
embedded = embed.requested()
current = st.navigation(pages, position="hidden" if embedded else "sidebar")
if embedded:
    embed.render(current.url_path, lang)
    st.stop()
st.sidebar.markdown(f"**{translate(lang, 'common.app_title')}**")
layout.language_switch(lang)
layout.show_url_notes(lang)  # an unknown ?lang=, above the page
current.run()
