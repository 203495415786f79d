"""The memory keeper (ui/memory_keeper.py): memory is released when visitors leave or kept sessions are
dropped, never otherwise, and the Streamlit internals it reads are still where it reads them."""
import sys
import threading
import time
from types import SimpleNamespace

import pytest
from streamlit.runtime import Runtime
from streamlit.runtime.memory_session_storage import MemorySessionStorage
from streamlit.runtime.session_manager import SessionInfo
from streamlit.runtime.websocket_session_manager import WebsocketSessionManager

from ui import memory_keeper


def _look(last, now):
    released = []
    counts = memory_keeper.look(last, count=lambda: now, release=lambda: released.append(True))
    return counts, bool(released)


@pytest.mark.parametrize("last, now, release", [
    ((25, 25), (0, 25), True),    # all visitors left: their pages' objects are garbage (sessions kept)
    ((0, 25), (0, 0), True),      # the kept sessions' time ran out: their state is garbage
    ((3, 5), (2, 5), True),       # one visitor left while others stay
    ((0, 0), (0, 0), False),      # a quiet server is left alone
    ((2, 2), (5, 5), False),      # arrivals are not a reason
    ((5, 5), (5, 5), False),
])
def test_releases_only_when_sessions_have_gone(last, now, release):
    counts, released = _look(last, now)
    assert counts == now and released is release


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_release_memory_trims_the_c_allocator():
    assert memory_keeper.release_memory() is True


def test_without_a_running_server_nothing_is_held():
    assert memory_keeper.session_counts() == (0, 0)


def test_kept_sessions_whose_time_is_up_are_dropped_not_just_hidden(monkeypatch):
    storage = MemorySessionStorage(ttl_seconds=0.05)
    manager = WebsocketSessionManager(session_storage=storage, uploaded_file_manager=None,
                                      script_cache=None, message_enqueued_callback=None)
    storage.save(SessionInfo(client=None, session=SimpleNamespace(id="closed-visitor")))
    runtime = SimpleNamespace(_session_mgr=manager)
    monkeypatch.setattr(Runtime, "exists", classmethod(lambda cls: True))
    monkeypatch.setattr(Runtime, "instance", classmethod(lambda cls: runtime))
    assert memory_keeper.session_counts() == (0, 1)
    time.sleep(0.1)
    assert memory_keeper.session_counts() == (0, 0)
    assert len(storage._cache._data) == 0  # removed from the store, so its objects can be freed


def test_the_streamlit_internals_it_reads_are_still_there():
    # A Streamlit upgrade that renames these would stop the keeper (logged, never raised): catch it here.
    storage = MemorySessionStorage(ttl_seconds=1)
    assert hasattr(storage._cache, "expire")
    manager = WebsocketSessionManager(session_storage=storage, uploaded_file_manager=None,
                                      script_cache=None, message_enqueued_callback=None)
    assert manager._session_storage is storage
    assert hasattr(manager._storage_lock, "acquire")
    assert manager.list_active_sessions() == [] and manager.list_sessions() == []


def test_the_keeper_runs_in_a_daemon_thread_and_stops_when_told(monkeypatch):
    looked = threading.Event()
    monkeypatch.setattr(memory_keeper, "look", lambda last: looked.set() or last)
    stop = memory_keeper.start(interval=0.01)
    assert looked.wait(5)
    stop.set()
    keeper = [t for t in threading.enumerate() if t.name == "kmm-memory-keeper"]
    assert all(t.daemon for t in keeper)


def test_a_failing_look_stops_the_keeper_with_a_log_line(monkeypatch, caplog):
    def broken(last):
        raise AttributeError("a renamed Streamlit detail")
    monkeypatch.setattr(memory_keeper, "look", broken)
    stop = threading.Event()
    memory_keeper._watch(0.01, stop)  # returns instead of raising
    assert "memory keeper stopped" in caplog.text
