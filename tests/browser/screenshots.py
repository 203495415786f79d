"""Full-page screenshots of every registered page in the three languages at a laptop and a phone width,
plus one contact sheet per page, so that a person can look at the whole app before and after a change.

    .venv/bin/python -m tests.browser.screenshots --label before      (or: make shots LABEL=before)

Writes tests/browser/artifacts/pages/<label>/<page>-<lang>-<width>.png and <page>-sheet.png.
Not a test: it asserts nothing, it only shows.
"""
from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

from tests.browser.journeys import open_view
from tests.browser.streamlit_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    start_server,
    stop_server,
    wait_healthy,
)
from ui.navigation import registered_pages

ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "pages"
LANGS = ("he", "en", "ar")
# A laptop and a common phone (iPhone 12-15 logical size); the phone is a touch device.
VIEWPORTS = {1400: 900, 390: 844}
TOWN = "la-1161"  # Rahat: the town-specific pages open on it
# Streamlit scrolls inside the app, not the document: a full-page shot must first make the window as
# tall as the scrolled content.
CONTENT_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
    ...Array.from(document.querySelectorAll('[data-testid="stAppViewContainer"], [data-testid="stMain"],'
        + ' [data-testid="stAppScrollToBottomContainer"], section.main'), e => e.scrollHeight))"""
# A page is settled when it is drawn as journeys.wait_drawn defines it (no running indicator, no skeleton,
# every map's canvas and chart's svg there) and its count of elements and its height have stopped changing
# (a script run can pause between elements without the running indicator, e.g. while a table loads). One
# evaluate per check: on a loaded machine each Playwright round trip costs, and wait_drawn makes dozens.
SHAPE = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const all = (selector, inner) => Array.from(document.querySelectorAll(selector))
        .every(e => e.querySelector(inner));
    const drawn = !document.querySelector('[data-testid="stStatusWidget"]')
        && !document.querySelector('[data-testid="stSkeleton"]')
        && all('[data-testid="stDeckGlJsonChart"]', 'canvas')
        && all('[data-testid="stPlotlyChart"]', '.main-svg');
    const count = main ? main.querySelectorAll('[data-testid="stElementContainer"]').length : 0;
    return [drawn, count, (""" + CONTENT_HEIGHT + """)()];
}"""
MAX_HEIGHT = 30_000  # Chromium's screenshot limit is ~32k px
SHEET_SCALE = {1400: 0.25, 390: 0.5}  # both columns about the same width on the sheet
SHEET_MAX_HEIGHT = 6_000
LABEL_BAND = 28


def shot_name(page: str, lang: str, width: int) -> str:
    return f"{page}-{lang}-{width}.png"


def settle(page, quiet_checks: int = 3, timeout_s: float = 240) -> bool:
    """True once settled; False if still changing after timeout_s (the shot is then taken anyway, and said)."""
    quiet, last, deadline = 0, None, time.monotonic() + timeout_s
    while quiet < quiet_checks:
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(500)
        shape = page.evaluate(SHAPE)
        quiet = quiet + 1 if shape[0] and shape == last else 0
        last = shape
    return True


def take(context, app_url: str, spec, lang: str, width: int, out: Path) -> Path:
    """Open the page as a visitor's link would, wait until drawn, grow the window to the content, shoot."""
    page, started = context.new_page(), time.monotonic()
    try:
        params = {"lang": lang} if spec.default else {"lang": lang, "town": TOWN}
        open_view(page, app_url, "" if spec.default else spec.url_path, timeout=120_000, **params)
        opened = time.monotonic()
        settled = settle(page)
        print(f"  run {opened - started:.0f}s, settle {time.monotonic() - opened:.0f}s", end="", flush=True)
        height = min(int(page.evaluate(CONTENT_HEIGHT)), MAX_HEIGHT)
        if height > VIEWPORTS[width]:
            page.set_viewport_size({"width": width, "height": height})
            settled = settle(page, quiet_checks=2) and settled  # charts redraw at the new size
        path = out / shot_name(spec.url_path, lang, width)
        page.screenshot(path=str(path), full_page=True)
        if not settled:
            print("  NOT SETTLED (shot taken anyway)", end="", flush=True)
        return path
    finally:
        page.close()


def contact_sheet(out: Path, page: str) -> Path | None:
    """The six shots of one page side by side (he, en, ar at 1400 px, then at 390 px), each labelled."""
    tiles = []
    for width in VIEWPORTS:
        for lang in LANGS:
            path = out / shot_name(page, lang, width)
            if path.exists():
                with Image.open(path) as image:
                    size = (round(image.width * SHEET_SCALE[width]), round(image.height * SHEET_SCALE[width]))
                    tiles.append((f"{lang} {width}px", image.convert("RGB").resize(size, Image.LANCZOS)))
    if not tiles:
        return None
    gap = 12
    sheet = Image.new("RGB", (sum(t.width for _, t in tiles) + gap * (len(tiles) - 1),
                              LABEL_BAND + max(t.height for _, t in tiles)), "#9aa0a6")
    draw, x = ImageDraw.Draw(sheet), 0
    for label, tile in tiles:
        draw.text((x + 6, 6), label, fill="black")
        sheet.paste(tile, (x, LABEL_BAND))
        x += tile.width + gap
    if sheet.height > SHEET_MAX_HEIGHT:
        factor = SHEET_MAX_HEIGHT / sheet.height
        sheet = sheet.resize((round(sheet.width * factor), SHEET_MAX_HEIGHT), Image.LANCZOS)
    path = out / f"{page}-sheet.png"
    sheet.save(path, optimize=True)
    return path


def run(label: str, only: list[str], resume: bool = False, langs=LANGS, widths=tuple(VIEWPORTS),
        app_dir: Path | None = None) -> int:
    out = ARTIFACTS / label
    out.mkdir(parents=True, exist_ok=True)
    by_path = {s.url_path: s for s in registered_pages()}
    specs = [by_path[p] for p in only if p in by_path] if only else list(by_path.values())
    # app_dir: another checkout (e.g. `git archive` of an earlier commit) for a "before" set; the pages shot
    # are this checkout's, which is right while the page paths have not changed.
    proc, url = start_server(cwd=app_dir) if app_dir else start_server()
    failures = 0
    try:
        wait_healthy(url, timeout=180, proc=proc)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # One visit first: on a cold server the first page paused mid-run without Streamlit's running
            # indicator, and data_methods was shot with its intro only (twice).
            warm = browser.new_page()
            open_view(warm, url, timeout=180_000)
            settle(warm)
            warm.close()
            for spec in specs:
                for width in widths:
                    height = VIEWPORTS[width]
                    phone = width < 600
                    context = browser.new_context(viewport={"width": width, "height": height},
                                                  is_mobile=phone, has_touch=phone)
                    for lang in langs:
                        if resume and (out / shot_name(spec.url_path, lang, width)).exists():
                            continue
                        started = time.monotonic()
                        try:
                            path = take(context, url, spec, lang, width, out)
                            print(f"  {path.name}  {time.monotonic() - started:.0f}s", flush=True)
                        except Exception as error:  # noqa: BLE001 - one broken shot must not stop the rest
                            failures += 1
                            print(f"FAILED {shot_name(spec.url_path, lang, width)}: {error}", flush=True)
                    context.close()
                sheet = contact_sheet(out, spec.url_path)
                print(f"  sheet: {sheet}", flush=True)
            browser.close()
    finally:
        stop_server(proc)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="current", help="folder name under artifacts/pages (e.g. before)")
    parser.add_argument("--pages", nargs="*",
                        help="only these url paths, in this order (default: every registered page)")
    parser.add_argument("--langs", nargs="*", choices=LANGS, default=list(LANGS))
    parser.add_argument("--widths", nargs="*", type=int, choices=list(VIEWPORTS), default=list(VIEWPORTS))
    parser.add_argument("--resume", action="store_true", help="keep the shots already taken under this label")
    parser.add_argument("--app-dir", type=Path, help="serve the app from this checkout (default: this one)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # so that `finally` stops the server
    return 1 if run(args.label, args.pages or [], args.resume, args.langs, args.widths, args.app_dir) else 0


if __name__ == "__main__":
    sys.exit(main())
