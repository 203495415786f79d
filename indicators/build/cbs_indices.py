"""Extract the CBS socio-economic and peripherality index tables into figures, gaps and the columns read."""
from __future__ import annotations

from pathlib import Path

from indicators.build.authority_kinds import index_2004_key, index_table_key
from indicators.build.cbs_cells import clean_cell, column_letter, normalise_header, read_sheet_rows
from indicators.build.layout_errors import ColumnNotFoundError, LayoutError, Where, single_column
from indicators.build.mapping_files import Keys, load_mapping, require_keys, require_one_of
from indicators.build.records import ColumnRead, Extracted, RecordCollector
from indicators.settings import MAPPINGS_DIR, RAW_DIR, authority_id

MAPPING_FILE = MAPPINGS_DIR / "indices_tables.yml"
KEYINGS = {"status_column": ("status", "code", "name"), "rc_code_plus_10000": ("code", "name")}


def check_mapping(raw: dict, keys: Keys) -> None:
    """Each table's keys, its keying and its fields: per data year, a {header, group?} cell or null."""
    require_keys(raw, keys, ["tables"])
    for source_id, spec in raw["tables"].items():
        where = keys / "tables" / source_id
        require_keys(spec, where, ["file", "sheet", "edition", "keying", "key_headers", "expected_rows", "fields"],
                     ["different_entity_codes"])
        require_one_of(spec["keying"], KEYINGS, where / "keying")
        require_keys(spec["key_headers"], where / "key_headers", KEYINGS[spec["keying"]])
        for field_id, years in spec["fields"].items():
            if not isinstance(years, dict) or not all(isinstance(y, int) for y in years):
                raise (where / "fields" / field_id).error("expected a mapping of data year -> cell or null")
            for year, cell in years.items():
                if cell is not None:
                    require_keys(cell, where / "fields" / field_id / year, ["header"], ["group"])


def _number(value) -> int | None:
    number, _ = clean_cell(value)
    return None if number is None else int(number)


def find_key_row(rows: list[list], key_headers: dict[str, str], where: Where) -> tuple[int, dict[str, int]]:
    """The row holding every key header (status/code/name) and each one's column."""
    wanted = {key: normalise_header(text) for key, text in key_headers.items()}
    for i, row in enumerate(rows):
        cells = [normalise_header(c) for c in row]
        if all(text in cells for text in wanted.values()):
            return i, {key: cells.index(text) for key, text in wanted.items()}
    missing = next(t for t in wanted.values() if not any(t in map(normalise_header, r) for r in rows))
    raise ColumnNotFoundError(where, repr(missing), "missing")


def _forward_filled(row: list) -> list[str]:
    """A merged group header spreads over the empty cells to its left-to-right neighbours."""
    out, last = [], ""
    for cell in row:
        text = normalise_header(cell)
        last = text or last
        out.append(last)
    return out


def find_column(band: list[list], header: str, group: str | None, where: Where) -> int:
    """The one column whose header band holds `header` (under `group`, when given)."""
    header, group = normalise_header(header), normalise_header(group) if group else None
    width = max(len(r) for r in band)
    matches = []
    for col in range(width):
        texts = {normalise_header(r[col]) for r in band if col < len(r)}
        groups = {_forward_filled(r)[col] for r in band if col < len(r)}
        if header in texts and (group is None or group in groups):
            matches.append(col)
    return single_column(matches, where, f"{header!r}" + (f" under {group!r}" if group else ""))


def row_authority(row: list, cols: dict[str, int], keying: str, where: Where) -> tuple[str, int] | None:
    """(authority_id, code as the table writes it) of a data row, or None for spacer, sub-header and
    footnote rows."""
    if not normalise_header(row[cols["name"]]):
        return None
    code = _number(row[cols["code"]])
    if keying == "rc_code_plus_10000":
        if code is None:
            raise LayoutError(where, f"row {row[cols['name']]!r} has no code")
        return authority_id(*index_2004_key(code)), code
    status = _number(row[cols["status"]])
    key = index_table_key(status, code)
    if key is None:
        raise LayoutError(where, f"cannot key row {row[cols['name']]!r} (status {status}, code {code})")
    return authority_id(*key), key[1]


def extract_table(source_id: str, spec: dict, raw_dir: Path, out: RecordCollector) -> None:
    """Figures, gaps and columns read of one index table."""
    path = raw_dir / spec["file"]
    where = Where(path.name, spec["sheet"])
    rows = read_sheet_rows(path, spec["sheet"])
    key_row, key_cols = find_key_row(rows, spec["key_headers"], where)
    keyed = [(i, row_authority(rows[i], key_cols, spec["keying"], where))
             for i in range(key_row + 1, len(rows))]
    data = [(rows[i], key) for i, key in keyed if key is not None]
    if len(data) != spec["expected_rows"]:
        raise LayoutError(where, f"{len(data)} authority rows, expected {spec['expected_rows']}")
    first_data = next(i for i, key in keyed if key is not None)
    band = rows[:first_data]  # title, group headers and sub-headers above the first authority
    edition = int(spec["edition"])
    columns = {}
    for field_id, years in spec["fields"].items():
        for year, cell in years.items():
            if cell is None:
                continue  # not published in this table
            col = find_column(band, cell["header"], cell.get("group"), where)
            columns[(field_id, int(year))] = col
            out.add_column(ColumnRead(field_id, edition, source_id, where.file, where.sheet, column_letter(col),
                                      normalise_header(cell["header"]), None,
                                      normalise_header(cell.get("group")) or None, int(year)))
    different = set(spec.get("different_entity_codes", []))
    for row, (aid, code) in data:
        for (field_id, year), col in columns.items():
            number, reason = clean_cell(row[col])
            if code in different:
                reason = "not_available"  # same code, different (merged) authority at the time
            if reason is None:
                out.add_value(aid, field_id, year, edition, number, source_id)
            else:
                out.add_gap(aid, field_id, year, edition, reason, source_id)


def extract(mapping_path: Path = MAPPING_FILE, raw_dir: Path = RAW_DIR) -> Extracted:
    """The four index tables' figures and gaps."""
    mapping = load_mapping(Path(mapping_path), check_mapping)
    out = RecordCollector(Path(mapping_path).name)
    for source_id, spec in mapping["tables"].items():
        extract_table(source_id, spec, raw_dir, out)
    return out.extracted()
