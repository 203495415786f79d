"""Streamlit-side pieces of the leaky-bucket page: the Sankey figure and the LM3 result it can borrow."""
from __future__ import annotations

import plotly.graph_objects as go

from indicators.formatting import format_number
from indicators.tools import leaky_bucket, lm3
from ui import tool_data
from ui.charts import FONT

_COLOURS = {leaky_bucket.DATA: "rgba(0,114,178,0.55)", leaky_bucket.USER: "rgba(230,159,0,0.55)",
            leaky_bucket.DERIVED: "rgba(0,158,115,0.45)"}
_NODE_COLOURS = {"in": "#0072B2", "out": "#D55E00", leaky_bucket.LOCAL_ECONOMY: "#009E73",
                 leaky_bucket.CIRCULATING: "#009E73"}


HEIGHT, MARGIN, PAD, THICKNESS = 460, 10, 18, 16
# Where each column of nodes stands, as a share of the width: inflows, the town's economy, leaks and what circulates.
_COLUMN_X = (0.01, 0.5, 0.99)


def sankey_figure(flows: list[leaky_bucket.Flow], t, rtl: bool = False) -> go.Figure:
    """Inflows on the left, the town's economy in the middle, leaks and local circulation on the right (in
    Hebrew and Arabic mirrored: the money flows from right to left); links from the database in blue, the
    user's estimates in orange."""
    nodes, links = leaky_bucket.sankey_links(flows)
    x, y = node_positions(nodes, links, rtl)
    origin = {f.flow_id: f.origin for f in flows}
    label_keys = {f.flow_id: f.label_key for f in flows}
    labels = []
    for key in nodes:
        label = t(f"flow_{label_keys.get(key, key)}")
        if origin.get(key) == leaky_bucket.USER:
            label += f" ({t('user_estimate')})"
        labels.append(label)
    colours = [_NODE_COLOURS.get(key, _NODE_COLOURS[leaky_bucket.direction_of(key)]) for key in nodes]
    # No explicit `arrangement`: "snap" set here hung the browser's renderer in a full-width chart.
    fig = go.Figure(go.Sankey(
        node={"label": labels, "color": colours, "pad": PAD, "thickness": THICKNESS, "x": x, "y": y,
              "hovertemplate": "%{label}: %{value:,.0f} ₪<extra></extra>"},
        textfont={"family": FONT, "size": 13, "color": "#1a1a1a"},
        link={"source": [s for s, _, _, _ in links], "target": [d for _, d, _, _ in links],
              "value": [v for _, _, v, _ in links], "color": [_COLOURS[o] for _, _, _, o in links],
              "customdata": [f"{format_number(v)} ₪" for _, _, v, _ in links],
              "hovertemplate": "%{customdata}<extra></extra>"},
    ))
    fig.update_layout(font={"family": FONT, "size": 13}, height=HEIGHT,
                      margin={"l": MARGIN, "r": MARGIN, "t": MARGIN, "b": MARGIN})
    return fig


def node_positions(nodes: list[str], links: list[tuple[int, int, float, str]], rtl: bool) -> tuple[list, list]:
    """Each node's centre (x, y as shares of the plot) in three columns. Plotly draws a Sankey from left to
    right only; placing the nodes ourselves lets a right-to-left reader start at the right. Each column is
    stacked from the top with the heights plotly gives the nodes (one px-per-₪ scale for all, fitted to the
    fullest column), so nodes do not overlap; plotly keeps them apart if a label pushes. Plotly ignores
    a position of 0, hence the small margins."""
    into, out_of = [0.0] * len(nodes), [0.0] * len(nodes)
    for source, target, amount, _ in links:
        out_of[source] += amount
        into[target] += amount
    value = [max(a, b) for a, b in zip(into, out_of, strict=True)]
    economy = nodes.index(leaky_bucket.LOCAL_ECONOMY)
    column = [0 if i < economy else 1 if i == economy else 2 for i in range(len(nodes))]
    height = HEIGHT - 2 * MARGIN
    scale = min((height - PAD * (column.count(c) - 1)) / (sum(v for v, k in zip(value, column, strict=True)
                                                                 if k == c) or 1) for c in set(column))
    x, y, top = [], [], {0: 0.0, 1: 0.0, 2: 0.0}
    for i, c in enumerate(column):
        size = value[i] * scale
        x.append(1 - _COLUMN_X[c] if rtl else _COLUMN_X[c])
        y.append(max((top[c] + size / 2) / height, 0.01))
        top[c] += size + PAD
    return x, y


def lm3_respend_share(section: dict | None) -> float | None:
    """What local recipients re-spend locally (R3 / R2, %) in the LM3 tool's current work, if it has a result."""
    if not section or not section.get("town"):
        return None
    lines, _ = lm3.spend_lines(section)
    ring = section["ring"]
    rings = tool_data.rings(section["town"], ring["mode"], ring["radius_km"], tuple(ring["authorities"]))
    if not lines or rings is None:
        return None
    result = lm3.compute_lm3(section["round1"], lines, rings, section["chosen_ring"], lm3.survey_answers(section),
                             section["default_share_pct"])
    return result.respend_share_pct
