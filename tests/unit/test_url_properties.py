"""Property tests: whatever a link holds, the URL parsers return allowed values and never raise."""
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.comparison import parse_selection
from tests import hostile
from ui.url_params import LIST_SEPARATOR, parse_choice, parse_list

IDS = ["la-9000", "la-1161", "rc-48", "la-2200", "la-31", "rc-31", "la-70"]
YEARS = list(range(2013, 2023))
raw_values = st.one_of(st.none(), hostile.hostile_text(),
                       st.lists(st.sampled_from(IDS) | hostile.bidi_text(), max_size=12).map(LIST_SEPARATOR.join))
fast = settings(max_examples=200, deadline=None)


@fast
@given(raw=raw_values, default=st.sampled_from(YEARS))
def test_choice_is_an_option_or_the_default(raw, default):
    value, ok = parse_choice(raw, YEARS, default)
    assert value in YEARS
    assert ok == (raw in (None, "") or raw in {str(y) for y in YEARS})
    if not ok:
        assert value == default


@fast
@given(raw=raw_values, cap=st.one_of(st.none(), st.integers(min_value=1, max_value=6)))
def test_list_holds_only_known_ids_once_each(raw, cap):
    values, ok = parse_list(raw, IDS, ["la-9000"], cap)
    assert set(values) <= set(IDS)
    assert len(values) == len(set(values))
    if cap is not None and values != ["la-9000"]:
        assert len(values) <= cap
    if raw and any(part.strip() not in IDS for part in raw.split(LIST_SEPARATOR) if part.strip()):
        assert not ok


@fast
@given(raw=raw_values, cap=st.integers(min_value=1, max_value=6))
def test_compare_selection_splits_the_link_completely(raw, cap):
    selection = parse_selection(raw, IDS, cap)
    assert set(selection.kept) <= set(IDS) and len(selection.kept) <= cap
    assert len(selection.kept) == len(set(selection.kept))
    assert not set(selection.unknown) & set(IDS)
    items = [p.strip() for p in (raw or "").split(",") if p.strip()]
    assert list(dict.fromkeys(i for i in items if i in IDS)) == selection.kept + selection.over_cap


@settings(max_examples=15, deadline=None)
@given(raw=hostile.huge_text())
def test_huge_values_are_handled_quickly(raw):
    hostile.assert_fails_politely(lambda: parse_selection(raw, IDS, 6))
    hostile.assert_fails_politely(lambda: parse_list(raw, IDS, [], 6))
