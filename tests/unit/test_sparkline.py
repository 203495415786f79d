"""The headline cards' sparklines: first and last year written at the ends; two figures are two dots."""
import re
import xml.etree.ElementTree as ET

import pandas as pd

from ui.charts import sparkline_svg

SVG = "{http://www.w3.org/2000/svg}"


def parse(rows) -> ET.Element:
    return ET.fromstring(sparkline_svg(pd.DataFrame(rows, columns=["year", "value"])))


def test_first_and_last_year_at_the_ends():
    svg = parse([(2021, 3.0), (2013, 1.0), (2017, 2.0)])  # unsorted on purpose
    labels = [(t.text, t.get("text-anchor")) for t in svg.iter(f"{SVG}text")]
    assert labels == [("2013", "start"), ("2021", "end")]
    assert len(list(svg.iter(f"{SVG}polyline"))) == 1 and len(list(svg.iter(f"{SVG}circle"))) == 3


def test_two_figures_are_two_dots_not_a_line():
    svg = parse([(2019, 5.0), (2022, 7.0)])
    assert not list(svg.iter(f"{SVG}polyline"))
    circles = list(svg.iter(f"{SVG}circle"))
    assert len(circles) == 2 and float(circles[0].get("cx")) < float(circles[1].get("cx"))
    assert [t.text for t in svg.iter(f"{SVG}text")] == ["2019", "2022"]


def test_points_stay_above_the_year_labels():
    svg = parse([(2013, 1.0), (2014, 9.0), (2015, 4.0)])
    height = float(svg.get("height"))
    assert all(float(c.get("cy")) <= height - 14 for c in svg.iter(f"{SVG}circle"))
    assert not re.search(r"nan|inf", ET.tostring(svg, encoding="unicode"))
