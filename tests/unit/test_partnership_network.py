"""Network measures and flags of the partnership tool, on small synthetic partnerships (made up here)."""
import pandas as pd
import pytest

from indicators.tools import partnership_network as network


def _actors(*rows):
    return pd.DataFrame(rows, columns=["name", "sector", "town", "role"])


def _relationships(*rows):
    return pd.DataFrame([(a, b, step, None) for a, b, step in rows], columns=["actor_a", "actor_b", "step", "note"])


@pytest.fixture
def star():
    """I (integrator) works with P, B and C; P only informs B; D competes with B and has no tie."""
    actors = _actors(("I", "civil_society", None, "integrator"), ("P", "public", "la-9000", "partner"),
                     ("B", "business", None, "partner"), ("C", "community", None, "partner"),
                     ("D", "business", None, "funder"))
    relationships = _relationships(("I", "P", "partnership"), ("I", "B", "cooperation"), ("I", "C", "coordination"),
                                   ("P", "B", "informing"), ("D", "B", "competition"))
    return actors, relationships, network.build_graph(actors, relationships)


def test_density_counts_ties_at_informing_or_above(star):
    _, _, graph = star
    # 4 ties (the competition is not one) out of 5·4/2 = 10 possible pairs.
    assert network.density(graph) == pytest.approx(0.4)
    assert network.ties(graph).number_of_edges() == 4


def test_density_needs_two_actors():
    graph = network.build_graph(_actors(("A", "public", None, "partner")), _relationships())
    assert network.density(graph) is None


def test_degree_and_centrality(star):
    _, _, graph = star
    measures = network.actor_measures(graph).set_index("name")
    assert measures.loc["I", "degree"] == 3 and measures.loc["D", "degree"] == 0
    assert measures.loc["I", "degree_centrality"] == pytest.approx(3 / 4)
    # I lies on the shortest tie paths P–C and B–C; of the six pairs among P, B, C, D only those pass
    # through I (P–B is direct, D is unreachable): 2 / (4·3/2) = 1/3.
    assert measures.loc["I", "betweenness"] == pytest.approx(2 / 6)
    assert measures.loc["C", "betweenness"] == 0
    assert measures.loc["D", "strongest_step"] == "competition"
    assert network.actor_measures(graph)["name"].iloc[0] == "I"  # the most central first


def test_integrator_reach_counts_working_ties_only(star):
    _, _, graph = star
    [reach] = network.integrator_reach(graph)
    assert (reach.integrator, reach.direct, reach.within_two, reach.others) == ("I", 3, 3, 4)
    assert reach.direct_share == pytest.approx(0.75)


def test_reach_within_two_steps():
    actors = _actors(("I", "civil_society", None, "integrator"), ("A", "public", None, "partner"),
                     ("B", "business", None, "partner"), ("C", "business", None, "partner"))
    relationships = _relationships(("I", "A", "coordination"), ("A", "B", "cooperation"), ("B", "C", "partnership"))
    [reach] = network.integrator_reach(network.build_graph(actors, relationships))
    assert (reach.direct, reach.within_two) == (1, 2)  # C is three steps away


def test_step_counts_list_all_six_in_order(star):
    _, relationships, _ = star
    counts = network.step_counts(relationships)
    assert counts["step"].tolist() == list(network.STEPS)
    assert dict(zip(counts["step"], counts["relationships"], strict=True)) == {
        "disconnection": 0, "competition": 1, "informing": 1, "coordination": 1, "cooperation": 1, "partnership": 1}


def test_sector_pair_counts(star):
    actors, relationships, _ = star
    pairs = network.sector_pair_counts(actors, relationships).set_index(["sector_a", "sector_b"])
    assert pairs.loc[("public", "business"), "informing"] == 1
    assert pairs.loc[("business", "business"), "competition"] == 1
    assert pairs.loc[("business", "business"), "ties"] == 0
    # Sectors ordered public, business, civil_society, community whichever way round the row was typed.
    assert pairs.loc[("public", "civil_society"), "partnership"] == 1
    assert pairs["relationships"].sum() == len(relationships)


def test_flags(star):
    _, _, graph = star
    assert network.flags(graph) == [network.Flag("isolated_actor", "D")]


def test_flags_missing_sector_community_and_integrator():
    actors = _actors(("A", "public", None, "partner"), ("B", "public", None, "partner"))
    graph = network.build_graph(actors, _relationships(("A", "B", "cooperation")))
    codes = [(f.code, f.subject) for f in network.flags(graph)]
    assert codes == [("missing_sector", "business"), ("missing_sector", "civil_society"),
                     ("no_community", "community"), ("no_integrator", "")]


def test_integrator_with_few_working_ties_is_flagged():
    actors = _actors(("I", "civil_society", None, "integrator"), ("A", "public", None, "partner"),
                     ("B", "business", None, "partner"), ("C", "community", None, "partner"))
    relationships = _relationships(("I", "A", "informing"), ("I", "B", "informing"), ("I", "C", "coordination"))
    codes = [f.code for f in network.flags(network.build_graph(actors, relationships))]
    assert codes == ["integrator_few_working_ties"]  # 1 of 3 within two working ties


def test_no_isolation_flag_before_any_relationship():
    actors = _actors(("I", "civil_society", None, "integrator"), ("A", "public", None, "partner"),
                     ("B", "business", None, "partner"), ("C", "community", None, "partner"))
    codes = [f.code for f in network.flags(network.build_graph(actors, _relationships()))]
    assert "isolated_actor" not in codes


def test_empty_partnership_has_no_measures_or_flags():
    graph = network.build_graph(_actors(), _relationships())
    assert network.actor_measures(graph).empty and network.flags(graph) == []
