"""The population-gap view as a document, in the reader's language: the indicator and area, three key figures
(the latest Arab median, the Jews-and-others median, the gap and how it moved), the gap per year, the towns of
the latest year against the reference median, the ranking of indicators by gap, and the sources. Built from
the page's tables (indicators/group_gaps.py); the words come from the message catalogues through `say`."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from indicators.downloads.gap_images import TownDot
from indicators.downloads.profile_document import Cover, SourceEntry
from indicators.formatting import format_gap, format_number, format_value, is_percent
from indicators.group_gaps import FIRST, SECOND, GapTrend
from indicators.provenance import localised_sources

RANKING_ROWS = 12  # the largest gaps fit one slide; the full ranking is in the app and its download
Say = Callable[..., str]  # translate(lang, key, **values) with the language bound


@dataclass(frozen=True)
class GapDocument(Cover):
    """title = "<indicator>: the gap"; subtitle names the area and the two groups."""
    indicator_id: str
    indicator_name: str
    # (figure name, a figure kept left-to-right, words after it, a line of detail): "38.6%" must not read "%38.6"
    # in Arabic, while "11.9 percentage points" must keep its words in the reader's order.
    key_figures: tuple[tuple[str, str, str, str], ...]
    sentences: tuple[str, ...]  # the page's headline in words
    gap_years: tuple[int, ...]
    gap_values: tuple[float, ...]
    gap_texts: tuple[str, ...]
    gap_axis: str
    towns_year: int
    towns: tuple[TownDot, ...]
    reference: float
    towns_axis: str
    ranking: tuple[tuple[str, ...], ...]  # header row, then the largest gaps
    ranking_current: int | None  # row of this view's indicator in `ranking`, if shown
    ranking_total: int
    sources: tuple[SourceEntry, ...]
    indicator_sources: tuple[int, ...]  # numbers (1-based) of the sources behind this indicator's figures
    decimals: int = 0
    unit: str = ""
    words: dict[str, str] = field(default_factory=dict)

    def value_text(self, value: float) -> str:
        return format_value(value, self.decimals, self.unit) or ""


def gap_text(value: float, decimals: int, unit: str, unit_label: str, say: Say,
             isolate: Callable[[str], str] = str) -> str:
    """The size of a gap: percentages differ by percentage points; other units are written out. `isolate`
    wraps the number (the page keeps it left to right inside Hebrew or Arabic markdown)."""
    number = isolate(format_number(abs(value), decimals))
    return say("population_gaps.points", value=number) if is_percent(unit) else f"{number} {unit_label}"


def _plain(text: str) -> str:
    """A page message without its markdown emphasis."""
    return text.replace("**", "")


def _sentences(trend: GapTrend, arab: str, jewish: str, gap: str, first_gap: str, direction: str,
               say: Say) -> tuple[str, ...]:
    lines = [say("population_gaps.headline_medians", year=trend.last_year, arab=arab, jewish=jewish, gap=gap)]
    if trend.behind:
        lines.append(say(f"population_gaps.behind_{trend.behind}"))
    if trend.movement:
        lines.append(say(f"population_gaps.movement_{trend.movement}", first=trend.first_year, last=trend.last_year,
                         first_gap=first_gap, last_gap=gap))
    if direction == "neutral":
        lines.append(say("population_gaps.neutral_note"))
    return tuple(_plain(line) for line in lines)


def ranking_rows(ranked: pd.DataFrame, indicator_names: Mapping[str, str], say: Say) -> tuple[tuple[str, ...], ...]:
    """The header and the RANKING_ROWS largest gaps, as the page's ranking table words them."""
    head = (say("common.indicator"), say("common.year"), say("population_gaps.col_gap_sd"),
            say("population_gaps.col_first_year"), say("population_gaps.col_change"),
            say("population_gaps.col_movement"), say("population_gaps.col_behind"))
    rows = [head]
    for r in ranked.head(RANKING_ROWS).itertuples():
        rows.append((indicator_names.get(r.indicator_id, r.indicator_id), str(r.year), f"{r.gap_sd:.2f}",
                     str(r.first_year), f"{r.gap_sd_change:+.2f}" if pd.notna(r.gap_sd_change) else "",
                     say(f"population_gaps.movement_word_{r.movement}") if isinstance(r.movement, str) else "",
                     say(f"population_gaps.behind_word_{r.behind}") if isinstance(r.behind, str) else ""))
    return tuple(rows)


def _source_entries(sources: pd.DataFrame, ids: Sequence[str], lang: str) -> tuple[SourceEntry, ...]:
    register = localised_sources(sources, lang).set_index("source_id")
    return tuple(SourceEntry(s, str(register.loc[s, "publisher"]), str(register.loc[s, "title"]),
                             str(register.loc[s, "edition"]), str(register.loc[s, "url"]))
                 for s in dict.fromkeys(ids) if s in register.index)


def build_gap_document(*, lang: str, rtl: bool, link: str, date: str, meta: Mapping, scope_label: str,
                       group_labels: tuple[str, str], unit_label: str, towns_unit_label: str, table: pd.DataFrame,
                       trend: GapTrend, towns: pd.DataFrame, names: Mapping[str, str], ranked: pd.DataFrame,
                       indicator_names: Mapping[str, str], sources: pd.DataFrame, indicator_source_ids: Sequence[str],
                       ranking_source_ids: Sequence[str], words: dict[str, str], say: Say) -> GapDocument:
    """table: gap_by_year's output (year-indexed); trend: gap_trend of it (its last_year must be set); towns:
    town_distances of the latest year; ranked: gap_ranking. unit_label: the trend's unit in words (with its
    price basis); towns_unit_label: the one year's. Sources: this indicator's first, then the ranking's."""
    decimals, unit = int(meta["decimals"]), meta["unit"]
    name = meta[f"name_{lang}"]

    def fmt(value) -> str:
        return format_value(value, decimals, unit) or say("common.no_data")

    latest = table.loc[trend.last_year]
    gap = gap_text(trend.last_gap, decimals, unit, unit_label, say)
    first_gap = gap_text(trend.first_gap, decimals, unit, unit_label, say)
    movement = say(f"population_gaps.movement_word_{trend.movement}") if trend.movement else ""
    since = f"{movement} ({trend.first_year}: {first_gap})" if movement else ""
    comma = "، " if lang == "ar" else ", "
    # A median's unit in words beside it (a percentage carries its own sign).
    median_unit = "" if is_percent(unit) else unit_label
    key_figures = (
        (f"{say('population_gaps.series_arab_median')}{comma}{trend.last_year}", fmt(latest[f"{FIRST}_median"]),
         median_unit, ""),
        (f"{say('population_gaps.series_jewish_median')}{comma}{trend.last_year}", fmt(latest[f"{SECOND}_median"]),
         median_unit, ""),
        (f"{say('population_gaps.gap_title')}{comma}{trend.last_year}", "", gap, since))
    gaps = table["gap"].dropna()
    entries = _source_entries(sources, [*indicator_source_ids, *ranking_source_ids], lang)
    numbers = {e.source_id: i for i, e in enumerate(entries, start=1)}
    shown = ranking_rows(ranked, indicator_names, say)
    current = next((i for i, r in enumerate(ranked.head(RANKING_ROWS).itertuples(), start=1)
                    if r.indicator_id == meta["indicator_id"]), None) if not ranked.empty else None
    order = {FIRST: 0, SECOND: 1}
    return GapDocument(
        lang=lang, rtl=rtl, title=say("population_gaps.headline_heading", indicator=name),
        subtitle=f"{scope_label}: {group_labels[0]} · {group_labels[1]}", link=link, date=date,
        indicator_id=meta["indicator_id"], indicator_name=name, key_figures=key_figures,
        sentences=_sentences(trend, fmt(latest[f"{FIRST}_median"]), fmt(latest[f"{SECOND}_median"]), gap, first_gap,
                             meta["direction"], say),
        gap_years=tuple(int(y) for y in gaps.index), gap_values=tuple(float(v) for v in gaps),
        gap_texts=tuple(format_gap(v, decimals, unit) or say("common.no_data") for v in gaps),
        gap_axis=say("population_gaps.gap_axis",
                     unit=say("population_gaps.gap_axis_points") if is_percent(unit) else unit_label),
        towns_year=int(trend.last_year),
        towns=tuple(TownDot(names.get(a, a), order[g], float(v))
                    for a, g, v in zip(towns["authority_id"], towns["group"], towns["value"], strict=True)),
        reference=float(towns["reference_median"].iloc[0]) if len(towns) else float("nan"),
        towns_axis=f"{name} ({towns_unit_label})", ranking=shown, ranking_current=current,
        ranking_total=len(ranked), sources=entries,
        indicator_sources=tuple(sorted({numbers[s] for s in indicator_source_ids if s in numbers})),
        decimals=decimals, unit=unit, words=words)


def gap_table_export(table: pd.DataFrame, indicator_id: str, indicator_name: str, unit_label: str) -> pd.DataFrame:
    """The page's gap table as a download: one row per year, the groups' medians, counts (and weighted
    figures), the gap, ratio and gap in standard deviations, in the trend's price basis (unit_label says it)."""
    out = table.reset_index(names="year")
    out["year"] = out["year"].astype(int)
    out.insert(0, "indicator_id", indicator_id)
    out.insert(1, "indicator", indicator_name)
    out.insert(2, "unit", unit_label)
    return out


def gap_words(say: Say, group_labels: tuple[str, str], towns_year: int) -> dict[str, str]:
    """Headings and labels of the gap view's documents in the reader's language (`ranking_shown` keeps its
    {shown} and {total} to be filled by the renderer)."""
    words = {k: say(f"downloads.{k}") for k in (
        "col_source", "edition", "sources_heading", "sources_note", "generated", "link_label", "key_figures",
        "no_data", "ranking_shown")}
    words |= {k: say(f"population_gaps.{k}") for k in (
        "gap_heading", "towns_caption", "ranking_heading", "ranking_caption", "reference_median")}
    return words | {"title_slide_subtitle": say("downloads.gap_slide_subtitle"),
                    "towns_heading": say("population_gaps.towns_heading", year=towns_year),
                    "legend_arab": group_labels[0], "legend_jewish": group_labels[1]}
