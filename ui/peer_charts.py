"""The Peer groups scatter: every authority by socio-economic index and peripherality, sized by population,
with the chosen authority and its peers picked out (colour, symbol and a number or name label)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.charts import BASE, HIGHLIGHT, _layout


def _sizes(population: pd.Series) -> np.ndarray:
    # Marker area proportional to population, within a readable range.
    root = np.sqrt(population.fillna(population.median()).clip(lower=1))
    return 6 + 26 * (root - root.min()) / max(root.max() - root.min(), 1)


def peer_scatter(frame: pd.DataFrame, chosen: str, peers: list[str], labels: dict[str, str],
                 x_title: str, y_title: str, colours: dict[str, str] | None = None) -> go.Figure:
    """frame: authority_id, name, ses_index, peripherality_index, population, hover.

    labels: {"others", "peers", "chosen"} legend entries. colours: peer authority_id -> colour (by
    population group) in place of the one peer colour; the numbers and the star still mark rank and choice."""
    frame = frame.assign(size=_sizes(frame["population"]))
    rank = {a: i + 1 for i, a in enumerate(peers)}
    others = frame[~frame["authority_id"].isin({chosen, *peers})]
    group = frame[frame["authority_id"].isin(peers)].copy()
    group["rank"] = group["authority_id"].map(rank).astype(str)
    own = frame[frame["authority_id"] == chosen]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=others["ses_index"], y=others["peripherality_index"], mode="markers", name=labels["others"],
        customdata=others["hover"], hovertemplate="%{customdata}<extra></extra>",
        marker={"size": others["size"], "color": "#9e9e9e", "opacity": 0.3, "line": {"width": 0}},
    ))
    fig.add_trace(go.Scatter(
        x=group["ses_index"], y=group["peripherality_index"], mode="markers+text", name=labels["peers"],
        text=group["rank"], textposition="top center", textfont={"size": 11, "color": "#003a5c"},
        customdata=group["hover"], hovertemplate="%{customdata}<extra></extra>",
        marker={"size": group["size"], "opacity": 0.85, "symbol": "circle",
                "color": group["authority_id"].map(colours).tolist() if colours else BASE,
                "line": {"color": "white", "width": 1}},
    ))
    fig.add_trace(go.Scatter(
        x=own["ses_index"], y=own["peripherality_index"], mode="markers+text", name=labels["chosen"],
        text=own["name"], textposition="bottom center", textfont={"size": 13, "color": "#7a2e00"},
        customdata=own["hover"], hovertemplate="%{customdata}<extra></extra>",
        marker={"size": own["size"].clip(lower=16) + 4, "color": HIGHLIGHT, "symbol": "star",
                "line": {"color": "black", "width": 1}},
    ))
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    return _layout(fig, None, height=460)
