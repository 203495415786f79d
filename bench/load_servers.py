"""The servers a load run drives: one `streamlit run` process, or several behind nginx with sticky
sessions (deploy/nginx.conf, its upstream and port rewritten for free loopback ports), each started with
the environment asked for (e.g. MALLOC_ARENA_MAX=2). Loopback only."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.streamlit_server import free_port, start_server, stop_server, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (other load on the machine does not inflate it,
    unlike wall-clock times)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proxy_config(listen: int, upstream_ports: list[int]) -> str:
    """deploy/nginx.conf with its listen port and upstream servers replaced: the benchmark runs the very
    configuration the README deploys."""
    text = NGINX_CONF.read_text(encoding="utf-8")
    servers = "".join(f"        server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;\n" for p in upstream_ports)
    text, upstreams = re.subn(r"(?:[ \t]*server 127\.0\.0\.1:\d+[^\n]*\n)+", servers, text, count=1)
    text, listens = re.subn(r"listen 127\.0\.0\.1:\d+;", f"listen 127.0.0.1:{listen};", text)
    if upstreams != 1 or listens != 1:
        raise ValueError("deploy/nginx.conf no longer has one upstream block of 127.0.0.1 servers and one listen")
    return text


@dataclass
class Servers:
    """What a load level talks to (port) and whose memory and CPU it reads (pids)."""

    port: int
    pids: list[int]
    procs: list[subprocess.Popen] = field(default_factory=list)
    proxy_dir: Path | None = None

    def rss_mb(self) -> float:
        return sum(rss_mb(pid) for pid in self.pids)

    def cpu_seconds(self) -> float:
        return sum(cpu_seconds(pid) for pid in self.pids)

    def stop(self) -> None:
        if self.proxy_dir is not None:
            subprocess.run(["nginx", "-p", f"{self.proxy_dir}/", "-c", "nginx.conf", "-s", "stop"],
                           check=False, capture_output=True)
            shutil.rmtree(self.proxy_dir, ignore_errors=True)
        for proc in self.procs:
            stop_server(proc)


def start(replicas: int = 1, env: dict[str, str] | None = None, app_dir: Path = ROOT) -> Servers:
    """`replicas` app processes (with `env` added to their environment) of the app in `app_dir` (another
    checkout, e.g. `git archive` of an earlier commit, for a before/after in one run); more than one sit
    behind nginx."""
    saved = {key: os.environ.get(key) for key in env or {}}
    os.environ.update(env or {})  # start_server passes os.environ on to the process
    try:
        started = [start_server(cwd=app_dir) for _ in range(replicas)]
    finally:
        for key, value in saved.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)
    servers = Servers(port=0, pids=[proc.pid for proc, _ in started], procs=[proc for proc, _ in started])
    try:
        for proc, url in started:
            wait_healthy(url, timeout=180, proc=proc)
        ports = [int(url.rsplit(":", 1)[1]) for _, url in started]
        servers.port = ports[0] if replicas == 1 else _start_proxy(servers, ports)
    except BaseException:
        servers.stop()
        raise
    return servers


def _start_proxy(servers: Servers, ports: list[int]) -> int:
    if shutil.which("nginx") is None:
        raise RuntimeError("several replicas need nginx (deploy/nginx.conf) on PATH")
    servers.proxy_dir = Path(tempfile.mkdtemp(prefix="kmm-nginx-"))
    (servers.proxy_dir / "tmp").mkdir()
    listen = free_port()
    (servers.proxy_dir / "nginx.conf").write_text(proxy_config(listen, ports), encoding="utf-8")
    subprocess.run(["nginx", "-p", f"{servers.proxy_dir}/", "-c", "nginx.conf"], check=True, capture_output=True)
    wait_healthy(f"http://127.0.0.1:{listen}", timeout=30)
    time.sleep(0.2)
    return listen
