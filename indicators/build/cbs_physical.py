"""Extract the CBS physical & population sheet (editions 2013-2022) into the (values, gaps) contract.

Which column holds which figure, per edition, is declared in data/mappings/cbs_physical.yml; this module only
follows it. Data-year convention: `year` is the year the figure describes - the sheet's year band (banded
layout, 2016-2021), the year written in the header (split layout, 2013-2015, given explicitly in the mapping and
checked against the header) or the year inferred for the 2022 transcription (stated in the mapping).
`edition` is the publication year of the file.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from indicators.build.cbs_cells import clean_cell, normalise_header, read_sheet_rows
from indicators.build.cbs_physical_csv import (
    column_index,
    read_transcription,
    transcribed_cell,
    transcription_authorities,
)
from indicators.build.cbs_physical_layouts import (
    CODE_HEADER,
    KIND_HEADER,
    MappingError,
    authority_code,
    banded_columns,
    family_of,
    find_banded_column,
    find_header_row,
    find_prefixed_column,
    find_split_column,
    parse_band_year,
    update_year,
    years_in_header,
)
from indicators.settings import MAPPINGS_DIR, RAW_DIR, authority_id

MAPPING_FILE = MAPPINGS_DIR / "cbs_physical.yml"
VALUE_COLUMNS = ["authority_id", "field_id", "year", "edition", "value", "source_id"]
GAP_COLUMNS = ["authority_id", "field_id", "year", "edition", "reason", "source_id"]


@lru_cache(maxsize=4)
def load_mapping(path: Path = MAPPING_FILE) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


class _Collector:
    """Accumulates value and gap rows and refuses duplicates (one figure per authority/field/year/edition)."""

    def __init__(self, zero_gaps: dict[str, str]) -> None:
        self.zero_gaps = zero_gaps  # field_id -> gap reason for a 0 that cannot be a real figure
        self.values: list[tuple] = []
        self.gaps: list[tuple] = []
        self._seen: set[tuple] = set()

    def add(self, family, code, field_id, year, edition, cell, source_id, scale=1, transcribed=False):
        aid = authority_id(family, code)
        key = (aid, field_id, year, edition)
        if key in self._seen:
            raise MappingError(f"edition {edition}: {aid} appears twice for {field_id}")
        self._seen.add(key)
        value, reason = transcribed_cell(cell) if transcribed else clean_cell(cell)
        if value == 0 and field_id in self.zero_gaps:
            value, reason = None, self.zero_gaps[field_id]
        if value is None:
            self.gaps.append((aid, field_id, year, edition, reason, source_id))
        else:
            scaled = value * scale if scale == 1 else round(value * scale, 6)  # thousands -> persons
            self.values.append((aid, field_id, year, edition, scaled, source_id))

    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        values = pd.DataFrame(self.values, columns=VALUE_COLUMNS)
        gaps = pd.DataFrame(self.gaps, columns=GAP_COLUMNS)
        for frame in (values, gaps):
            frame["year"] = frame["year"].astype("int64")
            frame["edition"] = frame["edition"].astype("int64")
        values["value"] = values["value"].astype("float64")
        return values, gaps


def _specs(mapping: dict, edition: int) -> dict:
    """field_id -> this edition's mapping entry, leaving out fields declared absent (null)."""
    return {fid: entry[edition] for fid, entry in mapping["fields"].items() if entry.get(edition)}


def _split_year(spec: dict, where: str) -> int:
    """Year of a split-layout column: explicit in the mapping, and consistent with any year in the header."""
    year, written = int(spec["year"]), years_in_header(spec["header"])
    if written and year not in written:
        raise MappingError(f"{where}: year {year} is not among the years {sorted(written)} in {spec['header']!r}")
    if not written and not spec.get("year_basis"):
        raise MappingError(f"{where}: header {spec['header']!r} has no year; the mapping must give year_basis")
    return year


def _extract_split(edition: int, cfg: dict, specs: dict, out: _Collector) -> None:
    path = RAW_DIR / cfg["path"]
    for family, sheet in cfg["sheets"].items():
        where = f"{path.name} / sheet {sheet!r}"
        rows = read_sheet_rows(path, sheet)
        head = find_header_row(rows, where)
        cells = rows[head]
        code_i = find_prefixed_column(cells, CODE_HEADER, where)
        kind_i = find_prefixed_column(cells, KIND_HEADER, where)
        located = []
        for field_id, by_family in specs.items():
            spec = by_family.get(family)
            if spec:
                index = find_split_column(cells, normalise_header(spec["header"]), where)
                located.append((field_id, index, _split_year(spec, where), spec.get("scale", 1)))
        for row in rows[head + 1:]:
            code = authority_code(row[code_i])
            if code is None:
                continue  # totals, footnotes and the legend below the table
            if family_of(row[kind_i], where) != family:
                raise MappingError(f"{where}: code {code} has status {row[kind_i]!r}, not a {family} authority")
            for field_id, index, year, scale in located:
                out.add(family, code, field_id, year, edition, row[index], cfg["source_id"], scale)


def _banded_year(column, spec: dict, update: int, where: str) -> int:
    """Band year of a column; an explicit mapping year may only stand in for a blank band."""
    if "year" in spec:
        if normalise_header(column.band):
            raise MappingError(f"{where}: {spec['header']!r} has band {column.band!r}; mapping year not allowed")
        return int(spec["year"])
    return parse_band_year(column.band, update)


def _extract_banded(edition: int, cfg: dict, specs: dict, out: _Collector) -> None:
    path = RAW_DIR / cfg["path"]
    where = f"{path.name} / sheet {cfg['sheet']!r}"
    rows = read_sheet_rows(path, cfg["sheet"])
    head = find_header_row(rows, where)
    update = update_year(rows, head - 1, where)
    columns = banded_columns(rows, head)
    code_i = find_banded_column(columns, {"header": CODE_HEADER}, where).index
    kind_i = find_banded_column(columns, {"header": KIND_HEADER}, where).index
    located = []
    for field_id, spec in specs.items():
        column = find_banded_column(columns, {**spec, "header": normalise_header(spec["header"])}, where)
        located.append((field_id, column.index, _banded_year(column, spec, update, where), spec.get("scale", 1)))
    for row in rows[head + 2:]:
        code = authority_code(row[code_i])
        if code is None:
            continue
        family = family_of(row[kind_i], where)
        for field_id, index, year, scale in located:
            out.add(family, code, field_id, year, edition, row[index], cfg["source_id"], scale)


def _extract_flat_csv(edition: int, cfg: dict, specs: dict, out: _Collector) -> None:
    path = RAW_DIR / cfg["path"]
    where = path.name
    headers, rows = read_transcription(path)
    located = []
    for field_id, spec in specs.items():
        index = column_index(headers, normalise_header(spec["header"]), where)
        # 2022 years are inferred (see year_basis in the mapping): the transcription lost the year band.
        located.append((field_id, index, int(spec["year"]), spec.get("scale", 1)))
    for family, code, row in transcription_authorities(headers, rows, where):
        for field_id, index, year, scale in located:
            out.add(family, code, field_id, year, edition, row[index], cfg["source_id"], scale, transcribed=True)


_LAYOUTS = {"split": _extract_split, "banded": _extract_banded, "flat_csv": _extract_flat_csv}


def extract_physical_values(mapping_path: Path = MAPPING_FILE) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All mapped figures of every authority in every edition, as (values, gaps) DataFrames."""
    mapping = load_mapping(Path(mapping_path))
    zero_gaps = {fid: e["zero_is_gap"] for fid, e in mapping["fields"].items() if e.get("zero_is_gap")}
    out = _Collector(zero_gaps)
    for edition, cfg in sorted(mapping["editions"].items()):
        _LAYOUTS[cfg["layout"]](int(edition), cfg, _specs(mapping, edition), out)
    return out.frames()
