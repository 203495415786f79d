"""Where a figure comes from, in the reader's language: publisher, publication and edition, the sheet and CBS
column header it was read from (where the build recorded them), the year it describes, and a mark on figures
taken from a third party's transcription rather than a CBS original file.

Pure: the caller passes the observation (observations table: source_id, edition, year, sheet, cbs_header),
its source (sources table: publisher_<lang>, title_<lang>, transcribed) and the message templates
(ui/messages/<lang>/provenance.yml, keys in TEMPLATE_KEYS)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

TEMPLATE_KEYS = ("label", "label_transcribed", "publication", "sheet", "header", "year", "transcribed_mark",
                 "original_mark")
# Isolates: a Hebrew CBS header keeps its own direction inside English or Arabic text, and vice versa.
FSI, PDI = "\u2068", "\u2069"


@dataclass(frozen=True)
class Provenance:
    label: str  # the short text a card shows (with the mark when transcribed)
    lines: tuple[str, ...]  # the full provenance, one fact a line
    transcribed: bool


def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _isolated(text: str) -> str:
    return f"{FSI}{text}{PDI}"


def figure_provenance(observation: Mapping, source: Mapping, lang: str, words: Mapping[str, str]) -> Provenance:
    """The provenance of one figure in `lang`; the display texts of the source in that language."""
    transcribed = bool(source.get("transcribed", False))
    publisher = _text(source.get(f"publisher_{lang}")) or _text(source.get("publisher")) or ""
    title = _text(source.get(f"title_{lang}")) or _text(source.get("title")) or ""
    lines = [words["publication"].format(publisher=_isolated(publisher), title=_isolated(title),
                                         edition=int(observation["edition"]))]
    sheet = _text(observation.get("sheet"))
    if sheet:
        lines.append(words["sheet"].format(sheet=_isolated(sheet)))
    header = _text(observation.get("cbs_header"))
    if header:
        lines.append(words["header"].format(header=_isolated(header)))
    lines.append(words["year"].format(year=int(observation["year"])))
    edition = int(observation["edition"])
    lines.append(words["transcribed_mark" if transcribed else "original_mark"].format(edition=edition))
    label = words["label_transcribed" if transcribed else "label"].format(edition=edition)
    return Provenance(label=label, lines=tuple(lines), transcribed=transcribed)


def town_provenance(observations: pd.DataFrame, sources: pd.DataFrame, years: Mapping[str, int], lang: str,
                    words: Mapping[str, str]) -> dict[str, Provenance]:
    """Per indicator: the provenance of one town's figure of the given year (`observations` holds that town's
    rows; indicators without a year or without that year's figure are left out)."""
    by_source = {row["source_id"]: row for row in sources.to_dict("records")}
    wanted = pd.DataFrame([(i, y) for i, y in years.items() if y is not None], columns=["indicator_id", "year"])
    if wanted.empty:
        return {}
    rows = observations.merge(wanted.astype({"year": observations["year"].dtype}), on=["indicator_id", "year"])
    return {row["indicator_id"]: figure_provenance(row, by_source.get(row["source_id"], {}), lang, words)
            for row in rows.to_dict("records")}


def localised_sources(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The sources table with `publisher` and `title` in the reader's language (publisher_<lang>, title_<lang>),
    the register's own text where that language is missing: every exported file names its sources as the page
    does."""
    out = sources.copy()
    for field in ("publisher", "title"):
        column = f"{field}_{lang}"
        if column in out.columns:
            translated = out[column].where(out[column].astype("string").str.strip().fillna("") != "")
            out[field] = translated.fillna(out[field])
    return out
