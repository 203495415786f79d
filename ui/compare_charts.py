"""Plotly figures of the Compare page: the percentile dot plot and the per-dimension summary. Same
look as ui/charts.py; each authority has its own colour *and* marker symbol / bar pattern."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.charts import FONT, MARKERS, SERIES_COLOURS, _layout

PATTERNS = ["", "/", "\\", "x", ".", "+", "-"]
MEDIAN_LINE = {"color": "#777777", "dash": "dot", "width": 1}
_LABEL_MAX = 32


def short_label(text: str, limit: int = _LABEL_MAX) -> str:
    """Axis labels cut to fit a phone screen; the full name is in the hover text and the data table."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def percentile_dots(frame: pd.DataFrame, rows: dict[str, list[str]], dimension_titles: dict[str, str],
                    authority_order: list[str], x_title: str) -> go.Figure:
    """Indicators on y (one panel per dimension), percentile 0–100 on x, one marker per authority.

    frame: authority, label (y category), percentile, hover; rows: dimension -> y labels top to bottom."""
    dimensions = [d for d in rows if rows[d]]
    if not dimensions:
        return _layout(go.Figure(), None, height=200)
    fig = make_subplots(rows=len(dimensions), cols=1, shared_xaxes=True, vertical_spacing=0.04,
                        row_heights=[len(rows[d]) for d in dimensions],
                        subplot_titles=[dimension_titles[d] for d in dimensions])
    for r, dimension in enumerate(dimensions, start=1):
        in_row = frame[frame["dimension"] == dimension]
        for i, authority in enumerate(authority_order):
            points = in_row[in_row["authority"] == authority]
            fig.add_trace(go.Scatter(
                x=points["percentile"], y=points["label"], mode="markers", name=authority, legendgroup=authority,
                showlegend=r == 1, customdata=points["hover"],
                marker={"symbol": MARKERS[i % 7], "color": SERIES_COLOURS[i % 7], "size": 11, "opacity": 0.9,
                        "line": {"color": "white", "width": 1}},
                hovertemplate="%{customdata}<extra></extra>",
            ), row=r, col=1)
        fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows[dimension])),
                         type="category", row=r, col=1)
        fig.add_vline(x=50, line=MEDIAN_LINE, row=r, col=1)
    fig.update_xaxes(range=[-4, 104], tickvals=[0, 25, 50, 75, 100], showticklabels=True)
    fig.update_xaxes(title_text=x_title, row=len(dimensions), col=1)
    fig.update_annotations(font={"family": FONT, "size": 14})
    height = 22 * sum(len(rows[d]) for d in dimensions) + 90 * len(dimensions) + 80
    fig = _layout(fig, None, height=height)
    # The legend sits just above the first panel's title (paper coordinates, so plotly widens the top
    # margin when the legend wraps onto several lines on a phone).
    plot_height = height - 40 - 10
    fig.update_layout(margin={"t": 40}, legend={"y": 1 + 30 / plot_height, "yanchor": "bottom",
                                                "orientation": "h", "x": 0.5, "xanchor": "center"})
    return fig


def dimension_bars(summary: pd.DataFrame, dimension_titles: dict[str, str], authority_order: list[str],
                   y_title: str) -> go.Figure:
    """Median percentile per dimension, one bar (colour + pattern) per authority.

    summary: authority, dimension, percentile, text."""
    fig = go.Figure()
    for i, authority in enumerate(authority_order):
        bars = summary[summary["authority"] == authority]
        fig.add_trace(go.Bar(
            x=bars["dimension"].map(dimension_titles), y=bars["percentile"], name=authority, text=bars["text"],
            textposition="outside", cliponaxis=False,
            marker={"color": SERIES_COLOURS[i % 7],
                    "pattern": {"shape": PATTERNS[i % 7], "fgcolor": "white", "fillmode": "overlay", "size": 8}},
            hovertemplate=f"{authority} · %{{x}}: %{{text}}<extra></extra>",
        ))
    fig.add_hline(y=50, line=MEDIAN_LINE)
    fig.update_yaxes(range=[0, 108], title_text=y_title, tickvals=[0, 25, 50, 75, 100])
    fig.update_xaxes(categoryorder="array", categoryarray=list(dimension_titles.values()))
    fig = _layout(fig, None, height=380)
    fig.update_layout(barmode="group", bargap=0.25)
    return fig


def restyle_medians(fig: go.Figure, median_names: list[str]) -> go.Figure:
    """Benchmark lines in the trend chart: grey and thin, so the authorities stand out; a third (a preset's
    own median) black and thick, so it reads over a preset's many thin town lines."""
    colours, dashes, widths = ["#555555", "#999999", "#000000"], ["dash", "dot", "solid"], [2, 2, 3.5]
    for j, name in enumerate(median_names):
        style = j % 3
        fig.update_traces(selector={"name": name}, opacity=1.0,
                          line={"color": colours[style], "dash": dashes[style], "width": widths[style]},
                          marker={"symbol": "line-ew-open", "color": colours[style], "size": 10})
    return fig
