"""The partnership tool's tables as shown and downloaded: the page's language for headers and labels.
Downloads hold the tables as typed (incomplete rows too), so a downloaded file can be uploaded again."""
from __future__ import annotations

import pandas as pd

from indicators.tools.partnerships import ACTOR_COLUMNS, RELATIONSHIP_COLUMNS, SCORE_COLUMNS, STEPS, Assessment
from ui.partnership_labels import Vocabulary


def _labelled(frame: pd.DataFrame, words: Vocabulary, kinds: dict[str, str]) -> pd.DataFrame:
    out = frame.copy()
    for column, kind in kinds.items():
        out[column] = out[column].map(lambda code, kind=kind: words.label(kind, code) or None)
    return out


def actors_export(actors: pd.DataFrame, town_names: dict[str, str], words: Vocabulary) -> pd.DataFrame:
    out = _labelled(actors[list(ACTOR_COLUMNS)], words, {"sector": "sector", "role": "role"})
    out.insert(3, "town_name", actors["town"].map(lambda town: town_names.get(town) if isinstance(town, str) else None))
    return out.rename(columns=words.columns([*ACTOR_COLUMNS, "town_name"]))


def relationships_export(relationships: pd.DataFrame, words: Vocabulary) -> pd.DataFrame:
    out = _labelled(relationships[list(RELATIONSHIP_COLUMNS)], words, {"step": "step"})
    return out.rename(columns=words.columns(RELATIONSHIP_COLUMNS))


def scores_export(assessments: list[Assessment], words: Vocabulary) -> pd.DataFrame:
    """Every snapshot's scores, with the snapshot's date on each row."""
    parts = [a.scores[list(SCORE_COLUMNS)].assign(date=a.date.isoformat()) for a in assessments]
    frame = (pd.concat(parts, ignore_index=True) if parts
             else pd.DataFrame(columns=[*SCORE_COLUMNS, "date"]))
    out = _labelled(frame[["date", *SCORE_COLUMNS]], words, {"trait": "trait"})
    return out.rename(columns=words.columns(["date", *SCORE_COLUMNS]))


def measures_display(measures: pd.DataFrame, town_names: dict[str, str], words: Vocabulary) -> pd.DataFrame:
    out = _labelled(measures, words, {"sector": "sector", "role": "role", "strongest_step": "step"})
    out["town"] = out["town"].map(lambda town: town_names.get(town, "") if isinstance(town, str) else "")
    columns = ["name", "sector", "role", "town", "degree", "degree_centrality", "betweenness", "strongest_step"]
    return out[columns].rename(columns=words.columns(columns))


def step_counts_display(counts: pd.DataFrame, words: Vocabulary) -> pd.DataFrame:
    out = _labelled(counts, words, {"step": "step"})
    return out.rename(columns=words.columns(["step", "relationships"]))


def sector_pairs_display(pairs: pd.DataFrame, words: Vocabulary) -> pd.DataFrame:
    out = _labelled(pairs, words, {"sector_a": "sector", "sector_b": "sector"})
    names = words.columns(["sector_a", "sector_b", "relationships", "ties"])
    names.update({step: words.label("step", step) for step in STEPS})
    return out.rename(columns=names)


def bands_display(summary: pd.DataFrame, words: Vocabulary) -> pd.DataFrame:
    """Weakest first, as trait_summary orders it; the range as “1–4”."""
    out = pd.DataFrame({
        "trait": summary["trait"].map(lambda c: words.label("trait", c)),
        "band": summary["band"].map(lambda b: words.label("band", b) if isinstance(b, str) else words.t("band_none")),
        "mean": summary["mean"].round(2),
        "sd": summary["sd"].round(2),
        # A left-to-right mark keeps “1–4” from reading “4–1” in a right-to-left page.
        "range": [f"\u200e{lo}–{hi}" if pd.notna(lo) else "" for lo, hi in zip(summary["min"], summary["max"],
                                                                                strict=True)],
        "respondents": summary["respondents"],
        "divided": summary["divided"].map(lambda d: words.t("divided_yes") if d else ""),
    })
    return out.rename(columns=words.columns(list(out.columns)))


def trend_display(trend: pd.DataFrame, words: Vocabulary) -> pd.DataFrame:
    out = pd.DataFrame({
        "trait": trend["trait"].map(lambda c: words.label("trait", c)),
        "first": [f"{m:.2f} ({d.isoformat()})" if d is not None and pd.notna(m) else ""
                  for m, d in zip(trend["first_mean"], trend["first_date"], strict=True)],
        "last": [f"{m:.2f} ({d.isoformat()})" if d is not None and pd.notna(m) else ""
                 for m, d in zip(trend["last_mean"], trend["last_date"], strict=True)],
        "change": [f"{c:+.2f}" if c is not None and pd.notna(c) else "" for c in trend["change"]],
        "direction": trend["direction"].map(lambda d: words.label("direction", d) if isinstance(d, str) else ""),
    })
    return out.rename(columns=words.columns(list(out.columns)))
