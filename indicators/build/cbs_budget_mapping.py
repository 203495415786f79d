"""data/mappings/cbs_budget.yml as typed editions: per edition, which column holds which budget field."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indicators.build.mapping_files import Keys, load_mapping, require_keys, require_one_of
from indicators.settings import MAPPINGS_DIR, RAW_DIR

MAPPING_FILE = MAPPINGS_DIR / "cbs_budget.yml"
KINDS = ("money", "area", "percent", "per_capita")
YEAR_FROM = ("header_text", "band", "inferred")
# What CBS's "-" ("no cases") means in a field, declared per field: `zero` where it is a real nil (a grant not
# paid, no balancing loans, no floor area of a kind), `not_applicable` where no figure exists (a balance or a
# ratio CBS did not compute). Editions with `nil_printed_as_zero` print 0 where the others print "-".
NIL_MEANINGS = ("zero", "not_applicable")
_EDITION_KEYS = {  # layout -> (required, optional) keys beside layout, source_id and file
    "workbook": (["year_from", "sheets", "scale"], ["year", "nil_printed_as_zero"]),
    "transcription": (["year_from", "year", "scale"], ["nil_printed_as_zero"]),
}


@dataclass(frozen=True)
class ColumnSpec:
    """One column to read: the header texts that must all head it, and which occurrence to take."""
    field_id: str
    texts: tuple[str, ...]
    occurrence: int | None
    sheet_family: str | None      # only for sheets of this family (pre-2016 la/rc sheets differ)
    kind: str
    budget_row: bool
    nil_means: str                # zero | not_applicable (NIL_MEANINGS)


@dataclass(frozen=True)
class Edition:
    edition: int
    layout: str                   # workbook | transcription
    source_id: str
    path: Path                    # the raw file
    year_from: str                # header_text | band | inferred
    year: int | None              # stated data year (checked against the sheet where it says one)
    sheets: tuple[dict, ...]
    scale: dict
    columns: tuple[ColumnSpec, ...]
    nil_printed_as_zero: bool = False  # the edition prints CBS's "-" as 0 (2021 budget sheet, 2022 transcription)


def _entries(entry) -> list[dict]:
    """A field's entry for one edition as a list of {header: [texts], occurrence?, sheet_family?}."""
    items = entry if isinstance(entry, list) else [entry]
    return [{"header": item} if isinstance(item, str) else item for item in items]


def _check_entry(entry, layout: str, keys: Keys) -> None:
    for item in _entries(entry):
        require_keys(item, keys, ["header"], ["occurrence", "sheet_family"])
        texts = item["header"] if isinstance(item["header"], list) else [item["header"]]
        if not texts or not all(isinstance(t, str) and t for t in texts):
            raise keys.error(f"header must be a text or a list of texts, got {item['header']!r}")
        if layout == "transcription" and (len(texts) > 1 or "occurrence" in item or isinstance(entry, list)):
            raise keys.error("the transcription needs one exact header per field")


def check_mapping(raw: dict, keys: Keys) -> None:
    for edition, info in raw["editions"].items():
        where = keys / "editions" / edition
        require_one_of(info.get("layout"), _EDITION_KEYS, where / "layout")
        required, optional = _EDITION_KEYS[info["layout"]]
        require_keys(info, where, ["layout", "source_id", "file", *required], optional)
        require_one_of(info["year_from"], YEAR_FROM, where / "year_from")
        require_keys(info["scale"], where / "scale", KINDS)
        if not isinstance(info.get("nil_printed_as_zero", False), bool):
            raise (where / "nil_printed_as_zero").error("must be true or false")
        for i, sheet in enumerate(info.get("sheets", ())):
            require_keys(sheet, where / "sheets" / i, ["name", "family"])
    for field_id, meta in raw["fields"].items():
        where = keys / "fields" / field_id
        require_keys(meta, where, ["kind", "nil_means", "editions"], ["budget_row"])
        require_one_of(meta["kind"], KINDS, where / "kind")
        require_one_of(meta["nil_means"], NIL_MEANINGS, where / "nil_means")
        for edition, entry in meta["editions"].items():
            if entry is not None:
                _check_entry(entry, raw["editions"][edition]["layout"], where / "editions" / edition)


def _specs(field_id: str, meta: dict, entry) -> list[ColumnSpec]:
    specs = []
    for item in _entries(entry):
        texts = item["header"] if isinstance(item["header"], list) else [item["header"]]
        specs.append(ColumnSpec(field_id, tuple(texts), item.get("occurrence"), item.get("sheet_family"),
                                meta["kind"], bool(meta.get("budget_row")), meta["nil_means"]))
    return specs


def load_editions(path: Path = MAPPING_FILE, raw_dir: Path = RAW_DIR) -> dict[int, Edition]:
    """Every edition with its column specs (fields declared null for an edition are left out)."""
    raw = load_mapping(Path(path), check_mapping)
    editions = {}
    for ed, info in raw["editions"].items():
        columns = [spec for field_id, meta in raw["fields"].items() if meta["editions"][ed] is not None
                   for spec in _specs(field_id, meta, meta["editions"][ed])]
        editions[ed] = Edition(
            edition=ed, layout=info["layout"], source_id=info["source_id"], path=raw_dir / info["file"],
            year_from=info["year_from"], year=info.get("year"), sheets=tuple(info.get("sheets", ())),
            scale=info["scale"], columns=tuple(columns), nil_printed_as_zero=info.get("nil_printed_as_zero", False),
        )
    return editions
