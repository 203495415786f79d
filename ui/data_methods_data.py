"""Cached inputs of the Data and methods page: built once per process (or per language), never per rerun."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import coverage
from indicators.catalogue import indicator_catalogue
from indicators.docs_generation import read_doc, schema_markdown
from indicators.formatting import format_years
from indicators.registry import query_text
from indicators.source_register_view import sources_register as register_view
from ui import data_access


@st.cache_data(show_spinner=False)
def catalogue(lang: str) -> pd.DataFrame:
    return indicator_catalogue(data_access.table("indicators"), data_access.observations(),
                               data_access.table("sources"), data_access.negev_ids(), lang)


@st.cache_data(show_spinner=False)
def negev_coverage() -> pd.DataFrame:
    indicator_ids = catalogue("en")["indicator_id"].tolist()  # rows in the catalogue's order
    return coverage.coverage_matrix(data_access.observations(), data_access.negev_ids(), indicator_ids)


@st.cache_data(show_spinner=False)
def sources_register(lang: str) -> pd.DataFrame:
    return register_view(data_access.table("sources"), lang)


@st.cache_data(show_spinner=False)
def query(form: str, sql_file: str | None = None) -> str:
    """The SQL an indicator runs: its own file for `sql`, the shared template for the other forms."""
    return query_text(form, sql_file)


@st.cache_data(show_spinner=False)
def schema_doc() -> str:
    """docs/schema.md as committed (a unit test keeps it equal to what data/schema.yml gives)."""
    return read_doc("schema.md") or schema_markdown()


@st.cache_data(show_spinner=False)
def gap_facts() -> dict:
    """The figures the known-gaps notes quote (language-neutral; each is '' or empty when absent)."""
    obs = data_access.observations()
    years = {key: format_years(coverage.years_of(obs, indicator_id))
             for key, indicator_id in (("turnout", "municipal_turnout_pct"), ("land", "built_area_share_pct"),
                                       ("dropout", "dropout_pct"), ("wages", "avg_monthly_wage"))}
    return years | {
        "latest_edition": int(obs["edition"].max()),
        "wage_lags": format_years(coverage.edition_lags(obs, "avg_monthly_wage")),
        "kinds": coverage.kinds_without_data(obs, data_access.table("authorities")),
        "grant": coverage.yearly_counts(obs, "balancing_grant_per_capita", data_access.negev_ids(), above_zero=True),
        "no_boundary": coverage.missing_boundaries(data_access.table("authorities"), data_access.table("boundaries")),
    }
