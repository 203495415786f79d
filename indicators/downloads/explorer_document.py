"""The indicator explorer's view as a document, in the reader's language: the indicator, area and year, four key
figures (the Negev and Israel medians, the best and worst authority shown — highest and lowest where neither
direction is better), the ranked figures of the year, the trend of the chosen towns with the medians, what the
indicator means and why its direction, and the sources. Built from the page's tables (indicators/explorer.py)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from indicators.downloads.gap_document import Say, _source_entries
from indicators.downloads.profile_document import Cover, SourceEntry
from indicators.formatting import format_value
from indicators.read_model import HIGHER_IS_BETTER, LOWER_IS_BETTER


@dataclass(frozen=True)
class TrendLine:
    label: str
    years: tuple[int, ...]
    values: tuple[float, ...]
    median: bool  # a benchmark (drawn dashed and black), not a town


@dataclass(frozen=True)
class ExplorerDocument(Cover):
    """title = "<indicator>, <year>"; subtitle names the area (and the dimension)."""
    indicator_id: str
    indicator_name: str
    year: int
    key_figures: tuple[tuple[str, str, str, str], ...]  # as GapDocument's: (name, figure, words after it, detail)
    description: str
    direction_reason: str
    ranked: tuple[tuple[str, float, str], ...]  # (authority, value, value as printed), rank 1 first
    highlight: str  # the highlighted authority's name ("" if none)
    bars_axis: str
    trend: tuple[TrendLine, ...]
    trend_axis: str
    sources: tuple[SourceEntry, ...]
    decimals: int = 0
    unit: str = ""
    words: dict[str, str] = field(default_factory=dict)

    def value_text(self, value: float) -> str:
        return format_value(value, self.decimals, self.unit) or ""


def _extremes(direction: str) -> tuple[str, str]:
    """The words for rank 1 and the last rank: best and worst only where the indicator has a better side."""
    return ("best", "worst") if direction in (HIGHER_IS_BETTER, LOWER_IS_BETTER) else ("highest", "lowest")


def key_figures(ranked: pd.DataFrame, medians: Mapping[str, float | None], year: int, direction: str,
                names: Mapping[str, str], fmt, median_unit: str, comma: str,
                say: Say) -> tuple[tuple[str, str, str, str], ...]:
    """The two medians, then the first and the last authority of the year's ranking (with their names)."""
    figures = [(f"{say(f'indicator_explorer.{k}_median')}{comma}{year}", fmt(medians[k]), median_unit, "")
               for k in ("negev", "israel")]
    if not ranked.empty:
        first, last = _extremes(direction)
        for word, row in ((first, ranked.iloc[0]), (last, ranked.iloc[-1])):
            figures.append((f"{say(f'downloads.explorer_{word}')}{comma}{year}", fmt(row["value"]), median_unit,
                            names.get(row["authority_id"], row["authority_id"])))
    return tuple(figures)


def trend_lines(trend: pd.DataFrame, medians: Sequence[str]) -> tuple[TrendLine, ...]:
    """read_model.trend_frame's rows as one line per series, in its order; `medians` names the benchmarks."""
    lines = []
    for label, rows in trend.groupby("series", sort=False):
        rows = rows.sort_values("year")
        lines.append(TrendLine(str(label), tuple(int(y) for y in rows["year"]), tuple(float(v) for v in rows["value"]),
                               label in set(medians)))
    return tuple(lines)


def build_explorer_document(*, lang: str, rtl: bool, link: str, date: str, meta: Mapping, year: int,
                            scope_label: str, dimension_label: str, ranked: pd.DataFrame,
                            medians: Mapping[str, float | None], names: Mapping[str, str], highlight: str | None,
                            trend: pd.DataFrame, medians_labels: Sequence[str], trend_axis: str,
                            sources: pd.DataFrame, source_ids: Sequence[str], say: Say) -> ExplorerDocument:
    """ranked: explorer.year_table; medians: explorer.reference_medians; trend: read_model.trend_frame in the
    page's price basis (trend_axis says it)."""
    decimals, unit, unit_label = int(meta["decimals"]), meta["unit"], meta[f"unit_{lang}"]
    name = meta[f"name_{lang}"]

    def fmt(value) -> str:
        return format_value(value, decimals, unit) or say("common.no_data")

    median_unit = "" if unit.startswith("percent") else unit_label  # a percentage carries its own sign
    comma = "، " if lang == "ar" else ", "
    return ExplorerDocument(
        lang=lang, rtl=rtl, title=f"{name}{comma}{year}", subtitle=f"{scope_label} · {dimension_label}", link=link,
        date=date, indicator_id=meta["indicator_id"], indicator_name=name, year=int(year),
        key_figures=key_figures(ranked, medians, year, meta["direction"], names, fmt, median_unit, comma, say),
        description=str(meta[f"description_{lang}"]), direction_reason=str(meta[f"direction_reason_{lang}"]),
        ranked=tuple((names.get(a, a), float(v), fmt(v)) for a, v in zip(ranked["authority_id"], ranked["value"],
                                                                          strict=True)),
        highlight=names.get(highlight, "") if highlight else "", bars_axis=f"{name} ({unit_label})",
        trend=trend_lines(trend, medians_labels), trend_axis=trend_axis,
        sources=_source_entries(sources, list(source_ids), lang), decimals=decimals, unit=unit,
        words=explorer_words(say, year))


def explorer_words(say: Say, year: int) -> dict[str, str]:
    """Headings and labels of the explorer's documents in the reader's language."""
    words = {k: say(f"downloads.{k}") for k in (
        "col_source", "edition", "sources_heading", "sources_note", "generated", "link_label", "key_figures",
        "no_data")}
    return words | {"title_slide_subtitle": say("downloads.explorer_slide_subtitle"),
                    "bars_heading": say("indicator_explorer.chart_heading", year=year),
                    "trend_heading": say("indicator_explorer.trend_heading"),
                    "trend_caption": say("indicator_explorer.trend_caption"),
                    "direction_reason_label": say("indicator_explorer.direction_reason_label")}
