"""`make bench` measures as the project's instruments do (../shared/tools, outside the repository, when
present): same browser flags, settle rule, bare app and reference page; and it covers every page."""
import importlib.util
import inspect
from pathlib import Path

import pytest

from bench import run_bench, visitor_timing
from ui.navigation import registered_pages

TOOLS = Path(__file__).resolve().parents[2].parent / "shared" / "tools"


def _tool(name):
    path = TOOLS / f"{name}.py"
    if not path.is_file():
        pytest.skip(f"{path} is not on this machine")
    spec = importlib.util.spec_from_file_location(f"shared_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _defaults(function) -> dict:
    return {name: p.default for name, p in inspect.signature(function).parameters.items()}


def test_same_method_as_coldstart_tool():
    coldstart = _tool("coldstart")
    assert visitor_timing.FLAGS == coldstart.FLAGS
    assert visitor_timing.SIGNATURE == coldstart.SIGNATURE
    assert _defaults(visitor_timing.settled) == _defaults(coldstart.settled)  # the 0.6 s quiet rule
    assert visitor_timing.BARE_APP.replace("\n", "\\n") in inspect.getsource(coldstart.main)  # as written there


def test_same_reference_page_as_pagesettle_tool():
    import sys

    sys.path.insert(0, str(TOOLS))  # pagesettle imports coldstart by name
    try:
        assert visitor_timing.REFERENCE_APP == _tool("pagesettle").REFERENCE
    finally:
        sys.path.remove(str(TOOLS))


def test_page_settle_visits_every_registered_page():
    paths = run_bench.settle_paths()
    assert len(paths) == len(registered_pages())
    assert paths[0].startswith("/?")  # the home page at its own address
    for spec in registered_pages():
        assert any(p.startswith(f"/{'' if spec.default else spec.url_path}?lang=he") for p in paths), spec.url_path
