"""What a new visitor's page costs the browser, counted rather than timed: websocket frames and bytes the
server sends, elements drawn (element containers, expanders, popovers, data grids, plotly charts, maps,
markdown blocks), and when the running indicator stops vs. when the last element appears (in seconds,
noisy on a shared machine; the counts are deterministic). Usage from the repository root:
    .venv/bin/python bench/page_weight.py "/data_methods" "/compare" ...
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser.streamlit_server import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server, wait_healthy  # noqa: E402

COUNTS = """() => { const m = document.querySelector('[data-testid="stMain"]') || document.body;
  const n = (s) => m.querySelectorAll(s).length;
  return {elements: n('[data-testid="stElementContainer"]'), expanders: n('[data-testid="stExpander"]'),
          popovers: n('[data-testid="stPopover"]'), grids: n('[data-testid="stDataFrame"]'),
          plotly: n('.js-plotly-plot'), maps: n('[data-testid="stDeckGlJsonChart"]'),
          markdown: n('[data-testid="stMarkdown"]'), tables: n('table'),
          running: document.querySelector('[data-testid="stStatusWidget"]') ? 1 : 0}; }"""


def probe(browser, url: str, limit: float = 150.0, quiet: float = 6.0) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    frames = {"n": 0, "bytes": 0}

    def on_ws(ws):
        def on_frame(payload):
            frames["n"] += 1
            frames["bytes"] += len(payload)
        ws.on("framereceived", on_frame)

    page.on("websocket", on_ws)
    t0 = time.perf_counter()
    page.goto(url)
    last, last_change, running_end = None, time.perf_counter(), None
    while time.perf_counter() - t0 < limit:
        counts = page.evaluate(COUNTS) | {"frames": frames["n"]}  # quiet means no message arriving either
        now = time.perf_counter()
        if counts["running"] == 0 and running_end is None and counts["elements"]:
            running_end = now - t0
        if counts != last:
            last, last_change = counts, now
        elif counts["elements"] > 2 and not counts["running"] and now - last_change >= quiet:
            break
        time.sleep(0.03)
    page.close()
    last.pop("frames")
    return {**last, "ws_frames": frames["n"], "ws_kB": round(frames["bytes"] / 1024),
            "running_stopped_s": round(running_end or -1, 2), "last_change_s": round(last_change - t0, 2)}


def main(paths: list[str]) -> None:
    proc, base = start_server()
    try:
        wait_healthy(base, timeout=120, proc=proc)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in paths:
                probe(browser, base + path)  # warm the server's caches
                print(path, probe(browser, base + path), flush=True)
            browser.close()
    finally:
        stop_server(proc)


if __name__ == "__main__":
    main(sys.argv[1:])
