"""The population-gaps page's town-by-town chart keeps its median label inside the figure."""
import pandas as pd

from indicators import group_gaps
from ui import gap_view


def test_dumbbell_leaves_room_above_the_plot_for_the_median_label():
    table = pd.DataFrame({"authority_id": ["la-1161", "la-9000"], "value": [12.0, 55.0],
                          "reference_median": [50.0, 50.0], "group": [group_gaps.FIRST, group_gaps.SECOND]})
    figure = gap_view.dumbbell_figure(table, "own_income_share_pct", {"la-1161": "רהט", "la-9000": "באר שבע"},
                                      {group_gaps.FIRST: "ערביות", group_gaps.SECOND: "יהודים"}, "חציון", "%")
    label = next(a for a in figure.layout.annotations if a.text == "חציון")
    assert label.yref == "paper" and label.y == 1 and label.yanchor == "bottom"  # drawn above the plot area
    assert figure.layout.margin.t >= 30  # so the top margin must hold a line of text (it was 10 px: cut)


def test_a_long_gap_title_is_broken_into_lines_that_fit_a_phone():
    table = pd.DataFrame({"gap": [-41.6, -44.2]}, index=[2021, 2022])
    title = "Arab median minus the median of Jews and others"  # cut at both edges at 390 px as one line
    figure = gap_view.gap_figure(table, "own_income_share_pct", "Gap (%)", "Year", title)
    lines = figure.layout.title.text.split("<br>")
    assert len(lines) > 1 and all(len(line) <= gap_view.TITLE_LINE for line in lines)
    assert " ".join(lines) == title
    assert figure.layout.margin.t >= 50 + 20 * (len(lines) - 1)  # the extra lines have room above the plot


def test_a_gap_between_percentages_is_labelled_in_percentage_points_not_per_cent():
    table = pd.DataFrame({"gap": [-41.6, -44.2]}, index=[2021, 2022])
    figure = gap_view.gap_figure(table, "own_income_share_pct", "Gap", "Year", "Gap")
    assert list(figure.data[0].text) == ["-41.6", "-44.2"]  # no "%": the difference is in points
    for lang, word in (("en", "percentage points"), ("he", "נקודות אחוז"), ("ar", "نقاط مئوية")):
        assert word in gap_view.gap_axis_label("own_income_share_pct", lang, "%")
    assert "₪" in gap_view.gap_axis_label("avg_monthly_wage", "en", "₪ per month")
