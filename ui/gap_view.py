"""Cached inputs and figures of the population-gap page: group series, the gap over time, the dumbbell of
the latest year and the ranking of indicators — computed in indicators/group_gaps.py, drawn here."""
from __future__ import annotations

import textwrap
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators import group_gaps
from indicators.chart_room import value_range_with_room
from indicators.formatting import format_gap, format_value, is_percent
from ui import charts, data_access, figure_cache, prices
from ui.charts import _layout
from ui.i18n import translate

GROUP_COLOURS = {group_gaps.FIRST: charts.HIGHLIGHT, group_gaps.SECOND: charts.BASE}
GROUP_SYMBOLS = {group_gaps.FIRST: "diamond", group_gaps.SECOND: "circle"}
# A chart title is one line of the plot's width: on a 390 px phone about 32 characters; longer ones are
# broken into lines (plotly never wraps, it cuts the title at both edges).
TITLE_LINE = 32
MEDIAN_LABEL_ROOM = 34  # px above the dumbbell chart: one line of 12 px text and its padding


SCOPES = ("negev", "israel")  # the Negev's authorities, or all of Israel's

def area_ids(scope: str) -> list[str]:
    authorities = data_access.table("authorities")
    if scope == "negev":
        return data_access.negev_ids()
    return authorities["authority_id"].tolist()


@st.cache_data(show_spinner=False)
def groups(scope: str) -> dict[str, list[str]]:
    return group_gaps.groups_of(data_access.table("authorities"), area_ids(scope))


def is_additive(indicator_id: str) -> bool:
    """Amounts and counts over residents: their group figure can be weighted by population."""
    return data_access.indicator_meta(indicator_id)["method_form"] == "per_resident"


@st.cache_data(show_spinner=False)
def gap_table(indicator_id: str, scope: str, basis: str) -> pd.DataFrame:
    """year-indexed group medians, counts, weighted figures (additive indicators) and the gap; shekel amounts in
    the price basis asked for (in constant prices a gap's change over the years is not inflation)."""
    meta = data_access.indicator_meta(indicator_id)
    values = prices.shown(data_access.indicator_values(indicator_id), meta["unit"], basis)
    population = data_access.indicator_values("population") if is_additive(indicator_id) else None
    series = group_gaps.group_series(values, groups(scope), population)
    return group_gaps.gap_by_year(series, group_gaps.yearly_spread(values, area_ids(scope)))


@st.cache_data(show_spinner=False)
def ranking(scope: str) -> pd.DataFrame:
    indicators = data_access.table("indicators")
    return group_gaps.gap_ranking(data_access.observations(), indicators, groups(scope), area_ids(scope))


def _text(indicator_id: str):
    meta = data_access.indicator_meta(indicator_id)
    return lambda v: format_value(v, int(meta["decimals"]), meta["unit"])


def gap_axis_label(indicator_id: str, lang: str, unit_label: str) -> str:
    """The gap chart's axis: between two percentages the gap is in percentage points, not in per cent."""
    unit = data_access.indicator_meta(indicator_id)["unit"]
    return translate(lang, "population_gaps.gap_axis",
                     unit=translate(lang, "population_gaps.gap_axis_points") if is_percent(unit) else unit_label)


@figure_cache.shared
def groups_figure(table: pd.DataFrame, indicator_id: str, labels: dict[str, str], value_label: str,
                  year_label: str, title: str) -> go.Figure:
    """The two groups' medians (and population-weighted figures, dashed) per year."""
    fmt = _text(indicator_id)
    rows = []
    for column, label in labels.items():
        if column in table:
            series = table[column].dropna()
            rows.append(pd.DataFrame({"series": label, "year": series.index.astype(int), "value": series.to_numpy()}))
    frame = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["series", "year", "value"])
    return charts.trend_lines(frame.assign(text=frame["value"].map(fmt)), value_label, year_label, title)


@figure_cache.shared
def gap_figure(table: pd.DataFrame, indicator_id: str, value_label: str, year_label: str, title: str) -> go.Figure:
    """The gap (first group's median − second's) per year, as bars, with the zero line."""
    gap = table["gap"].dropna()
    meta = data_access.indicator_meta(indicator_id)
    fmt = partial(format_gap, decimals=int(meta["decimals"]), unit=meta["unit"])  # points, not per cent
    fig = go.Figure(go.Bar(x=gap.index.astype(int), y=gap.to_numpy(), marker_color=charts.BASE,
                           text=[fmt(v) for v in gap], textposition="outside", cliponaxis=False,
                           hovertemplate="%{x}: %{text}<extra></extra>"))
    fig.update_xaxes(title_text=year_label, dtick=1)
    fig.update_yaxes(title_text=value_label, zeroline=True, zerolinewidth=2, range=value_range_with_room(gap))
    lines = textwrap.wrap(title, TITLE_LINE)
    fig = _layout(fig, "<br>".join(lines), height=360)
    return fig.update_layout(margin={"t": 50 + 20 * (len(lines) - 1)})


@figure_cache.shared
def dumbbell_figure(table: pd.DataFrame, indicator_id: str, names: dict[str, str], group_labels: dict[str, str],
                    reference_label: str, value_label: str) -> go.Figure:
    """Town by town in one year: a segment from each town's figure to the reference group's median."""
    fmt = _text(indicator_id)
    fig = go.Figure()
    towns = table.assign(name=table["authority_id"].map(names))
    for _, row in towns.iterrows():
        fig.add_trace(go.Scatter(x=[row["value"], row["reference_median"]], y=[row["name"], row["name"]],
                                 mode="lines", line={"color": "#bbbbbb", "width": 2}, hoverinfo="skip",
                                 showlegend=False))
    for group, label in group_labels.items():
        rows = towns[towns["group"] == group]
        fig.add_trace(go.Scatter(
            x=rows["value"], y=rows["name"], mode="markers", name=label,
            marker={"color": GROUP_COLOURS[group], "symbol": GROUP_SYMBOLS[group], "size": 11},
            customdata=[fmt(v) for v in rows["value"]], hovertemplate="%{y}: %{customdata}<extra></extra>"))
    if len(towns):
        fig.add_vline(x=float(towns["reference_median"].iloc[0]), line_dash="dash", line_color="#000000")
        fig.add_annotation(x=float(towns["reference_median"].iloc[0]), y=1, yref="paper", yanchor="bottom",
                           showarrow=False, text=reference_label, font={"size": 12})
    fig.update_xaxes(title_text=value_label)
    fig.update_yaxes(categoryorder="array", categoryarray=towns["name"].tolist(), type="category")
    fig = _layout(fig, None, height=max(300, 24 * len(towns) + 120))
    # Room above the plot for the median's label (it sits on top of the line; without a title the margin is
    # 10 px and the label was cut in half).
    return fig.update_layout(margin={"t": MEDIAN_LABEL_ROOM})


def gap_table_decimals(table: pd.DataFrame, decimals: int) -> dict[str, int]:
    """Cell formats of the gap table's download: figures with the indicator's decimals, the unit-free sizes with
    more (a ratio of 0.62 or a gap of 0.85 standard deviations)."""
    figures = {c: decimals for c in table.columns if c.endswith(("_median", "_weighted")) or c == "gap"}
    return figures | {c: 2 for c in ("ratio", "gap_sd") if c in table.columns}


@st.cache_data(show_spinner=False)
def area_sources(scope: str) -> list[str]:
    """The sources of every figure of the area's authorities (behind the ranking of all indicators)."""
    observations = data_access.observations()
    return sorted(observations.loc[observations["authority_id"].isin(set(area_ids(scope))), "source_id"]
                  .dropna().unique())
