"""Plotly figures shared by the pages: ranked bars, trend lines, sparklines. Charts stay left-to-right
inside RTL pages; their text is translated and set in the bundled fonts."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators.chart_room import value_range_with_room
from indicators.strip_scale import positions as strip_positions
from indicators.strip_scale import strip_scale

FONT = "Noto Sans Hebrew, Noto Sans Arabic, sans-serif"
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid"]
MARKERS = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross"]
HIGHLIGHT = "#D55E00"
BASE = "#0072B2"


def serialise_once(figure: go.Figure) -> go.Figure:
    """For a cached figure that never changes: st.plotly_chart deep-copies it with to_dict() on every
    run (≈ 2 ms a chart; the town profile has ~60), so compute the dict once."""
    spec = figure.to_dict()
    figure.to_dict = lambda: spec
    return figure


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
               highlight: str | None = None, colours: dict[str, str] | None = None, rtl: bool = False) -> go.Figure:
    """Horizontal bars, best-ranked on top. frame: authority_id, name, value, text (formatted value).
    colours: authority_id -> bar colour (e.g. by population group); the highlighted bar then keeps its
    colour and gets a thick black outline instead, so the two meanings do not collide. rtl: the bars grow
    from the right, names at the right (mirror_bars)."""
    ordered = frame.sort_values("value", ascending=True)
    if colours is None:
        fill = [HIGHLIGHT if a == highlight else BASE for a in ordered["authority_id"]]
        outline = {"width": 0}
    else:
        fill = [colours.get(a, BASE) for a in ordered["authority_id"]]
        outline = {"color": "#000000", "width": [3 if a == highlight else 0.5 for a in ordered["authority_id"]]}
    fig = go.Figure(go.Bar(
        x=ordered["value"], y=ordered["name"], orientation="h", marker={"color": fill, "line": outline},
        text=ordered["text"], textposition="outside", cliponaxis=False,
        customdata=ordered["authority_id"],  # a click on a bar names its authority (ui/town_links.py)
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    fig.update_xaxes(title_text=value_label, range=value_range_with_room(ordered["value"]))
    fig = _layout(fig, title, height=max(260, 22 * len(ordered) + 80))
    return mirror_bars(fig) if rtl else fig


def warm_plotly() -> None:
    """Plotly loads each property's validator the first time a figure sets it (≈ 0.1 s for the first ranked
    bar chart of a process): one small chart of the same kind, drawn and thrown away (ui/warm_up.py)."""
    frame = pd.DataFrame({"authority_id": ["a"], "name": ["a"], "value": [1.0], "text": ["1"]})
    ranked_bar(frame, "a", "a", rtl=True).to_dict()


def mirror_bars(fig: go.Figure) -> go.Figure:
    """Horizontal bars read from the right, as Hebrew and Arabic do: the value axis runs right to left (its
    range as set, reversed) and the category names stand at the right. Call it after the x range is final.
    The value labels outside the bars then sit at their left ends, in the room the range keeps for them."""
    low, high = fig.layout.xaxis.range or (None, None)
    if low is None:
        fig.update_xaxes(autorange="reversed")
    else:
        fig.update_xaxes(range=[high, low], autorange=False)
    fig.update_yaxes(side="right")
    return fig


# Above this many lines (a whole preset of towns) the lines get thin and the markers small, so the
# medians drawn over them stay readable.
MANY_SERIES = 7


def trend_lines(frame: pd.DataFrame, value_label: str, year_label: str, title: str | None = None,
                colours: dict[str, str] | None = None, bold: frozenset[str] = frozenset()) -> go.Figure:
    """One line per series. frame: series (display name), year, value, text. Each series differs in
    colour, dash and marker so that no meaning rests on colour alone. colours: series -> colour (e.g. by
    population group), replacing the per-series colour; dash and marker still tell lines apart. bold: series
    that keep the full line among many (the towns picked one by one, beside a whole preset)."""
    fig = go.Figure()
    many = frame["series"].nunique() > MANY_SERIES
    for i, (series, rows) in enumerate(frame.groupby("series", sort=False)):
        rows = rows.sort_values("year")
        colour = (colours or {}).get(series, SERIES_COLOURS[i % 7])
        thin = many and series not in bold
        fig.add_trace(go.Scatter(
            x=rows["year"], y=rows["value"], name=str(series), mode="lines+markers", text=rows["text"],
            line={"color": colour, "dash": DASHES[i % 7], "width": 1.2 if thin else 2.5},
            marker={"symbol": MARKERS[i % 7], "size": 4 if thin else 8}, opacity=0.75 if thin else 1.0,
            hovertemplate=f"{series} · %{{x}}: %{{text}}<extra></extra>",
        ))
    fig.update_xaxes(title_text=year_label, dtick=1)
    fig.update_yaxes(title_text=value_label)
    fig = _layout(fig, title, height=420)
    # Below the year axis title, not on it.
    fig.update_layout(legend={"y": -0.22})
    return fig


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


def sparkline_svg(rows: pd.DataFrame, width: int = 300, height: int = 70) -> str:
    """The same tiny trend as sparkline(), as a few hundred bytes of SVG for st.image: a page of ~56 cards
    then sends ~56 small images instead of ~56 plotly charts (≈ 5 KB of messages each, and a plotly
    instance each in the browser). Built from numbers only, so no visitor text reaches the markup.
    The first and last year are written under the ends; two figures are two dots, not a trend line."""
    rows = rows.dropna(subset=["value"]).sort_values("year")
    years, values = rows["year"].astype(float).tolist(), rows["value"].astype(float).tolist()
    pad, label = 5, 14  # a strip at the bottom for the years
    plot = height - label
    x_span = (max(years) - min(years)) or 1.0
    y_low, y_high = min(values), max(values)
    y_span = (y_high - y_low) or 1.0

    def point(year: float, value: float) -> tuple[float, float]:
        x = pad + (year - min(years)) / x_span * (width - 2 * pad)
        y = plot / 2 if y_high == y_low else pad + (y_high - value) / y_span * (plot - 2 * pad)
        return round(x, 1), round(y, 1)

    points = [point(year, value) for year, value in zip(years, values, strict=True)]
    line = "" if len(points) < 3 else (f'<polyline points="{" ".join(f"{x},{y}" for x, y in points)}" '
                                       f'fill="none" stroke="{BASE}" stroke-width="2"/>')
    radius = 2.5 if line else 4  # lone dots larger, so they read as figures and not as a broken line
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="{radius}"/>' for x, y in points)
    ends = (f'<g font-family="sans-serif" font-size="11" fill="#555555">'
            f'<text x="{pad}" y="{height - 2}" text-anchor="start">{int(years[0])}</text>'
            f'<text x="{width - pad}" y="{height - 2}" text-anchor="end">{int(years[-1])}</text></g>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}"><rect width="100%" height="100%" fill="white"/>'
            f'{line}<g fill="{BASE}">{dots}</g>{ends}</svg>')


# Rows of dots in a strip: nudged up and down by rank so that equal values stay visible. The town's label sits
# above the highest row, clear of every dot.
STRIP_ROWS = (-0.35, 0.0, 0.35)
STRIP_LABEL_Y = 0.62
EDGE_SYMBOLS = {-1: "triangle-left", 0: "circle", 1: "triangle-right"}  # a town beyond the scale points outward


def strip_plot(frame: pd.DataFrame, highlight: str, note: str) -> go.Figure:
    """One row per panel (indicator), each on its own scale: every authority a dot in its colour (e.g. its
    population group), one highlighted as a large outlined diamond with its label above the row.
    frame: panel, authority_id, value, colour, hover (what a pointer over the dot reads: name and value),
    label (the highlighted town's text above its diamond). A far outlier would squeeze the others into one
    spot, so each panel's scale fits the towns within Tukey's far-out fences (indicators/strip_scale.py)
    and a town beyond them is drawn just past the edge as a triangle pointing out; `note` then says so."""
    panels = list(dict.fromkeys(frame["panel"]))
    fig = make_subplots(rows=len(panels), cols=1, subplot_titles=panels, vertical_spacing=0.6 / max(len(panels), 1))
    fig.update_annotations(font={"family": FONT, "size": 13, "color": "#222222"})  # the panel titles
    clipped = False
    for row, panel in enumerate(panels, start=1):
        rows = frame[frame["panel"] == panel].sort_values("value")
        scale = strip_scale(rows["value"])
        if scale is None:
            continue
        x, side = strip_positions(rows["value"], scale)
        clipped = clipped or scale.clipped
        others, mine = rows["authority_id"] != highlight, rows["authority_id"] == highlight
        fig.add_trace(go.Scatter(
            x=x[others], y=[STRIP_ROWS[i % 3] for i in range(int(others.sum()))], mode="markers",
            marker={"color": rows.loc[others, "colour"].tolist(), "size": 10, "opacity": 0.8,
                    "symbol": side[others].map(EDGE_SYMBOLS).tolist(), "line": {"color": "#ffffff", "width": 0.5}},
            hovertext=rows.loc[others, "hover"].tolist(), hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False), row=row, col=1)
        fig.add_trace(go.Scatter(
            x=x[mine], y=[0.0] * int(mine.sum()), mode="markers", hovertext=rows.loc[mine, "hover"].tolist(),
            marker={"color": rows.loc[mine, "colour"].tolist(), "size": 18, "line": {"color": "#000000", "width": 2},
                    "symbol": ["diamond" if s == 0 else EDGE_SYMBOLS[s] for s in side[mine]]},
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False), row=row, col=1)
        low, high = scale.low_edge - scale.room, scale.high_edge + scale.room
        for position, label in zip(x[mine], rows.loc[mine, "label"], strict=True):
            fig.add_annotation(x=position, y=STRIP_LABEL_Y, text=f"<b>{label}</b>", showarrow=False,
                               xanchor=_anchor_inside(position, low, high), yanchor="bottom",
                               font={"family": FONT, "size": 12, "color": "#000000"}, bgcolor="rgba(255,255,255,0.85)",
                               row=row, col=1)
        fig.update_yaxes(visible=False, range=[-0.7, 1.3], fixedrange=True, row=row, col=1)
        fig.update_xaxes(showgrid=True, range=[low, high], fixedrange=True, row=row, col=1)
    fig = _layout(fig, None, height=150 * len(panels) + (90 if clipped else 30))  # room for two-line titles
    fig.update_layout(showlegend=False, margin={"t": 45, "b": 80 if clipped else 10})
    if clipped:  # under the last axis's tick labels
        fig.add_annotation(text=note, xref="paper", yref="paper", x=0.5, y=0, yshift=-28, xanchor="center",
                           yanchor="top", showarrow=False, font={"family": FONT, "size": 12, "color": "#444444"})
    return fig


def _anchor_inside(x: float, low: float, high: float) -> str:
    """Which side of a label sits at x so that it stays inside [low, high]: near an edge it grows inwards."""
    share = (x - low) / ((high - low) or 1.0)
    return "left" if share < 0.25 else "right" if share > 0.75 else "center"
