"""Timings as a visitor sees them in headless Chromium, measured exactly as the project's measuring
instruments do (../shared/tools/coldstart.py and pagesettle.py, outside this repository): the same server
command, the same browser flags, the same "settled" rule, the same bare app and reference page. So the
figures of `make bench` and of those tools can be compared; docs/performance.md says where they differ.

A page has settled when its content (element count, drawn svg/canvas/img/table count, running indicator)
has not changed for 0.6 s with something drawn and no run in progress; its time is that of the last change.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.browser.journeys import DECK, PLOTLY, RUNNING, SKELETON, wait_drawn
from tests.browser.streamlit_server import free_port

# The same switches as the instruments (and as tests/browser/streamlit_server.CHROMIUM_ARGS).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SIGNATURE = """() => { const m = document.querySelector('[data-testid="stMain"]') || document.body;
  return [m.querySelectorAll('[data-testid="stElementContainer"]').length,
          m.querySelectorAll('svg, canvas, img, table').length,
          document.querySelector('[data-testid="stStatusWidget"]') ? 1 : 0].join(','); }"""
BARE_APP = 'import streamlit as st\nst.write("hello")\n'
# pagesettle.py's reference: one plotly chart and one pydeck map, nothing else.
REFERENCE_APP = '''import streamlit as st, pandas as pd, plotly.express as px, pydeck as pdk
st.title("Reference")
st.plotly_chart(px.line(pd.DataFrame({"x": range(100), "y": range(100)}), x="x", y="y"))
poly = [{"p": [[34.7 + i * 0.1, 31.2], [34.78 + i * 0.1, 31.2], [34.78 + i * 0.1, 31.3], [34.7 + i * 0.1, 31.3]], "v": i} for i in range(30)]
st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("PolygonLayer", poly, get_polygon="p", get_fill_color=[0, 110, 80, 160])],
                         initial_view_state=pdk.ViewState(latitude=31.25, longitude=36.2, zoom=6), map_style=None))
'''  # noqa: E501 (pagesettle.py's text, unchanged)
CHART_TITLE = '[data-testid="stPlotlyChart"] .gtitle'


def settled(page, t0: float, quiet: float = 0.6, limit: float = 60.0) -> float:
    """Seconds since t0 of the last change of the page's content, once it has been quiet for `quiet` s."""
    last_sig, last_change = None, time.perf_counter()
    while time.perf_counter() - t0 < limit:
        sig = page.evaluate(SIGNATURE)
        now = time.perf_counter()
        if sig != last_sig:
            last_sig, last_change = sig, now
        elif not sig.startswith("0,") and sig.endswith(",0") and now - last_change >= quiet:
            return last_change - t0
        time.sleep(0.03)
    raise TimeoutError("page never settled")


def serve(script: str, cwd: Path) -> tuple[int, subprocess.Popen]:
    """`streamlit run` as the instruments start it (its own process group, output discarded)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--browser.gatherUsageStats", "false"], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    return port, proc


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, 15)
    proc.wait(10)


def _script_dir(name: str, text: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="kmm-bench-"))
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def cold_start(browser, script: str, cwd: Path) -> float:
    """Server start -> its first page settled (the page asked for again until the server answers)."""
    t0 = time.perf_counter()
    port, proc = serve(script, cwd)
    try:
        page = browser.new_page()
        for _ in range(600):
            try:
                page.goto(f"http://127.0.0.1:{port}/", timeout=2000)
                break
            except Exception:  # not listening yet, or too slow to answer: ask again, as coldstart.py does
                time.sleep(0.05)
        elapsed = settled(page, t0)
        page.close()
        return elapsed
    finally:
        stop(proc)


def cold_starts(browser, app_dir: Path, runs: int) -> tuple[list[float], list[float]]:
    """The app and the bare one-line app alternated, after one bare warm-up (imports into the page cache)."""
    bare = _script_dir("bare.py", BARE_APP)
    cold_start(browser, "bare.py", bare)
    app_times, bare_times = [], []
    for _ in range(runs):
        app_times.append(cold_start(browser, "app.py", app_dir))
        bare_times.append(cold_start(browser, "bare.py", bare))
    return app_times, bare_times


def visit(browser, url: str, width: int = 1400) -> float:
    """A new browser page (a new Streamlit session) opening `url` on a warm server, until settled."""
    page = browser.new_page(viewport={"width": width, "height": 1000})
    t0 = time.perf_counter()
    for _ in range(300):
        try:
            page.goto(url, timeout=3000)
            break
        except Exception:
            time.sleep(0.1)
    elapsed = settled(page, t0, limit=90.0)
    page.close()
    return elapsed


def page_settles(browser, app_dir: Path, paths: list[str], runs: int) -> tuple[dict[str, list[float]], list[float]]:
    """Each path's settle times and the reference page's, alternated on two warm servers."""
    (app_port, app), (ref_port, ref) = serve("app.py", app_dir), serve("ref.py", _script_dir("ref.py", REFERENCE_APP))
    try:
        visit(browser, f"http://127.0.0.1:{ref_port}/")
        for path in paths:  # warm every page's caches
            visit(browser, f"http://127.0.0.1:{app_port}{path}")
        times: dict[str, list[float]] = {path: [] for path in paths}
        reference = []
        for _ in range(runs):
            reference.append(visit(browser, f"http://127.0.0.1:{ref_port}/"))
            for path in paths:
                times[path].append(visit(browser, f"http://127.0.0.1:{app_port}{path}"))
        return times, reference
    finally:
        stop(app)
        stop(ref)


def slow_link_visits(browser, app_dir: Path, runs: int, mbit: float = 10.0, rtt_ms: float = 40.0,
                     path: str = "/?lang=he") -> list[tuple[float, int]]:
    """A first-time visitor (empty cache) on a slow link, as Chromium's network emulation makes it: seconds
    until the page has settled with its maps and charts drawn, and the response bytes on the wire. Loopback
    hides what the code's size costs a phone; this shows it."""
    port, proc = serve("app.py", app_dir)
    try:
        visit(browser, f"http://127.0.0.1:{port}{path}")  # a warm server: what is timed is the link
        results = []
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 412, "height": 915})
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request, seen=finished: seen.append(request))
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": rtt_ms,
                                                          "downloadThroughput": mbit * 125_000,
                                                          "uploadThroughput": mbit * 125_000 / 2})
            t0 = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}{path}", timeout=120_000)
            elapsed = settled(page, t0, limit=180.0)
            # On a slow link the content can stand still while a chart's code is still arriving.
            elapsed = max(elapsed, wait_drawn(page, timeout_s=180) - t0)
            results.append((elapsed, sum(r.sizes()["responseBodySize"] for r in finished)))
            context.close()
        return results
    finally:
        stop(proc)


def _open(page, widget_key: str) -> None:
    """Open a selectbox's list (the visitor's own reach for it: not part of the change's time)."""
    page.locator(f'.st-key-{widget_key} [role="combobox"]').first.click()


# Timed inside the page (performance.now(), no Playwright round trips): from the choice's click (a listener in
# the capture phase, so before the selectbox reacts) to the first animation frame after the new chart is in
# (its title names the choice) with nothing still running, placeholder left, nor map or chart without its
# canvas or svg. Plotly draws a figure's title with its bars in one pass, and deck.gl draws new layers on its
# next frame, which the extra animation frame waits for.
_MARK_CLICK = """() => { window.__kmmClick = null;
  document.addEventListener('click', () => { window.__kmmClick = performance.now(); },
                            {capture: true, once: true}); }"""
_REDRAWN = """([title, old, running, skeleton, deck, plotly]) => {
  const t = document.querySelector(title);
  const ready = t && t.textContent !== old && !document.querySelector(running) && !document.querySelector(skeleton)
    && [...document.querySelectorAll(deck)].every((d) => d.querySelector('canvas'))
    && [...document.querySelectorAll(plotly)].every((c) => c.querySelector('.main-svg'));
  if (!ready) { window.__kmmDrawn = null; return false; }
  if (window.__kmmDrawn == null) { window.__kmmDrawn = performance.now(); return false; }
  return true; }"""


def _time_choice(page, option_index: int) -> float:
    """Seconds from the click on a new option of the open selectbox to the page drawn with the new chart."""
    before = page.locator(CHART_TITLE).first.text_content()
    page.evaluate(_MARK_CLICK)
    page.locator('[role="option"]:not([aria-selected="true"])').nth(option_index).click()
    page.wait_for_function(_REDRAWN, arg=[CHART_TITLE, before, RUNNING, SKELETON, DECK, PLOTLY], polling="raf",
                           timeout=60_000)
    return page.evaluate("window.__kmmDrawn - window.__kmmClick") / 1000


def control_changes(browser, app_dir: Path, runs: int) -> dict[str, list[float]]:
    """On a settled home page, a new indicator and then a new year chosen: seconds from the choice to the new
    chart drawn, the run finished and the page whole again (see _REDRAWN)."""
    port, proc = serve("app.py", app_dir)
    times: dict[str, list[float]] = {"indicator": [], "year": []}
    try:
        visit(browser, f"http://127.0.0.1:{port}/?lang=he")  # warm the server
        for run in range(runs + 1):  # the first round warms the caches of the indicators chosen
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/?lang=he", timeout=60_000)
            page.locator(CHART_TITLE).first.wait_for(state="attached", timeout=120_000)
            wait_drawn(page, quiet_checks=3, interval_ms=100)
            for widget, param, index in (("w_indicator", "indicator", run % 3), ("w_year", "year", 0)):
                _open(page, widget)
                elapsed = _time_choice(page, index)
                wait_drawn(page, quiet_checks=3, interval_ms=100)  # fully settled before the next change
                if run:
                    times[param].append(elapsed)
            page.close()
        return times
    finally:
        stop(proc)


def median(samples: list[float]) -> float:
    return statistics.median(samples)
