"""Extract the CBS labour-force-survey sheet (editions 2017-2022; cities of 50,000+ only) into figures, gaps and
the columns read.

Which column holds which figure, per edition, is declared in data/mappings/cbs_labour_force.yml; this module only
follows it. The sheet lists only the large cities: every other authority of the same edition gets a gap
SURVEY_GAP for each field, so "no data" always comes with its reason.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from indicators.build.authorities import load_editions_mapping, read_edition
from indicators.build.cbs_cells import authority_code, clean_cell, column_letter, normalise_header, read_sheet_rows
from indicators.build.cbs_physical import transcribed_figure
from indicators.build.cbs_physical_layouts import (
    CODE_HEADER,
    banded_columns,
    find_banded_column,
    find_header_row,
    update_year,
)
from indicators.build.cbs_years import parse_band_year
from indicators.build.layout_errors import LayoutError, Where
from indicators.build.mapping_files import Keys, load_mapping, require_keys, require_one_of
from indicators.build.records import ColumnRead, Extracted, RecordCollector
from indicators.build.transcription import read_transcription, transcribed_cell
from indicators.settings import MAPPINGS_DIR, RAW_DIR, authority_id

MAPPING_FILE = MAPPINGS_DIR / "cbs_labour_force.yml"
# The gap reason of an authority the survey table does not list (data/schema.yml, gaps.reason).
SURVEY_GAP = "survey_large_cities_only"
_EDITION_KEYS = {"sheet": ["sheet", "expected_rows"], "transcription": ["in_survey_header"]}
_ENTRY_KEYS = {"sheet": ["header", "sub"], "transcription": ["header", "year", "year_basis"]}


def check_mapping(raw: dict, keys: Keys) -> None:
    """Each edition's layout keys and each field entry's keys, per layout."""
    require_keys(raw, keys, ["editions", "fields"])
    for edition, cfg in raw["editions"].items():
        require_one_of(cfg.get("layout"), _EDITION_KEYS, keys / "editions" / edition / "layout")
        require_keys(cfg, keys / "editions" / edition, ["layout", "source_id", "file", *_EDITION_KEYS[cfg["layout"]]])
    for field_id, field in raw["fields"].items():
        require_keys(field, keys / "fields" / field_id, ["editions"], ["description"])
        for edition, entry in field["editions"].items():
            if entry is not None:
                require_keys(entry, keys / "fields" / field_id / "editions" / edition,
                             _ENTRY_KEYS[raw["editions"][edition]["layout"]])


class _Located(NamedTuple):
    field_id: str
    index: int
    year: int


class _Edition:
    """One edition being read: its source, the authorities it lists, and where its records go."""

    def __init__(self, edition: int, cfg: dict, raw_dir: Path, out: RecordCollector):
        self.edition, self.source_id, self.path, self.out = edition, cfg["source_id"], raw_dir / cfg["file"], out

    def located(self, field_id: str, where: Where, index: int, year: int, header: str, sub: str | None = None,
                band: str | None = None) -> _Located:
        self.out.add_column(ColumnRead(field_id, self.edition, self.source_id, where.file, where.sheet,
                                       column_letter(index), header, sub, band, year))
        return _Located(field_id, index, year)

    def add(self, aid: str, column: _Located, value: float | None, reason: str | None) -> None:
        if value is None:
            self.out.add_gap(aid, column.field_id, column.year, self.edition, reason, self.source_id)
        else:
            self.out.add_value(aid, column.field_id, column.year, self.edition, value, self.source_id)

    def outside_survey(self, aids, located: list[_Located]) -> None:
        for aid in sorted(aids):
            for column in located:
                self.add(aid, column, None, SURVEY_GAP)


def _specs(mapping: dict, edition: int) -> dict:
    """field_id -> this edition's mapping entry, leaving out fields declared absent (null)."""
    return {fid: field["editions"][edition] for fid, field in mapping["fields"].items() if field["editions"][edition]}


def _band_text(cell) -> str | None:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return normalise_header(cell) or None


def survey_rows(rows: list[list], first: int, code_i: int, cities: dict[str, str], where: Where) -> list:
    """(authority_id, row) of each city in the table; the national totals (no code) are skipped. The sheet has
    no status column, so each code must be a city the same edition lists."""
    out = []
    for row in rows[first:]:
        code = authority_code(row[code_i])
        if code is None:
            continue
        aid = authority_id("la", code)
        if cities.get(aid) != "city":
            raise LayoutError(where, f"code {code} ({normalise_header(row[0])}) is not a city of this edition")
        out.append((aid, row))
    return out


def _edition_authorities(edition: int) -> dict[str, str]:
    """authority_id -> kind of every authority the edition's physical sheet lists."""
    listed = read_edition(edition, load_editions_mapping()["editions"][edition])
    return dict(zip(listed["authority_id"], listed["kind"], strict=True))


def _extract_sheet(ed: _Edition, cfg: dict, specs: dict) -> None:
    where = Where(ed.path.name, cfg["sheet"])
    rows = read_sheet_rows(ed.path, cfg["sheet"])
    head = find_header_row(rows, where)
    update = update_year(rows, head - 1, where)
    columns = banded_columns(rows, head)
    code_i = find_banded_column(columns, CODE_HEADER, "", where).index
    located = []
    for field_id, spec in specs.items():
        column = find_banded_column(columns, normalise_header(spec["header"]), normalise_header(spec["sub"]), where)
        located.append(ed.located(field_id, where, column.index, parse_band_year(column.band, update),
                                  column.header, column.sub, _band_text(column.band)))
    listed = _edition_authorities(ed.edition)
    cities = survey_rows(rows, head + 2, code_i, listed, where)
    if len(cities) != cfg["expected_rows"]:
        raise LayoutError(where, f"{len(cities)} city rows, expected {cfg['expected_rows']}")
    for aid, row in cities:
        for column in located:
            ed.add(aid, column, *clean_cell(row[column.index]))
    ed.outside_survey(set(listed) - {aid for aid, _ in cities}, located)


def _extract_transcription(ed: _Edition, cfg: dict, specs: dict) -> None:
    table = read_transcription(ed.path)
    in_survey = table.column(cfg["in_survey_header"])
    located = []
    for field_id, spec in specs.items():
        index = table.column(spec["header"])
        # The 2022 year is inferred (year_basis in the mapping): the transcription lost the year band.
        located.append(ed.located(field_id, table.where, index, int(spec["year"]), table.headers[index]))
    outside = set()
    for aid, row in table.authority_rows():
        if transcribed_cell(row[in_survey]) is None:
            outside.add(aid)
            continue
        if not aid.startswith("la-"):
            raise LayoutError(table.where, f"{aid} has survey figures but is not a city or local council")
        for column in located:
            ed.add(aid, column, *transcribed_figure(row[column.index]))
    ed.outside_survey(outside, located)


_LAYOUTS = {"sheet": _extract_sheet, "transcription": _extract_transcription}


def extract(mapping_path: Path = MAPPING_FILE, raw_dir: Path = RAW_DIR) -> Extracted:
    """Every mapped survey figure of the large cities, and a gap for every other authority, per edition."""
    mapping = load_mapping(Path(mapping_path), check_mapping)
    out = RecordCollector(Path(mapping_path).name)
    for edition, cfg in sorted(mapping["editions"].items()):
        specs = _specs(mapping, edition)
        if specs:
            _LAYOUTS[cfg["layout"]](_Edition(edition, cfg, raw_dir, out), cfg, specs)
    return out.extracted()
