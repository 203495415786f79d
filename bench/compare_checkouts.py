"""Two checkouts of the app measured in ONE run, as bench/visitor_timing.py measures (the shared tools' method),
so that a loaded machine weighs on both alike. Usage from the repository root:
    git archive main | tar -x -C /tmp/before
    .venv/bin/python bench/compare_checkouts.py /tmp/before . cold|settle|control [RUNS] [PATH...]
cold: the two app starts and the bare app alternated (after a warm-up of each): medians and ratios;
settle: each PATH (default the Hebrew home page, whose websocket frames and KB, largest frame and files fetched
from /app/static/ are counted first) for a new visitor on warm servers, the reference page and both checkouts
alternated page by page: medians and × the reference;
control: the home page's indicator and year changes (visitor_timing.control_changes) for each checkout in turn.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import visitor_timing as vt  # noqa: E402
from tests.browser.streamlit_server import CHROMIUM  # noqa: E402

HOME = "/?lang=he"
COUNTS = """() => { const m = document.querySelector('[data-testid="stMain"]') || document.body;
  const n = (s) => m.querySelectorAll(s).length;
  return {elements: n('[data-testid="stElementContainer"]'), grids: n('[data-testid="stDataFrame"]')}; }"""


def home_counts(browser, port: int) -> dict:
    """What a new visitor's Hebrew home page receives: websocket frames and KB, and the app's static files."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    ws, files = {"n": 0, "bytes": 0, "max": 0}, {}

    def on_socket(socket):
        def on_frame(payload):
            ws["n"] += 1
            ws["bytes"] += len(payload)
            ws["max"] = max(ws["max"], len(payload))
        socket.on("framereceived", on_frame)

    def on_response(response):
        if "/app/static/" in response.url:
            files[response.url.rsplit("/", 1)[1]] = round(len(response.body()) / 1024, 1)

    page.on("websocket", on_socket)
    page.on("response", on_response)
    t0 = time.perf_counter()
    page.goto(f"http://127.0.0.1:{port}/?lang=he")
    vt.settled(page, t0, quiet=3.0, limit=120)
    counts = page.evaluate(COUNTS)
    page.close()
    return {**counts, "ws_frames": ws["n"], "ws_kB": round(ws["bytes"] / 1024, 1),
            "largest_frame_kB": round(ws["max"] / 1024, 1), "static_kB": files}


def _medians(times: dict[str, list[float]]) -> dict[str, float]:
    return {name: round(statistics.median(values), 2) for name, values in times.items()}


def cold(browser, before: Path, after: Path, runs: int) -> None:
    bare = vt._script_dir("bare.py", vt.BARE_APP)
    for script, folder in (("bare.py", bare), ("app.py", before), ("app.py", after)):  # warm-ups
        vt.cold_start(browser, script, folder)
    times = {"before": [], "bare": [], "after": []}
    for _ in range(runs):
        times["before"].append(vt.cold_start(browser, "app.py", before))
        times["bare"].append(vt.cold_start(browser, "bare.py", bare))
        times["after"].append(vt.cold_start(browser, "app.py", after))
    m = _medians(times)
    print("cold start (s)", m, "before/bare", round(m["before"] / m["bare"], 2), "after/bare",
          round(m["after"] / m["bare"], 2))


def settle(browser, before: Path, after: Path, runs: int, paths: list[str]) -> None:
    servers = {"ref": vt.serve("ref.py", vt._script_dir("ref.py", vt.REFERENCE_APP)),
               "before": vt.serve("app.py", before), "after": vt.serve("app.py", after)}
    try:
        vt.visit(browser, f"http://127.0.0.1:{servers['ref'][0]}/")
        for name in ("before", "after"):  # every page once, so both servers' caches are warm
            for path in paths:
                vt.visit(browser, f"http://127.0.0.1:{servers[name][0]}{path}")
        if paths == [HOME]:
            for name in ("before", "after"):
                print("home counts", name, home_counts(browser, servers[name][0]))
        times = {path: {name: [] for name in servers} for path in paths}
        for _ in range(runs):
            for path in paths:  # the reference and the two checkouts alternated, page by page
                for name, (port, _) in servers.items():
                    url = f"http://127.0.0.1:{port}{'/' if name == 'ref' else path}"
                    times[path][name].append(vt.visit(browser, url))
        for path in paths:
            m = _medians(times[path])
            print(f"{path} settle (s)", m, "before/ref", round(m["before"] / m["ref"], 2), "after/ref",
                  round(m["after"] / m["ref"], 2), flush=True)
    finally:
        for _, proc in servers.values():
            vt.stop(proc)


def control(browser, before: Path, after: Path, runs: int) -> None:
    for name, folder in (("before", before), ("after", after)):
        print("control change (s)", name, vt.control_changes(browser, folder, runs), flush=True)


def main(argv: list[str]) -> None:
    kinds = {"cold": cold, "settle": settle, "control": control}
    if len(argv) < 3 or argv[2] not in kinds or not all(Path(a).is_dir() for a in argv[:2]) \
            or (len(argv) > 3 and not argv[3].isdigit()) or (argv[2] != "settle" and len(argv) > 4):
        sys.exit(__doc__)  # the usage, not a traceback
    before, after, what = Path(argv[0]).resolve(), Path(argv[1]).resolve(), argv[2]
    runs = int(argv[3]) if len(argv) > 3 else 3
    pages = (argv[4:] or [HOME],) if what == "settle" else ()  # only settle takes page paths
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=vt.FLAGS)
        kinds[what](browser, before, after, runs, *pages)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
