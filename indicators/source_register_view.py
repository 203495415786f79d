"""The source register as readers see it: the table the methods page shows, each series' publishers and
licences in short, and which reuse terms were not re-checked."""
from __future__ import annotations

import re

import pandas as pd

# The source register writes this while CBS's reuse terms have not been re-checked against the live site.
UNCHECKED_LICENCE_MARK = "not re-checked"
DISPLAYED = ("publisher", "title", "licence")  # shown in the reader's language


def short_sha(sha256: str, length: int = 12) -> str:
    return f"{sha256[:length]}…" if isinstance(sha256, str) and len(sha256) > length else sha256


def _distinct_parts(texts, pattern: str, joiner: str) -> str:
    """The distinct pieces of several texts, in first-seen order (the files of one series repeat the same
    licence and publisher; the 2022 transcription adds its own sentence)."""
    parts = [p.strip() for text in texts for p in re.split(pattern, str(text)) if p.strip()]
    return joiner.join(dict.fromkeys(parts))


def display_column(sources: pd.DataFrame, field: str, lang: str | None) -> str:
    """`publisher`, `title` or `licence` in the reader's language (sources.<field>_<lang>, from the register's
    `display:`); the register's own text when no language is asked for or the column is absent."""
    column = f"{field}_{lang}"
    return column if lang and column in sources.columns else field


def series_licences(sources: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    column = display_column(sources, "licence", lang)
    return {series: _distinct_parts(group[column].dropna(), r"(?<=\.)\s+", " ")
            for series, group in sources.groupby("series", sort=False)}


def series_publishers(sources: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    column = display_column(sources, "publisher", lang)
    return {series: _distinct_parts(group[column].dropna(), r"[;؛]\s+", "؛ " if lang == "ar" else "; ")
            for series, group in sources.groupby("series", sort=False)}


def sources_register(sources: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The register as shown: every column, plus the shortened checksum (the CSV keeps the full one);
    publisher, title and licence in the reader's language when `lang` is given."""
    columns = ["source_id", "series", "publisher", "title", "edition", "url", "licence", "obtained", "path", "sha256"]
    register = pd.DataFrame({c: sources[display_column(sources, c, lang) if c in DISPLAYED else c] for c in columns})
    register.insert(register.columns.get_loc("sha256"), "sha256_short", register["sha256"].map(short_sha))
    return register.sort_values(["series", "edition"], kind="stable").reset_index(drop=True)


def unchecked_licences(sources: pd.DataFrame) -> list[str]:
    """Sources whose reuse terms the register says were not re-checked (the page says so until they are)."""
    mask = sources["licence"].fillna("").str.contains(UNCHECKED_LICENCE_MARK, regex=False)
    return sources.loc[mask, "source_id"].tolist()


def distinct_publishers(publishers: pd.Series) -> str:
    """Publishers once each; one that another extends (CBS, and "CBS; copy transcribed by …") goes."""
    names = sorted(set(publishers), key=len, reverse=True)
    kept = [n for i, n in enumerate(names) if not any(longer.startswith(n) for longer in names[:i])]
    return "; ".join(sorted(kept))
