"""Tests of the CBS physical & population extractor: raw-cell spot checks, contract, traps and parsing."""
from __future__ import annotations

import csv

import pytest
import python_calamine
import yaml

from indicators.build.cbs_cells import authority_code
from indicators.build.cbs_physical import MAPPING_FILE, extract, transcribed_figure
from indicators.build.cbs_years import parse_band_year, school_year_end
from indicators.build.layout_errors import ColumnNotFoundError, LayoutError
from indicators.compute import values_connection
from indicators.registry import load_registry
from indicators.settings import RAW_DIR

LA_DIR = RAW_DIR / "cbs" / "local-authorities"
BANDED_SHEET = "נתונים פיזיים ונתוני אוכלוסייה "
LA_SHEET = "נתונים פיזיים - עיריות ומ.מקומי"
RC_SHEET = "נתונים פיזיים - מ.אזוריות"
CSV_2022 = RAW_DIR / "cbs" / "transcribed" / "cbs_muni_physical_population_2022.csv"


@pytest.fixture(scope="module")
def extracted():
    out = extract()
    return out.values, out.gaps


def _norm(text) -> str:
    return " ".join(str(text or "").split())


def raw_cell(path, sheet, code: str, header: str, sub: str | None = None):
    """Independent re-read of one raw cell: row by the authority's code text, column by header (and sub-header)."""
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    head = next(i for i, r in enumerate(rows) if "שם הרשות" in [_norm(c) for c in r[:3]])
    code_col = next(i for i, c in enumerate(rows[head]) if _norm(c).startswith("סמל הרשות"))
    start = next(i for i, c in enumerate(rows[head]) if _norm(c) == header)
    col = start
    if sub is not None:
        col = next(i for i in range(start, len(rows[head])) if _norm(rows[head + 1][i]) == sub)
    row = next(r for r in rows[head + 1:] if _norm(r[code_col]) == code)
    return row[col]


def raw_csv_cell(code: str, header: str) -> str:
    with open(CSV_2022, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["כללי: סמל הרשות"] == code:
                return row[header]
    raise KeyError(code)


def value_of(values, authority, field, year, edition) -> float:
    hit = values[(values.authority_id == authority) & (values.field_id == field)
                 & (values.year == year) & (values.edition == edition)]
    assert len(hit) == 1, (authority, field, year, edition, len(hit))
    return float(hit.value.iloc[0])


def gap_of(gaps, authority, field, edition) -> str:
    hit = gaps[(gaps.authority_id == authority) & (gaps.field_id == field) & (gaps.edition == edition)]
    assert len(hit) == 1, (authority, field, edition)
    return hit.reason.iloc[0]


# ---- spot checks against raw cells (both layouts, several editions, towns and regional councils)
@pytest.mark.parametrize("edition, code, authority, header, sub, field, year, expected", [
    (2021, "0031", "la-31", 'סה"כ אוכלוסייה בסוף השנה', None, "population_total", 2021, 33999),
    (2021, "0031", "la-31", 'שכר ממוצע לחודש של שכירים (ש"ח)', "כלל השכירים", "avg_monthly_wage_employees",
     2019, 7768.952111),
    (2021, "0031", "la-31", 'שכר ממוצע לחודש של שכירים (ש"ח)', "נשים", "avg_monthly_wage_employees_women",
     2019, 6019.99503),
    (2021, "0031", "la-31", "אחוז זכאים לתעודת בגרות מבין תלמידי כיתות יב", None, "bagrut_eligible_pct",
     2021, 53.648068669527895),
    (2021, "0031", "la-31", "השכלה גבוהה", "אחוז סטודנטים מתוך אוכלוסיית בני 25-20", "students_pct_aged_20_25",
     2022, 7.9),
    (2021, "0031", "la-31", "בחירות מוניציפליות לראש ראשות - סבב א 30/10/18", "אחוזי הצבעה",
     "turnout_head_of_authority_round1_pct", 2018, 68.88),
    (2021, "0031", "la-31", "סך כל שטח השיפוט", 'בקמ"ר', "landuse_total_km2", 2021, 16.33),
    (2019, "9000", "la-9000", "אחוז השכירים המשתכרים עד שכר מינימום", None, "pct_employees_up_to_min_wage",
     2018, None),
    (2018, "0031", "la-31", 'סה"כ גברים בסוף השנה (אלפים)', None, "population_men", 2018, 14359),
    (2017, "38", "rc-38", 'פסולת מוצקה ביתית, מסחרית וגזם (ק"ג ליום לנפש)', None, "waste_kg_per_capita_day",
     2017, None),
    (2016, "0031", "la-31", "גינון לנוי פארק ציבורי", 'שטח בקמ"ר', "landuse_parks_gardens_km2", 2013, 0.09),
])
def test_banded_cells_match_raw(extracted, edition, code, authority, header, sub, field, year, expected):
    values, _ = extracted
    raw = raw_cell(LA_DIR / f"cbs_local_authorities_{edition}.xlsx", BANDED_SHEET, code, header, sub)
    got = value_of(values, authority, field, year, edition)
    assert got == pytest.approx(float(raw))
    if expected is not None:
        assert got == pytest.approx(expected)


def test_band_years_follow_the_sheet(extracted):
    values, _ = extracted
    # Wastewater in the 2021 edition is banded 2020; in 2019 and 2020 it repeats 2018.
    assert value_of(values, "la-31", "wastewater_secondary_treatment_pct", 2020, 2021) == 100.0
    assert set(values[(values.field_id == "wastewater_secondary_treatment_pct")
                      & (values.edition.isin([2019, 2020]))].year) == {2018}
    # Wages lag the edition by one year up to 2020; the 2021 edition repeats 2019.
    wage_years = values[values.field_id == "avg_monthly_wage_employees"].groupby("edition").year.unique()
    assert {e: list(y) for e, y in wage_years.items()} == {
        2013: [2012], 2014: [2013], 2015: [2014], 2016: [2015], 2017: [2016], 2018: [2017], 2019: [2018],
        2020: [2019], 2021: [2019]}


@pytest.mark.parametrize("edition, sheet, code, authority, header, field, year, scale", [
    (2013, LA_SHEET, "0031", "la-31", 'סה"כ אוכלוסייה בסוף 2013 (אלפים)', "population_total", 2013, 1000),
    (2013, LA_SHEET, "0031", "la-31", 'שכר ממוצע לחודש של שכירים במשך 2012 (ש"ח)', "avg_monthly_wage_employees",
     2012, 1),
    (2013, RC_SHEET, "69", "rc-69", 'סה"כ אוכלוסייה1 בסוף 2013 (אלפים)', "population_total", 2013, 1000),
    (2013, RC_SHEET, "69", "rc-69", 'אחוז זכאים לתעודת בגרות מבין תלמידי כיתות יב תשע"ג 2012/13',
     "bagrut_eligible_pct", 2013, 1),
    (2014, RC_SHEET, "41", "rc-41", 'שימושי קרקע - סך הכל שטח שיפוט - בקמ"ר', "landuse_total_km2", 2013, 1),
    (2014, LA_SHEET, "0041", "la-41", 'מכוניות פרטיות - סה"כ 2014', "private_cars_total", 2014, 1),
    (2015, LA_SHEET, "9000", "la-9000", "אחוז פחת המים מסך כל תקבולי המים 2015", "water_loss_pct", 2015, 1),
    (2015, RC_SHEET, "54", "rc-54", 'מקבלי דמי אבטלה - סה"כ (ממוצע חודשי) 2015',
     "unemployment_benefit_recipients_monthly_avg", 2015, 1),
])
def test_split_cells_match_raw(extracted, edition, sheet, code, authority, header, field, year, scale):
    values, _ = extracted
    raw = raw_cell(LA_DIR / f"cbs_local_authorities_{edition}.xls", sheet, code, header)
    assert value_of(values, authority, field, year, edition) == pytest.approx(float(raw) * scale)


def test_known_values_and_colliding_codes(extracted):
    values, _ = extracted
    assert value_of(values, "la-31", "population_total", 2013, 2013) == pytest.approx(25100)  # 25.1 thousand
    assert value_of(values, "la-31", "population_total", 2016, 2016) == pytest.approx(26600)
    assert value_of(values, "rc-69", "population_total", 2013, 2013) == pytest.approx(8200)
    # Code 31 is Ofakim (town) and Nahal Sorek (regional council): two different authorities.
    assert value_of(values, "rc-31", "population_total", 2021, 2021) != value_of(
        values, "la-31", "population_total", 2021, 2021)


@pytest.mark.parametrize("code, authority, header, field, year", [
    ("0031", "la-31", 'דמוגרפיה: סה"כ אוכלוסייה בסוף השנה', "population_total", 2022),
    ("0031", "la-31", 'פסולת מוצקה ביתית, מסחרית וגזם (ק"ג ליום לנפש): פסולת מוצקה ביתית, מסחרית וגזם '
     '(ק"ג ליום לנפש)', "waste_kg_per_capita_day", 2022),
    ("9000", "la-9000", "חינוך והשכלה: אחוז זכאים לתעודת בגרות מבין תלמידי כיתות יב", "bagrut_eligible_pct",
     2022),
    ("0038", "rc-38", 'תחבורה: כלי רכב פרטיים סה"כ', "private_cars_total", 2022),
])
def test_transcription_cells_match_raw(extracted, code, authority, header, field, year):
    values, _ = extracted
    assert value_of(values, authority, field, year, 2022) == pytest.approx(float(raw_csv_cell(code, header)))


def test_transcription_zero_is_a_nil_gap(extracted):
    _, gaps = extracted
    header = 'שימושי קרקע קיבוץ ל-14 קטגוריות: מבנים חקלאיים שטח בקמ"ר'
    assert float(raw_csv_cell("0031", header)) == 0.0
    assert gap_of(gaps, "la-31", "landuse_agricultural_buildings_km2", 2022) == "nil_or_not_applicable"


def test_gaps_are_recorded_not_filled(extracted):
    values, gaps = extracted
    # Umm al-Fahm waste in 2013 is ".." in the sheet.
    assert _norm(raw_cell(LA_DIR / "cbs_local_authorities_2013.xls", LA_SHEET, "2710",
                          'פסולת מוצקה ביתית, מסחרית וגזם (ק"ג ליום לנפש) 2013')) == ".."
    assert gap_of(gaps, "la-2710", "waste_kg_per_capita_day", 2013) == "not_available"
    assert values[(values.authority_id == "la-2710") & (values.field_id == "waste_kg_per_capita_day")
                  & (values.edition == 2013)].empty
    # Placeholder zeros (Gini, self-employed income) in 2014 are "not reported", never values.
    assert not ((values.field_id == "wage_gini_employees") & (values.value == 0)).any()
    assert (gaps.reason == "not_reported").any()


# ---- contract and sanity
def test_contract_shape_and_every_authority(extracted):
    values, gaps = extracted
    assert list(values.columns) == ["authority_id", "field_id", "year", "edition", "value", "source_id"]
    assert list(gaps.columns) == ["authority_id", "field_id", "year", "edition", "reason", "source_id"]
    assert str(values.year.dtype) == "int64" and str(values.value.dtype) == "float64"
    assert not values.duplicated(["authority_id", "field_id", "year", "edition"]).any()
    both = values[["authority_id", "edition"]]
    per_edition = both.groupby("edition").authority_id.nunique()
    assert per_edition.min() >= 250 and set(per_edition.index) == set(range(2013, 2023))
    assert set(gaps.reason) <= {"not_available", "nil_or_not_applicable", "below_threshold", "blank", "not_reported",
                                "suppressed", "unparsed"}
    assert values.authority_id.str.match(r"^(la|rc)-\d+$").all()


def test_percentages_are_0_to_100_and_population_in_persons(extracted):
    values, _ = extracted
    pct = values[values.field_id.str.endswith("_pct") & (values.field_id != "water_loss_pct")
                 & (values.field_id != "population_growth_pct")]
    assert pct.value.between(0, 100).all()
    # No edition publishes a share as a fraction: every share field has a median above 1 - except the failed
    # drinking-water samples, where 0 (no failure) is the commonest value; some authorities exceed 1 % there.
    rare = pct.field_id == "drinking_water_micro_failures_pct"
    assert (pct[~rare].groupby(["field_id", "edition"]).value.median() > 0.3).all()
    assert (pct[rare].groupby("edition").value.max() > 1).all()
    pop = values[values.field_id == "population_total"]
    assert pop.groupby("edition").value.median().between(5000, 30000).all()


def test_land_use_components_are_never_missing_beside_a_total(extracted):
    """The share queries count a missing component as '-' (none): that is safe only if no component is '..'."""
    values, gaps = extracted
    totals = values[values.field_id == "landuse_total_km2"][["authority_id", "edition"]]
    missing = gaps[gaps.field_id.str.startswith("landuse_") & (gaps.reason != "nil_or_not_applicable")]
    assert missing.merge(totals, on=["authority_id", "edition"]).empty


def test_indicator_queries_run(extracted):
    values, _ = extracted
    con = values_connection(values)
    mine = [i for i in load_registry() if i.source_id == "cbs_local_authorities" and (i.sql_file or i.field)]
    fields = set(values.field_id)
    for ind in mine:
        if ind.field and ind.field not in fields:
            continue  # declared by another extractor
        out = con.execute(*_query(ind)).df()
        assert list(out.columns) == ["authority_id", "year", "edition", "value", "source_id"], ind.id
    ratio = con.execute(*_query(load_registry_by_id("women_to_men_wage_ratio_pct"))).df()
    got = ratio[(ratio.authority_id == "la-31") & (ratio.year == 2019) & (ratio.edition == 2021)].value.iloc[0]
    assert got == pytest.approx(6019.99503 / 9746.815279 * 100)


def load_registry_by_id(indicator_id):
    return next(i for i in load_registry() if i.id == indicator_id)


# ---- errors name the file, sheet and header
def test_missing_header_raises_with_file_sheet_and_header(tmp_path):
    mapping = yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))
    mapping["editions"] = {2021: mapping["editions"][2021]}
    mapping["fields"] = {"population_total": {"editions": {2021: {"header": "כותרת שאינה קיימת"}}}}
    path = tmp_path / "mapping.yml"
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ColumnNotFoundError) as err:
        extract(path)
    message = str(err.value)
    assert "cbs_local_authorities_2021.xlsx" in message and BANDED_SHEET in message
    assert "כותרת שאינה קיימת" in message


def test_split_year_must_agree_with_header(tmp_path):
    mapping = yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))
    mapping["editions"] = {2013: mapping["editions"][2013]}
    spec = dict(mapping["fields"]["population_total"]["editions"][2013]["la"], year=2012)
    mapping["fields"] = {"population_total": {"editions": {2013: {"la": spec, "rc": None}}}}
    path = tmp_path / "mapping.yml"
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LayoutError, match="2012"):
        extract(path)


def test_every_field_declares_every_edition():
    mapping = yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))
    for field_id, field in mapping["fields"].items():
        assert set(range(2013, 2023)) <= set(field["editions"]), field_id
        assert field["editions"][2022] is None or "year_basis" in field["editions"][2022], field_id


# ---- tricky parsing
@pytest.mark.parametrize("cell, expected", [
    (2019.0, 2019), ("2021-2017", 2021), ("2017 - 2021", 2021), ('תשפ"א 2020/21', 2021),
    ('תש"ף 2019/20', 2020), ("יוני 2022", 2022), ("", 2018), (None, 2018),
])
def test_parse_band_year(cell, expected):
    assert parse_band_year(cell, 2018) == expected


def test_school_year_across_a_century():
    assert school_year_end("1999/00") == 2000


@pytest.mark.parametrize("cell, expected", [("0031", 31), ("2710", 2710), (831.0, 831), ("", None),
                                            ("משתנה חדש", None), (None, None)])
def test_authority_code(cell, expected):
    assert authority_code(cell) == expected


@pytest.mark.parametrize("text, expected", [
    ("0.0", (None, "nil_or_not_applicable")), ("", (None, "blank")), ("nan", (None, "blank")),
    ("12.5", (12.5, None)), ("..", (None, "not_available")),
])
def test_transcribed_figure(text, expected):
    assert transcribed_figure(text) == expected


def _query(indicator):
    """(sql, parameters) as the build runs them."""
    sql, params = indicator.compute_sql()
    return sql, params or None
