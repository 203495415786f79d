"""Chart images drawn on the server: size as asked, not blank, the source line and link inside, and a
clear error (not a browser traceback) when there is no browser."""
import io

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image

from indicators.downloads import chart_image
from indicators.downloads.chart_image import CAPTION_HEIGHT, WIDTH, ChartExportUnavailable, captioned, render

SOURCE = "מקור: הלשכה המרכזית לסטטיסטיקה — מהדורות 2019, 2021"
LINK = "http://localhost:8501/indicator_explorer?indicator=population&lang=he"

needs_browser = pytest.mark.skipif(not chart_image.BROWSER.is_file(), reason="no Chromium at /usr/bin/chromium")


def figure() -> go.Figure:
    """Synthetic values (test data, not statistics about any place)."""
    frame = pd.DataFrame({"name": ["רהט", "דימונה", "ירוחם"], "value": [3.0, 2.0, 1.0]})
    fig = go.Figure(go.Bar(x=frame["value"], y=frame["name"], orientation="h"))
    fig.update_layout(height=400, title={"text": "אוכלוסייה, 2021"})
    fig.update_xaxes(title_text="תושבים (מספר)")
    return fig


@pytest.fixture(scope="module")
def images():
    export = captioned(figure(), SOURCE, LINK, rtl=True)
    return export, render(export, "png"), render(export, "svg")


def test_caption_adds_source_and_link_under_the_plot():
    export = captioned(figure(), SOURCE, LINK, rtl=True)
    texts = [a.text for a in export.layout.annotations]
    assert f"\u2067{SOURCE}\u2069" in texts and LINK in texts
    assert export.layout.height == 400 + CAPTION_HEIGHT + 30 and export.layout.width == WIDTH
    assert all(a.y < 0 for a in export.layout.annotations)  # below the plot area
    assert export.layout.margin.l >= 64  # room for the y axis title: at 40 px it touched the image's edge


@needs_browser
def test_png_has_the_expected_size_and_is_not_blank(images):
    export, png, _ = images
    image = Image.open(io.BytesIO(png)).convert("L")
    assert image.size == (2 * WIDTH, 2 * export.layout.height)
    histogram = image.histogram()
    dark = sum(histogram[:200])
    assert dark > 0.01 * image.size[0] * image.size[1]  # bars and text, not an empty white page


@needs_browser
def test_svg_carries_the_title_source_and_link(images):
    _, _, svg = images
    text = svg.decode("utf-8")
    assert text.lstrip().startswith("<svg") or "<svg" in text[:500]
    for expected in ("אוכלוסייה, 2021", "הלשכה המרכזית לסטטיסטיקה", "indicator_explorer?indicator=population"):
        assert expected in text.replace("&amp;", "&")


def test_missing_browser_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(chart_image, "BROWSER", tmp_path / "no-chromium")
    with pytest.raises(ChartExportUnavailable):
        render(captioned(figure(), SOURCE, LINK, rtl=True), "png")
