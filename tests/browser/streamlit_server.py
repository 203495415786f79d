"""Start `streamlit run` on a free loopback port and drive it with headless Debian Chromium.

Shared by the browser tests and bench/run_bench.py so both measure the same thing.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
# The element that says "a page's main content has rendered" (every page starts with st.title).
MAIN_CONTENT = '[data-testid="stMain"] h1'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, timeout: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        time.sleep(0.05)
    raise TimeoutError(f"streamlit at {url} not healthy after {timeout}s")


def start_server(script: str = "app.py", cwd: Path = ROOT, via_make: bool = False,
                 port: int | None = None) -> tuple[subprocess.Popen, str]:
    """Launch streamlit (directly, or through the README's `make run`) on `port` (default: a free one);
    returns (process, base_url).

    The process leads its own process group so stop_server() also ends what `make` started.
    """
    port = port or free_port()
    if via_make:
        cmd = ["make", "--no-print-directory", "run", f"PORT={port}", "ADDRESS=127.0.0.1"]
    else:
        cmd = [
            sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
        ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    return proc, f"http://127.0.0.1:{port}"


def server_pid(proc: subprocess.Popen) -> int:
    """The streamlit process itself (under `make`, the child of the make process)."""
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    if children.exists():
        pids = children.read_text().split()
        if pids:
            return int(pids[-1])
    return proc.pid


def stop_server(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
