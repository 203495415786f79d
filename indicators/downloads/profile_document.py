"""The content of a printed town profile (PDF) or slide pack, in the reader's language: the headline
figures per dimension with their data year, Negev and peer-group medians and source, and the sources
list. Built from the profile's cards; the words come from the message catalogues (passed in)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from indicators.formatting import format_value
from indicators.prices import for_price_basis
from indicators.profile import Card
from indicators.provenance import localised_sources


@dataclass(frozen=True)
class FigureRow:
    """One headline figure: formatted texts for reading, raw numbers for drawing bars and trends."""

    indicator_id: str
    name: str
    unit: str
    value_text: str | None
    year: int | None
    negev_text: str | None
    peers_text: str | None
    value: float | None
    negev: float | None
    peers: float | None
    source_number: int | None  # position in the document's sources list (1-based)
    missing_reason: str | None = None
    trend: tuple[tuple[int, float], ...] = ()


@dataclass(frozen=True)
class Section:
    dimension: str
    title: str
    rows: tuple[FigureRow, ...]


@dataclass(frozen=True)
class SourceEntry:
    source_id: str
    publisher: str
    title: str
    edition: str
    url: str


@dataclass(frozen=True)
class Cover:
    """What every exported document opens with: language, direction, title, subtitle, the link back, the date."""
    lang: str
    rtl: bool
    title: str
    subtitle: str
    link: str
    date: str


@dataclass(frozen=True)
class ProfileDocument(Cover):
    """A town profile: its cover (title = the town's name), sections per dimension, sources and map."""
    sections: tuple[Section, ...]
    sources: tuple[SourceEntry, ...]
    words: dict[str, str] = field(default_factory=dict)  # headings and labels in the reader's language
    map_svg: str | None = None
    peer_names: tuple[str, ...] = ()


def _source_of(town_values: pd.DataFrame) -> dict[tuple[str, int], str]:
    """(indicator_id, year) -> source_id of the town's figure."""
    return {(i, int(y)): s for i, y, s in zip(town_values["indicator_id"], town_values["year"],
                                               town_values["source_id"], strict=True)}


def constant_trend(trend: tuple[tuple[int, float], ...], unit: str,
                   price_index: pd.DataFrame | None) -> tuple[tuple[int, float], ...]:
    """A card's (year, value) trend, shekel amounts in the index's base-year prices when an index is given."""
    if price_index is None or not trend:
        return tuple(trend)
    frame = for_price_basis(pd.DataFrame(trend, columns=["year", "value"]), unit, "constant", price_index)
    return tuple(zip(frame["year"].astype(int), frame["value"].astype(float), strict=True))


def figure_row(card: Card, meta: dict, lang: str, source_number: int | None, reasons: dict[str, str],
               price_index: pd.DataFrame | None = None) -> FigureRow:
    """price_index: draw shekel trends in constant prices (None: as published)."""
    decimals, unit = int(meta["decimals"]), meta["unit"]
    return FigureRow(
        indicator_id=card.indicator_id, name=meta[f"name_{lang}"], unit=meta[f"unit_{lang}"],
        value_text=format_value(card.value, decimals, unit), year=card.year,
        negev_text=format_value(card.negev_median, decimals, unit),
        peers_text=format_value(card.peer_median, decimals, unit),
        value=card.value, negev=card.negev_median, peers=card.peer_median, source_number=source_number,
        missing_reason=None if card.value is not None else reasons.get(card.gap_reason or "", reasons.get("", "")),
        trend=constant_trend(card.trend, unit, price_index))


def build_document(*, lang: str, rtl: bool, town_name: str, subtitle: str, link: str, date: str,
                   cards: dict[str, Card], indicators: pd.DataFrame, town_values: pd.DataFrame,
                   sources: pd.DataFrame, headline: dict[str, list[str]], dimension_titles: dict[str, str],
                   words: dict[str, str], reasons: dict[str, str], map_svg: str | None = None,
                   peer_names: tuple[str, ...] = (), price_index: pd.DataFrame | None = None) -> ProfileDocument:
    """reasons: gap reason code -> words ("" -> the words for a figure never published); price_index: draw
    shekel trends in its base year's prices."""
    metas = indicators.set_index("indicator_id", drop=False)
    source_of = _source_of(town_values)
    register = localised_sources(sources, lang).set_index("source_id")
    numbers: dict[str, int] = {}
    sections = []
    for dimension, ids in headline.items():
        rows = []
        for indicator_id in ids:
            if indicator_id not in cards:
                continue
            card = cards[indicator_id]
            source_id = source_of.get((indicator_id, int(card.year))) if card.year is not None else None
            if source_id is not None and source_id in register.index:
                numbers.setdefault(source_id, len(numbers) + 1)
            rows.append(figure_row(card, metas.loc[indicator_id].to_dict(), lang, numbers.get(source_id), reasons,
                                   price_index))
        sections.append(Section(dimension, dimension_titles.get(dimension, dimension), tuple(rows)))
    entries = tuple(SourceEntry(s, str(register.loc[s, "publisher"]), str(register.loc[s, "title"]),
                                str(register.loc[s, "edition"]), str(register.loc[s, "url"])) for s in numbers)
    return ProfileDocument(lang=lang, rtl=rtl, title=town_name, subtitle=subtitle, link=link, date=date,
                           sections=tuple(sections), sources=entries, words=words, map_svg=map_svg,
                           peer_names=tuple(peer_names))
