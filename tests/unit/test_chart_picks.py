"""A click on the home map or ranked chart names an authority only when the event carries a known id."""
from indicators.chart_picks import town_from_chart, town_from_map

KNOWN = {"la-9000", "la-1161"}


def test_chart_point_with_an_id():
    assert town_from_chart({"points": [{"customdata": "la-1161", "y": "Rahat"}]}, KNOWN) == "la-1161"
    assert town_from_chart({"points": [{"customdata": ["la-9000"]}]}, KNOWN) == "la-9000"


def test_chart_without_a_usable_point():
    for selection in ({}, None, {"points": []}, {"points": [{"y": "Rahat"}]},
                      {"points": [{"customdata": "la-99999"}]}, {"points": [{"customdata": []}]}):
        assert town_from_chart(selection, KNOWN) is None


def test_map_feature_with_an_id():
    feature = {"type": "Feature", "properties": {"authority_id": "la-9000", "name": "x"}, "geometry": {}}
    assert town_from_map({"indices": {"areas": [3]}, "objects": {"areas": [feature]}}, "areas", KNOWN) == "la-9000"
    assert town_from_map({"objects": {"areas": [{"authority_id": "la-1161"}]}}, "areas", KNOWN) == "la-1161"


def test_map_without_a_usable_feature():
    feature = {"properties": {"authority_id": "<script>"}}
    for selection in ({}, None, {"objects": {}}, {"objects": {"labels": [feature]}}, {"objects": {"areas": []}},
                      {"objects": {"areas": [feature]}}, {"objects": {"areas": ["la-9000"]}}):
        assert town_from_map(selection, "areas", KNOWN) is None
