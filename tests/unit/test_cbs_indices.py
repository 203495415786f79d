"""The SES and peripherality index extractor: keys, years, spot checks against raw cells, errors."""
import copy

import pandas as pd
import pytest
import yaml

from indicators.build import cbs_indices as ci
from indicators.build.cbs_cells import read_sheet_rows
from indicators.build.layout_errors import ColumnNotFoundError, Where
from indicators.build.mapping_files import load_mapping
from indicators.build.records import GAP_COLUMNS, VALUE_COLUMNS
from indicators.settings import NEGEV_AUTHORITY_IDS, RAW_DIR

IDX = RAW_DIR / "cbs" / "indices"


@pytest.fixture(scope="module")
def extracted() -> tuple[pd.DataFrame, pd.DataFrame]:
    out = ci.extract()
    return out.values, out.gaps


def _value(values, aid, field_id, year):
    hit = values[(values.authority_id == aid) & (values.field_id == field_id) & (values.year == year)]
    assert len(hit) == 1, (aid, field_id, year)
    return hit.iloc[0]


def _raw_row(file, sheet, match):
    """The first raw row for which match(row) holds (an independent read, no mapping involved)."""
    return next(r for r in read_sheet_rows(IDX / file, sheet) if match(r))


def test_contract_columns_and_types(extracted):
    values, gaps = extracted
    assert list(values.columns) == VALUE_COLUMNS
    assert list(gaps.columns) == GAP_COLUMNS
    assert values["value"].notna().all()
    assert not values.duplicated(["authority_id", "field_id", "year", "edition"]).any()
    assert set(values["source_id"]) == {"cbs_ses_2013", "cbs_ses_2019", "cbs_periph_2004", "cbs_periph_2020"}
    allowed = {"not_available", "nil_or_not_applicable", "blank", "suppressed", "unparsed"}
    assert set(gaps["reason"]) <= allowed


def test_years_and_editions(extracted):
    values, _ = extracted
    got = set(map(tuple, values[["field_id", "year", "edition"]].drop_duplicates().to_numpy()))
    assert got == {
        ("ses_index_value", 2013, 2013), ("ses_cluster", 2013, 2013), ("ses_cluster", 2008, 2013),
        ("ses_index_value", 2019, 2019), ("ses_cluster", 2019, 2019), ("ses_cluster", 2017, 2019),
        ("peripherality_index_value", 2004, 2004), ("peripherality_cluster", 2004, 2004),
        ("peripherality_index_value", 2020, 2020), ("peripherality_cluster", 2020, 2020),
        ("peripherality_cluster", 2015, 2020),
    }


def test_every_authority_of_each_table(extracted):
    values, _ = extracted
    counts = values[values.field_id.str.endswith("cluster")].groupby(["source_id", "year"]).size()
    assert counts[("cbs_ses_2013", 2013)] == 255
    assert counts[("cbs_ses_2019", 2019)] == 255
    assert counts[("cbs_periph_2020", 2020)] == 255
    negev = values[values.authority_id.isin(NEGEV_AUTHORITY_IDS)]
    for field_id, year in [("ses_index_value", 2013), ("ses_index_value", 2019),
                           ("peripherality_index_value", 2020), ("ses_cluster", 2017)]:
        assert negev[(negev.field_id == field_id) & (negev.year == year)].authority_id.nunique() == 33


def test_spot_ses_2013(extracted):
    values, _ = extracted
    rahat = _raw_row("ses_index_2013_t2.xls", "t02", lambda r: r[1] == 1161.0)
    assert rahat[2] == "רהט"
    assert _value(values, "la-1161", "ses_index_value", 2013).value == pytest.approx(rahat[4])
    assert _value(values, "la-1161", "ses_cluster", 2013).value == rahat[6]
    # Neve Midbar is a regional council: status column 68, code column blank.
    neve = _raw_row("ses_index_2013_t2.xls", "t02", lambda r: r[0] == 68.0 and r[1] == "")
    assert neve[2] == "נווה מדבר"
    assert _value(values, "rc-68", "ses_index_value", 2013).value == pytest.approx(neve[4])
    tel_aviv = _raw_row("ses_index_2013_t2.xls", "t02", lambda r: r[1] == 5000.0)
    assert _value(values, "la-5000", "ses_cluster", 2013).value == tel_aviv[6]


def test_spot_ses_2019_with_2017_cluster(extracted):
    values, _ = extracted
    kasom = _raw_row("ses_index_2019_t1.xlsx", "לוח א", lambda r: r[0] == 69.0 and r[1] == "")
    assert kasom[2] == "אל קסום"
    assert _value(values, "rc-69", "ses_index_value", 2019).value == pytest.approx(kasom[5])
    assert _value(values, "rc-69", "ses_cluster", 2019).value == kasom[7]
    assert _value(values, "rc-69", "ses_cluster", 2017).value == kasom[9]
    omer = _raw_row("ses_index_2019_t1.xlsx", "לוח א", lambda r: r[1] == 666.0)
    assert omer[2] == "עומר"
    assert _value(values, "la-666", "ses_index_value", 2019).value == pytest.approx(omer[5])
    assert _value(values, "la-666", "ses_cluster", 2019).value == omer[7]


def test_code_collision_ofakim_and_nahal_sorek(extracted):
    values, _ = extracted
    ofakim = _raw_row("ses_index_2019_t1.xlsx", "לוח א", lambda r: r[0] in (0.0, 99.0) and r[1] == 31.0)
    sorek = _raw_row("ses_index_2019_t1.xlsx", "לוח א", lambda r: r[0] == 31.0 and r[1] == "")
    assert (ofakim[2], sorek[2]) == ("אופקים", "נחל שורק")
    assert _value(values, "la-31", "ses_index_value", 2019).value == pytest.approx(ofakim[5])
    assert _value(values, "rc-31", "ses_index_value", 2019).value == pytest.approx(sorek[5])


def test_spot_peripherality_2004(extracted):
    values, gaps = extracted
    shaar = _raw_row("peripherality_index_2004_t2.xls", "לוח 2", lambda r: r[0] == 10037.0)
    assert shaar[1] == "שער הנגב"
    assert _value(values, "rc-37", "peripherality_index_value", 2004).value == pytest.approx(shaar[8])
    assert _value(values, "rc-37", "peripherality_cluster", 2004).value == shaar[10]
    rahat = _raw_row("peripherality_index_2004_t2.xls", "לוח 2", lambda r: r[0] == 1161.0)
    assert _value(values, "la-1161", "peripherality_index_value", 2004).value == pytest.approx(rahat[8])
    # Code 6000 was the merged Baqa-Jatt in 2004: a gap for today's Baqa al-Gharbiyye, not a value.
    assert values[(values.authority_id == "la-6000") & (values.year == 2004)].empty
    assert not gaps[(gaps.authority_id == "la-6000") & (gaps.year == 2004)].empty
    # Al-Kasom and Neve Midbar did not exist in 2004 (Abu Basma, rc-67, did).
    assert values[(values.authority_id == "rc-69") & (values.year == 2004)].empty
    assert not values[(values.authority_id == "rc-67") & (values.year == 2004)].empty


def test_spot_peripherality_2020_direction(extracted):
    values, _ = extracted
    eilat = _raw_row("peripherality_index_2020_t1.xlsx", "לוח 1", lambda r: r[1] == 2600.0)
    assert eilat[2] == "אילת"
    assert _value(values, "la-2600", "peripherality_index_value", 2020).value == pytest.approx(eilat[9])
    assert _value(values, "la-2600", "peripherality_cluster", 2020).value == eilat[11] == 1
    assert _value(values, "la-2600", "peripherality_cluster", 2015).value == eilat[12]
    hevel = _raw_row("peripherality_index_2020_t1.xlsx", "לוח 1", lambda r: r[0] == 53.0 and r[1] == "")
    assert _value(values, "rc-53", "peripherality_index_value", 2020).value == pytest.approx(hevel[9])
    # Higher value = more central: Tel Aviv far above Eilat.
    assert _value(values, "la-5000", "peripherality_index_value", 2020).value > eilat[9]


def test_not_available_cells_are_gaps(extracted):
    _, gaps = extracted
    neve_2008 = gaps[(gaps.authority_id == "rc-68") & (gaps.field_id == "ses_cluster") & (gaps.year == 2008)]
    assert list(neve_2008.reason) == ["not_available"]


def _mapping_with(tmp_path, source_id, field_id, year, cell):
    """A copy of the mapping file with one table, whose cell for (field, year) is replaced."""
    mapping = copy.deepcopy(load_mapping(ci.MAPPING_FILE, ci.check_mapping))
    mapping["tables"] = {source_id: mapping["tables"][source_id]}
    mapping["tables"][source_id]["fields"][field_id][year] = cell
    path = tmp_path / "indices_tables.yml"
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    return path


def test_missing_header_names_file_sheet_and_header(tmp_path):
    path = _mapping_with(tmp_path, "cbs_ses_2019", "ses_cluster", 2019, {"header": "אשכול 2091"})
    with pytest.raises(ColumnNotFoundError) as err:
        ci.extract(path)
    assert "ses_index_2019_t1.xlsx" in str(err.value)
    assert "לוח א" in str(err.value) and "אשכול 2091" in str(err.value)


def test_ambiguous_header_without_group_raises(tmp_path):
    path = _mapping_with(tmp_path, "cbs_periph_2020", "peripherality_index_value", 2020, {"header": "ערך1"})
    with pytest.raises(ColumnNotFoundError, match="ambiguous"):
        ci.extract(path)


def test_row_keying():
    cols = {"status": 0, "code": 1, "name": 2}
    assert ci.row_authority([0.0, 1161.0, "רהט"], cols, "status_column", Where("t")) == ("la-1161", 1161)
    assert ci.row_authority([99.0, 666.0, "עומר"], cols, "status_column", Where("t")) == ("la-666", 666)
    assert ci.row_authority([38.0, "", "אשכול"], cols, "status_column", Where("t")) == ("rc-38", 38)
    # Footnote rows (a number in the first column, text in the next) have no name: not authorities.
    assert ci.row_authority([1.0, "ערכי המרכיב", ""], cols, "status_column", Where("t")) is None
    with pytest.raises(ValueError):
        ci.row_authority(["", "", "שם"], cols, "status_column", Where("t"))
    cols04 = {"code": 0, "name": 1}
    assert ci.row_authority([10037.0, "שער הנגב"], cols04, "rc_code_plus_10000", Where("t")) == ("rc-37", 10037)
    assert ci.row_authority([31.0, "אופקים"], cols04, "rc_code_plus_10000", Where("t")) == ("la-31", 31)


def test_group_header_spreads_over_merged_cells():
    assert ci._forward_filled(["", "א", "", "", "ב", ""]) == ["", "א", "א", "א", "ב", "ב"]
