"""Charts as PNG and SVG files that stand on their own: the plotly figure with its title, axis titles
and units, plus the source line and the link back drawn into the image, rendered on the server by
kaleido through the machine's Chromium (offline: plotly.js from the plotly package, no MathJax)."""
from __future__ import annotations

import copy
import threading
from pathlib import Path

import plotly.graph_objects as go

from indicators.settings import ROOT

BROWSER = Path("/usr/bin/chromium")  # Debian's chromium, the one the browser tests drive too
FONTS_DIR = ROOT / "static" / "fonts"
FONT = "Noto Sans Hebrew, Noto Sans Arabic, sans-serif"
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
WIDTH = 1200
CAPTION_HEIGHT = 70  # room under the plot for the source line and the link
_LOCK = threading.Lock()


class ChartExportUnavailable(RuntimeError):
    """No browser to draw the image with (or it failed to start): the page says so in words."""


def isolate(text: str, rtl: bool) -> str:
    """Text kept in its own direction inside an SVG text element, whose base direction is left-to-right:
    a Hebrew or Arabic line with numbers would otherwise have its parts reordered."""
    return f"\u2067{text}\u2069" if rtl else text


def captioned(figure: go.Figure, source: str, link: str, rtl: bool, title: str | None = None) -> go.Figure:
    """A copy of the figure with the source line and the link written under the plot area."""
    out = go.Figure(copy.deepcopy(figure.to_dict()))
    if title and not (out.layout.title and out.layout.title.text):
        out.update_layout(title={"text": title, "x": 0.5, "xanchor": "center"})
    title_lines = (out.layout.title.text or "").count("<br>") + 1 if out.layout.title.text else 0
    top = 16 + 28 * title_lines + (34 if out.layout.showlegend is not False else 0)
    # The axis titles and ticks need about 80 px under the plot; the two caption lines go under them and
    # the legend moves above the plot, so that nothing is pushed into the caption by plotly's automargin.
    bottom = 70 + CAPTION_HEIGHT
    # 64 px on the left: with less, plotly's automargin sets the y axis title against the image's edge.
    out.update_layout(margin={"t": top, "b": bottom, "l": max(out.layout.margin.l or 10, 64),
                              "r": max(out.layout.margin.r or 10, 40)},
                      height=(out.layout.height or 450) + CAPTION_HEIGHT + 30, width=WIDTH,
                      legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0.5, "xanchor": "center"},
                      font={"family": FONT}, paper_bgcolor="white")
    # plotly anchors a title of several lines by its first line: move it down by the extra lines.
    out.update_layout(title={"y": 1 - (14 + 24 * max(title_lines - 1, 0)) / out.layout.height, "yref": "container",
                             "yanchor": "top"})
    x, anchor = (1.0, "right") if rtl else (0.0, "left")
    plot_height = out.layout.height - top - bottom
    # Paper coordinates below 0 reach into the bottom margin: the two lines sit at the image's foot,
    # under the axis title and the legend.
    for line, text, size in ((1, source, 12), (0, link, 11)):
        if text:
            out.add_annotation(text=isolate(text, rtl) if line == 1 else text, xref="paper", yref="paper",
                               x=x, xanchor=anchor, y=-(bottom - 6 - 22 * line) / plot_height, yanchor="bottom",
                               showarrow=False, align=anchor, font={"size": size, "color": "#444444", "family": FONT})
    return out


def _start_server() -> None:
    """One Chromium for the whole process, started on the first export (about 10 s cold, then
    well under a second per image)."""
    import kaleido  # heavy: loaded only when an image is asked for

    if not BROWSER.is_file():
        raise ChartExportUnavailable(f"no browser at {BROWSER}")
    kaleido.start_sync_server(path=str(BROWSER), mathjax=False, silence_warnings=True)


def render(figure: go.Figure, fmt: str) -> bytes:
    """The figure as PNG (twice the pixel size, sharp on dense screens) or SVG bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    import kaleido

    width = int(figure.layout.width or WIDTH)
    height = int(figure.layout.height or 500)
    opts = {"format": fmt, "width": width, "height": height, "scale": 2 if fmt == "png" else 1}
    with _LOCK:
        try:
            _start_server()
            return kaleido.calc_fig_sync(figure, opts=opts)
        except ChartExportUnavailable:
            raise
        except Exception as error:  # choreographer's errors vary with how the browser failed
            raise ChartExportUnavailable(str(error)) from error
