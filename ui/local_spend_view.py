"""Streamlit-side pieces of the local-spend (LM3) page: the editable tables and their conversion to the
tool's state, the rounds chart, the export tables and the printable summary."""
from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from indicators.formatting import format_number
from indicators.tools import lm3
from ui.charts import FONT, SERIES_COLOURS, _layout

LINE_COLUMNS = ["name", "amount", "place", "kind", "sector", "tags"]
SURVEY_COLUMNS = ["supplier", "respondent", "received", "share_pct"]


def place_labels(names: dict[str, str], order: list[str], t) -> dict[str, str]:
    """place id -> label for the table's place column: the two words first, then authorities in order."""
    labels = {lm3.OUTSIDE_ISRAEL: t("place_outside"), lm3.ISRAEL_ELSEWHERE: t("place_israel")}
    labels.update({a: names[a] for a in order})
    return labels


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
        or (isinstance(value, str) and not value.strip())


def _number(value):
    if _blank(value):
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def lines_frame(lines: list[dict], labels: dict[str, str], kind_labels: dict[str, str]) -> pd.DataFrame:
    rows = [{"name": r["name"], "amount": r["amount"], "place": labels.get(r["place"], r["place"]),
             "kind": kind_labels.get(r["kind"], r["kind"]), "sector": r["sector"], "tags": "; ".join(r["tags"])}
            for r in lines]
    frame = pd.DataFrame(rows, columns=LINE_COLUMNS)
    frame["amount"] = pd.to_numeric(frame["amount"], errors="coerce").astype("float64")
    for column in ("name", "place", "kind", "sector", "tags"):
        frame[column] = frame[column].astype("object")
    return frame


def lines_from_frame(frame: pd.DataFrame, labels: dict[str, str], kind_labels: dict[str, str]) -> list[dict]:
    """The editor's rows back to the state (empty rows dropped; a half-typed row kept as typed)."""
    place_of = {label: key for key, label in labels.items()}
    kind_of = {label: key for key, label in kind_labels.items()}
    lines = []
    for row in frame.to_dict("records"):
        if all(_blank(row.get(c)) for c in LINE_COLUMNS):
            continue
        amount = _number(row.get("amount"))
        lines.append({"name": "" if _blank(row.get("name")) else str(row["name"]),
                      "amount": None if amount is None or amount < 0 else amount,
                      "place": None if _blank(row.get("place")) else place_of.get(row["place"], None),
                      "kind": kind_of.get(row.get("kind"), lm3.SUPPLIER),
                      "sector": "" if _blank(row.get("sector")) else str(row["sector"]),
                      "tags": [] if _blank(row.get("tags")) else
                      [t.strip() for t in str(row["tags"]).replace(",", ";").split(";") if t.strip()]})
    return lines


def survey_frame(survey: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(survey, columns=SURVEY_COLUMNS)
    for column in ("received", "share_pct"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in ("supplier", "respondent"):
        frame[column] = frame[column].astype("object")
    return frame


def survey_from_frame(frame: pd.DataFrame) -> list[dict]:
    rows = []
    for row in frame.to_dict("records"):
        if all(_blank(row.get(c)) for c in SURVEY_COLUMNS):
            continue
        share = _number(row.get("share_pct"))
        received = _number(row.get("received"))
        rows.append({"supplier": "" if _blank(row.get("supplier")) else str(row["supplier"]),
                     "respondent": "" if _blank(row.get("respondent")) else str(row["respondent"]),
                     "received": None if received is None or received < 0 else received,
                     "share_pct": None if share is None or not 0 <= share <= 100 else share})
    return rows


def rounds_figure(result: lm3.LM3Result, t) -> go.Figure:
    """Each round's amount beside what leaks out of the ring after it (R1 − R2, R2 − R3)."""
    labels = [t("round_n", n=n) for n in (1, 2, 3)]
    amounts = [result.round1, result.round2, result.round3 or 0]
    leaks = [result.leak_round1, result.leak_round2 or 0, 0]
    fig = go.Figure()
    fig.add_bar(x=labels, y=amounts, name=t("chart_stays"), marker_color=SERIES_COLOURS[0],
                text=[format_number(v) for v in amounts], textposition="outside")
    fig.add_bar(x=labels, y=leaks, name=t("chart_leaks"), marker_color=SERIES_COLOURS[1],
                text=[format_number(v) if v else "" for v in leaks], textposition="outside")
    fig.update_layout(barmode="group", font={"family": FONT})
    fig.update_yaxes(title_text="₪")
    return _layout(fig, None, 360)


def summary_rows(result: lm3.LM3Result, whatif: lm3.WhatIf, t) -> pd.DataFrame:
    """The headline results as a two-column table (for the CSV, the workbook and the printable summary)."""
    def pct(v):
        return None if v is None else round(v, 2)

    rows = [(t("round1"), result.round1), (t("total_spend"), result.total_spend),
            *[(t("ring_share_n", n=n), pct(result.ring_shares_pct[n])) for n in lm3.RINGS],
            (t("chosen_ring"), result.chosen_ring), (t("round2"), result.round2), (t("round3"), result.round3),
            (t("lm3"), None if result.lm3 is None else round(result.lm3, 4)),
            (t("leak_round1"), result.leak_round1), (t("leak_round2"), result.leak_round2),
            (t("respend_share"), pct(result.respend_share_pct)),
            (t("default_share"), result.default_share_pct),
            (t("default_used_for"), "; ".join(result.default_used_for)),
            (t("whatif_pct"), whatif.move_pct), (t("whatif_moved"), whatif.moved),
            (t("whatif_lm3"), None if whatif.lm3 is None else round(whatif.lm3, 4)),
            (t("whatif_extra"), whatif.extra_circulating),
            (t("whatif_assumed"), pct(whatif.assumed_share_pct))]
    return pd.DataFrame(rows, columns=[t("col_measure"), t("col_value")])


def printable_summary(title: str, subtitle: str, summary: pd.DataFrame, notes: list[str], direction: str) -> str:
    """A self-contained HTML page for printing (no external fonts or scripts)."""
    body = "".join(f"<tr><th>{html.escape(str(m))}</th><td>{html.escape(_cell(v))}</td></tr>"
                   for m, v in summary.itertuples(index=False))
    items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
    return (f'<!doctype html><html dir="{direction}"><head><meta charset="utf-8"><title>{html.escape(title)}'
            "</title><style>body{font-family:'Noto Sans Hebrew','Noto Sans Arabic',sans-serif;margin:2em}"
            "table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px;text-align:start}"
            "@media print{body{margin:0}}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p><table>{body}</table>"
            f"<ul>{items}</ul></body></html>")


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, int | float):
        return format_number(value, 0 if float(value).is_integer() else 2)
    return str(value)
