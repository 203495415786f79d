"""`make bench`: a report (never a test) of the figures the issues set targets for.

Prints one table: the cold start (server start -> home page settled in headless Chromium) against a bare
one-line Streamlit app alternated in the same run, each page's settle time on a warm server against a
reference page with one chart and one map, the time a control change on the home page takes to settle
(these three measured as ../shared/tools/coldstart.py and pagesettle.py do: bench/visitor_timing.py),
each page's script run time on a warm cache (median and p95 over reruns), the start-up data load,
indicator query times, the peak server memory after visiting every page in every language, and the load
run. Timings on a shared machine: compare the ratios, which are measured within one run.
"""
from __future__ import annotations

import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

# Outside a server, each of the app's cached functions logs "No runtime found" once when its module is
# imported (the export timings import many): noise in a report, so only errors are let through.
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)

from bench import visitor_timing  # noqa: E402
from bench.export_times import export_rows  # noqa: E402
from indicators import store, views  # noqa: E402
from indicators.settings import LANGUAGES  # noqa: E402
from tests.browser.journeys import wait_idle  # noqa: E402
from tests.browser.streamlit_server import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    MAIN_CONTENT,
    peak_rss_mb,
    start_server,
    stop_server,
    wait_healthy,
)
from ui.navigation import registered_pages  # noqa: E402

COLD_RUNS = 5  # as the lead runs ../shared/tools/coldstart.py
SETTLE_RUNS = 3
CONTROL_RUNS = 3
SLOW_LINK_RUNS = 3  # a first visit on a slow link: what the code's size costs a phone
# A town for the town profile: without one it shows only its chooser.
PAGE_PARAMS = {"town_profile": "&town=la-1161"}
RERUNS = 25
RESULTS = ROOT / "bench" / "results"


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def settle_paths() -> list[str]:
    """Every registered page as a new Hebrew-speaking visitor opens it (the home page at /)."""
    return [f"/{'' if spec.default else spec.url_path}?lang=he{PAGE_PARAMS.get(spec.url_path, '')}"
            for spec in registered_pages()]


def peak_memory_mb(browser) -> float:
    """The server's peak resident memory after every page in every language."""
    proc, url = start_server("app.py", cwd=ROOT)
    try:
        wait_healthy(url, proc=proc, timeout=120)
        visit_every_page(browser, url)
        return peak_rss_mb(proc.pid)
    finally:
        stop_server(proc)


def visit_every_page(browser, url: str) -> None:
    page = browser.new_page()
    for lang in LANGUAGES:
        for spec in registered_pages():
            page.goto(f"{url}/{spec.url_path}?lang={lang}")
            page.locator(MAIN_CONTENT).first.wait_for(timeout=120_000)
            wait_idle(page, 120_000)
    page.close()


def page_run_times() -> dict[str, list[float]]:
    """Script run time of each page on a warm cache (AppTest runs the script in this process)."""
    times = {}
    for spec in registered_pages():
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.query_params["lang"] = "he"
        at.run()
        at.switch_page(spec.script)
        at.run()  # warm the caches for this page
        samples = []
        for _ in range(RERUNS):
            started = time.perf_counter()
            at.run()
            samples.append(time.perf_counter() - started)
        times[spec.url_path] = samples
    return times


def data_load_times() -> list[float]:
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        store.open_store().close()
        samples.append(time.perf_counter() - started)
    return samples


def query_times() -> dict[str, float]:
    """Median of 5 runs of each read-side query (each runs once per server process; pages filter the frames)."""
    con = store.open_store()
    times = {}
    for name in ("observations", "gaps", "latest_values"):
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            getattr(views, name)(con)
            samples.append(time.perf_counter() - started)
        times[name] = statistics.median(samples)
    return times


def main() -> None:
    rows: list[tuple[str, str, str]] = []
    load = data_load_times()
    rows.append(("data load (open_store)", f"{statistics.median(load) * 1000:.0f} ms", "target < 500 ms"))
    queries = query_times()
    for name, seconds in queries.items():
        rows.append((f"read-side query {name} (once per process)", f"{seconds * 1000:.1f} ms", "target < 500 ms"))
    for path, samples in page_run_times().items():
        rows.append((f"page /{path} script run (median / p95, n={len(samples)})",
                     f"{statistics.median(samples) * 1000:.0f} / {p95(samples) * 1000:.0f} ms",
                     "target ≤ 150 / ≤ 400 ms"))
    rows += export_rows()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        rows += browser_rows(browser)
        rows.append(("peak server RSS after every page × 3 languages", f"{peak_memory_mb(browser):.0f} MB",
                     "target ≤ 400 MB"))
        browser.close()
    rows += load_rows()
    table = format_table(rows)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(table + "\n", encoding="utf-8")


def browser_rows(browser) -> list[tuple[str, str, str]]:
    """Cold start, page settle and control change, as a visitor sees them (bench/visitor_timing.py)."""
    median = statistics.median
    app, bare = visitor_timing.cold_starts(browser, ROOT, COLD_RUNS)
    rows = [(f"cold start, this app (median of {COLD_RUNS})", f"{median(app):.2f} s", "server start → home settled"),
            (f"cold start, bare one-line app (median of {COLD_RUNS})", f"{median(bare):.2f} s", "alternated with it"),
            ("cold start ratio app / bare", f"{median(app) / median(bare):.2f}", "target ≤ 1.5 (aim 1.2)")]
    pages, reference = visitor_timing.page_settles(browser, ROOT, settle_paths(), SETTLE_RUNS)
    rows.append((f"page settle, reference page (median of {SETTLE_RUNS})", f"{median(reference):.2f} s",
                 "one plotly chart + one pydeck map"))
    for path, samples in pages.items():
        rows.append((f"page settle {path} (warm server, new visitor)",
                     f"{median(samples):.2f} s, ×{median(samples) / median(reference):.2f} reference", "target ≤ 1.5×"))
    slow = visitor_timing.slow_link_visits(browser, ROOT, SLOW_LINK_RUNS)
    rows.append((f"home page, first visit on a 10 Mbit/s, 40 ms link (median of {len(slow)})",
                 f"{median(s for s, _ in slow):.2f} s, {median(b for _, b in slow) / 1e6:.1f} MB on the wire",
                 "Chromium's network emulation, empty cache; map and chart drawn"))
    changes = visitor_timing.control_changes(browser, ROOT, CONTROL_RUNS)
    for control, samples in changes.items():
        rows.append((f"home page: {control} changed → settled (median / max of {len(samples)})",
                     f"{median(samples):.2f} / {max(samples):.2f} s", "target < 1 s"))
    return rows


def load_rows() -> list[tuple[str, str, str]]:
    """Concurrent sessions clicking through every page (bench/load_sessions.py, its own server)."""
    from bench import load_sessions

    rows = []
    # Memory 15 s after a level's sessions close, and 130 s after (past Streamlit's 120 s disconnectedSessionTTL,
    # once the kept sessions are dropped and ui/memory_keeper.py has returned their memory): the next level
    # then starts from a server at rest, as a public server between bursts of visitors is.
    for r in load_sessions.main(["--users", "1,10,25", "--after", "15,130"]):
        target = "target p95 ≤ 8 s, 0 errors" if r["users"] == 25 else ""
        rows.append((f"load: {r['users']} sessions × every page, p50 / p95 per page, errors",
                     f"{r['p50']:.2f} / {r['p95']:.2f} s, {r['errors']}", target))
        marks = r["rss_after_marks"]
        rows.append((f"load: {r['users']} sessions, server RSS at rest / peak / 15 s and 130 s after close",
                     f"{r['rss_rest']:.0f} / {r['rss_peak']:.0f} / {marks[15.0]:.0f} / {marks[130.0]:.0f} MB",
                     "target ≤ 400 MB" if r["users"] == 25 else ""))
        rows.append((f"load: {r['users']} sessions, server CPU per page", f"{r['cpu_per_page']:.2f} s", ""))
    return rows


def format_table(rows: list[tuple[str, str, str]]) -> str:
    widths = [max(len(r[i]) for r in rows + [("measure", "value", "note")]) for i in range(3)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    return "\n".join([line(("measure", "value", "note")), line(tuple("-" * w for w in widths)), *map(line, rows)])


if __name__ == "__main__":
    main()
