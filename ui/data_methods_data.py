"""Cached inputs of the Data and methods page: built once per process (or per language), never per rerun."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import catalogue_docs, views
from ui import data_access


@st.cache_data(show_spinner=False)
def observations() -> pd.DataFrame:
    """Who has a figure for what and when (values are not needed here, so they are not loaded)."""
    return views.observation_keys(data_access.connection())


@st.cache_data(show_spinner=False)
def gaps() -> pd.DataFrame:
    return views.all_gaps(data_access.connection())


@st.cache_data(show_spinner=False)
def catalogue(lang: str) -> pd.DataFrame:
    return catalogue_docs.indicator_catalogue(data_access.table("indicators"), observations(),
                                              data_access.table("sources"), data_access.negev_ids(), lang)


@st.cache_data(show_spinner=False)
def negev_coverage() -> pd.DataFrame:
    indicator_ids = catalogue("en")["indicator_id"].tolist()  # rows in the catalogue's order
    return catalogue_docs.coverage_matrix(observations(), data_access.negev_ids(), indicator_ids)


@st.cache_data(show_spinner=False)
def sources_register() -> pd.DataFrame:
    return catalogue_docs.sources_register(data_access.table("sources"))


@st.cache_data(show_spinner=False)
def sql_text(sql_file: str) -> str:
    return catalogue_docs.sql_text(sql_file)


@st.cache_data(show_spinner=False)
def schema_doc() -> str:
    """docs/schema.md as committed (a unit test keeps it equal to what the Parquet files give)."""
    return catalogue_docs.read_doc("schema.md") or catalogue_docs.schema_markdown()


@st.cache_data(show_spinner=False)
def gap_facts() -> dict:
    """The figures the known-gaps notes quote (language-neutral; each is '' or empty when absent)."""
    obs = observations()
    years = {key: catalogue_docs.format_years(catalogue_docs.years_of(obs, indicator_id))
             for key, indicator_id in (("turnout", "municipal_turnout_pct"), ("land", "built_area_share_pct"),
                                       ("dropout", "dropout_pct"), ("wages", "avg_monthly_wage"))}
    return years | {
        "latest_edition": int(obs["edition"].max()),
        "wage_lags": catalogue_docs.format_years(catalogue_docs.edition_lags(obs, "avg_monthly_wage")),
        "kinds": catalogue_docs.kinds_without_data(obs, data_access.table("authorities")),
        "grant": catalogue_docs.yearly_counts(obs, "balancing_grant_per_capita", data_access.negev_ids()),
        "no_boundary": catalogue_docs.missing_boundaries(data_access.table("authorities"),
                                                         data_access.table("boundaries")),
    }
