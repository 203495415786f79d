"""Extract the CBS physical & population sheet (editions 2013-2022) into figures, gaps and the columns read.

Which column holds which figure, per edition, is declared in data/mappings/cbs_physical.yml; this module only
follows it. Data-year convention: `year` is the year the figure describes - the sheet's year band (banded
layout, 2016-2021), the year written in the header (split layout, 2013-2015, given explicitly in the mapping and
checked against the header) or the year inferred for the 2022 transcription (stated in the mapping).
`edition` is the publication year of the file.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from indicators.build.authority_kinds import family_of_status
from indicators.build.cbs_cells import authority_code, clean_cell, column_letter, normalise_header, read_sheet_rows
from indicators.build.cbs_physical_layouts import (
    CODE_HEADER,
    KIND_HEADER,
    banded_columns,
    find_banded_column,
    find_header_row,
    find_prefixed_column,
    find_split_column,
    update_year,
)
from indicators.build.cbs_years import parse_band_year, years_in_header
from indicators.build.layout_errors import LayoutError, Where
from indicators.build.mapping_files import Keys, load_mapping, require_keys, require_one_of
from indicators.build.records import ColumnRead, Extracted, RecordCollector
from indicators.build.transcription import read_transcription, transcribed_cell
from indicators.settings import MAPPINGS_DIR, RAW_DIR, authority_id

MAPPING_FILE = MAPPINGS_DIR / "cbs_physical.yml"
_EDITION_KEYS = {"split": ["sheets"], "banded": ["sheet"], "transcription": []}
# What a "-" (or an empty cell) can stand for in a column, when it is not CBS's general "nil": `nil_means` on
# the field (docs/research/issue-8-cbs-headers.md). below_threshold: CBS prints a population share only from 4 %
# (§1); not_available: suppression printed as "-" instead of ".." (entry to higher education, 2018, §5);
# zero: a real nil, stored as 0 - only "-" (and the 2022 transcription's 0 that stands for it), never a blank
# (dwellings, failed water samples, farm water: §6, §7, §9).
NIL_MEANINGS = ("below_threshold", "not_available", "zero")
NIL_REASONS = ("nil_or_not_applicable", "blank")
_ENTRY_KEYS = {  # layout -> (required, optional) keys of one field's entry
    "split": (["header", "year"], ["scale", "year_basis", "unit_note"]),
    "banded": (["header"], ["sub", "year", "year_basis", "scale", "unit_note"]),
    "transcription": (["header", "year", "year_basis"], ["scale"]),
}


def check_mapping(raw: dict, keys: Keys) -> None:
    """Each edition's layout keys and each field entry's keys, per layout."""
    for edition, cfg in raw["editions"].items():
        require_one_of(cfg.get("layout"), _EDITION_KEYS, keys / "editions" / edition / "layout")
        require_keys(cfg, keys / "editions" / edition, ["layout", "source_id", "file", *_EDITION_KEYS[cfg["layout"]]])
    for field_id, field in raw["fields"].items():
        require_keys(field, keys / "fields" / field_id, ["editions"], ["description", "zero_is_gap", "nil_means"])
        if "nil_means" in field:
            require_one_of(field["nil_means"], NIL_MEANINGS, keys / "fields" / field_id / "nil_means")
        for edition, entry in field["editions"].items():
            layout, where = raw["editions"][edition]["layout"], keys / "fields" / field_id / "editions" / edition
            specs = {}
            if entry is not None and layout == "split":
                require_keys(entry, where, [], ["la", "rc"])
                specs = {where / family: spec for family, spec in entry.items() if spec is not None}
            elif entry is not None:
                specs = {where: entry}
            for spec_keys, spec in specs.items():
                require_keys(spec, spec_keys, *_ENTRY_KEYS[layout])


class _Located(NamedTuple):
    field_id: str
    index: int
    year: int
    scale: float


class _Edition:
    """One edition being read: where its figures go, and how a cell becomes a figure or a gap."""

    def __init__(self, edition: int, cfg: dict, raw_dir: Path, zero_gaps: dict[str, str], nil_means: dict[str, str],
                 out: RecordCollector):
        self.edition, self.source_id, self.path = edition, cfg["source_id"], raw_dir / cfg["file"]
        self.zero_gaps, self.out = zero_gaps, out  # zero_gaps: field_id -> reason for a 0 that is no figure
        self.nil_means = nil_means  # field_id -> what CBS's "-" (and an empty cell) means in that column

    def located(self, field_id: str, where: Where, index: int, year: int, spec: dict, header: str,
                sub: str | None = None, band: str | None = None) -> _Located:
        self.out.add_column(ColumnRead(field_id, self.edition, self.source_id, where.file, where.sheet,
                                       column_letter(index), header, sub or None, band or None, year))
        return _Located(field_id, index, year, spec.get("scale", 1))

    def add(self, aid: str, column: _Located, value: float | None, reason: str | None) -> None:
        if value == 0 and column.field_id in self.zero_gaps:
            value, reason = None, self.zero_gaps[column.field_id]
        if value is None and column.field_id in self.nil_means:
            value, reason = nil_as_declared(self.nil_means[column.field_id], reason)
        if value is None:
            self.out.add_gap(aid, column.field_id, column.year, self.edition, reason, self.source_id)
        else:
            scaled = value * column.scale if column.scale == 1 else round(value * column.scale, 6)  # thousands
            self.out.add_value(aid, column.field_id, column.year, self.edition, scaled, self.source_id)


def nil_as_declared(meaning: str, reason: str) -> tuple[float | None, str | None]:
    """A gap read through the field's `nil_means`: (0.0, None) for a "-" that is a real zero, otherwise the gap
    with the declared reason for "-" and blanks; other gaps ("..") unchanged."""
    if meaning == "zero":
        return (0.0, None) if reason == "nil_or_not_applicable" else (None, reason)
    return None, meaning if reason in NIL_REASONS else reason


def _specs(mapping: dict, edition: int) -> dict:
    """field_id -> this edition's mapping entry, leaving out fields declared absent (null)."""
    return {fid: field["editions"][edition] for fid, field in mapping["fields"].items() if field["editions"][edition]}


def _split_year(spec: dict, where: Where) -> int:
    """Year of a split-layout column: explicit in the mapping, and consistent with any year in the header."""
    year, written = int(spec["year"]), years_in_header(spec["header"])
    if written and year not in written:
        raise LayoutError(where, f"year {year} is not among the years {sorted(written)} in {spec['header']!r}")
    if not written and not spec.get("year_basis"):
        raise LayoutError(where, f"header {spec['header']!r} has no year; the mapping must give year_basis")
    return year


def _extract_split(ed: _Edition, cfg: dict, specs: dict) -> None:
    for family, sheet in cfg["sheets"].items():
        where = Where(ed.path.name, sheet)
        rows = read_sheet_rows(ed.path, sheet)
        head = find_header_row(rows, where)
        cells = rows[head]
        code_i = find_prefixed_column(cells, CODE_HEADER, where)
        kind_i = find_prefixed_column(cells, KIND_HEADER, where)
        located = []
        for field_id, by_family in specs.items():
            spec = by_family.get(family)
            if spec:
                index = find_split_column(cells, normalise_header(spec["header"]), where)
                located.append(ed.located(field_id, where, index, _split_year(spec, where), spec,
                                          normalise_header(cells[index])))
        for row in rows[head + 1:]:
            code = authority_code(row[code_i])
            if code is None:
                continue  # totals, footnotes and the legend below the table
            if family_of_status(row[kind_i], where) != family:
                raise LayoutError(where, f"code {code} has status {row[kind_i]!r}, not a {family} authority")
            for column in located:
                ed.add(authority_id(family, code), column, *clean_cell(row[column.index]))


def _band_text(cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return normalise_header(cell)


def _banded_year(column, spec: dict, update: int, where: Where) -> int:
    """Band year of a column; an explicit mapping year may only stand in for a blank band."""
    if "year" in spec:
        if normalise_header(column.band):
            raise LayoutError(where, f"{spec['header']!r} has band {column.band!r}; mapping year not allowed")
        return int(spec["year"])
    return parse_band_year(column.band, update)


def _extract_banded(ed: _Edition, cfg: dict, specs: dict) -> None:
    where = Where(ed.path.name, cfg["sheet"])
    rows = read_sheet_rows(ed.path, cfg["sheet"])
    head = find_header_row(rows, where)
    update = update_year(rows, head - 1, where)
    columns = banded_columns(rows, head)
    code_i = find_banded_column(columns, CODE_HEADER, "", where).index
    kind_i = find_banded_column(columns, KIND_HEADER, "", where).index
    located = []
    for field_id, spec in specs.items():
        column = find_banded_column(columns, normalise_header(spec["header"]), normalise_header(spec.get("sub")),
                                    where)
        located.append(ed.located(field_id, where, column.index, _banded_year(column, spec, update, where), spec,
                                  column.header, column.sub, _band_text(column.band)))
    for row in rows[head + 2:]:
        code = authority_code(row[code_i])
        if code is None:
            continue
        aid = authority_id(family_of_status(row[kind_i], where), code)
        for column in located:
            ed.add(aid, column, *clean_cell(row[column.index]))


def transcribed_figure(text: str) -> tuple[float | None, str | None]:
    """The transcription wrote CBS '-' (nil) as 0, so a zero cannot be told from '-': zeros are kept as nil gaps
    (CBS itself prints '-' rather than 0 for nil counts and shares)."""
    value, reason = clean_cell(transcribed_cell(text))
    return (None, "nil_or_not_applicable") if value == 0 else (value, reason)


def _extract_transcription(ed: _Edition, cfg: dict, specs: dict) -> None:
    table = read_transcription(ed.path)
    located = []
    for field_id, spec in specs.items():
        index = table.column(spec["header"])
        # 2022 years are inferred (see year_basis in the mapping): the transcription lost the year band.
        located.append(ed.located(field_id, table.where, index, int(spec["year"]), spec, table.headers[index]))
    for aid, row in table.authority_rows():
        for column in located:
            ed.add(aid, column, *transcribed_figure(row[column.index]))


_LAYOUTS = {"split": _extract_split, "banded": _extract_banded, "transcription": _extract_transcription}


def extract(mapping_path: Path = MAPPING_FILE, raw_dir: Path = RAW_DIR) -> Extracted:
    """All mapped figures of every authority in every edition, with the columns they were read from."""
    mapping = load_mapping(Path(mapping_path), check_mapping)
    zero_gaps = {fid: f["zero_is_gap"] for fid, f in mapping["fields"].items() if f.get("zero_is_gap")}
    nil_means = {fid: f["nil_means"] for fid, f in mapping["fields"].items() if f.get("nil_means")}
    out = RecordCollector(Path(mapping_path).name)
    for edition, cfg in sorted(mapping["editions"].items()):
        _LAYOUTS[cfg["layout"]](_Edition(edition, cfg, raw_dir, zero_gaps, nil_means, out), cfg,
                                _specs(mapping, edition))
    return out.extracted()
