"""Each page declares the heavy elements its typical link draws (ui/navigation.PageSpec.draws), so their browser
code is fetched early (ui/chunk_preload.py). A declaration that misses one loses the head start; one that lists
an element the page does not draw makes every visitor (phones too) download megabytes for nothing."""
import pytest

from ui import chunk_preload, navigation
from ui.navigation import registered_pages

TYPICAL_QUERY = {"town_profile": {"town": "la-1161"}, "compare": {"compare": "la-9000,la-1161,rc-48"},
                 "peer_groups": {"town": "la-9000"}, "indicator_explorer": {"indicator": "own_income_share_pct"}}


def _drawn(at) -> set[str]:
    counts = {"chart": len(at.get("plotly_chart")), "map": len(at.get("deck_gl_json_chart")),
              "grid": len(at.dataframe)}
    return {kind for kind, n in counts.items() if n}


@pytest.mark.parametrize("spec", registered_pages(), ids=lambda s: s.url_path)
def test_declared_heavy_elements_are_those_drawn(open_app, spec):
    at = open_app(None if spec.default else spec.script, lang="he", **TYPICAL_QUERY.get(spec.url_path, {}))
    assert not at.exception
    assert set(spec.draws) <= set(chunk_preload.BUNDLES)
    assert set(spec.draws) == _drawn(at)


def test_the_home_page_s_first_element_asks_for_its_bundles(open_app):
    # (AppTest's switch_page runs only the page's own script, so dashboard.py's first element is read on the home page.)
    at = open_app(lang="he")
    first = at.markdown[0].value
    assert first.startswith("<style>")
    home = navigation.spec_of("")
    for kind in chunk_preload.BUNDLES:
        assert (chunk_preload.bundle_file(kind) in first) == (kind in home.draws), kind


@pytest.mark.parametrize("spec", registered_pages(), ids=lambda s: s.url_path)
def test_app_finds_each_page_s_declaration_by_its_url_path(spec):
    assert navigation.spec_of(spec.url_path) == spec
    assert navigation.spec_of("no_such_page") is None
