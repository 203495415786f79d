"""Read the budget sheets of the CBS workbooks (2013–2021 originals) into value and gap records."""
from __future__ import annotations

from indicators.build.cbs_budget_mapping import Edition
from indicators.build.cbs_budget_rows import ResolvedColumn, authority_records, family_from_status
from indicators.build.cbs_budget_sheet import (
    BudgetLayoutError,
    BudgetSheet,
    band_year,
    find_column,
    header_text_year,
    parse_code,
    sheet_default_year,
    split_sheet,
)
from indicators.build.cbs_cells import normalise_header, read_sheet_rows
from indicators.settings import RAW_DIR, authority_id


def load_sheet(edition: Edition, sheet_name: str) -> BudgetSheet:
    path = RAW_DIR / edition.path
    return split_sheet(read_sheet_rows(path, sheet_name), f"{path.name} / {sheet_name.strip()}")


def _column_year(edition: Edition, sheet: BudgetSheet, col: int, texts: tuple[str, ...]) -> int:
    if edition.year_from == "header_text":
        return header_text_year(list(texts), sheet.where)
    # band: a year above the column wins; a blank band means the sheet's stated (update) year
    return band_year(sheet, col) or edition.year


def resolve_columns(edition: Edition, sheet: BudgetSheet, family: str | None) -> list[ResolvedColumn]:
    """Find every mapped column in this sheet; a missing or ambiguous header raises BudgetLayoutError."""
    if edition.year_from == "band":
        stated = sheet_default_year(sheet)
        if stated != edition.year:
            raise BudgetLayoutError(f"{sheet.where}: sheet states data year {stated}, mapping says {edition.year}")
    resolved = []
    for spec in edition.columns:
        if spec.sheet_family not in (None, family):
            continue
        col = find_column(sheet, list(spec.texts), spec.occurrence)
        resolved.append(ResolvedColumn(spec, col, _column_year(edition, sheet, col, spec.texts)))
    seen = set()
    for rc in resolved:
        if (rc.spec.field_id, rc.year) in seen:
            raise BudgetLayoutError(f"{sheet.where}: two columns give {rc.spec.field_id} for {rc.year}")
        seen.add((rc.spec.field_id, rc.year))
    return resolved


def _families_from_physical(edition: Edition, sheet_name: str) -> dict[int, dict[str, str]]:
    """code → {name: family} from the physical sheet of the same file (2016–2017 budget sheets lack a status)."""
    physical = load_sheet(edition, sheet_name)
    status_col = find_column(physical, ["מעמד מוניציפלי"], None)
    out: dict[int, dict[str, str]] = {}
    for row in physical.rows:
        code = parse_code(row[physical.code_col])
        out.setdefault(code, {})[normalise_header(row[physical.name_col])] = family_from_status(row[status_col])
    return out


def _row_family(how, row: list, sheet: BudgetSheet, status_col: int | None, physical: dict | None) -> str:
    if isinstance(how, str):
        return how
    if status_col is not None:
        return family_from_status(row[status_col])
    code, name = parse_code(row[sheet.code_col]), normalise_header(row[sheet.name_col])
    by_name = physical.get(code, {})
    if len(set(by_name.values())) == 1:
        return next(iter(by_name.values()))
    if name in by_name:  # code shared by a town and a regional council (31 = Ofakim / Nahal Sorek)
        return by_name[name]
    raise BudgetLayoutError(f"{sheet.where}: cannot tell the kind of {name!r} ({code}) from the physical sheet")


def extract_workbook(edition: Edition) -> tuple[list[dict], list[dict]]:
    """All authorities of every budget sheet of one workbook edition."""
    values, gaps = [], []
    for sheet_info in edition.sheets:
        sheet = load_sheet(edition, sheet_info["name"])
        how = sheet_info["family"]
        static = how if isinstance(how, str) else None
        status_col = find_column(sheet, [how["status_column"]], None) if isinstance(how, dict) and \
            "status_column" in how else None
        physical = _families_from_physical(edition, how["physical_sheet"]) if isinstance(how, dict) and \
            "physical_sheet" in how else None
        columns = resolve_columns(edition, sheet, static)
        for row in sheet.rows:
            family = _row_family(how, row, sheet, status_col, physical)
            authority = authority_id(family, parse_code(row[sheet.code_col]))
            cells = [(c, row[c.key] if c.key < len(row) else None) for c in columns]
            v, g = authority_records(authority, cells, edition.edition, edition.source_id, edition.scale)
            values.extend(v)
            gaps.extend(g)
    return values, gaps
