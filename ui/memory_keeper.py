"""Hand the memory of closed sessions back to the system.

Under load a server's memory grew with its visitors and did not come down once they left (one process:
221 MB warmed, 397 MB two minutes after 25 sessions closed). What held it (measured inside the process):
- Streamlit keeps a closed session for `server.disconnectedSessionTTL` seconds (120) so that a visitor whose
  connection blipped gets it back (≈ 1.6 MB of Python objects each), but drops an expired one only when its
  session store is next written to, i.e. when another visitor leaves: on a quiet server they stayed.
- The C allocator (glibc malloc) keeps the memory Python frees, for reuse, instead of returning it.
A daemon thread looks every `INTERVAL` seconds: it drops the expired sessions and, when visitors have left
or kept sessions have been dropped since its last look, runs a full garbage collection and `malloc_trim(0)`,
which returns the allocator's free pages. It never touches a session still connected or still kept.
What stays: Python's own 1 MB arenas are returned only when empty, and a few live objects pin each."""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import threading
from collections.abc import Callable
from functools import cache

LOG = logging.getLogger(__name__)

INTERVAL = 10.0  # seconds between looks: cheap (a count), and memory comes back within one interval


@cache
def _libc() -> ctypes.CDLL | None:
    """glibc when it is there (malloc_trim is a glibc function; elsewhere there is nothing to trim)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018 - raises AttributeError on a C library without it (musl, macOS)
    except (OSError, AttributeError):
        return None
    return libc


def release_memory() -> bool:
    """A full garbage collection, then return the allocator's free pages to the system. True if trimmed."""
    gc.collect()
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True


def session_counts() -> tuple[int, int]:
    """(connected, held) sessions of the running Streamlit server, held counting the closed ones kept for
    reconnecting, after dropping those whose time is up. (0, 0) when no server runs in this process."""
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return (0, 0)
    manager = Runtime.instance()._session_mgr  # no public accessor; guarded by the keeper's try
    storage = getattr(manager, "_session_storage", None)
    lock = getattr(manager, "_storage_lock", None)
    cache = getattr(storage, "_cache", None)
    if cache is None or not hasattr(cache, "expire") or lock is None:
        raise AttributeError("Streamlit's session store has changed")  # stops the keeper, logged
    with lock:  # the store is not thread-safe; Streamlit takes this lock around its own use of it
        cache.expire()
        return (len(manager.list_active_sessions()), len(manager.list_sessions()))


def look(last: tuple[int, int], count: Callable[[], tuple[int, int]] = session_counts,
         release: Callable[[], object] = release_memory) -> tuple[int, int]:
    """One look: release memory if visitors have left, or kept sessions have been dropped, since `last`
    (a visitor's page objects are garbage once the page is sent; a dropped session's state with it).
    Returns the counts now."""
    now = count()
    if now[0] < last[0] or now[1] < last[1]:
        release()
    return now


def _watch(interval: float, stop: threading.Event) -> None:
    last = (0, 0)
    while not stop.wait(interval):
        try:
            last = look(last)
        except Exception:  # a private Streamlit detail may change: stop looking, never stop the server
            LOG.exception("memory keeper stopped")
            return


def start(interval: float = INTERVAL) -> threading.Event:
    """Start the keeper in a daemon thread; setting the returned event stops it."""
    stop = threading.Event()
    threading.Thread(target=_watch, args=(interval, stop), name="kmm-memory-keeper", daemon=True).start()
    return stop
