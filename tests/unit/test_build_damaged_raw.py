"""The data build on a damaged copy of a real raw file: a sheet renamed away or a mapped header gone, in a copy
of the CBS workbook (or CSV) under tmp_path, read by one extractor for one edition. Each fails naming the file,
the sheet and the header it looked for; `make data` says so in one line, without a traceback.

The copies are edited inside the .xlsx zip (the sheet name in workbook.xml, the header in sharedStrings.xml),
which keeps every other byte of the file and takes milliseconds where openpyxl would take seconds."""
from __future__ import annotations

import copy
import csv
import html
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from indicators.build import build_database, cbs_budget, cbs_budget_mapping, cbs_indices, cbs_labour_force, cbs_physical
from indicators.build.cbs_cells import normalise_header
from indicators.build.layout_errors import ColumnNotFoundError, LayoutError, SheetNotFoundError, Where
from indicators.build.mapping_files import load_mapping
from indicators.settings import RAW_DIR

FILE_2021 = "cbs/local-authorities/cbs_local_authorities_2021.xlsx"
PHYSICAL_SHEET = "נתונים פיזיים ונתוני אוכלוסייה "
BUDGET_SHEET = "נתוני תקציב"
LFS_SHEET = "סקרי כוח אדם והוצאות משק בית"
POPULATION = 'סה"כ אוכלוסייה בסוף השנה'
INCOME_TOTAL = 'סה"כ תקבולים (תקציב רגיל ותקציב בלתי רגיל)'
SES_2019 = "cbs/indices/ses_index_2019_t1.xlsx"
TRANSCRIPTION = "cbs/transcribed/cbs_muni_physical_population_2022.csv"


# ---- damaged copies ------------------------------------------------------------------------------------
def _copy_xlsx(raw_dir: Path, relative: str, part: str, edit: Callable[[str], str]) -> None:
    """A copy of the raw workbook with one XML part edited; `edit` must change it."""
    target = raw_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(RAW_DIR / relative) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                edited = edit(data.decode("utf-8"))
                assert edited != data.decode("utf-8"), f"the damage did not apply to {part}"
                data = edited.encode("utf-8")
            out.writestr(item, data)


def _rename_sheet(name: str) -> Callable[[str], str]:
    return lambda xml: xml.replace(f'name="{html.escape(name)}"', f'name="{html.escape(name.strip())} (old)"')


def _drop_header(header: str) -> Callable[[str], str]:
    """Every shared string that reads as `header` (after the build's own normalising) becomes another text."""
    wanted = normalise_header(header)

    def edit(xml: str) -> str:
        def replace(match: re.Match) -> str:
            text = html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", match.group(0), flags=re.S)))
            return "<si><t>renamed by a test</t></si>" if normalise_header(text) == wanted else match.group(0)
        return re.sub(r"<si>.*?</si>", replace, xml, flags=re.S)
    return edit


# ---- one edition of one mapping ------------------------------------------------------------------------
def _one_edition(module, edition: int, field_id: str, tmp_path: Path) -> Path:
    mapping = copy.deepcopy(load_mapping(module.MAPPING_FILE, module.check_mapping))
    mapping["editions"] = {edition: mapping["editions"][edition]}
    field = mapping["fields"][field_id]
    mapping["fields"] = {field_id: {**field, "editions": {edition: field["editions"][edition]}}}
    return _write(tmp_path, module.MAPPING_FILE.name, mapping)


def _write(tmp_path: Path, name: str, mapping: dict) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    return path


def _physical(tmp_path):
    return _one_edition(cbs_physical, 2021, "population_total", tmp_path)


def _message(error: pytest.ExceptionInfo) -> str:
    return str(error.value)


# ---- the undamaged copy is read (so each failure below is the damage's) ----------------------------------
def test_an_unchanged_copy_reads(tmp_path):
    _copy_xlsx(tmp_path / "raw", FILE_2021, "xl/workbook.xml", lambda xml: xml + " ")
    out = cbs_physical.extract(_physical(tmp_path), raw_dir=tmp_path / "raw")
    assert len(out.values) > 200 and set(out.values["year"]) == {2021}


# ---- a sheet gone --------------------------------------------------------------------------------------
def test_physical_sheet_missing(tmp_path):
    _copy_xlsx(tmp_path / "raw", FILE_2021, "xl/workbook.xml", _rename_sheet(PHYSICAL_SHEET))
    with pytest.raises(SheetNotFoundError) as error:
        cbs_physical.extract(_physical(tmp_path), raw_dir=tmp_path / "raw")
    assert _message(error).startswith(f"cbs_local_authorities_2021.xlsx / sheet {PHYSICAL_SHEET!r}: no such sheet")
    assert "נתונים פיזיים ונתוני אוכלוסייה (old)" in _message(error)  # the sheets it has, to compare


def test_labour_force_sheet_missing(tmp_path):
    _copy_xlsx(tmp_path / "raw", FILE_2021, "xl/workbook.xml", _rename_sheet(LFS_SHEET))
    mapping = _one_edition(cbs_labour_force, 2021, "lfs_participation_pct", tmp_path)
    with pytest.raises(SheetNotFoundError) as error:
        cbs_labour_force.extract(mapping, raw_dir=tmp_path / "raw")
    assert _message(error).startswith(f"cbs_local_authorities_2021.xlsx / sheet {LFS_SHEET!r}: no such sheet")


def test_budget_sheet_missing(tmp_path):
    _copy_xlsx(tmp_path / "raw", FILE_2021, "xl/workbook.xml", _rename_sheet(BUDGET_SHEET))
    mapping = _one_edition(cbs_budget_mapping, 2021, "income_total", tmp_path)
    with pytest.raises(SheetNotFoundError) as error:
        cbs_budget.extract(mapping, raw_dir=tmp_path / "raw")
    assert _message(error).startswith(f"cbs_local_authorities_2021.xlsx / sheet {BUDGET_SHEET!r}: no such sheet")


# ---- a mapped header gone -------------------------------------------------------------------------------
def test_physical_header_missing(tmp_path):
    _copy_xlsx(tmp_path / "raw", FILE_2021, "xl/sharedStrings.xml", _drop_header(POPULATION))
    with pytest.raises(ColumnNotFoundError) as error:
        cbs_physical.extract(_physical(tmp_path), raw_dir=tmp_path / "raw")
    assert _message(error).startswith(f"cbs_local_authorities_2021.xlsx / sheet {PHYSICAL_SHEET!r}: header")
    assert POPULATION in _message(error) and "missing" in _message(error)


def test_budget_header_missing(tmp_path):
    _copy_xlsx(tmp_path / "raw", FILE_2021, "xl/sharedStrings.xml", _drop_header(INCOME_TOTAL))
    mapping = _one_edition(cbs_budget_mapping, 2021, "income_total", tmp_path)
    with pytest.raises(LayoutError) as error:
        cbs_budget.extract(mapping, raw_dir=tmp_path / "raw")
    assert _message(error).startswith(f"cbs_local_authorities_2021.xlsx / sheet {BUDGET_SHEET!r}:")
    assert INCOME_TOTAL in _message(error)


def test_index_key_header_missing(tmp_path):
    mapping = copy.deepcopy(load_mapping(cbs_indices.MAPPING_FILE, cbs_indices.check_mapping))
    mapping["tables"] = {"cbs_ses_2019": mapping["tables"]["cbs_ses_2019"]}
    _copy_xlsx(tmp_path / "raw", SES_2019, "xl/sharedStrings.xml", _drop_header("ערך מדד 2019[2]"))
    with pytest.raises(LayoutError) as error:
        cbs_indices.extract(_write(tmp_path, cbs_indices.MAPPING_FILE.name, mapping), raw_dir=tmp_path / "raw")
    assert _message(error).startswith("ses_index_2019_t1.xlsx / sheet 'לוח א':") and "ערך מדד 2019" in _message(error)


def test_transcribed_column_missing(tmp_path):
    target = tmp_path / "raw" / TRANSCRIPTION
    target.parent.mkdir(parents=True)
    with open(RAW_DIR / TRANSCRIPTION, encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    gone = 'דמוגרפיה: סה"כ אוכלוסייה בסוף השנה'
    rows[0][rows[0].index(gone)] = "דמוגרפיה: עמודה אחרת"
    with open(target, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    mapping = _one_edition(cbs_physical, 2022, "population_total", tmp_path)
    with pytest.raises(ColumnNotFoundError) as error:
        cbs_physical.extract(mapping, raw_dir=tmp_path / "raw")
    assert _message(error).startswith("cbs_muni_physical_population_2022.csv: header") and gone in _message(error)


# ---- `make data` says it in one line ------------------------------------------------------------------------
def test_the_build_command_names_the_problem_without_a_traceback(monkeypatch, capsys):
    def damaged():
        raise ColumnNotFoundError(Where("cbs_local_authorities_2021.xlsx", PHYSICAL_SHEET), POPULATION, "missing")
    monkeypatch.setattr(build_database, "build_tables", damaged)
    with pytest.raises(SystemExit) as stop:
        build_database.main(["--no-duckdb", "--out", "/nonexistent"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"cbs_local_authorities_2021.xlsx / sheet {PHYSICAL_SHEET!r}: header {POPULATION} is missing" in err
    assert "Traceback" not in err and "data/mappings" in err
