"""data_access.table: one shared copy per process, each caller gets its own copy to change."""
from ui import data_access


def test_a_table_changed_by_one_caller_is_unchanged_for_the_next():
    first = data_access.table("authorities")
    first["authority_id"] = "changed"
    first.loc[first.index[0], "name_en"] = "changed"  # a cell changed in place, no new frame
    again = data_access.table("authorities")
    assert len(again) > 1
    assert "changed" not in set(again["authority_id"]) | set(again["name_en"])


def test_the_shared_table_is_read_once():
    data_access.table("indicators")
    hits = data_access._shared_table("indicators")
    assert data_access._shared_table("indicators") is hits


def test_caches_keyed_on_a_visitors_weights_are_bounded():
    """The peer weights are six sliders: an open set of keys, so these caches must not grow without end."""
    from ui import peer_groups_data

    for cached in (data_access.nearest_peers, peer_groups_data.distances, peer_groups_data.peer_table):
        assert 0 < cached._info.max_entries <= 256 and cached._info.ttl is not None
