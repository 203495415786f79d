"""Plotly figures shared by the pages: ranked bars, trend lines, sparklines. Charts stay left-to-right
inside RTL pages; their text is translated and set in the bundled fonts."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

FONT = "Noto Sans Hebrew, Noto Sans Arabic, sans-serif"
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid"]
MARKERS = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross"]
HIGHLIGHT = "#D55E00"
BASE = "#0072B2"


def _layout(fig: go.Figure, title: str | None, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title or "", "x": 0.5, "xanchor": "center"}, height=height,
        font={"family": FONT, "size": 13}, margin={"l": 10, "r": 10, "t": 50 if title else 10, "b": 10},
        plot_bgcolor="white", paper_bgcolor="white", hoverlabel={"font": {"family": FONT}},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0.5, "xanchor": "center"},
    )
    fig.update_xaxes(gridcolor="#e5e5e5", zerolinecolor="#bbbbbb")
    fig.update_yaxes(gridcolor="#e5e5e5", zerolinecolor="#bbbbbb", automargin=True)
    return fig


def ranked_bar(frame: pd.DataFrame, value_label: str, title: str | None = None,
               highlight: str | None = None) -> go.Figure:
    """Horizontal bars, best-ranked on top. frame: authority_id, name, value, text (formatted value)."""
    ordered = frame.sort_values("value", ascending=True)
    colours = [HIGHLIGHT if a == highlight else BASE for a in ordered["authority_id"]]
    fig = go.Figure(go.Bar(
        x=ordered["value"], y=ordered["name"], orientation="h", marker_color=colours,
        text=ordered["text"], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    fig.update_xaxes(title_text=value_label)
    return _layout(fig, title, height=max(260, 22 * len(ordered) + 80))


def trend_lines(frame: pd.DataFrame, value_label: str, year_label: str, title: str | None = None) -> go.Figure:
    """One line per series. frame: series (display name), year, value, text. Each series differs in
    colour, dash and marker so that no meaning rests on colour alone."""
    fig = go.Figure()
    for i, (series, rows) in enumerate(frame.groupby("series", sort=False)):
        rows = rows.sort_values("year")
        fig.add_trace(go.Scatter(
            x=rows["year"], y=rows["value"], name=str(series), mode="lines+markers", text=rows["text"],
            line={"color": SERIES_COLOURS[i % 7], "dash": DASHES[i % 7], "width": 2.5},
            marker={"symbol": MARKERS[i % 7], "size": 8},
            hovertemplate=f"{series} · %{{x}}: %{{text}}<extra></extra>",
        ))
    fig.update_xaxes(title_text=year_label, dtick=1)
    fig.update_yaxes(title_text=value_label)
    return _layout(fig, title, height=380)


def sparkline(rows: pd.DataFrame) -> go.Figure:
    """A tiny trend of one authority's (year, value) series for a headline card."""
    rows = rows.sort_values("year")
    fig = go.Figure(go.Scatter(x=rows["year"], y=rows["value"], mode="lines+markers",
                               line={"color": BASE, "width": 2}, marker={"size": 4},
                               hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.update_layout(height=70, margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False,
                      plot_bgcolor="white", paper_bgcolor="white", font={"family": FONT, "size": 10})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig
