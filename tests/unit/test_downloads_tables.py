"""Table downloads read back: the CSV with pandas, the workbook with openpyxl and pandas, values equal to
the published database, the sheet's direction, its header block and its number formats."""
import io

import openpyxl
import pandas as pd
import pytest

from indicators.downloads.csv_file import csv_bytes, neutralise
from indicators.downloads.excel_file import excel_bytes, number_format
from indicators.downloads.header_block import HeaderBlock
from indicators.exports import tidy_table
from indicators.names import authority_names
from indicators.settings import PUBLISHED_DIR

TOWN = "la-1161"  # Rahat


@pytest.fixture(scope="module")
def published():
    return {name: pd.read_parquet(PUBLISHED_DIR / f"{name}.parquet")
            for name in ("authorities", "indicators", "observations", "sources")}


def town_table(published, lang: str) -> pd.DataFrame:
    """Every figure of one town, tidy, as the town profile offers it."""
    obs = published["observations"]
    names = authority_names(published["authorities"], lang)
    metas = published["indicators"].set_index("indicator_id", drop=False)
    frames = [tidy_table(rows.reset_index(drop=True), names, metas.loc[i].to_dict(), published["sources"], lang)
              for i, rows in obs[obs["authority_id"] == TOWN].groupby("indicator_id")]
    return pd.concat(frames, ignore_index=True)


def header(lang: str) -> HeaderBlock:
    return HeaderBlock(title="כל הנתונים של רהט" if lang == "he" else "All figures",
                       lines=(("Source", "Central Bureau of Statistics — editions 2021"), ("Years", "2013–2022"),
                              ("Downloaded on", "2026-12-03")),
                       link="http://localhost:8501/town_profile?town=la-1161&lang=" + lang, link_label="Link",
                       rtl=lang in ("he", "ar"))


def test_csv_reads_back_equal_to_the_database(published):
    table = town_table(published, "he")
    raw = csv_bytes(table)
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert back["authority"].iloc[0] == "רהט"
    obs = published["observations"]
    own = obs[obs["authority_id"] == TOWN].astype({"year": "int64"})
    decimals = own["indicator_id"].map(published["indicators"].set_index("indicator_id")["decimals"])
    # The download keeps two decimals more than the indicator shows (indicators/exports.py).
    expected = pd.Series([round(v, int(d) + 2) for v, d in zip(own["value"], decimals, strict=True)],
                         index=pd.MultiIndex.from_frame(own[["indicator_id", "year"]]))
    got = back.set_index(["indicator_id", "year"])["value"]
    assert len(got) == len(expected)
    pd.testing.assert_series_equal(got.sort_index(), expected.reindex(got.index).sort_index(),
                                   check_names=False, check_index_type=False)


def test_text_that_would_run_as_a_formula_is_neutralised():
    table = pd.DataFrame({"name": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "ok", "רהט"], "value": [-1.5] * 6})
    back = pd.read_csv(io.BytesIO(csv_bytes(table)), encoding="utf-8-sig")
    assert back["name"].tolist() == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "ok", "רהט"]
    assert (back["value"] == -1.5).all()  # numbers, negative ones too, stay numbers
    assert neutralise("-") == "'-"


@pytest.mark.parametrize("lang", ["he", "en", "ar"])
def test_workbook_has_direction_header_block_and_frozen_header(published, lang):
    table = town_table(published, lang)
    decimals = published["indicators"].set_index("indicator_id")["decimals"]
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes(
        table, header(lang), {"value": [int(decimals[i]) for i in table["indicator_id"]]})))
    sheet = book.active
    assert sheet.sheet_view.rightToLeft is (lang != "en")
    assert sheet["A1"].value == header(lang).title
    block = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=2).value for r in range(2, 6)}
    assert block["Source"].startswith("Central Bureau of Statistics")
    assert block["Link"].endswith(f"lang={lang}") and sheet["B5"].hyperlink.target == block["Link"]
    assert sheet.freeze_panes == "A8"  # the data's header row (row 7) stays in view
    assert [c.value for c in sheet[7]][:3] == ["authority_id", "authority", "indicator_id"]


def test_workbook_values_are_numbers_with_the_indicators_decimals(published):
    table = town_table(published, "he")
    decimals = published["indicators"].set_index("indicator_id")["decimals"]
    raw = excel_bytes(table, header("he"), {"value": [int(decimals[i]) for i in table["indicator_id"]]})
    back = pd.read_excel(io.BytesIO(raw), skiprows=6, engine="openpyxl")
    pd.testing.assert_series_equal(back["value"], table["value"], check_names=False)
    assert back["year"].dtype.kind == "i"
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    value_col = [c.value for c in sheet[7]].index("value") + 1
    for offset, indicator_id in enumerate(table["indicator_id"].head(40)):
        cell = sheet.cell(row=8 + offset, column=value_col)
        assert isinstance(cell.value, float | int)
        assert cell.number_format == number_format(int(decimals[indicator_id]))


def test_text_cells_never_become_formulas():
    raw = excel_bytes(pd.DataFrame({"name": ["=1+1"]}), HeaderBlock(title="=2+2"))
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    assert sheet["A4"].data_type == "s" and sheet["A4"].value == "=1+1"
    assert sheet["A1"].data_type == "s"


def test_a_constant_price_download_states_its_basis_in_every_row(published):
    """The all-years wage download of the explorer in 2022 prices: the unit and a price_basis column say so,
    and the values are the published ones times each data year's factor."""
    from indicators.exports import with_price_basis
    from indicators.prices import in_constant_prices

    obs, meta = published["observations"], published["indicators"].set_index("indicator_id", drop=False)
    wages = obs[(obs["authority_id"] == TOWN) & (obs["indicator_id"] == "avg_monthly_wage")].reset_index(drop=True)
    index = pd.read_parquet(PUBLISHED_DIR / "price_index.parquet")
    names = authority_names(published["authorities"], "en")
    table = tidy_table(in_constant_prices(wages, index), names, meta.loc["avg_monthly_wage"].to_dict(),
                       published["sources"], "en")
    table = with_price_basis(table, "₪ per month, 2022 prices", "constant 2022 prices (CPI, World Bank from CBS)")
    back = pd.read_csv(io.BytesIO(csv_bytes(table)), encoding="utf-8-sig").set_index("year")
    assert list(back.columns[back.columns.get_loc("unit"):][:2]) == ["unit", "price_basis"]
    assert set(back["price_basis"]) == {"constant 2022 prices (CPI, World Bank from CBS)"}
    assert set(back["unit"]) == {"₪ per month, 2022 prices"}
    published_2013 = wages.set_index("year").loc[2013, "value"]
    assert back.loc[2013, "value"] == pytest.approx(published_2013 * 1.066104, abs=0.01)
    assert back.loc[2013, "source_publisher"].startswith("Israel Central Bureau of Statistics")
