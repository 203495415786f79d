"""Shared links: values from the URL are validated and fall back without raising."""
from ui.url_params import format_list, parse_choice, parse_list


def test_choice_accepts_known_values_and_ints_as_text():
    assert parse_choice("la-9000", ["la-9000", "rc-48"], "rc-48") == ("la-9000", True)
    assert parse_choice("2019", [2018, 2019], 2018) == (2019, True)


def test_choice_falls_back_on_unknown_or_hostile_text():
    assert parse_choice("'; DROP TABLE observations; --", ["a"], "a") == ("a", False)
    assert parse_choice(None, ["a"], "a") == ("a", True)


def test_list_keeps_known_items_in_order_without_duplicates():
    assert parse_list("b,a,b", ["a", "b", "c"], ["c"]) == (["b", "a"], True)


def test_list_reports_unknown_and_excess_items():
    assert parse_list("a,zz", ["a", "b"], ["b"]) == (["a"], False)
    assert parse_list("a,b,c", ["a", "b", "c"], ["a"], max_items=2) == (["a", "b"], False)
    assert parse_list("zz", ["a"], ["a"]) == (["a"], False)


def test_round_trip():
    assert parse_list(format_list(["a", "b"]), ["a", "b"], []) == (["a", "b"], True)


def test_empty_list_parameter_means_nothing_chosen():
    assert parse_list("", ["a"], ["a"]) == ([], True)
    assert parse_list(None, ["a"], ["a"]) == (["a"], True)


def test_every_page_url_is_its_file_name():
    from pathlib import Path

    from ui.navigation import PAGES

    assert all(spec.url_path == Path(spec.script).stem for spec in PAGES)
