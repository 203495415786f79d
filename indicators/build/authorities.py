"""The authorities table: every local authority of the CBS local-authorities files 2013–2021."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd
import yaml

from indicators.build.cbs_cells import normalise_header, read_sheet_rows
from indicators.settings import MAPPINGS_DIR, NEGEV_AUTHORITY_IDS, RAW_DIR, authority_id

EDITIONS_MAPPING = MAPPINGS_DIR / "authorities_editions.yml"
NAMES_MAPPING = MAPPINGS_DIR / "authority_names.yml"
LOCAL_AUTHORITIES_DIR = RAW_DIR / "cbs" / "local-authorities"

COLUMNS = ["authority_id", "cbs_code", "kind", "name_he", "name_en", "name_ar", "is_negev",
           "district", "district_en", "first_edition", "last_edition"]
_HEADER_SEARCH_ROWS = 10  # the identity headers sit in the first rows of every edition


class HeaderNotFoundError(KeyError):
    """An expected header is missing: the message names the file, the sheet and the header."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


@lru_cache(maxsize=1)
def load_mapping() -> dict:
    return yaml.safe_load(EDITIONS_MAPPING.read_text(encoding="utf-8"))


def load_names() -> dict:
    return yaml.safe_load(NAMES_MAPPING.read_text(encoding="utf-8")) or {}


def locate_columns(rows: list[list], headers: dict[str, str], where: str) -> tuple[int, dict[str, int]]:
    """Find the header row holding every expected header; return (row index, {key: column index})."""
    wanted = {key: normalise_header(text) for key, text in headers.items()}
    for i, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        cells = [normalise_header(c) for c in row]
        found = {key: cells.index(text) for key, text in wanted.items() if text in cells}
        if len(found) == len(wanted):
            return i, found
    # Name the first header no row holds, so the error points at the edition that changed.
    seen = {normalise_header(c) for row in rows[:_HEADER_SEARCH_ROWS] for c in row}
    missing = [text for text in wanted.values() if text not in seen] or list(wanted.values())
    raise HeaderNotFoundError(
        f"{where}: header {missing[0]!r} not found in the first {_HEADER_SEARCH_ROWS} rows")


def _code(value) -> int | None:
    """CBS codes are text with leading zeros ('0031'); anything else in the code column is not a row."""
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None


def read_edition(edition: int, spec: dict) -> pd.DataFrame:
    """One row per authority listed in one edition: code, kind, Hebrew name and district."""
    kinds = load_mapping()["kinds"]
    path = LOCAL_AUTHORITIES_DIR / spec["file"]
    records = []
    for sheet in spec["sheets"]:
        rows = read_sheet_rows(path, sheet)
        start, cols = locate_columns(rows, spec["headers"], f"{path.name} / sheet {sheet!r}")
        for row in rows[start + 1:]:
            code = _code(row[cols["code"]])
            status = normalise_header(row[cols["status"]])
            if code is None:
                continue  # blank spacer rows, footnotes and legends below the table
            if status not in kinds:
                raise ValueError(f"{path.name} / {sheet!r}: code {code} has unknown status {status!r}")
            kind = kinds[status]
            records.append({
                "authority_id": authority_id("rc" if kind == "regional_council" else "la", code),
                "cbs_code": code, "kind": kind, "edition": edition,
                "name_he": normalise_header(row[cols["name"]]),
                "district": normalise_header(row[cols["district"]]),
            })
    return pd.DataFrame(records)


def read_all_editions() -> pd.DataFrame:
    frames = [read_edition(int(ed), spec) for ed, spec in load_mapping()["editions"].items()]
    return pd.concat(frames, ignore_index=True)


def locality_english_names() -> dict[str, str]:
    """English names of cities and local councils from the CBS localities file 2021, keyed by la-id."""
    spec = load_mapping()["localities"]
    path = RAW_DIR / "cbs" / spec["file"]
    rows = read_sheet_rows(path, spec["sheet"])
    start, cols = locate_columns(rows, spec["headers"], f"{path.name} / sheet {spec['sheet']!r}")
    names = {}
    for row in rows[start + 1:]:
        code = _code(row[cols["code"]])
        name = normalise_header(row[cols["name_en"]])
        if code is not None and name:
            names[authority_id("la", code)] = name
    return names


def tidy_english(name: str | None) -> str | None:
    """Capitalise a name's first letter (the Interior layer writes a few in lower case, e.g. 'jat')."""
    if not name:
        return None
    return name[0].upper() + name[1:]


def english_names(ids: pd.Series, overrides: dict, rc_names: dict | None = None) -> pd.Series:
    """CBS localities file for towns; the Interior layer's Muni_Eng for regional councils; YAML overrides."""
    if rc_names is None:
        # Imported here: reading the boundaries archive is only needed when no names are passed in.
        from indicators.build.boundaries import english_names as layer_names
        from indicators.build.boundaries import read_layer
        rc_names = layer_names(read_layer())
    towns = locality_english_names()

    def pick(aid: str) -> str | None:
        if overrides.get(aid, {}).get("en"):
            return overrides[aid]["en"]
        return tidy_english(towns.get(aid) if aid.startswith("la-") else rc_names.get(aid))

    return ids.map(pick)


def build_authorities(rc_names: dict | None = None) -> pd.DataFrame:
    """One row per authority; kind, names and district from the latest edition it appears in."""
    editions = read_all_editions()
    span = editions.groupby("authority_id")["edition"].agg(first_edition="min", last_edition="max")
    latest = editions.sort_values("edition").groupby("authority_id").tail(1).set_index("authority_id")
    table = latest.join(span).reset_index().drop(columns="edition")
    names = load_names()
    table["name_en"] = english_names(table["authority_id"], names, rc_names)
    # Arabic names are translations we supply for the Negev authorities only; others stay null.
    table["name_ar"] = table["authority_id"].map(lambda a: names.get(a, {}).get("ar"))
    table["is_negev"] = table["authority_id"].isin(NEGEV_AUTHORITY_IDS)
    table["district_en"] = table["district"].map(load_mapping()["districts_en"])
    if table["district_en"].isna().any():
        unknown = sorted(set(table.loc[table["district_en"].isna(), "district"]))
        raise ValueError(f"{EDITIONS_MAPPING.name}: no English name for districts {unknown}")
    table = table.astype({"cbs_code": int, "first_edition": int, "last_edition": int})
    return table[COLUMNS].sort_values(["kind", "cbs_code"]).reset_index(drop=True)
