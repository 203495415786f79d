"""The authorities table: every local authority of the CBS local-authorities files 2013–2021."""
from __future__ import annotations

import re

import pandas as pd

from indicators.build.authority_kinds import family_of_kind, kind_of_status
from indicators.build.cbs_cells import authority_code, normalise_header, read_sheet_rows
from indicators.build.layout_errors import ColumnNotFoundError, Where
from indicators.build.mapping_files import Keys, check_source_entry, load_mapping, require_keys
from indicators.settings import LANGUAGES, MAPPINGS_DIR, NEGEV_AUTHORITY_IDS, RAW_DIR, authority_id

EDITIONS_MAPPING = MAPPINGS_DIR / "authorities_editions.yml"
NAMES_MAPPING = MAPPINGS_DIR / "authority_names.yml"
_AUTHORITY_ID = re.compile(r"^(la|rc)-\d+$")

COLUMNS = ["authority_id", "cbs_code", "kind", "name_he", "name_en", "name_ar", "is_negev",
           "district", "district_en", "first_edition", "last_edition"]
_HEADER_SEARCH_ROWS = 10  # the identity headers sit in the first rows of every edition


def check_editions_mapping(raw: dict, keys: Keys) -> None:
    require_keys(raw, keys, ["districts_en", "editions", "localities"])
    for edition, spec in raw["editions"].items():
        require_keys(spec, keys / "editions" / edition, ["source_id", "file", "sheets", "headers"])
        require_keys(spec["headers"], keys / "editions" / edition / "headers", ["name", "code", "district", "status"])
    localities = raw["localities"]
    require_keys(localities, keys / "localities", ["source_id", "file", "sheet", "headers"])
    check_source_entry(localities, localities["source_id"], keys / "localities")
    require_keys(localities["headers"], keys / "localities" / "headers", ["code", "name_en"])


def check_names_mapping(raw: dict, keys: Keys) -> None:
    for aid, names in raw.items():
        if not _AUTHORITY_ID.match(str(aid)):
            raise (keys / aid).error("expected an authority id such as la-9000 or rc-48")
        require_keys(names, keys / aid, [], LANGUAGES)


def load_editions_mapping() -> dict:
    return load_mapping(EDITIONS_MAPPING, check_editions_mapping)


def load_names() -> dict:
    return load_mapping(NAMES_MAPPING, check_names_mapping)


def locate_columns(rows: list[list], headers: dict[str, str], where: Where) -> tuple[int, dict[str, int]]:
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
    raise ColumnNotFoundError(where, repr(missing[0]), f"missing from the first {_HEADER_SEARCH_ROWS} rows")


def read_edition(edition: int, spec: dict) -> pd.DataFrame:
    """One row per authority listed in one edition: code, kind, Hebrew name and district."""
    path = RAW_DIR / spec["file"]
    records = []
    for sheet in spec["sheets"]:
        rows = read_sheet_rows(path, sheet)
        where = Where(path.name, sheet)
        start, cols = locate_columns(rows, spec["headers"], where)
        for row in rows[start + 1:]:
            code = authority_code(row[cols["code"]])
            if code is None:
                continue  # blank spacer rows, footnotes and legends below the table
            kind = kind_of_status(row[cols["status"]], where)
            records.append({
                "authority_id": authority_id(family_of_kind(kind), code),
                "cbs_code": code, "kind": kind, "edition": edition,
                "name_he": normalise_header(row[cols["name"]]),
                "district": normalise_header(row[cols["district"]]),
            })
    return pd.DataFrame(records)


def read_all_editions() -> pd.DataFrame:
    frames = [read_edition(int(ed), spec) for ed, spec in load_editions_mapping()["editions"].items()]
    return pd.concat(frames, ignore_index=True)


def locality_english_names() -> dict[str, str]:
    """English names of cities and local councils from the CBS localities file 2021, keyed by la-id."""
    spec = load_editions_mapping()["localities"]
    path = RAW_DIR / spec["file"]
    rows = read_sheet_rows(path, spec["sheet"])
    start, cols = locate_columns(rows, spec["headers"], Where(path.name, spec["sheet"]))
    names = {}
    for row in rows[start + 1:]:
        code = authority_code(row[cols["code"]])
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
    table["district_en"] = table["district"].map(load_editions_mapping()["districts_en"])
    if table["district_en"].isna().any():
        unknown = sorted(set(table.loc[table["district_en"].isna(), "district"]))
        raise ValueError(f"{EDITIONS_MAPPING.name}: no English name for districts {unknown}")
    table = table.astype({"cbs_code": int, "first_edition": int, "last_edition": int})
    return table[COLUMNS].sort_values(["kind", "cbs_code"]).reset_index(drop=True)
