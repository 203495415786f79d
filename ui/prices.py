"""The price basis of shekel trends: a switch kept in the URL (?prices=constant|current, constant by default)
and the words that say which one a chart, caption or download shows. The arithmetic is indicators/prices.py;
maps and single-year rankings stay in current prices (one year, one price level)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.exports import with_price_basis
from indicators.formatting import format_number
from indicators.prices import CONSTANT, PRICE_BASES, base_year_of, for_price_basis, in_constant_prices, is_shekels
from ui import data_access
from ui.i18n import translate
from ui.state import url_selectbox
from ui.url_params import parse_choice

PARAM = "prices"


def base_year() -> int:
    return base_year_of(data_access.table("price_index"))


def _t(lang: str, key: str) -> str:
    return translate(lang, f"prices.{key}", year=base_year())


def control(lang: str, container=st) -> str:
    """The switch between constant and current prices (a horizontal radio, in the URL like every view choice)."""
    return url_selectbox(PARAM, _t(lang, "control"), list(PRICE_BASES), CONSTANT,
                         format_func=lambda basis: _t(lang, basis), container=container,
                         widget=container.radio, horizontal=True, help=_t(lang, "control_help"))


def chosen() -> str:
    """The basis the switch holds, read before the switch is drawn further down the page (the town profile's
    sparklines come before its trend chart): the link's value, else this session's, else constant."""
    value, ok = parse_choice(st.query_params.get(PARAM), PRICE_BASES, None)
    if value is None:
        kept = st.session_state.get(f"keep_{PARAM}")
        value = kept if kept in PRICE_BASES else CONSTANT
    return value


def shown(values: pd.DataFrame, unit: str, basis: str) -> pd.DataFrame:
    """One indicator's figures as a trend shows them (shekels deflated when constant prices are asked)."""
    return for_price_basis(values, unit, basis, data_access.table("price_index"))


def axis_unit(lang: str, unit: str, unit_label: str, basis: str) -> str:
    """"₪ per capita, 2022 prices" (or "…, current prices"); any other unit as it is."""
    if not is_shekels(unit):
        return unit_label
    return translate(lang, f"prices.axis_{basis}", unit=unit_label, year=base_year())


def caption(lang: str, basis: str) -> str:
    return _t(lang, f"caption_{basis}")


def sparkline_note(lang: str) -> str:
    return _t(lang, "sparkline_constant")


def document_note(lang: str) -> str:
    return _t(lang, "document_note")


def single_year_note(lang: str, year: int) -> str:
    return translate(lang, "prices.single_year_current", year=year)


def table_with_basis(table: pd.DataFrame, lang: str, unit: str, unit_label: str, basis: str) -> pd.DataFrame:
    """A download of shekel figures stating its basis (unit and a price_basis column); others unchanged."""
    if not is_shekels(unit) or table.empty:
        return table
    return with_price_basis(table, axis_unit(lang, unit, unit_label, basis), _t(lang, f"basis_{basis}"))


# ---------------------------------------------------------------- the methods page

RAHAT_2013_GRANT = 25_376  # thousand ₪, CBS 2013 budget sheet (docs/research/issue-8-cbs-headers.md §15)


def methods_text(lang: str, key: str) -> str:
    return _t(lang, key)


def example_text(lang: str) -> str:
    """Rahat's 2013 balancing grant in the base year's prices, worked out with the published factor."""
    table = data_access.table("price_index")
    grant = pd.DataFrame({"year": [2013], "value": [float(RAHAT_2013_GRANT)]})
    converted = in_constant_prices(grant, table)["value"].iloc[0]
    factor = table.set_index("year")["factor"].get(2013)
    return translate(lang, "prices.m_example", year=base_year(), converted=format_number(converted, 0),
                     factor=format_number(factor, 5))


def factors_table(lang: str) -> pd.DataFrame:
    """The published price_index for reading: year, the source's change, the level and the factor."""
    table = data_access.table("price_index").sort_values("year")
    return pd.DataFrame({translate(lang, "common.year"): table["year"].astype(str),
                         _t(lang, "col_change"): table["annual_change_pct"].round(2),
                         _t(lang, "col_index"): table["index"].round(3),
                         _t(lang, "col_factor"): table["factor"].round(5)})

