"""Figures mirrored for right-to-left readers: ranked bars (also with a range set afterwards, as the explorer
does) and the leaky bucket's Sankey node positions, which must keep the columns apart and not overlap."""
import pandas as pd
import pytest

from indicators.tools import leaky_bucket as lb
from ui import charts
from ui.leaky_bucket_view import HEIGHT, MARGIN, PAD, node_positions

FRAME = pd.DataFrame({"authority_id": ["a", "b"], "name": ["A", "B"], "value": [1.0, 3.0], "text": ["1", "3"]})


def test_ranked_bar_mirrors_only_in_rtl():
    ltr, rtl = charts.ranked_bar(FRAME, "v"), charts.ranked_bar(FRAME, "v", rtl=True)
    assert list(rtl.layout.xaxis.range) == list(ltr.layout.xaxis.range)[::-1]
    assert rtl.layout.yaxis.side == "right" and ltr.layout.yaxis.side != "right"


def test_mirror_bars_keeps_a_range_set_later():
    figure = charts.ranked_bar(FRAME, "v")
    figure.update_xaxes(range=[-1, 5])
    assert list(charts.mirror_bars(figure).layout.xaxis.range) == [5, -1]


FLOWS = [lb.Flow("gov_transfers", lb.IN, 4e8, lb.DATA), lb.Flow("wages_elsewhere", lb.IN, 1.5e9, lb.DATA),
         lb.Flow("spending_outside", lb.OUT, 5e8, lb.USER), lb.Flow("commuting", lb.OUT, 2e8, lb.USER)]


@pytest.mark.parametrize("rtl", [False, True])
def test_sankey_columns_and_no_overlap(rtl):
    nodes, links = lb.sankey_links(FLOWS)
    x, y = node_positions(nodes, links, rtl)
    inflow_x = {x[nodes.index(f.flow_id)] for f in FLOWS if f.direction == lb.IN}
    leak_x = {x[nodes.index(f.flow_id)] for f in FLOWS if f.direction == lb.OUT} | {x[nodes.index(lb.CIRCULATING)]}
    assert len(inflow_x) == 1 and len(leak_x) == 1 and x[nodes.index(lb.LOCAL_ECONOMY)] == 0.5
    assert (inflow_x.pop() > 0.5) == rtl and (leak_x.pop() < 0.5) == rtl
    assert all(0 < v < 1 for v in x + y)  # plotly ignores a position of 0
    # In a column, each node's centre is below the previous one by at least the pad (shares of the plot).
    column = [i for i, key in enumerate(nodes) if lb.direction_of(key) == lb.OUT and key != lb.LOCAL_ECONOMY]
    gaps = [y[b] - y[a] for a, b in zip(column, column[1:], strict=False)]
    assert all(g > PAD / (HEIGHT - 2 * MARGIN) for g in gaps), (column, y)


def test_explorer_bars_mirror_after_their_own_range():
    from ui import explorer_data

    medians = {"negev": (2.0, "Negev"), "israel": (None, "Israel")}
    ltr = explorer_data.bars_figure(FRAME, "v", "t", None, None, medians)
    rtl = explorer_data.bars_figure(FRAME, "v", "t", None, None, medians, rtl=True)
    assert list(rtl.layout.xaxis.range) == list(ltr.layout.xaxis.range)[::-1] and rtl.layout.yaxis.side == "right"
