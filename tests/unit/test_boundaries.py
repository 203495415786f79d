"""Authority boundaries: every Negev authority has a valid simplified polygon with a label inside it."""
import json

import pandas as pd
import pytest
import shapely

from indicators.build import boundaries as bd
from indicators.build.authorities import build_authorities
from indicators.settings import NEGEV_AUTHORITY_IDS


@pytest.fixture(scope="module")
def layer():
    return bd.read_layer()


@pytest.fixture(scope="module")
def authorities(layer) -> pd.DataFrame:
    return build_authorities(rc_names=bd.english_names(layer))


@pytest.fixture(scope="module")
def boundaries(layer, authorities) -> pd.DataFrame:
    return bd.build_boundaries(authorities, layer)


def test_columns_and_unique_ids(boundaries):
    assert list(boundaries.columns) == ["authority_id", "geojson", "label_lon", "label_lat", "area_km2"]
    assert boundaries["authority_id"].is_unique


def test_all_negev_authorities_valid_with_label_inside(boundaries):
    negev = boundaries[boundaries["authority_id"].isin(NEGEV_AUTHORITY_IDS)]
    assert set(negev["authority_id"]) == NEGEV_AUTHORITY_IDS
    for row in negev.itertuples():
        geom = shapely.from_geojson(row.geojson)
        assert geom.geom_type in ("Polygon", "MultiPolygon"), row.authority_id
        assert geom.is_valid and not geom.is_empty, row.authority_id
        assert geom.contains(shapely.Point(row.label_lon, row.label_lat)), row.authority_id


def test_total_size_well_under_2_mb(boundaries):
    assert boundaries["geojson"].str.len().sum() < 2_000_000


def test_geojson_is_compact_wgs84_with_5_decimals(boundaries):
    text = boundaries.set_index("authority_id").loc["la-1161", "geojson"]
    assert ", " not in text
    coords = json.loads(text)["coordinates"]
    lon, lat = (coords[0][0] if isinstance(coords[0][0][0], float) else coords[0][0][0])
    assert 34.7 < lon < 34.9 and 31.3 < lat < 31.5  # Rahat
    assert round(lon, 5) == lon


def test_only_expected_authorities_lack_a_boundary(authorities, boundaries):
    missing = bd.missing_boundaries(authorities, boundaries)
    # The layer lacks Emek HaYarden and HaGilboa, and Judea and Samaria entirely.
    assert set(missing.loc[missing["district"] != "אזור יהודה והשומרון", "authority_id"]) == {"rc-6", "rc-8"}
    assert len(boundaries) + len(missing) == len(authorities)


def test_areas_are_plausible(boundaries):
    area = boundaries.set_index("authority_id")["area_km2"]
    assert 100 < area["la-9000"] < 130  # Be'er Sheva ~117 km²
    assert area.idxmax() == "rc-48"  # Ramat HaNegev is the largest jurisdiction


def test_regional_council_code_from_interior_code():
    props = pd.DataFrame({
        "Sug_Muni": ["מועצה אזורית"] * 3, "CR_LAMAS": ["", "", ""],
        "CR_PNIM": ["5538", "5538", "9959"], "source_file": ["x"] * 3,
    })
    assert bd._file_authority_id(props) == "rc-38"


def test_town_code_from_lamas_and_non_authorities_skipped():
    town = pd.DataFrame({"Sug_Muni": ["מועצה מקומית"], "CR_LAMAS": ["831"], "CR_PNIM": ["0831"],
                         "source_file": ["y"]})
    assert bd._file_authority_id(town) == "la-831"
    industrial = town.assign(Sug_Muni="מועצה מקומית תעשייתית")
    assert bd._file_authority_id(industrial) is None
