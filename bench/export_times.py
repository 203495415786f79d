"""Bench rows for the take-away files: a PDF town profile and a slide pack (first in the process, then
warm), the population-gap view's, the explorer's (Israel-wide, its longest) and a comparison's PDF and slide
pack (warm), and whether making one slows another visitor's page (a page's script run while PDFs are written in
the file worker process, as the app's download buttons do)."""
from __future__ import annotations

import statistics
import threading
import time

import pandas as pd
from streamlit.testing.v1 import AppTest

from indicators.downloads import worker
from indicators.downloads.slide_pack import pptx_bytes, town_pack
from indicators.downloads.town_profile_pdf import profile_pdf
from indicators.settings import PUBLISHED_DIR, ROOT
from tests.unit.test_downloads_pdf import document, latest_values

RUNS = 3


def _timed(make) -> list[float]:
    samples = []
    for _ in range(RUNS + 1):  # the first includes imports and font loading
        started = time.perf_counter()
        make()
        samples.append(time.perf_counter() - started)
    return samples


def _page_runs(busy: threading.Event | None = None, runs: int = 5) -> list[float]:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = "he"
    at.run()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - started)
    if busy is not None:
        busy.set()
    return samples


def gap_rows(published: dict) -> list[tuple[str, str, str]]:
    """The gap view's files, from its document (assembled from the page's cached tables before the click)."""
    from indicators.downloads.gap_files import gap_pdf, gap_pptx
    from tests.unit.test_downloads_gaps import document as gap_document

    doc = gap_document(published, "he")
    pdf, slides = _timed(lambda: gap_pdf(doc)), _timed(lambda: gap_pptx(doc))
    return [(f"PDF of the population-gap view, warm (median of {RUNS})", f"{statistics.median(pdf[1:]):.2f} s",
             "target < 5 s"),
            (f"gap slide pack, warm (median of {RUNS})", f"{statistics.median(slides[1:]):.2f} s", "target < 5 s")]


def _warm_rows(view: str, pdf, slides) -> list[tuple[str, str, str]]:
    pdf, slides = _timed(pdf), _timed(slides)
    return [(f"PDF of {view}, warm (median of {RUNS})", f"{statistics.median(pdf[1:]):.2f} s", "target < 5 s"),
            (f"slide pack of {view}, warm (median of {RUNS})", f"{statistics.median(slides[1:]):.2f} s",
             "target < 5 s")]


def explorer_rows(published: dict) -> list[tuple[str, str, str]]:
    """The explorer's files for all of Israel's authorities (255 bars: the longest ranking any view draws)."""
    from indicators.downloads.explorer_files import explorer_pdf, explorer_pptx
    from tests.unit.test_downloads_explorer import document as explorer_document

    doc = explorer_document(published, "he", scope="israel")
    return _warm_rows("the explorer, Israel-wide", lambda: explorer_pdf(doc), lambda: explorer_pptx(doc))


def comparison_rows(published: dict) -> list[tuple[str, str, str]]:
    """A comparison of three towns (Rahat, Be'er Sheva, Dimona), gathered as the compare page does on click."""
    from indicators.downloads.comparison_pdf import comparison_pdf
    from indicators.downloads.slide_pack import comparison_pptx
    from tests.unit.test_export_provenance import comparison_arguments

    arguments = comparison_arguments(published, "he", ("la-1161", "la-9000", "la-2200"))
    return _warm_rows("a comparison", lambda: comparison_pdf(arguments), lambda: comparison_pptx(arguments))


def export_rows() -> list[tuple[str, str, str]]:
    published = {n: pd.read_parquet(PUBLISHED_DIR / f"{n}.parquet")
                 for n in ("authorities", "indicators", "observations", "sources", "boundaries")}
    published["latest"] = latest_values()
    doc = document(published, "he")
    pdf = _timed(lambda: profile_pdf(doc))
    slides = _timed(lambda: pptx_bytes(town_pack(doc)))
    rows = [("PDF town profile, first in process", f"{pdf[0]:.2f} s", "imports, fonts"),
            (f"PDF town profile, warm (median of {RUNS})", f"{statistics.median(pdf[1:]):.2f} s", "target < 5 s"),
            ("slide pack, first in process", f"{slides[0]:.2f} s", "imports"),
            (f"slide pack, warm (median of {RUNS})", f"{statistics.median(slides[1:]):.2f} s", "target < 5 s")]
    rows += gap_rows(published) + explorer_rows(published) + comparison_rows(published)
    quiet = _page_runs()
    done = threading.Event()

    def keep_writing() -> None:
        while not done.is_set():
            worker.run(profile_pdf, doc)  # as the app does: in the file worker process

    writer = threading.Thread(target=keep_writing, daemon=True)
    writer.start()
    busy = _page_runs(done)
    writer.join()
    rows.append(("home page script run: alone / while PDFs are written",
                 f"{statistics.median(quiet) * 1000:.0f} / {statistics.median(busy) * 1000:.0f} ms",
                 "PDFs written in the worker process"))
    return rows
