"""Population-group filter and group presets on a hand-made authorities table, and the presets on the
published table checked against its own columns."""
import pandas as pd
import pytest

from indicators import groups
from indicators.settings import PUBLISHED_DIR

AUTHORITIES = pd.DataFrame({
    "authority_id": ["c1", "c2", "l1", "r1", "r2", "x1", "m1"],
    "kind": ["city", "city", "local_council", "regional_council", "regional_council", "city", "local_council"],
    "is_negev": [True, True, True, True, True, False, False],
    "population_group": ["jewish_others", "arab", "arab", "jewish_others", None, "arab", "mixed"],
})


def test_filter_keeps_the_group_in_the_given_order():
    assert groups.filter_by_group(AUTHORITIES, ["x1", "l1", "c1", "c2"], "arab") == ["x1", "l1", "c2"]
    assert groups.filter_by_group(AUTHORITIES, ["m1", "c1"], "mixed") == ["m1"]
    assert groups.filter_by_group(AUTHORITIES, ["r2", "c1"], "all") == ["r2", "c1"]


def test_an_authority_without_a_group_is_only_in_all():
    for group in groups.GROUPS:
        assert "r2" not in groups.filter_by_group(AUTHORITIES, AUTHORITIES["authority_id"], group)


def test_unknown_group_is_refused():
    with pytest.raises(ValueError):
        groups.filter_by_group(AUTHORITIES, ["c1"], "bedouin")


def test_presets_are_negev_authorities_matching_their_criteria():
    members = groups.presets(AUTHORITIES)
    assert members["negev_all"] == ["c1", "c2", "l1", "r1", "r2"]
    assert members["negev_cities"] == ["c1", "c2"]  # x1 is a city outside the Negev
    assert members["negev_local_councils"] == ["l1"]
    assert members["negev_regional_councils"] == ["r1", "r2"]
    assert members["negev_arab"] == ["c2", "l1"]
    assert members["negev_jewish_others"] == ["c1", "r1"]


def test_presets_follow_a_given_order_and_drop_empty_ones():
    assert groups.preset_members(AUTHORITIES, "negev_cities", order=["c2", "x1", "c1"]) == ["c2", "c1"]
    no_councils = AUTHORITIES[AUTHORITIES["kind"] != "regional_council"]
    assert "negev_regional_councils" not in groups.presets(no_councils)
    with pytest.raises(ValueError):
        groups.preset_members(AUTHORITIES, "tel_aviv")


def test_colour_keys_mark_unknown_groups():
    assert groups.colour_keys(["c2", "r2", "zz"], groups.group_of(AUTHORITIES)) == ["arab", "unknown", "unknown"]


def test_published_presets_partition_the_negev():
    authorities = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet")
    members = groups.presets(authorities)
    negev = set(authorities.loc[authorities["is_negev"], "authority_id"])
    assert set(members["negev_all"]) == negev and len(negev) == 33
    kinds = members["negev_cities"] + members["negev_local_councils"] + members["negev_regional_councils"]
    assert sorted(kinds) == sorted(negev)
    assert set(members["negev_arab"]) | set(members["negev_jewish_others"]) <= negev
    assert not set(members["negev_arab"]) & set(members["negev_jewish_others"])
    assert "la-1161" in members["negev_arab"] and "la-9000" in members["negev_jewish_others"]  # Rahat, Be'er Sheva
