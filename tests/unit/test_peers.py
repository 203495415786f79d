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


def test_contributions_add_up_to_the_squared_distance():
    from indicators.peers import distance_contributions

    features = _features()
    weights = {"ses": 2.0, "peripherality": 1.0, "size": 0.5, "kind": 1.5}
    distances = peer_distances(features, "a", weights)
    parts = distance_contributions(features, "a", weights)
    assert list(parts.index) == list(distances.index)
    for peer, distance in distances.items():
        assert math.isclose(parts.loc[peer].sum(), distance ** 2)
    assert parts.loc["c", "kind"] == 1.5 and parts.loc["b", "kind"] == 0


def test_peer_table_lists_the_chosen_authority_first_with_sources():
    from indicators.peers import distance_contributions, latest_with_source, peer_table

    authorities = pd.DataFrame({"authority_id": ["a", "b", "c", "d"],
                                "kind": ["city", "city", "regional_council", "city"],
                                "district": ["ד"] * 4, "district_en": ["South"] * 4})
    values = pd.DataFrame({"authority_id": ["a", "a", "b", "c", "d"], "year": [2019, 2021, 2021, 2021, 2021],
                           "value": [1.0, 2.0, 3.0, 4.0, 5.0], "source_id": ["s19", "s21", "s21", "s21", "s21"]})
    latest = latest_with_source(values)
    assert latest.loc["a", "year"] == 2021 and latest.loc["a", "source_id"] == "s21"
    features = _features()
    distances = peer_distances(features, "a", DEFAULT_WEIGHTS)
    table = peer_table("a", distances, distance_contributions(features, "a", DEFAULT_WEIGHTS), authorities,
                       {"ses_index": latest}, k=2)
    assert table["authority_id"].tolist() == ["a", "b", "c"]
    assert table["rank"].tolist() == [0, 1, 2] and table["distance"].iloc[0] == 0
    assert table["ses_index_source"].iloc[1] == "s21" and pd.isna(table["population"].iloc[0])
    assert pd.isna(table["differs_most"].iloc[0])
    assert table["differs_most"].iloc[2] == "kind"  # c is identical on the numbers but another kind


def test_peer_export_has_unit_year_and_source_for_each_feature():
    from indicators.peers import distance_contributions, latest_with_source, peer_export, peer_table

    authorities = pd.DataFrame({"authority_id": ["a", "b", "c", "d"],
                                "kind": ["city", "city", "regional_council", "city"],
                                "district": ["ד"] * 4, "district_en": ["South"] * 4})
    values = pd.DataFrame({"authority_id": list("abcd"), "year": [2019] * 4, "value": [0.1234567, 2.0, 3.0, 4.0],
                           "source_id": ["s19"] * 4})
    indicators = pd.DataFrame({"indicator_id": ["ses_index", "peripherality_index", "population"],
                               "decimals": [3, 3, 0], "unit_en": ["index value", "index value", "persons"]})
    sources = pd.DataFrame({"source_id": ["s19"], "publisher": ["CBS"], "title": ["Index"], "edition": [2019],
                            "url": ["https://example.org"]})
    features = _features()
    table = peer_table("a", peer_distances(features, "a", DEFAULT_WEIGHTS),
                       distance_contributions(features, "a", DEFAULT_WEIGHTS), authorities,
                       {"ses_index": latest_with_source(values)}, k=3)
    out = peer_export(table, {"a": "A"}, indicators, sources, "en", {"city": "City"}, table["district_en"])
    assert out.loc[0, "ses_index"] == 0.12346 and out.loc[0, "ses_index_unit"] == "index value"
    assert out.loc[0, "ses_index_source"] == "CBS — Index, 2019" and out.loc[0, "ses_index_year"] == 2019
    assert {"population_unit", "population_source", "distance", "kind", "district"} <= set(out.columns)
    assert out.loc[0, "authority"] == "A" and out.loc[0, "kind"] == "City"


def test_background_outline_merges_neighbours_and_drops_holes():
    import json

    from ui.peer_groups_data import outline

    def square(x0, y0, size=1.0, hole=False):
        ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
        inner = [[x0 + .4, y0 + .4], [x0 + .6, y0 + .4], [x0 + .6, y0 + .6], [x0 + .4, y0 + .6], [x0 + .4, y0 + .4]]
        return json.dumps({"type": "Polygon", "coordinates": [ring, inner] if hole else [ring]})

    # Two neighbours with a hair-thin gap between them, one with a hole; a third far away.
    merged = outline([square(0, 0, hole=True), square(1.001, 0), square(5, 5)])
    assert merged["type"] == "MultiPolygon" and len(merged["coordinates"]) == 2
    assert all(len(polygon) == 1 for polygon in merged["coordinates"])  # exterior rings only


def test_landscape_keeps_authorities_with_both_indices():
    from indicators.peers import landscape

    def latest(values: dict) -> pd.DataFrame:
        return pd.DataFrame({"value": pd.Series(values)}).rename_axis("authority_id")

    frame = landscape({"ses_index": latest({"a": 1.0, "b": 2.0}), "peripherality_index": latest({"a": 3.0}),
                       "population": latest({"a": 100.0, "b": 50.0})})
    assert frame.to_dict("records") == [{"authority_id": "a", "ses_index": 1.0, "peripherality_index": 3.0,
                                         "population": 100.0}]


def _features_with_groups():
    features = _features()
    features["population_group"] = pd.Series({"a": "arab", "b": "jewish_others", "c": "arab", "d": "arab"})
    return features


def test_population_group_is_left_out_by_default_and_weighs_when_asked():
    features = _features_with_groups()
    assert DEFAULT_WEIGHTS["group"] == 0.0
    assert nearest_peers(features, "a", DEFAULT_WEIGHTS, k=1) == ["b"]  # same kind, other group
    # With the group weighed above the kind, the same-group council comes first.
    assert nearest_peers(features, "a", {**DEFAULT_WEIGHTS, "group": 2.0}, k=1) == ["c"]
    distances = peer_distances(features, "a", {"ses": 0, "peripherality": 0, "size": 0, "kind": 0, "group": 4})
    assert math.isclose(distances["b"], 2.0) and math.isclose(distances["c"], 0.0)


def test_group_contribution_adds_up_and_names_the_group():
    from indicators.peers import distance_contributions
    features = _features_with_groups()
    weights = {**DEFAULT_WEIGHTS, "group": 1.5}
    parts = distance_contributions(features, "a", weights)
    assert list(parts.columns) == ["ses", "peripherality", "size", "kind", "group"]
    assert parts.loc["b", "group"] == 1.5 and parts.loc["c", "group"] == 0.0
    distances = peer_distances(features, "a", weights)
    assert all(math.isclose(parts.loc[p].sum(), distances[p] ** 2) for p in distances.index)


def test_peer_features_carry_the_population_group():
    authorities = pd.DataFrame({"authority_id": ["a", "b"], "kind": ["city", "city"],
                                "population_group": ["arab", "mixed"]})
    latest = pd.DataFrame({"authority_id": ["a"], "indicator_id": ["population"], "value": [100.0]})
    assert peer_features(latest, authorities)["population_group"].tolist() == ["arab", "mixed"]
