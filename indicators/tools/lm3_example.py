"""The LM3 tool's example: an invented organisation in Rahat with invented figures, made by code and marked
"example — not real data" wherever it appears. Its numbers are user-style inputs, not facts about a place."""
from __future__ import annotations

from indicators.tools import lm3
from indicators.tools.spend_table import SPEND, SURVEY, rows_to_table

TOWN = "la-1161"  # Rahat
NOTE = "# EXAMPLE — not real data / דוגמה — לא נתונים אמיתיים / مثال — ليست بيانات حقيقية"

LINES = [
    {"name": "Example: staff living in the town", "amount": 300_000, "place": "la-1161", "kind": lm3.STAFF,
     "sector": "", "tags": ["staff"]},
    {"name": "Example: staff living in Be'er Sheva", "amount": 100_000, "place": "la-9000", "kind": lm3.STAFF,
     "sector": "", "tags": ["staff"]},
    {"name": "Example: catering co-op", "amount": 80_000, "place": "la-1161", "kind": lm3.SUPPLIER,
     "sector": "food", "tags": ["small business", "social enterprise"]},
    {"name": "Example: office supplies chain", "amount": 60_000, "place": "la-5000", "kind": lm3.SUPPLIER,
     "sector": "retail", "tags": []},
    {"name": "Example: printing house", "amount": 40_000, "place": "la-9000", "kind": lm3.SUPPLIER,
     "sector": "printing", "tags": ["small business"]},
    {"name": "Example: software licences", "amount": 50_000, "place": lm3.OUTSIDE_ISRAEL, "kind": lm3.SUPPLIER,
     "sector": "IT", "tags": []},
    {"name": "Example: transport company", "amount": 30_000, "place": "la-31", "kind": lm3.SUPPLIER,
     "sector": "transport", "tags": ["small business"]},
    {"name": "Example: accountancy firm", "amount": 40_000, "place": "la-5000", "kind": lm3.SUPPLIER,
     "sector": "professional services", "tags": []},
]

# The places as a person would type them (English names as in the authorities table).
PLACE_NAMES = {"la-1161": "Rahat", "la-9000": "Be'er Sheva", "la-5000": "Tel Aviv - Yafo", "la-31": "Ofakim",
               lm3.OUTSIDE_ISRAEL: "abroad"}

SURVEY_ROWS = [
    {"supplier": "Example: staff living in the town", "respondent": "A", "received": 100_000, "share_pct": 40},
    {"supplier": "Example: staff living in the town", "respondent": "B", "received": 120_000, "share_pct": 50},
    {"supplier": "Example: staff living in the town", "respondent": "C", "received": 80_000, "share_pct": 30},
    {"supplier": "Example: catering co-op", "respondent": "D", "received": 80_000, "share_pct": 60},
]


def example_state() -> dict:
    state = lm3.empty_state()
    state.update({"town": TOWN, "organisation": "Example organisation (not real data)", "period": "example year",
                  "round1": 1_000_000, "ring": {"mode": "radius", "radius_km": 20, "authorities": []},
                  "chosen_ring": lm3.RING_TOWN, "default_share_pct": 25, "what_if_pct": 10,
                  "lines": [dict(r) for r in LINES], "survey": [dict(r) for r in SURVEY_ROWS], "example": True})
    return state


def example_csv(schema_name: str = "spend") -> bytes:
    """The example as an upload-ready CSV (English headers), its first line saying it is an example."""
    schema, rows = (SPEND, LINES) if schema_name == "spend" else (SURVEY, SURVEY_ROWS)
    table = rows_to_table(rows, schema, "en", PLACE_NAMES)
    return (NOTE + "\r\n" + table.to_csv(index=False, lineterminator="\r\n")).encode("utf-8-sig")
