"""Peer-group distance on a tiny hand-made set of authorities."""
import math

import pandas as pd

from indicators.peers import DEFAULT_WEIGHTS, nearest_peers, peer_distances, peer_features


def _features():
    authorities = pd.DataFrame({"authority_id": ["a", "b", "c", "d"],
                                "kind": ["city", "city", "regional_council", "city"]})
    latest = pd.DataFrame({
        "authority_id": ["a", "b", "c", "d"] * 3,
        "indicator_id": ["ses_index"] * 4 + ["peripherality_index"] * 4 + ["population"] * 4,
        "value": [-1.0, -0.9, -1.0, 2.0, 0.5, 0.6, 0.5, -1.0, 10_000, 12_000, 10_000, 1_000_000],
    })
    return peer_features(latest, authorities)


def test_size_enters_as_log10():
    assert _features().loc["d", "size"] == 6.0


def test_the_same_profile_of_another_kind_is_pushed_away_by_the_kind_weight():
    features = _features()
    assert nearest_peers(features, "a", DEFAULT_WEIGHTS, k=1) == ["b"]
    assert nearest_peers(features, "a", {**DEFAULT_WEIGHTS, "kind": 0.0}, k=1) == ["c"]


def test_distance_is_zero_for_identical_features_and_kind_ignored():
    distances = peer_distances(_features(), "a", {"ses": 1, "peripherality": 1, "size": 1, "kind": 0})
    assert math.isclose(distances["c"], 0.0)


def test_missing_features_are_left_out_not_imputed():
    features = _features()
    features.loc["b", "ses"] = float("nan")
    assert "b" not in peer_distances(features, "a", DEFAULT_WEIGHTS).index
    assert "b" in peer_distances(features, "a", {"ses": 0, "peripherality": 1, "size": 1, "kind": 1}).index


def test_unknown_authority_gives_no_peers():
    assert nearest_peers(_features(), "zz") == []
