"""The authorities table: every CBS authority 2013–2021, keyed by code and kind, with names and flags."""
import pandas as pd
import pytest

from indicators.build import authorities as au
from indicators.build.boundaries import english_names, read_layer
from indicators.build.cbs_cells import authority_code, read_sheet_rows
from indicators.build.layout_errors import ColumnNotFoundError
from indicators.settings import AUTHORITY_KINDS, NEGEV_AUTHORITY_IDS, RAW_DIR

LA_DIR = RAW_DIR / "cbs" / "local-authorities"


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return au.build_authorities(rc_names=english_names(read_layer()))


@pytest.mark.parametrize("edition", range(2013, 2022))
def test_every_edition_lists_255_authorities(edition):
    spec = au.load_editions_mapping()["editions"][edition]
    rows = au.read_edition(edition, spec)
    assert len(rows) == 255
    assert rows["authority_id"].is_unique


def test_ids_unique_and_columns_exact(table):
    assert list(table.columns) == au.COLUMNS
    assert table["authority_id"].is_unique
    assert len(table) == 255
    assert set(table["kind"]) <= set(AUTHORITY_KINDS)


def test_code_collision_gives_two_authorities(table):
    by_id = table.set_index("authority_id")
    assert by_id.loc["la-31", "name_he"] == "אופקים" and by_id.loc["la-31", "kind"] == "city"
    assert by_id.loc["rc-31", "name_he"] == "נחל שורק" and by_id.loc["rc-31", "kind"] == "regional_council"
    assert by_id.loc["la-41", "kind"] == "local_council" and by_id.loc["rc-41", "name_he"] == "בני שמעון"


def test_negev_flags_and_arabic_names(table):
    negev = table[table["is_negev"]]
    assert set(negev["authority_id"]) == NEGEV_AUTHORITY_IDS
    assert negev["name_ar"].notna().all()
    assert table.loc[~table["is_negev"], "name_ar"].isna().all()
    assert table.set_index("authority_id").loc["la-1161", "name_ar"] == "رهط"


def test_kind_and_name_come_from_latest_edition(table):
    by_id = table.set_index("authority_id")
    # Kfar Yona was a local council in 2013 and a city from 2014; Be'er Ya'akov became a city in 2021.
    assert by_id.loc["la-168", "kind"] == "city"
    assert by_id.loc["la-2530", "kind"] == "city"
    assert by_id.loc["la-2530", "first_edition"] == 2013 and by_id.loc["la-2530", "last_edition"] == 2021


def test_english_names_and_districts(table):
    by_id = table.set_index("authority_id")
    assert table["name_en"].notna().all()
    assert by_id.loc["la-9000", "name_en"] == "Be'er Sheva"
    assert by_id.loc["rc-31", "name_en"] == "Nahal Sorek"  # from the Interior layer's Muni_Eng
    assert by_id.loc["la-2600", "name_en"] == "Eilat"  # YAML override of CBS's "Elat"
    assert by_id.loc["la-1161", "district"] == "הדרום" and by_id.loc["la-1161", "district_en"] == "South"
    assert table["district_en"].notna().all()


# Independent re-reads of raw cells: (edition, file, sheet, row index, name, code text, district, status).
SPOT = [
    (2013, "cbs_local_authorities_2013.xls", "נתונים פיזיים - עיריות ומ.מקומי", 2, "אופקים", "0031",
     "הדרום", "עירייה"),
    (2013, "cbs_local_authorities_2013.xls", "נתונים פיזיים - מ.אזוריות", 1, "אל קסום", "69", "הדרום",
     "מועצה אזורית"),
    (2021, "cbs_local_authorities_2021.xlsx", "נתונים פיזיים ונתוני אוכלוסייה ", 6, "אופקים", "0031",
     "הדרום", "עירייה"),
]


@pytest.mark.parametrize("edition,file,sheet,row,name,code,district,status", SPOT)
def test_spot_check_raw_rows(edition, file, sheet, row, name, code, district, status):
    raw = read_sheet_rows(LA_DIR / file, sheet)[row]
    assert [str(c).strip() for c in raw[:4]] == [name, code, district, status]
    parsed = au.read_edition(edition, au.load_editions_mapping()["editions"][edition])
    family = "rc" if status == "מועצה אזורית" else "la"
    hit = parsed[parsed["authority_id"] == f"{family}-{int(code)}"].iloc[0]
    assert (hit["name_he"], hit["district"]) == (name, district)


def test_missing_header_names_file_sheet_and_header():
    spec = dict(au.load_editions_mapping()["editions"][2016])
    spec["headers"] = {**spec["headers"], "status": "מעמד מוניציפאלי בדוי"}
    with pytest.raises(ColumnNotFoundError) as err:
        au.read_edition(2016, spec)
    message = str(err.value)
    assert "cbs_local_authorities_2016.xlsx" in message
    assert "נתונים פיזיים ונתוני אוכלוסייה" in message
    assert "מעמד מוניציפאלי בדוי" in message


def test_code_parsing_keeps_leading_zero_codes():
    assert authority_code("0031") == 31
    assert authority_code("831.0") == 831
    assert authority_code("") is None
    assert authority_code("ראו מקרא") is None


def test_tidy_english():
    assert au.tidy_english("jat") == "Jat"
    assert au.tidy_english("Be'er Sheva") == "Be'er Sheva"
    assert au.tidy_english(None) is None
