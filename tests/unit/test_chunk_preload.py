"""The early fetch of heavy elements' browser code: the installed bundles are found, links are fixed text."""
from pathlib import Path

from ui import chunk_preload


def test_every_kind_has_exactly_one_installed_bundle():
    # A Streamlit upgrade that renames a bundle must fail here, not silently lose the head start.
    for kind in chunk_preload.BUNDLES:
        name = chunk_preload.bundle_file(kind)
        assert name is not None, kind
        assert (chunk_preload.JS_DIR / name).is_file()


def test_links_point_at_the_bundles_relative_to_the_page():
    tags = chunk_preload.links(("map", "chart"))
    for kind in ("map", "chart"):
        assert f'<link rel="modulepreload" href="static/js/{chunk_preload.bundle_file(kind)}">' in tags
    assert chunk_preload.links(()) == ""


def test_unknown_kind_missing_or_doubled_bundle_gives_no_link(tmp_path: Path):
    (tmp_path / "PlotlyChart.abc123.js").write_text("")
    (tmp_path / "DeckGlJsonChart.a1.js").write_text("")
    (tmp_path / "DeckGlJsonChart.b2.js").write_text("")  # two builds: which one the page loads is unknown
    only = '<link rel="modulepreload" href="static/js/PlotlyChart.abc123.js">'
    assert chunk_preload.links(("chart",), tmp_path) == only
    assert chunk_preload.links(("map", "grid", "no_such_kind"), tmp_path) == ""
    assert chunk_preload.links(("chart",), tmp_path / "missing") == ""


def test_names_outside_the_pattern_are_never_written(tmp_path: Path):
    (tmp_path / 'PlotlyChart."><script>.js').write_text("")
    assert chunk_preload.links(("chart",), tmp_path) == ""


def test_a_kind_asked_twice_gives_one_link():
    assert chunk_preload.links(("chart", "chart")).count("modulepreload") == 1
