"""Population make-up and the population group: raw-cell spot checks in both file layouts, CBS's 4 % printing
threshold read as a gap (never zero), and the group rule on hand-made shares."""
import pandas as pd
import pytest

from indicators.build.cbs_physical import extract
from indicators.build.population_groups import GROUP_THRESHOLD, population_groups
from indicators.settings import NEGEV_AUTHORITY_IDS, PUBLISHED_DIR


@pytest.fixture(scope="module")
def extracted():
    return extract()


def _value(values, authority_id, field_id, year):
    rows = values[(values["authority_id"] == authority_id) & (values["field_id"] == field_id)
                  & (values["year"] == year)]
    return rows["value"].tolist()


def test_shares_read_from_both_layouts(extracted):
    values = extracted.values
    # 2013 split sheets (towns / regional councils), 2021 banded sheet — values from the raw cells.
    assert _value(values, "la-9000", "jewish_others_pct", 2013) == [98.0]
    assert _value(values, "rc-38", "jewish_others_pct", 2013) == [99.5]
    assert _value(values, "la-1161", "arab_pct", 2021) == [99.8]
    assert _value(values, "la-9000", "jewish_others_pct", 2021) == [97.1]
    assert _value(values, "la-2600", "arab_pct", 2014) == [4.0]  # Eilat: the smallest share CBS prints


def test_an_unprinted_share_is_below_the_threshold_not_zero(extracted):
    gaps = extracted.gaps
    rahat = gaps[(gaps["authority_id"] == "la-1161") & (gaps["field_id"] == "jewish_others_pct")]
    assert set(rahat["reason"]) == {"below_threshold"} and 2021 in set(rahat["year"])  # CBS prints "-"
    beer_sheva_2013 = gaps[(gaps["authority_id"] == "la-9000") & (gaps["field_id"] == "arab_pct")
                           & (gaps["year"] == 2013)]
    assert beer_sheva_2013["reason"].tolist() == ["below_threshold"]  # an empty cell in 2013
    values = extracted.values
    assert not ((values["field_id"] == "arab_pct") & (values["value"] == 0) & (values["year"] < 2022)).any()


def _figures(rows):
    values = pd.DataFrame([r for r in rows if r[3] is not None],
                          columns=["authority_id", "field_id", "year", "value", "edition", "source_id"])
    gaps = pd.DataFrame([(*r[:3], "below_threshold", r[4], r[5]) for r in rows if r[3] is None],
                        columns=["authority_id", "field_id", "year", "reason", "edition", "source_id"])
    return values, gaps


def test_group_rule_uses_the_threshold_and_the_latest_original_year():
    rows = [
        ("a", "arab_pct", 2021, 99.0, 2021, "cbs"), ("a", "jewish_others_pct", 2021, None, 2021, "cbs"),
        ("j", "arab_pct", 2021, None, 2021, "cbs"), ("j", "jewish_others_pct", 2021, 97.0, 2021, "cbs"),
        ("m", "arab_pct", 2021, 30.0, 2021, "cbs"), ("m", "jewish_others_pct", 2021, 70.0, 2021, "cbs"),
        # an older year says mixed, the latest says Jewish and others; the 2022 transcription is left out
        ("t", "arab_pct", 2019, 25.0, 2019, "cbs"), ("t", "jewish_others_pct", 2019, 75.0, 2019, "cbs"),
        ("t", "arab_pct", 2021, 15.0, 2021, "cbs"), ("t", "jewish_others_pct", 2021, 85.0, 2021, "cbs"),
        ("t", "arab_pct", 2022, 60.0, 2022, "x_transcribed"), ("t", "jewish_others_pct", 2022, 40.0, 2022,
                                                                 "x_transcribed"),
    ]
    groups = population_groups(*_figures(rows)).set_index("authority_id")
    assert groups["population_group"].to_dict() == {"a": "arab", "j": "jewish_others", "m": "mixed",
                                                    "t": "jewish_others"}
    assert groups.loc["t", "population_group_year"] == 2021
    assert GROUP_THRESHOLD == 80.0


def test_published_groups_of_the_negev():
    authorities = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet").set_index("authority_id")
    negev = authorities.loc[sorted(NEGEV_AUTHORITY_IDS), "population_group"]
    assert sorted(negev[negev == "arab"].index) == ["la-1054", "la-1059", "la-1060", "la-1161", "la-1192",
                                                   "la-1286", "la-1303", "rc-68", "rc-69"]
    assert (negev.drop(negev[negev == "arab"].index) == "jewish_others").all()
