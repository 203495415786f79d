"""The partnership health check: respondents' 1–5 scores on the eight traits of a tri-sector partnership
(seed README point 7), summarised per trait with its spread, banded, and followed across snapshots.

Rules, stated once:
- Band by the mean of the scores given (empty cells are "not scored" and left out):
  strength when mean ≥ 4.0; borderline when 3.0 ≤ mean < 4.0; concern when mean < 3.0.
- Spread: the sample standard deviation (n − 1; none with a single score) and the lowest and highest
  score. Respondents are *divided* on a trait when its scores span 3 points or more (e.g. 1 and 4).
- Order: weakest first (lowest mean), ties in the order the traits are listed; unscored traits last.
- Trend between the first and last snapshot that scored a trait: "up" or "down" when the mean moved by
  half a point or more, otherwise "steady".
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from indicators.tools.partnerships import TRAITS, Assessment

STRENGTH_FROM = 4.0
CONCERN_BELOW = 3.0
DIVIDED_RANGE = 3
TREND_STEP = 0.5
BANDS = ("concern", "borderline", "strength")


def band(mean: float | None) -> str | None:
    if mean is None or pd.isna(mean):
        return None
    if mean >= STRENGTH_FROM:
        return "strength"
    return "borderline" if mean >= CONCERN_BELOW else "concern"


def trait_summary(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per trait, weakest first: trait, respondents (who scored it), mean, sd, min, max, band,
    divided. Expects checked scores (see partnership_checks.check_scores)."""
    rows = []
    for position, trait in enumerate(TRAITS):
        given = pd.to_numeric(scores.loc[scores["trait"] == trait, "score"], errors="coerce").dropna().astype(float)
        n = len(given)
        mean = given.mean() if n else None
        rows.append({
            "trait": trait, "respondents": n, "mean": mean,
            "sd": given.std(ddof=1) if n > 1 else None,
            "min": int(given.min()) if n else None, "max": int(given.max()) if n else None,
            "band": band(mean), "divided": bool(n and given.max() - given.min() >= DIVIDED_RANGE),
            "_order": position,
        })
    frame = pd.DataFrame(rows)
    frame["_unscored"] = frame["mean"].isna()
    frame = frame.sort_values(["_unscored", "mean", "_order"], kind="stable", na_position="last")
    frame = frame.drop(columns=["_unscored", "_order"]).reset_index(drop=True)
    return frame.astype({"mean": "Float64", "sd": "Float64", "min": "Int64", "max": "Int64"})


def respondents(scores: pd.DataFrame) -> list[str]:
    """Respondents in the order they first appear."""
    return list(dict.fromkeys(scores["respondent"].dropna()))


def trend_table(assessments: list[Assessment]) -> pd.DataFrame:
    """Long table for a chart: date, trait, mean, respondents (snapshots in date order; traits nobody
    scored in a snapshot are left out of it)."""
    rows = []
    for assessment in sorted(assessments, key=lambda a: a.date):
        summary = trait_summary(assessment.scores)
        for row in summary.itertuples():
            if row.respondents:
                rows.append({"date": assessment.date, "trait": row.trait, "mean": float(row.mean),
                             "respondents": row.respondents})
    return pd.DataFrame(rows, columns=["date", "trait", "mean", "respondents"])


def trend_by_trait(assessments: list[Assessment]) -> pd.DataFrame:
    """Per trait: first and last snapshot that scored it, the means then, the change and its direction
    (up / down / steady, see the module's rules); None where fewer than two snapshots scored it."""
    long = trend_table(assessments)
    rows = []
    for trait in TRAITS:
        part = long[long["trait"] == trait]
        if len(part) < 2:
            rows.append({"trait": trait, "first_date": None, "first_mean": None, "last_date": None,
                         "last_mean": None, "change": None, "direction": None})
            continue
        first, last = part.iloc[0], part.iloc[-1]
        change = last["mean"] - first["mean"]
        direction = "up" if change >= TREND_STEP else ("down" if change <= -TREND_STEP else "steady")
        rows.append({"trait": trait, "first_date": first["date"], "first_mean": first["mean"],
                     "last_date": last["date"], "last_mean": last["mean"], "change": change,
                     "direction": direction})
    return pd.DataFrame(rows)


def next_snapshot_date(assessments: list[Assessment], today: dt.date) -> dt.date:
    """Today, or the day after the latest snapshot when today already has one (one snapshot per date)."""
    taken = {a.date for a in assessments}
    date = today
    while date in taken:
        date += dt.timedelta(days=1)
    return date
