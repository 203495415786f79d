"""`make load`: concurrent visitors on loopback, each a real Streamlit session driven over the websocket
protocol (no browser), clicking through every registered page; bounded in sessions, pages and time.

A visitor: GET /_stcore/health (the frontend does this first; it sets the _streamlit_xsrf cookie), open
ws://127.0.0.1:PORT/_stcore/stream with the subprotocols ["streamlit", token], then for each page send
BackMsg.rerun_script: the first page as a deep link (ClientState.page_name), later ones as a click
(ClientState.page_script_hash from the server's Navigation message). Like a browser, it keeps the
hashes of the large (cacheable) messages it has received and reports them with each rerun, so the
server may send a reference instead of the element again. A page is finished at
ForwardMsg.script_finished (a run ended early for a rerun is not the end of the page).

Reported per concurrency level: p50/p95/max seconds from sending the rerun to script_finished, per page
and over all pages; errors (exception elements, the error box of a failed page, page not found, timeouts,
socket failures); messages and bytes per page (with the element types that carry the bytes); the server's
resident memory at rest, at its peak during the level, and at marks after the sessions have closed (--after,
seconds; a mark beyond server.disconnectedSessionTTL, 120 s by default, shows what is left once Streamlit has
dropped the closed sessions and only the caches remain).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.Alert_pb2 import Alert  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from bench import load_servers  # noqa: E402
from ui.navigation import registered_pages  # noqa: E402

EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
COMPILE_ERROR = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_WITH_COMPILE_ERROR")
# A typical link per page (the README's examples); pages added later get their bare path.
TYPICAL_QUERY = {"town_profile": "town=la-1161", "compare": "compare=la-9000,la-1161,rc-48",
                 "peer_groups": "town=la-9000", "indicator_explorer": "indicator=own_income_share_pct"}


@dataclass
class PageVisit:
    page: str
    seconds: float | None = None
    messages: int = 0
    bytes: int = 0
    references: int = 0
    errors: list[str] = field(default_factory=list)
    bytes_by_element: Counter = field(default_factory=Counter)
    messages_by_element: Counter = field(default_factory=Counter)
    round: int = 1  # 2 and later: a revisit, where the browser-like message cache may answer
    cpu: float | None = None  # server CPU seconds while the page ran (meaningful with one visitor)


def percentile(samples: list[float], q: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def xsrf_token(host: str, port: int) -> str:
    """The _streamlit_xsrf cookie value, from a plain HTTP GET of the health endpoint."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /_stcore/health HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    head = (await reader.read(-1)).split(b"\r\n\r\n", 1)[0].decode("latin-1")
    writer.close()
    for line in head.split("\r\n"):
        name, _, value = line.partition(":")
        if name.lower() == "set-cookie" and value.strip().startswith("_streamlit_xsrf="):
            return value.strip().split(";", 1)[0].split("=", 1)[1]
    return ""


class Visitor:
    """One browser tab's worth of protocol: a websocket, the page hashes, and a message cache."""

    def __init__(self, host: str, port: int, lang: str, timeout: float):
        self.host, self.port, self.lang, self.timeout = host, port, lang, timeout
        self.page_hashes: dict[str, str] = {}
        self.cached: set[str] = set()

    def rerun(self, path: str, query: str, first: bool) -> bytes:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = "&".join(q for q in (query, f"lang={self.lang}") if q)
        if first or path not in self.page_hashes:
            state.page_name = path
        else:
            state.page_script_hash = self.page_hashes[path]
        state.cached_message_hashes.extend(sorted(self.cached))
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "Asia/Jerusalem", -120, self.lang
        info.url = f"http://{self.host}:{self.port}/{path}?{state.query_string}"
        return msg.SerializeToString()

    def read(self, raw: bytes, visit: PageVisit) -> bool:
        """Account for one ForwardMsg; True when the page has finished."""
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        visit.messages += 1
        visit.bytes += len(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta":
            delta_kind = msg.delta.WhichOneof("type")
            element = msg.delta.new_element.WhichOneof("type") if delta_kind == "new_element" else delta_kind
            visit.bytes_by_element[element] += len(raw)
            visit.messages_by_element[element] += 1
            exception = msg.delta.new_element.exception if element == "exception" else None
            if exception is not None and not exception.is_warning:
                visit.errors.append(f"exception: {exception.message[:120]}")
            # A failing page shows ui/errors' box (an error alert), not an exception: no page opened without
            # input shows an error alert otherwise, so each one counts.
            alert = msg.delta.new_element.alert if element == "alert" else None
            if alert is not None and alert.format == Alert.ERROR:
                visit.errors.append(f"error box: {alert.body[:120]}")
            if msg.metadata.cacheable and msg.hash:
                self.cached.add(msg.hash)
        elif kind == "ref_hash":
            visit.references += 1
            visit.messages_by_element["(reference)"] += 1
            if msg.ref_hash not in self.cached:
                visit.errors.append("reference to a message this visitor never received")
        elif kind == "navigation":
            self.page_hashes = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
        elif kind == "page_not_found":
            visit.errors.append(f"page not found: {msg.page_not_found.page_name}")
        elif kind == "script_finished":
            if msg.script_finished == COMPILE_ERROR:
                visit.errors.append("compile error")
            return msg.script_finished != EARLY_FOR_RERUN
        return False

    async def click_through(self, pages: list[tuple[str, str]], think: float,
                            cpu=None) -> list[PageVisit]:
        """Every page in turn (pages may repeat: a second round is a revisit). cpu: a function giving the
        server's CPU seconds, read around each page."""
        visits: list[PageVisit] = []
        try:
            token = await asyncio.wait_for(xsrf_token(self.host, self.port), self.timeout)
            async with websockets.connect(
                f"ws://{self.host}:{self.port}/_stcore/stream", subprotocols=["streamlit", token or "none"],
                additional_headers={"Cookie": f"_streamlit_xsrf={token}"} if token else None,
                max_size=None, open_timeout=self.timeout,
            ) as socket:
                seen: Counter = Counter()
                for index, (path, query) in enumerate(pages):
                    seen[path] += 1
                    visit = PageVisit(path or "(home)", round=seen[path])
                    visits.append(visit)
                    cpu_before = cpu() if cpu else None
                    started = time.perf_counter()
                    await socket.send(self.rerun(path, query, first=index == 0))
                    try:
                        async with asyncio.timeout(self.timeout):
                            while not self.read(await socket.recv(), visit):
                                pass
                        visit.seconds = time.perf_counter() - started
                        visit.cpu = cpu() - cpu_before if cpu else None
                    except TimeoutError:
                        visit.errors.append(f"timeout after {self.timeout:g} s")
                        break
                    if think:
                        await asyncio.sleep(think)
        except (OSError, websockets.WebSocketException, TimeoutError) as error:
            visits.append(PageVisit("(connection)", errors=[f"{type(error).__name__}: {error}"]))
        return visits


class Meter:
    """The server's resident memory and CPU time: of the processes started here, or of --server-pid."""

    def __init__(self, pids: list[int]):
        self.pids = pids

    def rss_mb(self) -> float:
        return sum(load_servers.rss_mb(pid) for pid in self.pids) if self.pids else float("nan")

    def cpu_seconds(self) -> float:
        return sum(load_servers.cpu_seconds(pid) for pid in self.pids) if self.pids else float("nan")


async def level(users: int, pages, args, meter: Meter) -> dict:
    """`users` visitors at once; memory sampled every 0.1 s while they run and after they leave."""
    rest, cpu_before = meter.rss_mb(), meter.cpu_seconds()
    peak = rest
    done = asyncio.Event()

    async def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, meter.rss_mb())
            await asyncio.sleep(0.1)

    sampler = asyncio.create_task(sample()) if meter.pids else None
    started = time.perf_counter()
    visitors = [Visitor(args.host, args.port, args.lang, args.timeout) for _ in range(users)]
    # One visitor alone: the server's CPU per page is its own (with several they overlap).
    cpu = meter.cpu_seconds if users == 1 and meter.pids else None
    try:
        async with asyncio.timeout(args.max_seconds):
            results = await asyncio.gather(*(v.click_through(pages, args.think, cpu) for v in visitors))
    except TimeoutError:
        results = [[PageVisit("(level)", errors=[f"level stopped after {args.max_seconds:g} s"])]]
    wall = time.perf_counter() - started
    cpu_used = meter.cpu_seconds() - cpu_before
    done.set()
    if sampler:
        await sampler
    after = await memory_after_close(meter, args.after)
    visits = [v for user in results for v in user]
    return {"users": users, "visits": visits, "wall": wall, "cpu": cpu_used, "rss_rest": rest, "rss_peak": peak,
            "rss_after": next(iter(after.values())), "rss_after_marks": after}


async def memory_after_close(meter: Meter, marks: list[float]) -> dict[float, float]:
    """Resident memory at each mark (seconds since every session of the level closed)."""
    found, start = {}, time.perf_counter()
    for mark in sorted(marks):
        await asyncio.sleep(max(0.0, mark - (time.perf_counter() - start)))
        found[mark] = meter.rss_mb()
    return found


def page_key(visit: PageVisit) -> str:
    return visit.page if visit.round == 1 else f"{visit.page} (revisit)"


def summary(result: dict) -> dict:
    visits = result["visits"]
    times = [v.seconds for v in visits if v.seconds is not None]
    by_page = defaultdict(list)
    for v in visits:
        by_page[page_key(v)].append(v)
    return {
        "users": result["users"], "pages_done": len(times), "errors": sum(len(v.errors) for v in visits),
        "p50": percentile(times, 0.5), "p95": percentile(times, 0.95), "max": max(times, default=float("nan")),
        "wall": result["wall"], "cpu_per_page": result["cpu"] / max(len(times), 1),
        "rss_rest": result["rss_rest"], "rss_peak": result["rss_peak"],
        "rss_after": result["rss_after"], "rss_after_marks": result["rss_after_marks"],
        "pages": {page: page_summary(vs) for page, vs in by_page.items()},
        "error_samples": sorted({e for v in visits for e in v.errors})[:10],
    }


def page_summary(visits: list[PageVisit]) -> dict:
    """Times over every visit of one page; counts (deterministic for a given build) as medians."""
    seconds = [v.seconds for v in visits if v.seconds]
    cpu = [v.cpu for v in visits if v.cpu is not None]
    per_element = defaultdict(list)
    for v in visits:
        for kind in v.messages_by_element:
            per_element[kind].append((v.messages_by_element[kind], v.bytes_by_element[kind]))
    return {"p50": percentile(seconds, 0.5), "p95": percentile(seconds, 0.95),
            "cpu": statistics.median(cpu) if cpu else None,
            "messages": statistics.median(v.messages for v in visits),
            "kb": statistics.median(v.bytes for v in visits) / 1024,
            "references": statistics.median(v.references for v in visits),
            "elements": {kind: (statistics.median(n for n, _ in pairs), statistics.median(b for _, b in pairs))
                         for kind, pairs in sorted(per_element.items(), key=lambda kv: -sum(b for _, b in kv[1]))}}


def report(rows: list[dict], per_page: bool) -> str:
    lines = [f"{'users':>5} {'pages':>6} {'errors':>6} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'wall s':>7} "
             f"{'cpu s/page':>10} {'rss rest':>8} {'peak':>6} {'after':>6} MB"]
    for r in rows:
        lines.append(f"{r['users']:>5} {r['pages_done']:>6} {r['errors']:>6} {r['p50']:>6.2f} {r['p95']:>6.2f} "
                     f"{r['max']:>6.2f} {r['wall']:>7.1f} {r['cpu_per_page']:>10.2f} {r['rss_rest']:>8.0f} "
                     f"{r['rss_peak']:>6.0f} {r['rss_after']:>6.0f}")
    for r in rows:
        if per_page or r is rows[-1]:
            lines.append(f"\nper page at {r['users']} users (median messages, KB, references; heaviest elements):")
            for page, p in r["pages"].items():
                heavy = ", ".join(f"{k} {b / 1024:.0f} KB" for k, (_, b) in list(p["elements"].items())[:3])
                cpu = f"  cpu {p['cpu']:.2f} s" if p["cpu"] is not None else ""
                lines.append(f"  {page:<30} p50 {p['p50']:5.2f} s  p95 {p['p95']:5.2f} s{cpu}  "
                             f"{p['messages']:>5.0f} msgs {p['kb']:>6.0f} KB  {p['references']:>3.0f} refs  [{heavy}]")
        for error in r["error_samples"]:
            lines.append(f"  error at {r['users']} users: {error}")
    return "\n".join(lines)


def counts_table(row: dict) -> str:
    """Markdown: what each page sends per visit, by element type (messages / KB), for docs/performance.md."""
    lines = ["| page | messages | KB | references | by element type (messages / KB) |", "|---|---|---|---|---|"]
    for page, p in row["pages"].items():
        kinds = ", ".join(f"{k} {n:.0f} / {b / 1024:.0f}" for k, (n, b) in p["elements"].items())
        lines.append(f"| {page} | {p['messages']:.0f} | {p['kb']:.0f} | {p['references']:.0f} | {kinds} |")
    return "\n".join(lines)


def registered_paths() -> list[tuple[str, str]]:
    return [("" if p.default else p.url_path, TYPICAL_QUERY.get(p.url_path, "")) for p in registered_pages()]


async def settled_memory(meter: Meter, still_mb: float = 1.0, limit: float = 20.0, every: float = 1.0) -> float:
    """Wait until the started server's memory stops growing (its warm-up done, ui/warm_up.py), so that
    "at rest" is a ready server with no visitor, not one still importing. Bounded by `limit` seconds."""
    if not meter.pids:
        return float("nan")
    started, last = time.perf_counter(), meter.rss_mb()
    while time.perf_counter() - started < limit:
        await asyncio.sleep(every)
        now = meter.rss_mb()
        if abs(now - last) < still_mb:
            return now
        last = now
    return last


async def run_levels(args, pages, meter: Meter) -> list[dict]:
    await settled_memory(meter)
    rows = []
    for users in args.users:
        rows.append(summary(await level(users, pages, args, meter)))
    return rows


def parse_env(text: str) -> dict[str, str]:
    """"A=1,B=2" (or "default" for none) -> {"A": "1", "B": "2"}."""
    if text in ("", "default"):
        return {}
    pairs = [item.split("=", 1) for item in text.split(",")]
    if any(len(pair) != 2 or not pair[0] for pair in pairs):
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE[,NAME=VALUE] or default, not {text!r}")
    return dict(pairs)


def run_variant(args, pages, env: dict[str, str], app_dir: Path) -> list[dict]:
    """Every level against its own fresh server(s) of the app in `app_dir` started with `env` (or --port)."""
    servers = None
    if args.port_given is None:
        servers = load_servers.start(args.replicas, env, app_dir)
        args.port = servers.port
        meter = Meter(servers.pids)
    else:
        args.port = args.port_given
        meter = Meter([args.server_pid] if args.server_pid else [])
    try:
        return asyncio.run(run_levels(args, pages, meter))
    finally:
        if servers is not None:
            servers.stop()


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, help="a running server (default: start one with the app's command)")
    parser.add_argument("--server-pid", type=int, help="with --port: the server's pid, for memory figures")
    parser.add_argument("--users", type=lambda s: [int(x) for x in s.split(",")], default=[1, 10, 25])
    parser.add_argument("--lang", default="he")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per page")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="seconds allowed per level")
    parser.add_argument("--think", type=float, default=0.0, help="seconds between a visitor's pages")
    parser.add_argument("--after", type=lambda s: [float(x) for x in s.split(",")], default=[5.0],
                        help="seconds after a level's sessions close when memory is read (e.g. 5,30,130)")
    parser.add_argument("--rounds", type=int, default=1, help="each visitor clicks through every page this often "
                        "(2: the second round shows what a revisit costs with the browser's message cache)")
    parser.add_argument("--replicas", type=int, default=1,
                        help="app processes to start; more than one run behind nginx (deploy/nginx.conf)")
    parser.add_argument("--env", type=parse_env, action="append",
                        help="server environment, e.g. MALLOC_ARENA_MAX=2 or default; given twice or more, "
                             "the whole run is repeated per environment (same run, for a fair comparison)")
    parser.add_argument("--app-dir", type=Path, action="append",
                        help="run the app from this checkout (default: this one); given twice or more, the whole "
                             "run is repeated per checkout, e.g. a `git archive` of the commit before a change")
    parser.add_argument("--per-page", action="store_true")
    parser.add_argument("--counts", action="store_true", help="print the per-element table of the first level")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if max(args.users) > 100 or args.rounds > 5 or not 1 <= args.replicas <= 4:
        parser.error("at most 100 concurrent sessions, 5 rounds and 4 replicas")
    pages = registered_paths() * args.rounds
    args.port_given = args.port
    variants = [(env, app_dir) for app_dir in args.app_dir or [ROOT] for env in args.env or [{}]]
    results = []
    for env, app_dir in variants:
        rows = run_variant(args, pages, env, app_dir.resolve())
        results.append((env, rows))
        label = ",".join(f"{k}={v}" for k, v in env.items()) or "default environment"
        print(f"\n== {label}, {args.replicas} process(es), app in {app_dir}")
        print(report(rows, args.per_page))
        if args.counts:
            print(f"\nper visit at {rows[0]['users']} users:\n{counts_table(rows[0])}")
        print_totals(rows, len(pages))
    if args.json:
        args.json.write_text(json.dumps([{"env": env, "replicas": args.replicas, "levels": rows}
                                         for env, rows in results], indent=1, default=str), encoding="utf-8")
    return [row for _, rows in results for row in rows]


def print_totals(rows: list[dict], page_count: int) -> None:
    errors = sum(r["errors"] for r in rows)
    last = rows[-1]
    print(f"\nload: {last['users']} sessions x {page_count} pages, {errors} errors, p95 {last['p95']:.2f} s, "
          f"{last['cpu_per_page']:.2f} CPU-s per page, "
          f"peak {last['rss_peak']:.0f} MB, after close {last['rss_after']:.0f} MB (rest {rows[0]['rss_rest']:.0f})")
    print(memory_line(rows[0]["rss_rest"], last))
def memory_line(rest: float, last: dict) -> str:
    """The server's resident memory in one sentence: before any session, at the last level's peak, and
    at each mark after its sessions closed."""
    marks = ", ".join(f"{mark:g} s {mb:.0f} MB" for mark, mb in last["rss_after_marks"].items())
    return (f"memory: {rest:.0f} MB at rest, {last['rss_peak']:.0f} MB at the peak of {last['users']} sessions; "
            f"after they closed: {marks}")


if __name__ == "__main__":
    sys.exit(1 if sum(r["errors"] for r in main()) else 0)
