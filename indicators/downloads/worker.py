"""A separate process that writes the heavy files (PDF profiles, slide packs), so that writing one does
not hold the server's interpreter lock while other visitors' pages run. Started on first use, kept warm
(its imports and fonts load once), one file at a time."""
from __future__ import annotations

import multiprocessing
import sys
import threading
import types
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

TIMEOUT = 120  # seconds; a PDF takes a few
_LOCK = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _LOCK:
        if _pool is None:
            # "spawn": forking a server that runs threads can copy a held lock into the child. A spawned
            # child re-imports the parent's __main__, which under Streamlit is the app script: hide it
            # while the child starts (it needs only the functions it is sent).
            pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            main = sys.modules["__main__"]
            sys.modules["__main__"] = types.ModuleType("__main__")
            try:
                pool.submit(int).result(timeout=TIMEOUT)  # starts the process now
            finally:
                sys.modules["__main__"] = main
            _pool = pool
        return _pool


def run(function, *args):
    """function(*args) in the worker process; function must be importable (a module-level function)."""
    global _pool
    try:
        return _executor().submit(function, *args).result(timeout=TIMEOUT)
    except BrokenProcessPool:
        with _LOCK:
            _pool = None  # the worker died (e.g. killed): start a fresh one next time
        return _executor().submit(function, *args).result(timeout=TIMEOUT)
