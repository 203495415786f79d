"""Plotly figures of the partnership tool: the network graph, the health-check radar and the trend of
each trait across snapshots. Every series differs by more than colour (dash, width, marker shape)."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from indicators.tools.partnerships import SECTORS, STEPS, TRAITS
from ui.charts import DASHES, FONT, MARKERS, SERIES_COLOURS
from ui.partnership_labels import Vocabulary

# Weakest to strongest: greys and orange for the steps that are not ties, then blues darkening and
# widening with the step; each step also has its own dash.
STEP_STYLE = {
    "disconnection": {"color": "#9e9e9e", "width": 1.2, "dash": "dot"},
    "competition": {"color": "#d55e00", "width": 1.6, "dash": "dash"},
    "informing": {"color": "#6baed6", "width": 2.0, "dash": "longdashdot"},
    "coordination": {"color": "#3182bd", "width": 3.0, "dash": "longdash"},
    "cooperation": {"color": "#08519c", "width": 4.5, "dash": "solid"},
    "partnership": {"color": "#08306b", "width": 6.5, "dash": "solid"},
}
SECTOR_STYLE = {
    "public": {"color": "#0072B2", "symbol": "circle"},
    "business": {"color": "#E69F00", "symbol": "square"},
    "civil_society": {"color": "#009E73", "symbol": "diamond"},
    "community": {"color": "#CC79A7", "symbol": "triangle-up"},
}
# Eight traits, eight distinct (colour, dash, marker) triples.
TRAIT_COLOURS = [*SERIES_COLOURS, "#882255"]
TRAIT_DASHES = [*DASHES[:6], "dot", "longdash"]
TRAIT_MARKERS = [*MARKERS, "hexagon"]
LAYOUT_SEED = 7  # a fixed seed: the same network is drawn the same way on every run


def _base_layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(height=height, font={"family": FONT, "size": 13}, paper_bgcolor="white",
                      plot_bgcolor="white", hoverlabel={"font": {"family": FONT}},
                      margin={"l": 10, "r": 10, "t": 20, "b": 10},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.04, "x": 0.5, "xanchor": "center"})
    return fig


def node_positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Spring layout with a fixed seed over every recorded relationship (unweighted: strong steps pulling
    harder squeezed the rest of the network into a corner), so related actors sit near each other."""
    if graph.number_of_nodes() == 1:
        return {next(iter(graph.nodes)): (0.0, 0.0)}
    layout = nx.spring_layout(graph, seed=LAYOUT_SEED, weight=None)
    return {n: (float(x), float(y)) for n, (x, y) in layout.items()}


def network_figure(graph: nx.Graph, words: Vocabulary, height: int = 560) -> go.Figure:
    """Edges grouped by step (one legend entry each, with its colour, width and dash), then actors
    grouped by sector (shape and colour), the integrator(s) with a thick black outline."""
    positions = node_positions(graph)
    fig = go.Figure()
    for step in STEPS:
        xs, ys = [], []
        for a, b, data in graph.edges(data=True):
            if data["step"] == step:
                xs += [positions[a][0], positions[b][0], None]
                ys += [positions[a][1], positions[b][1], None]
        if xs:
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=STEP_STYLE[step], hoverinfo="skip",
                                     name=words.label("step", step), legendgroup="steps"))
    for sector in SECTORS:
        names = [n for n, d in graph.nodes(data=True) if d["sector"] == sector]
        if not names:
            continue
        integrator = [graph.nodes[n]["role"] == "integrator" for n in names]
        fig.add_trace(go.Scatter(
            x=[positions[n][0] for n in names], y=[positions[n][1] for n in names], mode="markers+text",
            text=names, textposition="top center", textfont={"size": 12}, name=words.label("sector", sector),
            marker={"size": [26 if i else 18 for i in integrator], "color": SECTOR_STYLE[sector]["color"],
                    "symbol": SECTOR_STYLE[sector]["symbol"],
                    "line": {"color": "#000000", "width": [4 if i else 1 for i in integrator]}},
            customdata=[[words.label("sector", sector), words.label("role", graph.nodes[n]["role"])] for n in names],
            hovertemplate="<b>%{text}</b><br>%{customdata[0]} · %{customdata[1]}<extra></extra>",
            legendgroup="sectors",
        ))
    if any(d["role"] == "integrator" for _, d in graph.nodes(data=True)):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=words.t("integrator_marker"),
                                 marker={"size": 16, "color": "white", "line": {"color": "#000000", "width": 4}}))
    # Room around the outermost actors for their names (half a name's width either side).
    xs = [x for x, _ in positions.values()] or [0.0]
    ys = [y for _, y in positions.values()] or [0.0]
    fig.update_xaxes(visible=False, range=[min(xs) - 0.45, max(xs) + 0.45])
    fig.update_yaxes(visible=False, range=[min(ys) - 0.2, max(ys) + 0.25])
    return _base_layout(fig, height)


def _two_lines(label: str, longest: int = 10) -> str:
    """A long label broken at the space nearest its middle, so the names around the radar fit a phone."""
    if len(label) <= longest or " " not in label:
        return label
    middle = len(label) / 2
    cut = min((i for i, c in enumerate(label) if c == " "), key=lambda i: abs(i - middle))
    return f"{label[:cut]}<br>{label[cut + 1:]}"


def radar_figure(summary: pd.DataFrame, words: Vocabulary, height: int = 480) -> go.Figure:
    """Mean score per trait (solid line with markers) over the lowest-to-highest range of the scores
    (a shaded band), on a 0–5 radial axis; traits in their listed order, the loop closed."""
    by_trait = summary.set_index("trait").reindex(list(TRAITS))
    theta = [_two_lines(words.label("trait_short", t)) for t in TRAITS]
    closed = [*theta, theta[0]]
    high = [float(v) if pd.notna(v) else None for v in by_trait["max"]]
    low = [float(v) if pd.notna(v) else None for v in by_trait["min"]]
    mean = [float(v) if pd.notna(v) else None for v in by_trait["mean"]]
    fig = go.Figure()
    if all(v is not None for v in high):
        # The band: around the highest scores, then back around the lowest (a ring between them).
        fig.add_trace(go.Scatterpolar(r=[*high, high[0], *low[::-1], low[-1]], theta=[*closed, *closed[::-1]],
                                      fill="toself", fillcolor="rgba(86,180,233,0.25)",
                                      line={"color": "#56B4E9", "width": 1, "dash": "dot"},
                                      name=words.t("radar_range"), hoverinfo="skip"))
    fig.add_trace(go.Scatterpolar(r=[*mean, mean[0]], theta=closed, mode="lines+markers", name=words.t("radar_mean"),
                                  line={"color": "#0072B2", "width": 3}, marker={"size": 8, "symbol": "circle"},
                                  hovertemplate="%{theta}: %{r:.2f}<extra></extra>"))
    fig.update_layout(polar={"radialaxis": {"range": [0, 5], "tickvals": [1, 2, 3, 4, 5], "angle": 90,
                                            "tickfont": {"size": 11}},
                             "angularaxis": {"direction": "clockwise", "rotation": 90}})
    fig = _base_layout(fig, height)
    # Room for the trait names around the circle, and for the legend below them.
    fig.update_layout(margin={"l": 80, "r": 80, "t": 30, "b": 70}, legend={"y": -0.1})
    return fig


def trend_figure(long: pd.DataFrame, words: Vocabulary, height: int = 420) -> go.Figure:
    """Mean score per trait over the snapshots: one line per trait, each with its own colour, dash and
    marker. long: date, trait, mean (from partnership_health.trend_table)."""
    fig = go.Figure()
    for i, trait in enumerate(TRAITS):
        rows = long[long["trait"] == trait]
        if rows.empty:
            continue
        fig.add_trace(go.Scatter(
            x=[d.isoformat() for d in rows["date"]], y=rows["mean"], mode="lines+markers",
            name=words.label("trait_short", trait),
            line={"color": TRAIT_COLOURS[i], "dash": TRAIT_DASHES[i], "width": 2.5},
            marker={"symbol": TRAIT_MARKERS[i], "size": 9},
            hovertemplate="%{x}: %{y:.2f}<extra>" + words.label("trait_short", trait) + "</extra>",
        ))
    fig.update_yaxes(range=[0.8, 5.2], tickvals=[1, 2, 3, 4, 5], title_text=words.column("mean"), gridcolor="#e5e5e5")
    fig.update_xaxes(type="category")
    fig = _base_layout(fig, height)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 20, "b": 120}, legend={"y": -0.14})  # legend below the dates
    return fig
