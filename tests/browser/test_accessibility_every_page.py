"""axe-core on every registered page in each language, after the page has finished drawing: no serious or
critical violation in our own content. The page tests check their own journeys; this one makes sure no page
(including one added later to ui/navigation.py) is left unchecked. Town-specific pages open on Rahat."""
from __future__ import annotations

import pytest

from tests.browser.accessibility import axe_violations, blocking, record, summary
from tests.browser.journeys import open_view, wait_drawn
from ui.navigation import registered_pages

pytestmark = pytest.mark.browser
PAGES = registered_pages()
TOWN = "la-1161"


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_no_serious_axe_violation(page, direct_server, artifacts_dir, spec, lang):
    params = {"lang": lang} if spec.default else {"lang": lang, "town": TOWN}
    open_view(page, direct_server, "" if spec.default else spec.url_path, timeout=90_000, **params)
    wait_drawn(page)
    violations = axe_violations(page)
    record(artifacts_dir, f"every-page-{spec.url_path}-{lang}", violations)
    assert not blocking(violations), (spec.url_path, lang, summary(violations),
                                      [v["id"] for v in blocking(violations)])
