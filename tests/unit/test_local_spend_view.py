"""The LM3 page's table conversions (what the editor shows and what goes back into the state) and the
printable summary — pure functions, no Streamlit run needed."""
import pandas as pd

from indicators.tools import lm3
from ui import local_spend_view as view

LABELS = {lm3.OUTSIDE_ISRAEL: "Outside Israel", lm3.ISRAEL_ELSEWHERE: "Israel", "la-1161": "Rahat"}
KINDS = {lm3.SUPPLIER: "Supplier", lm3.STAFF: "Staff"}


def test_editor_round_trip_keeps_half_typed_rows_and_drops_empty_ones():
    lines = [{"name": "Bakery", "amount": 1200, "place": "la-1161", "kind": lm3.SUPPLIER, "sector": "food",
              "tags": ["small", "social"]},
             {"name": "", "amount": None, "place": lm3.OUTSIDE_ISRAEL, "kind": lm3.STAFF, "sector": "", "tags": []}]
    frame = view.lines_frame(lines, LABELS, KINDS)
    assert frame.loc[0, "place"] == "Rahat" and frame.loc[0, "tags"] == "small; social"
    frame.loc[2] = [None, float("nan"), None, None, None, None]  # an empty row the editor adds
    assert view.lines_from_frame(frame, LABELS, KINDS) == lines


def test_survey_round_trip_refuses_out_of_range_shares():
    frame = view.survey_frame([{"supplier": "A", "respondent": "", "received": 10, "share_pct": 50}])
    frame.loc[1] = ["B", "x", -5.0, 150.0]
    assert view.survey_from_frame(frame) == [
        {"supplier": "A", "respondent": "", "received": 10, "share_pct": 50},
        {"supplier": "B", "respondent": "x", "received": None, "share_pct": None}]


def test_printable_summary_escapes_and_keeps_direction():
    summary = pd.DataFrame({"m": ["<b>LM3</b>", "Round 2"], "v": [1.552, 380000]})
    page = view.printable_summary("Title & co", "sub", summary, ["note <i>"], "rtl")
    assert '<html dir="rtl">' in page and "&lt;b&gt;LM3&lt;/b&gt;" in page and "note &lt;i&gt;" in page
    assert "380,000" in page and "1.55" in page and "http" not in page  # nothing fetched from outside
