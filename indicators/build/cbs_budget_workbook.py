"""Read the budget sheets of the CBS workbooks (2013–2021 originals) into figures, gaps and columns read."""
from __future__ import annotations

from indicators.build.authority_kinds import family_of_status
from indicators.build.cbs_budget_mapping import Edition
from indicators.build.cbs_budget_rows import ResolvedColumn, add_authority_row
from indicators.build.cbs_budget_sheet import (
    BudgetSheet,
    band_year,
    find_column,
    header_text_year,
    header_texts,
    sheet_default_year,
    split_sheet,
)
from indicators.build.cbs_cells import authority_code, column_letter, normalise_header, read_sheet_rows
from indicators.build.layout_errors import LayoutError, Where
from indicators.build.records import ColumnRead, RecordCollector
from indicators.settings import authority_id


def load_sheet(edition: Edition, sheet_name: str) -> BudgetSheet:
    return split_sheet(read_sheet_rows(edition.path, sheet_name), Where(edition.path.name, sheet_name))


def _column_year(edition: Edition, sheet: BudgetSheet, col: int, texts: tuple[str, ...]) -> int:
    if edition.year_from == "header_text":
        return header_text_year(list(texts), sheet.where)
    # band: a year above the column wins; a blank band means the sheet's stated (update) year
    return band_year(sheet, col) or edition.year


def resolve_columns(edition: Edition, sheet: BudgetSheet, family: str | None) -> list[ResolvedColumn]:
    """Find every mapped column in this sheet; a missing or ambiguous header raises ColumnNotFoundError."""
    if edition.year_from == "band":
        stated = sheet_default_year(sheet)
        if stated != edition.year:
            raise LayoutError(sheet.where, f"sheet states data year {stated}, mapping says {edition.year}")
    resolved = []
    for spec in edition.columns:
        if spec.sheet_family not in (None, family):
            continue
        col = find_column(sheet, list(spec.texts), spec.occurrence)
        resolved.append(ResolvedColumn(spec, col, _column_year(edition, sheet, col, spec.texts)))
    seen = set()
    for rc in resolved:
        if (rc.spec.field_id, rc.year) in seen:
            raise LayoutError(sheet.where, f"two columns give {rc.spec.field_id} for {rc.year}")
        seen.add((rc.spec.field_id, rc.year))
    return resolved


def _column_read(edition: Edition, sheet: BudgetSheet, column: ResolvedColumn) -> ColumnRead:
    band = band_year(sheet, column.index)
    return ColumnRead(column.spec.field_id, edition.edition, edition.source_id, sheet.where.file, sheet.where.sheet,
                      column_letter(column.index), header_texts(sheet, column.index), None,
                      None if band is None else str(band), column.year)


def _families_from_physical(edition: Edition, sheet_name: str) -> dict[int, dict[str, str]]:
    """code → {name: family} from the physical sheet of the same file (2016–2017 budget sheets lack a status)."""
    physical = load_sheet(edition, sheet_name)
    status_col = find_column(physical, ["מעמד מוניציפלי"], None)
    out: dict[int, dict[str, str]] = {}
    for row in physical.rows:
        code = authority_code(row[physical.code_col])
        family = family_of_status(row[status_col], physical.where)
        out.setdefault(code, {})[normalise_header(row[physical.name_col])] = family
    return out


def _row_family(how, row: list, sheet: BudgetSheet, status_col: int | None, physical: dict | None) -> str:
    if isinstance(how, str):
        return how
    if status_col is not None:
        return family_of_status(row[status_col], sheet.where)
    code, name = authority_code(row[sheet.code_col]), normalise_header(row[sheet.name_col])
    by_name = physical.get(code, {})
    if len(set(by_name.values())) == 1:
        return next(iter(by_name.values()))
    if name in by_name:  # code shared by a town and a regional council (31 = Ofakim / Nahal Sorek)
        return by_name[name]
    raise LayoutError(sheet.where, f"cannot tell the kind of {name!r} ({code}) from the physical sheet")


def extract_workbook(edition: Edition, out: RecordCollector) -> None:
    """All authorities of every budget sheet of one workbook edition."""
    for sheet_info in edition.sheets:
        sheet = load_sheet(edition, sheet_info["name"])
        how = sheet_info["family"]
        static = how if isinstance(how, str) else None
        status_col = find_column(sheet, [how["status_column"]], None) if isinstance(how, dict) and \
            "status_column" in how else None
        physical = _families_from_physical(edition, how["physical_sheet"]) if isinstance(how, dict) and \
            "physical_sheet" in how else None
        columns = resolve_columns(edition, sheet, static)
        for column in columns:
            out.add_column(_column_read(edition, sheet, column))
        for row in sheet.rows:
            family = _row_family(how, row, sheet, status_col, physical)
            authority = authority_id(family, authority_code(row[sheet.code_col]))
            cells = [(c, row[c.index] if c.index < len(row) else None) for c in columns]
            add_authority_row(out, authority, cells, edition)
