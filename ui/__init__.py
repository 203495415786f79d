"""Streamlit-side pieces shared by the pages: language, layout, navigation, charts and maps."""
