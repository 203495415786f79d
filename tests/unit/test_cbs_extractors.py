"""The shared extractor interface: the registry, the record type, the mapping loader, the columns-read
provenance, and errors naming file, sheet and header (on small synthetic files made here)."""
from __future__ import annotations

import copy
import csv

import openpyxl
import pandas as pd
import pytest
import python_calamine
import yaml

from indicators.build import cbs_budget_mapping, cbs_indices, cbs_labour_force, cbs_physical
from indicators.build.authorities import check_editions_mapping, check_names_mapping
from indicators.build.authority_kinds import family_of_status, index_2004_key, index_table_key, kind_of_status
from indicators.build.cbs_cells import column_letter
from indicators.build.extractors import EXTRACTORS, extract_sources, known_field_ids
from indicators.build.layout_errors import ColumnNotFoundError, LayoutError, SheetNotFoundError, Where
from indicators.build.mapping_files import MappingError, load_mapping
from indicators.build.records import (
    GAP_COLUMNS,
    PROVENANCE_COLUMNS,
    VALUE_COLUMNS,
    DuplicateRecordError,
    RecordCollector,
)
from indicators.registry import load_registry
from indicators.settings import MAPPINGS_DIR, RAW_DIR

BANDED_SHEET = "נתונים פיזיים ונתוני אוכלוסייה "
FILE_2021 = "cbs/local-authorities/cbs_local_authorities_2021.xlsx"
FILE_2022 = "cbs/transcribed/cbs_muni_physical_population_2022.csv"
POPULATION = 'סה"כ אוכלוסייה בסוף השנה'
POPULATION_2022 = 'דמוגרפיה: סה"כ אוכלוסייה בסוף השנה'


@pytest.fixture(scope="module")
def extracted():
    return extract_sources()


# ---- the registry -----------------------------------------------------------------------------------
def test_every_extractor_has_the_same_shape():
    names = [source.name for source in EXTRACTORS]
    assert len(set(names)) == len(names)
    assert len({source.mapping_file for source in EXTRACTORS}) == len(EXTRACTORS)
    for source in EXTRACTORS:
        assert source.mapping_file.parent == MAPPINGS_DIR and source.mapping_file.is_file(), source.name
        assert callable(source.extract) and callable(source.field_editions), source.name


def test_every_mapping_file_is_read_through_the_loader():
    checks = {"cbs_physical.yml": cbs_physical.check_mapping, "cbs_budget.yml": cbs_budget_mapping.check_mapping,
              "indices_tables.yml": cbs_indices.check_mapping, "cbs_labour_force.yml": cbs_labour_force.check_mapping,
              "authorities_editions.yml": check_editions_mapping,
              "authority_names.yml": check_names_mapping}
    assert {p.name for p in MAPPINGS_DIR.glob("*.yml")} == set(checks)
    for name, check in checks.items():
        assert load_mapping(MAPPINGS_DIR / name, check), name


def test_two_sources_may_not_give_the_same_record():
    indices = next(source for source in EXTRACTORS if source.name == "cbs_indices")
    with pytest.raises(DuplicateRecordError, match="two extractors give the same records"):
        extract_sources((indices, indices))


def test_known_field_ids_cover_every_field_indicator():
    known = known_field_ids()
    assert {"population_total", "income_total", "ses_index_value", "peripherality_cluster"} <= known
    assert {ind.field for ind in load_registry() if ind.field} <= known


def test_combined_output_has_the_contract_columns(extracted):
    assert list(extracted.values.columns) == VALUE_COLUMNS
    assert list(extracted.gaps.columns) == GAP_COLUMNS
    assert list(extracted.columns_read.columns) == PROVENANCE_COLUMNS
    assert set(extracted.values.source_id) | set(extracted.gaps.source_id) == set(extracted.columns_read.source_id)
    # every (field, edition) with a figure or a gap was read from a recorded column
    read = set(map(tuple, extracted.columns_read[["field_id", "edition"]].to_numpy()))
    records = extracted.values[["field_id", "edition"]].drop_duplicates()
    assert set(map(tuple, records.to_numpy())) <= read


# ---- provenance of known cells ------------------------------------------------------------------------
def _read(columns_read, field_id, edition, year=None):
    hit = columns_read[(columns_read.field_id == field_id) & (columns_read.edition == edition)]
    if year is not None:
        hit = hit[hit.year == year]
    assert len(hit) == 1, (field_id, edition, len(hit))
    return hit.iloc[0]


def _raw_cell_at(path, sheet, code_text: str, letter: str):
    """Independent read: the cell in column `letter` of the row whose code cell (column B) is code_text."""
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    index = next(i for i in range(200) if column_letter(i) == letter)
    return next(r for r in rows if str(r[1]).strip() == code_text)[index]


def test_population_2021_edition_provenance(extracted):
    row = _read(extracted.columns_read, "population_total", 2021)
    assert (row.source_id, row.file, row.sheet) == ("cbs_la_2021", "cbs_local_authorities_2021.xlsx", BANDED_SHEET)
    assert (row.column, row.header, row.year) == ("M", POPULATION, 2021)
    # the column named there holds Ofakim's published figure
    assert _raw_cell_at(RAW_DIR / FILE_2021, BANDED_SHEET, "0031", row.column) == 33999


def test_banded_provenance_keeps_sub_header_and_band(extracted):
    row = _read(extracted.columns_read, "avg_monthly_wage_employees", 2021)
    assert (row.header, row.sub_header, row.band, row.year) == ('שכר ממוצע לחודש של שכירים (ש"ח)', "כלל השכירים",
                                                                "2019", 2019)
    students = _read(extracted.columns_read, "students_pct_aged_20_25", 2021)
    assert (students.band, students.year) == ('תשפ"ב 2021/22', 2022)


def test_budget_and_transcription_provenance(extracted):
    charge_2015 = _read(extracted.columns_read, "arnona_charge_total", 2016, year=2015)
    assert (charge_2015.sheet, charge_2015.band) == ("נתוני תקציב", "2015")
    assert "חיוב ארנונה סך הכל" in charge_2015.header
    population_2022 = _read(extracted.columns_read, "population_total", 2022)
    assert pd.isna(population_2022.sheet)  # a CSV has no sheets
    assert (population_2022.header, population_2022.year) == (POPULATION_2022, 2022)
    with open(RAW_DIR / FILE_2022, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[[column_letter(i) for i in range(len(header))].index(population_2022.column)] == POPULATION_2022


# ---- the record type ----------------------------------------------------------------------------------
def test_collector_refuses_a_second_record_for_a_key():
    out = RecordCollector("test.yml")
    out.add_value("la-31", "population_total", 2021, 2021, 33999.0, "cbs_la_2021")
    with pytest.raises(DuplicateRecordError, match="la-31"):
        out.add_gap("la-31", "population_total", 2021, 2021, "blank", "cbs_la_2021")
    extracted = out.extracted()
    assert list(extracted.values.columns) == VALUE_COLUMNS and len(extracted.values) == 1
    assert list(extracted.gaps.columns) == GAP_COLUMNS and extracted.gaps.empty


# ---- the authority-kind rule --------------------------------------------------------------------------
def test_one_kind_rule_for_status_text():
    where = Where("f.xlsx", "s")
    assert kind_of_status(" עירייה ", where) == "city"
    assert kind_of_status("עיריה", where) == "city"  # the 2018 budget sheet's spelling
    assert family_of_status("מועצה אזורית", where) == "rc"
    assert family_of_status("מועצה מקומית", where) == "la"
    with pytest.raises(LayoutError, match="f.xlsx / sheet 's': unknown municipal status"):
        kind_of_status("מועצה תעשייתית", where)


def test_index_table_keys():
    assert index_table_key(0, 1161) == ("la", 1161) and index_table_key(99, 666) == ("la", 666)
    assert index_table_key(38, None) == ("rc", 38) and index_table_key(None, None) is None
    assert index_2004_key(10037) == ("rc", 37) and index_2004_key(31) == ("la", 31)


# ---- the mapping loader names the file and the key ----------------------------------------------------
def _physical_mapping() -> dict:
    return copy.deepcopy(load_mapping(cbs_physical.MAPPING_FILE, cbs_physical.check_mapping))


def _write(tmp_path, mapping: dict, name="cbs_physical.yml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("breaks, message", [
    (lambda m: m["editions"][2021].update(source_id="cbs_la_2031"),
     "editions.2021: source_id 'cbs_la_2031' is not in sources.yml"),
    (lambda m: m["editions"][2021].update(file="cbs/local-authorities/other.xlsx"),
     "editions.2021: file 'cbs/local-authorities/other.xlsx' is not cbs_la_2021's registered file"),
    (lambda m: m["editions"][2021].pop("sheet"), "editions.2021: missing sheet"),
    (lambda m: m["editions"][2021].update(layout="flat"), "editions.2021.layout: 'flat' is not one of"),
    (lambda m: m["fields"]["population_total"]["editions"].pop(2019),
     "fields.population_total.editions: edition 2019 not declared"),
    (lambda m: m["fields"]["population_total"]["editions"][2021].update(sub_header="x"),
     "fields.population_total.editions.2021: unknown key(s) sub_header"),
    (lambda m: m["fields"]["population_total"]["editions"][2013].update(la={"year": 2013}),
     "fields.population_total.editions.2013.la: missing header"),
])
def test_malformed_mapping_names_file_and_key(tmp_path, breaks, message):
    mapping = _physical_mapping()
    breaks(mapping)
    with pytest.raises(MappingError) as err:
        cbs_physical.extract(_write(tmp_path, mapping))
    assert str(err.value).startswith("cbs_physical.yml: ") and message in str(err.value)


def test_mapping_that_is_not_yaml_names_the_file(tmp_path):
    path = tmp_path / "cbs_budget.yml"
    path.write_text("editions: [unclosed\n", encoding="utf-8")
    with pytest.raises(MappingError, match="cbs_budget.yml: .*not valid YAML"):
        cbs_budget_mapping.load_editions(path)


def test_transcription_entry_needs_one_exact_header(tmp_path):
    mapping = copy.deepcopy(load_mapping(cbs_budget_mapping.MAPPING_FILE, cbs_budget_mapping.check_mapping))
    mapping["fields"]["income_total"]["editions"][2022] = {"header": ["a", "b"]}
    with pytest.raises(MappingError, match="fields.income_total.editions.2022: the transcription needs one"):
        cbs_budget_mapping.load_editions(_write(tmp_path, mapping, "cbs_budget.yml"))


# ---- a raw file with a missing sheet or column (synthetic files, labelled as such) --------------------
def _synthetic_2021(raw_dir, sheet=BANDED_SHEET, population_header=POPULATION):
    """A synthetic (made-up) banded workbook standing in for the 2021 file: two authorities sharing code 31."""
    path = raw_dir / FILE_2021
    path.parent.mkdir(parents=True)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in (["שנת עדכון: 2021", None, None, None],
                ["שם הרשות", "סמל הרשות", "מעמד מוניציפלי", population_header],
                [None, None, None, None],
                ["רשות א (סינתטית)", "0031", "עירייה", 1000],
                ["רשות ב (סינתטית)", "31", "מועצה אזורית", ".."]):
        ws.append(row)
    book.save(path)


def _population_2021_mapping(tmp_path):
    mapping = _physical_mapping()
    mapping["editions"] = {2021: mapping["editions"][2021]}
    mapping["fields"] = {"population_total": {"editions": {2021: {"header": POPULATION}}}}
    return _write(tmp_path, mapping)


def test_synthetic_workbook_is_read(tmp_path):
    _synthetic_2021(tmp_path / "raw")
    out = cbs_physical.extract(_population_2021_mapping(tmp_path), raw_dir=tmp_path / "raw")
    assert out.values[["authority_id", "year", "value"]].values.tolist() == [["la-31", 2021, 1000.0]]
    assert out.gaps[["authority_id", "reason"]].values.tolist() == [["rc-31", "not_available"]]
    assert out.columns_read[["column", "header", "year"]].values.tolist() == [["D", POPULATION, 2021]]


def test_missing_sheet_names_file_and_sheet(tmp_path):
    _synthetic_2021(tmp_path / "raw", sheet="גיליון אחר")
    with pytest.raises(SheetNotFoundError) as err:
        cbs_physical.extract(_population_2021_mapping(tmp_path), raw_dir=tmp_path / "raw")
    assert str(err.value).startswith(f"cbs_local_authorities_2021.xlsx / sheet {BANDED_SHEET!r}: no such sheet")
    assert "גיליון אחר" in str(err.value)


def test_missing_column_names_file_sheet_and_header(tmp_path):
    _synthetic_2021(tmp_path / "raw", population_header="כותרת אחרת")
    with pytest.raises(ColumnNotFoundError) as err:
        cbs_physical.extract(_population_2021_mapping(tmp_path), raw_dir=tmp_path / "raw")
    message = str(err.value)
    assert message.startswith(f"cbs_local_authorities_2021.xlsx / sheet {BANDED_SHEET!r}: header")
    assert POPULATION in message and "missing" in message


def test_transcription_missing_column_names_file_and_header(tmp_path):
    path = tmp_path / "raw" / FILE_2022
    path.parent.mkdir(parents=True)
    path.write_text("כללי: סמל הרשות,כללי: מעמד מוניציפלי,דמוגרפיה: אחר\n0031,עירייה,5\n", encoding="utf-8")
    mapping = _physical_mapping()
    mapping["editions"] = {2022: mapping["editions"][2022]}
    entry = mapping["fields"]["population_total"]["editions"][2022]
    mapping["fields"] = {"population_total": {"editions": {2022: entry}}}
    with pytest.raises(ColumnNotFoundError) as err:
        cbs_physical.extract(_write(tmp_path, mapping), raw_dir=tmp_path / "raw")
    assert str(err.value).startswith("cbs_muni_physical_population_2022.csv: header")
    assert POPULATION_2022 in str(err.value)
