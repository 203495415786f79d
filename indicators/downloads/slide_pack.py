"""Slide packs (.pptx, python-pptx): a title slide, one slide per dimension with a chart image and three
key figures, and a sources slide. Hebrew and Arabic paragraphs are marked right-to-left (a:pPr rtl="1")
and right-aligned, so PowerPoint and LibreOffice lay them out as they are read."""
from __future__ import annotations

import io
from dataclasses import dataclass

from indicators.downloads.bar_image import Bar, BarGroup, bar_groups_png
from indicators.downloads.profile_document import Cover, ProfileDocument, SourceEntry
from indicators.provenance import localised_sources

KEY_FIGURES = 3
SLIDE_W, SLIDE_H = 13.333, 7.5  # inches, 16:9
FONT = "Arial"  # present wherever PowerPoint runs, with Hebrew and Arabic; LibreOffice substitutes its own


@dataclass(frozen=True)
class SlideContent:
    title: str
    groups: tuple[BarGroup, ...]
    key_figures: tuple[tuple[str, str], ...]  # (figure name, its line of numbers)
    footer: str
    image: bytes | None = None  # a chart drawn elsewhere (PNG), in place of the bar groups
    table: tuple[tuple[str, ...], ...] = ()  # a header row, then rows; drawn in place of a chart
    note: str = ""  # one line under the title saying how to read the slide
    bold_rows: frozenset[int] = frozenset()  # table rows to pick out (e.g. the indicator of the view)


@dataclass(frozen=True)
class SlidePack(Cover):
    slides: tuple[SlideContent, ...]
    sources: tuple[str, ...]
    words: dict[str, str]


def town_pack(doc: ProfileDocument) -> SlidePack:
    """The town profile's headline figures as slides: the first three of each dimension."""
    w = doc.words
    slides = []
    for section in doc.sections:
        rows = section.rows[:KEY_FIGURES]
        groups = tuple(BarGroup(r.name, (Bar(w["legend_town"], r.value, r.value_text or w["no_data"]),
                                         Bar(w["legend_negev"], r.negev, r.negev_text or w["no_data"]),
                                         Bar(w["legend_peers"], r.peers, r.peers_text or w["no_data"])))
                       for r in rows)
        figures = tuple((f"{r.name} ({r.unit})", figure_line(r, w, doc.rtl)) for r in rows)
        numbers = sorted({r.source_number for r in rows if r.source_number})
        footer = f"{w['col_source']}: " + ", ".join(f"[{n}]" for n in numbers) if numbers else ""
        slides.append(SlideContent(section.title, groups, figures, footer))
    return SlidePack(lang=doc.lang, rtl=doc.rtl, title=doc.title, subtitle=doc.subtitle, link=doc.link,
                     date=doc.date, slides=tuple(slides), sources=source_lines(doc.sources, w), words=w)


def source_lines(entries, words: dict[str, str]) -> tuple[str, ...]:
    """The sources slide's lines: "[1] publisher, title, edition 2021 — URL"."""
    return tuple(f"[{i}] {s.publisher}, {s.title}, {words['edition']} {s.edition} — {s.url}"
                 for i, s in enumerate(entries, start=1))


def ltr(text: str, rtl: bool) -> str:
    """A figure kept left-to-right inside a right-to-left paragraph (LRE … PDF, which PowerPoint and
    LibreOffice both honour): else Arabic text shows "38.6%" as "%38.6"."""
    return f"\u202a{text}\u202c" if rtl else text


def figure_line(row, w: dict[str, str], rtl: bool) -> str:
    """"56.9% · Data year 2019 · Negev median 38.6% · Peer-group median 54.4%"."""
    value = ltr(row.value_text, rtl) if row.value_text else (row.missing_reason or w["no_data"])
    parts = [value]
    if row.year:
        parts.append(f"{w['col_year']} {row.year}")
    for key, text in (("legend_negev", row.negev_text), ("legend_peers", row.peers_text)):
        parts.append(f"{w[key]} {ltr(text, rtl) if text else w['no_data']}")
    return " · ".join(parts)


def _paragraph(paragraph, text: str, rtl: bool, size: int, bold: bool = False, colour: str | None = None) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    paragraph.alignment = PP_ALIGN.RIGHT if rtl else PP_ALIGN.LEFT
    if bold and size <= 16:  # a key figure's name: a little air above it
        paragraph.space_before = Pt(8)
    if rtl:
        paragraph._p.get_or_add_pPr().set("rtl", "1")
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    # Hebrew and Arabic are "complex script" text to Office: it takes their font from a:cs.
    r_pr = run._r.get_or_add_rPr()
    cs = r_pr.makeelement("{http://schemas.openxmlformats.org/drawingml/2006/main}cs", {"typeface": FONT})
    r_pr.append(cs)


def _text_box(slide, left: float, top: float, width: float, height: float, lines, rtl: bool) -> None:
    """lines: (text, size, bold, colour) one paragraph each."""
    from pptx.util import Inches

    frame = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height)).text_frame
    frame.word_wrap = True
    for i, (text, size, bold, colour) in enumerate(lines):
        _paragraph(frame.paragraphs[0] if i == 0 else frame.add_paragraph(), text, rtl, size, bold, colour)


def pptx_bytes(pack: SlidePack) -> bytes:
    from pptx import Presentation  # heavy: loaded only when a slide pack is asked for
    from pptx.util import Inches

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    blank = deck.slide_layouts[6]
    w, rtl = pack.words, pack.rtl
    footer = f"{w['link_label']}: {pack.link}"

    title = deck.slides.add_slide(blank)
    _text_box(title, 0.8, 2.0, SLIDE_W - 1.6, 3.5, [
        (pack.title, 40, True, "222222"), (pack.subtitle, 20, False, "444444"),
        (w["title_slide_subtitle"], 18, False, "0072B2"), (f"{w['generated']} {pack.date}", 14, False, "666666"),
        (footer, 12, False, "666666")], rtl)

    for content in pack.slides:
        _content_slide(deck.slides.add_slide(blank), pack, content, footer)

    sources = deck.slides.add_slide(blank)
    size = 12 if len(pack.sources) <= 8 else 9  # a long list (every edition of a series) still fits the slide
    _text_box(sources, 0.5, 0.3, SLIDE_W - 1.0, 0.9, [(w["sources_heading"], 28, True, "222222")], rtl)
    _text_box(sources, 0.5, 1.4, SLIDE_W - 1.0, 5.2,
              [(line, size, False, "222222") for line in pack.sources] + [(w["sources_note"], size, False, "444444"),
                                                                          (footer, size, False, "666666")], rtl)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _content_slide(slide, pack: SlidePack, content: SlideContent, footer: str) -> None:
    """Title, then key figures beside the chart (on the reading side), or a chart or table across the slide."""
    w, rtl = pack.words, pack.rtl
    heading = f"{pack.title} — {content.title}"
    _text_box(slide, 0.5, 0.3, SLIDE_W - 1.0, 0.9, [(heading, title_size(heading), True, "222222")], rtl)
    top = 1.4
    if content.note:
        _text_box(slide, 0.5, 1.05, SLIDE_W - 1.0, 0.5, [(content.note, 12, False, "555555")], rtl)
        top = 1.6
    chart_left, chart_w = 0.5, SLIDE_W - 1.0
    if content.key_figures:
        text_left, chart_left, chart_w = (SLIDE_W - 0.5 - 5.0, 0.5, 6.8) if rtl else (0.5, 6.0, 6.8)
        figures = [(w["key_figures"], 16, True, "0072B2")]
        for name, line in content.key_figures:
            figures += [(name, 14, True, "222222"), (line, 13, False, "444444")]
        _text_box(slide, text_left, top, 5.0, 5.0, figures, rtl)
    image = content.image
    if image is None and content.groups:
        image = bar_groups_png(list(content.groups), pack.lang, rtl)
    if image is not None:
        _picture(slide, image, chart_left, top, chart_w, SLIDE_H - top - 0.9, centre=not content.key_figures)
    if content.table:
        _table(slide, content.table, rtl, 0.5, top, SLIDE_W - 1.0, content.bold_rows)
    _text_box(slide, 0.5, SLIDE_H - 0.8, SLIDE_W - 1.0, 0.6,
              [(content.footer, 10, False, "666666"), (footer, 10, False, "666666")], rtl)


TABLE_FONT, TABLE_FONT_LONG = 12, 10  # points; a long table (the gap ranking's 13 rows) in the smaller size
TABLE_ROW, TABLE_ROW_LONG = 0.34, 0.28  # inches per row


def title_size(text: str) -> int:
    """Points for a slide's title line: a long "indicator — part" title stays on one line instead of wrapping
    into the note below it (28 pt holds about 55 characters across the slide)."""
    return 28 if len(text) <= 55 else 24 if len(text) <= 66 else 20


def table_columns(rows: tuple[tuple[str, ...], ...], rtl: bool) -> tuple[tuple[str, ...], ...]:
    """The columns in the order they are drawn from the left: in Hebrew and Arabic the first column (the
    indicator) is drawn on the right. Reordered here, not with a:tblPr rtl, which LibreOffice ignores."""
    return tuple(tuple(reversed(row)) for row in rows) if rtl else rows


def _table(slide, rows: tuple[tuple[str, ...], ...], rtl: bool, left: float, top: float, width: float,
           bold_rows: frozenset[int]) -> None:
    """A plain table whose first column is on the reading side (table_columns)."""
    from pptx.util import Inches, Pt

    long = len(rows) > 9
    size, row_h = (TABLE_FONT_LONG, TABLE_ROW_LONG) if long else (TABLE_FONT, TABLE_ROW)
    drawn = table_columns(rows, rtl)
    count = len(rows[0])
    shape = slide.shapes.add_table(len(rows), count, Inches(left), Inches(top), Inches(width),
                                   Inches(row_h * len(rows)))
    table = shape.table
    first = width * 0.30  # the indicator's name takes almost a third; the figures share the rest
    name_column = count - 1 if rtl else 0
    for i in range(count):
        table.columns[i].width = Inches(first if i == name_column else (width - first) / (count - 1))
    for r, row in enumerate(drawn):
        table.rows[r].height = Inches(row_h)
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            paragraph = cell.text_frame.paragraphs[0]
            if text:  # an empty run would be drawn at LibreOffice's default 18 pt, making its row taller
                _paragraph(paragraph, text, rtl, size, bold=r == 0 or r in bold_rows)
            paragraph.space_before = Pt(0)
            # An empty cell's line takes its height from the paragraph's end mark, not from its (empty) run.
            paragraph._p.get_or_add_endParaRPr().set("sz", str(size * 100))


def _picture(slide, png: bytes, left: float, top: float, max_w: float, max_h: float, centre: bool = False) -> None:
    """The image as large as fits the box, its proportions kept (centred across the box when asked)."""
    from PIL import Image
    from pptx.util import Inches

    width, height = Image.open(io.BytesIO(png)).size
    scale = min(max_w / width, max_h / height)
    if centre:
        left += (max_w - width * scale) / 2
    slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top), Inches(width * scale), Inches(height * scale))


def comparison_pack(**arguments) -> SlidePack:
    """Several towns side by side: per dimension, each key figure as one bar per town (its latest year,
    written beside the value, since towns' latest years can differ). Arguments: as comparison_content's."""
    return comparison_content(**arguments)[0]


def comparison_content(*, lang: str, rtl: bool, town_names: dict[str, str], cards: dict[str, dict],
                       indicators, town_values: dict[str, object], sources, headline: dict[str, list[str]],
                       dimension_titles: dict[str, str], words: dict[str, str], link: str,
                       date: str) -> tuple[SlidePack, tuple[SourceEntry, ...]]:
    """The comparison's slides and its sources (the PDF lists them as the other documents do).

    cards: town -> indicator_id -> Card; town_values: town -> its observations (indicator_id, year, source_id)."""
    from indicators.formatting import format_value

    metas = indicators.set_index("indicator_id", drop=False)
    register = localised_sources(sources, lang).set_index("source_id")
    numbers: dict[str, int] = {}
    slides = []
    for dimension, ids in headline.items():
        groups, figures, used = [], [], set()
        for indicator_id in ids[:KEY_FIGURES]:
            meta = metas.loc[indicator_id]
            name = meta[f"name_{lang}"]
            bars, parts = [], []
            for town, label in town_names.items():
                card = cards[town].get(indicator_id)
                text = format_value(card.value, int(meta["decimals"]), meta["unit"]) if card else None
                year = f" ({card.year})" if card is not None and card.year else ""
                bars.append(Bar(label, card.value if card else None, f"{text}{year}" if text else words["no_data"]))
                parts.append(f"{label} {ltr(text + year, rtl) if text else words['no_data']}")  # year with its figure
                if card is not None and card.year is not None:
                    values = town_values[town]
                    match = values[(values["indicator_id"] == indicator_id) & (values["year"] == card.year)]
                    for source_id in match["source_id"]:
                        if source_id in register.index:
                            used.add(numbers.setdefault(source_id, len(numbers) + 1))
            groups.append(BarGroup(name, tuple(bars)))
            figures.append((f"{name} ({meta[f'unit_{lang}']})", " · ".join(parts)))
        footer = f"{words['col_source']}: " + ", ".join(f"[{n}]" for n in sorted(used)) if used else ""
        slides.append(SlideContent(dimension_titles.get(dimension, dimension), tuple(groups), tuple(figures), footer))
    entries = tuple(SourceEntry(s, str(register.loc[s, "publisher"]), str(register.loc[s, "title"]),
                                str(register.loc[s, "edition"]), str(register.loc[s, "url"])) for s in numbers)
    pack = SlidePack(lang=lang, rtl=rtl, title=words["compare_title"], subtitle="", link=link, date=date,
                     slides=tuple(slides), sources=source_lines(entries, words), words=words)
    return pack, entries


def town_pptx(doc: ProfileDocument) -> bytes:
    """The town's slide pack as bytes (a module-level function, so the file worker can run it)."""
    return pptx_bytes(town_pack(doc))


def comparison_pptx(arguments: dict) -> bytes:
    """The comparison's slide pack as bytes, from comparison_pack's keyword arguments."""
    return pptx_bytes(comparison_pack(**arguments))
