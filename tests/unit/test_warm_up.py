"""The server's start-up warm-up (ui/warm_up.py) and the entry that starts it (app.py)."""
import gc
import logging
import subprocess
import sys
from pathlib import Path

from streamlit.web.server.app_discovery import discover_asgi_app

from ui import compressed_static, data_access, warm_up

ROOT = Path(__file__).resolve().parents[2]


def test_streamlit_run_serves_app_py_as_an_app_with_the_dashboard_script():
    # `streamlit run app.py` (make run, the Dockerfile, Community Cloud, the benchmarks) must find the App.
    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.app_name == "app"
    assert 'st.App("dashboard.py"' in (ROOT / "app.py").read_text(encoding="utf-8")
    assert (ROOT / "dashboard.py").is_file()


def test_app_py_imports_nothing_heavy_before_the_server_listens():
    # What app.py imports delays the server's first answer; the heavy libraries are the warm-up's to import.
    probe = "import sys, app; print(sorted(m for m in HEAVY if m in sys.modules))"
    heavy = ("pandas", "numpy", "pyarrow", "duckdb", "pydeck")
    out = subprocess.run([sys.executable, "-c", f"HEAVY = {heavy!r}; {probe}"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.stdout.strip() == "[]", out.stderr


def test_prepare_fills_the_shared_caches_in_a_plain_thread(caplog):
    with caplog.at_level(logging.INFO, logger=warm_up.LOG.name):
        warm_up.start().join(timeout=120)
    gc.unfreeze()  # the warm-up froze this test process's objects: keep the other tests' collectable
    assert "warm-up done" in caplog.text
    for name in ("pandas", "duckdb", "plotly.graph_objects", "pydeck", "ui.maps"):
        assert name in sys.modules
    # The store and the home page's data are now cached for the process: the same objects come back.
    assert data_access.connection() is data_access.connection()
    assert not data_access.indicator_values(data_access.DEFAULT_INDICATOR).empty


def test_a_failing_warm_up_is_logged_and_never_raised(monkeypatch, caplog):
    def broken():
        raise RuntimeError("disk gone")

    built = []
    monkeypatch.setattr(warm_up, "prepare", broken)
    monkeypatch.setattr(compressed_static, "build", lambda: built.append(1) or (0, 0, 0))
    with caplog.at_level(logging.ERROR, logger=warm_up.LOG.name):
        thread = warm_up.start()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert "warm-up failed" in caplog.text and "disk gone" in caplog.text
    assert built == [1]  # the compressed copies are made all the same


def test_copies_that_cannot_be_written_are_logged_and_never_raised(monkeypatch, caplog):
    def read_only():
        raise PermissionError("read-only file system")

    monkeypatch.setattr(warm_up, "prepare", lambda: None)
    monkeypatch.setattr(compressed_static, "build", read_only)
    with caplog.at_level(logging.WARNING, logger=compressed_static.LOG.name):
        thread = warm_up.start()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert "sent uncompressed" in caplog.text and "read-only" in caplog.text


def test_the_warm_up_leaves_what_it_loaded_out_of_later_collections():
    before = gc.get_freeze_count()
    try:
        warm_up.freeze_long_lived()
        assert gc.get_freeze_count() > before
        assert "pandas" in sys.modules
    finally:
        gc.unfreeze()  # (the other tests' objects stay collectable)
