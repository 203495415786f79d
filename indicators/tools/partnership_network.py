"""Network measures of a partnership (with networkx) and the flags a facilitator looks for.

Rules, stated once:
- A *tie* is a relationship at informing or above. Disconnection records that two actors have no
  relation; competition is a relation of rivalry, not of working together: neither is a tie. Density,
  degree, centrality and isolation count ties only.
- Ties are undirected (the scale describes a relationship between two actors, not who started it).
- The integrator's *reach* counts only *working ties*: coordination or above. Reach is the share of the
  other actors the integrator connects to directly (one step) and within two steps through working ties.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations_with_replacement

import networkx as nx
import pandas as pd

from indicators.tools.partnerships import REQUIRED_SECTORS, SECTORS, STEP_RANK, STEPS

TIE_FROM = "informing"
WORKING_TIE_FROM = "coordination"


def build_graph(actors: pd.DataFrame, relationships: pd.DataFrame) -> nx.Graph:
    """Every actor a node (with sector, role, town); every relationship an edge carrying its step and
    rank. Expects checked tables (see partnership_checks): known actors, one relationship per pair."""
    graph = nx.Graph()
    for row in actors.itertuples():
        graph.add_node(row.name, sector=row.sector, role=row.role, town=row.town)
    for row in relationships.itertuples():
        graph.add_edge(row.actor_a, row.actor_b, step=row.step, rank=STEP_RANK[row.step])
    return graph


def ties(graph: nx.Graph, from_step: str = TIE_FROM) -> nx.Graph:
    """The same actors with only the relationships at `from_step` or above."""
    least = STEP_RANK[from_step]
    kept = nx.Graph()
    kept.add_nodes_from(graph.nodes(data=True))
    kept.add_edges_from((a, b, d) for a, b, d in graph.edges(data=True) if d["rank"] >= least)
    return kept


def density(graph: nx.Graph) -> float | None:
    """Ties present over ties possible, n(n-1)/2; None with fewer than two actors."""
    if graph.number_of_nodes() < 2:
        return None
    return nx.density(ties(graph))


def actor_measures(graph: nx.Graph) -> pd.DataFrame:
    """Per actor: degree (number of ties), degree centrality (degree over the n-1 possible), betweenness
    centrality (share of shortest tie paths between other actors that pass through it, normalised to 0–1),
    and the strongest step among its relationships. Sorted by betweenness, then degree, then name."""
    tied = ties(graph)
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=["name", "sector", "role", "town", "degree", "degree_centrality",
                                     "betweenness", "strongest_step"])
    degree_centrality = nx.degree_centrality(tied) if tied.number_of_nodes() > 1 else dict.fromkeys(tied, 0.0)
    betweenness = nx.betweenness_centrality(tied, normalized=True)
    rows = []
    for name, data in graph.nodes(data=True):
        ranks = [d["rank"] for _, _, d in graph.edges(name, data=True)]
        rows.append({
            "name": name, "sector": data["sector"], "role": data["role"], "town": data["town"],
            "degree": tied.degree(name), "degree_centrality": degree_centrality[name],
            "betweenness": betweenness[name], "strongest_step": STEPS[max(ranks) - 1] if ranks else None,
        })
    frame = pd.DataFrame(rows)
    return frame.sort_values(["betweenness", "degree", "name"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class Reach:
    integrator: str
    direct: int  # other actors joined by a working tie
    within_two: int  # other actors within two working ties
    others: int  # every other actor in the register

    @property
    def direct_share(self) -> float | None:
        return self.direct / self.others if self.others else None

    @property
    def within_two_share(self) -> float | None:
        return self.within_two / self.others if self.others else None


def integrator_reach(graph: nx.Graph) -> list[Reach]:
    """For each actor whose role is integrator: how many of the other actors it reaches through working
    ties (coordination or above), directly and within two steps."""
    working = ties(graph, WORKING_TIE_FROM)
    reaches = []
    for name, data in graph.nodes(data=True):
        if data["role"] != "integrator":
            continue
        distance = nx.single_source_shortest_path_length(working, name, cutoff=2)
        reaches.append(Reach(name, sum(1 for d in distance.values() if d == 1),
                             sum(1 for d in distance.values() if 1 <= d <= 2), graph.number_of_nodes() - 1))
    return reaches


def step_counts(relationships: pd.DataFrame) -> pd.DataFrame:
    """Relationships per step, all six listed in order (zero where none)."""
    counts = relationships["step"].value_counts()
    return pd.DataFrame({"step": list(STEPS), "relationships": [int(counts.get(s, 0)) for s in STEPS]})


def sector_pair_counts(actors: pd.DataFrame, relationships: pd.DataFrame) -> pd.DataFrame:
    """Relationships per pair of sectors (each pair once, in SECTORS order) and per step, with the number
    of ties; pairs with no relationship are left out."""
    sector_of = dict(zip(actors["name"], actors["sector"], strict=True))
    order = {s: i for i, s in enumerate(SECTORS)}
    pairs = [tuple(sorted((sector_of[a], sector_of[b]), key=order.get))
             for a, b in zip(relationships["actor_a"], relationships["actor_b"], strict=True)]
    rows = []
    for pair in combinations_with_replacement(SECTORS, 2):
        steps = [step for p, step in zip(pairs, relationships["step"], strict=True) if p == pair]
        if not steps:
            continue
        row = {"sector_a": pair[0], "sector_b": pair[1], "relationships": len(steps),
               "ties": sum(STEP_RANK[s] >= STEP_RANK[TIE_FROM] for s in steps)}
        row.update({s: steps.count(s) for s in STEPS})
        rows.append(row)
    return pd.DataFrame(rows, columns=["sector_a", "sector_b", "relationships", "ties", *STEPS])


@dataclass(frozen=True)
class Flag:
    """Something to look at: `code` picks the message (partnerships.flag_<code>); subject names the sector
    or actor it is about, if any."""

    code: str
    subject: str = ""


def flags(graph: nx.Graph) -> list[Flag]:
    """Rules:
    - missing_sector: one of the three sectors of a tri-sector partnership (public, business, civil
      society) has no actor in the register (seed README point 7, "all three sectors");
    - no_community: no community actor (point 5: local people's involvement is what the periphery lacks);
    - no_integrator: the register has actors but none whose role is integrator (point 4);
    - isolated_actor: an actor with no tie (no relationship at informing or above), once the partnership
      has at least one relationship;
    - integrator_few_working_ties: an integrator that reaches under half of the other actors within two
      working ties (coordination or above).
    """
    if graph.number_of_nodes() == 0:
        return []
    found = []
    sectors = {d["sector"] for _, d in graph.nodes(data=True)}
    found += [Flag("missing_sector", s) for s in REQUIRED_SECTORS if s not in sectors]
    if "community" not in sectors:
        found.append(Flag("no_community", "community"))
    reaches = integrator_reach(graph)
    if not reaches:
        found.append(Flag("no_integrator"))
    if graph.number_of_edges():
        tied = ties(graph)
        found += [Flag("isolated_actor", name) for name in graph.nodes if tied.degree(name) == 0]
    found += [Flag("integrator_few_working_ties", r.integrator) for r in reaches
              if r.within_two_share is not None and r.within_two_share < 0.5]
    return found
