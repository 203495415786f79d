"""Extract the CBS socio-economic and peripherality index tables into (values, gaps) rows."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from indicators.build.cbs_cells import clean_cell, normalise_header, read_sheet_rows
from indicators.settings import MAPPINGS_DIR, RAW_DIR, authority_id

MAPPING_FILE = MAPPINGS_DIR / "indices_tables.yml"
VALUE_COLUMNS = ["authority_id", "field_id", "year", "edition", "value", "source_id"]
GAP_COLUMNS = ["authority_id", "field_id", "year", "edition", "reason", "source_id"]
_CITY, _LOCAL_COUNCIL = 0, 99  # the status column's codes; any other number is a regional council's code
_RC_OFFSET = 10000  # the 2004 peripherality table writes regional council 37 as 10037


class HeaderNotFoundError(KeyError):
    """An expected header is missing or ambiguous: the message names the file, the sheet and the header."""

    def __str__(self) -> str:
        return str(self.args[0])


@lru_cache(maxsize=1)
def load_mapping(path: Path = MAPPING_FILE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _number(value) -> int | None:
    number, _ = clean_cell(value)
    return None if number is None else int(number)


def find_key_row(rows: list[list], key_headers: dict[str, str], where: str) -> tuple[int, dict[str, int]]:
    """The row holding every key header (status/code/name) and each one's column."""
    wanted = {key: normalise_header(text) for key, text in key_headers.items()}
    for i, row in enumerate(rows):
        cells = [normalise_header(c) for c in row]
        if all(text in cells for text in wanted.values()):
            return i, {key: cells.index(text) for key, text in wanted.items()}
    missing = next(t for t in wanted.values() if not any(t in map(normalise_header, r) for r in rows))
    raise HeaderNotFoundError(f"{where}: header {missing!r} not found")


def _forward_filled(row: list) -> list[str]:
    """A merged group header spreads over the empty cells to its left-to-right neighbours."""
    out, last = [], ""
    for cell in row:
        text = normalise_header(cell)
        last = text or last
        out.append(last)
    return out


def find_column(band: list[list], header: str, group: str | None, where: str) -> int:
    """The one column whose header band holds `header` (under `group`, when given)."""
    header, group = normalise_header(header), normalise_header(group) if group else None
    width = max(len(r) for r in band)
    matches = []
    for col in range(width):
        texts = {normalise_header(r[col]) for r in band if col < len(r)}
        groups = {_forward_filled(r)[col] for r in band if col < len(r)}
        if header in texts and (group is None or group in groups):
            matches.append(col)
    label = f"{header!r}" + (f" under {group!r}" if group else "")
    if not matches:
        raise HeaderNotFoundError(f"{where}: header {label} not found")
    if len(matches) > 1:
        raise HeaderNotFoundError(f"{where}: header {label} is ambiguous (columns {matches})")
    return matches[0]


def row_authority(row: list, cols: dict[str, int], keying: str, where: str) -> tuple[str, int] | None:
    """(authority_id, cbs_code) of a data row, or None for spacer, sub-header and footnote rows."""
    if not normalise_header(row[cols["name"]]):
        return None
    code = _number(row[cols["code"]])
    if keying == "rc_code_plus_10000":
        if code is None:
            raise ValueError(f"{where}: row {row[cols['name']]!r} has no code")
        if code > _RC_OFFSET:
            return authority_id("rc", code - _RC_OFFSET), code
        return authority_id("la", code), code
    status = _number(row[cols["status"]])
    if status in (_CITY, _LOCAL_COUNCIL) and code is not None:
        return authority_id("la", code), code
    if status is not None and code is None:
        return authority_id("rc", status), status
    raise ValueError(f"{where}: cannot key row {row[cols['name']]!r} (status {status}, code {code})")


def extract_table(source_id: str, spec: dict) -> tuple[list[dict], list[dict]]:
    """Value rows and gap rows of one index table."""
    path = RAW_DIR / "cbs" / spec["file"]
    where = f"{path.name} / sheet {spec['sheet']!r}"
    rows = read_sheet_rows(path, spec["sheet"])
    key_row, key_cols = find_key_row(rows, spec["key_headers"], where)
    keyed = [(i, row_authority(rows[i], key_cols, spec["keying"], where))
             for i in range(key_row + 1, len(rows))]
    data = [(rows[i], key) for i, key in keyed if key is not None]
    if len(data) != spec["expected_rows"]:
        raise ValueError(f"{where}: {len(data)} authority rows, expected {spec['expected_rows']}")
    first_data = next(i for i, key in keyed if key is not None)
    band = rows[:first_data]  # title, group headers and sub-headers above the first authority
    columns = {
        (field_id, int(year)): find_column(band, cell["header"], cell.get("group"), where)
        for field_id, years in spec["fields"].items()
        for year, cell in years.items() if cell is not None  # null = not published in this table
    }
    different = set(spec.get("different_entity_codes", []))
    values, gaps = [], []
    for row, (aid, code) in data:
        for (field_id, year), col in columns.items():
            base = {"authority_id": aid, "field_id": field_id, "year": year,
                    "edition": int(spec["edition"]), "source_id": source_id}
            number, reason = clean_cell(row[col])
            if code in different:
                reason = "not_available"  # same code, different (merged) authority at the time
            if reason is None:
                values.append({**base, "value": number})
            else:
                gaps.append({**base, "reason": reason})
    return values, gaps


def extract_index_values(mapping: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, gaps) of the four index tables, in the project's extraction contract."""
    mapping = load_mapping() if mapping is None else mapping
    values, gaps = [], []
    for source_id, spec in mapping["tables"].items():
        v, g = extract_table(source_id, spec)
        values += v
        gaps += g
    values_df = pd.DataFrame(values, columns=VALUE_COLUMNS).astype(
        {"authority_id": str, "field_id": str, "year": int, "edition": int, "value": float, "source_id": str})
    gaps_df = pd.DataFrame(gaps, columns=GAP_COLUMNS).astype(
        {"authority_id": str, "field_id": str, "year": int, "edition": int, "reason": str, "source_id": str})
    return values_df, gaps_df
