"""Per-authority jurisdiction borders from the Ministry of Interior layer, dissolved and simplified."""
from __future__ import annotations

import json
import tarfile
from collections import Counter
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from indicators.settings import RAW_DIR, authority_id

BOUNDARIES_ARCHIVE = RAW_DIR / "boundaries" / "moin_muni_vaadim_2025-10.tar.gz"

# Sug_Muni (kind) values that are CBS local authorities. Industrial councils (מועצה מקומית תעשייתית)
# and areas without jurisdiction (ללא שיפוט) are not in the CBS files and are skipped.
_LA_KINDS = frozenset({"עירייה", "מועצה מקומית"})
_RC_KIND = "מועצה אזורית"
# The Interior code of a regional council is its CBS code + 5500 (Eshkol 5538 -> CBS 38).
_RC_PNIM_OFFSET = 5500

METRIC_CRS = "EPSG:2039"  # Israeli TM grid, metres: areas and the simplification tolerance
SIMPLIFY_TOLERANCE_M = 50  # ~0.5 MB for the whole set; small Negev towns keep their shape
COORD_GRID_DEG = 1e-5  # ~1 m: coordinates rounded to 5 decimals


def read_layer(archive: Path = BOUNDARIES_ARCHIVE) -> gpd.GeoDataFrame:
    """Every polygon (one per local committee) of the archive, read in memory, tagged with its file."""
    features = []
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not (member.isfile() and member.name.endswith(".geojson")):
                continue
            for feature in json.load(tar.extractfile(member))["features"]:
                feature["properties"]["source_file"] = member.name
                features.append(feature)
    return gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")


def _file_authority_id(props: pd.DataFrame) -> str | None:
    """The CBS authority id of one archive file (one authority), or None if it is not a CBS authority."""
    kinds = set(props["Sug_Muni"])
    if kinds <= _LA_KINDS:
        codes = {int(c) for c in props["CR_LAMAS"] if str(c).strip()}
        if len(codes) != 1:
            raise ValueError(f"{props['source_file'].iloc[0]}: expected one CR_LAMAS code, got {codes}")
        return authority_id("la", codes.pop())
    if kinds == {_RC_KIND}:
        # One Drom HaSharon polygon carries CR_PNIM 9959 while its Muni_Heb names the council: the
        # majority code of the file identifies the council.
        pnim = Counter(int(c) for c in props["CR_PNIM"] if _RC_PNIM_OFFSET < int(c) < _RC_PNIM_OFFSET + 100)
        return authority_id("rc", pnim.most_common(1)[0][0] - _RC_PNIM_OFFSET)
    return None


def layer_authorities(layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The layer with an authority_id column; polygons that belong to no CBS authority dropped."""
    ids = {
        name: _file_authority_id(group)
        for name, group in layer.drop(columns="geometry").groupby("source_file", sort=False)
    }
    out = layer.assign(authority_id=layer["source_file"].map(ids))
    return out[out["authority_id"].notna()]


def english_names(layer: gpd.GeoDataFrame) -> dict[str, str]:
    """Muni_Eng per authority id (the only English source for regional councils)."""
    tagged = layer_authorities(layer)
    return tagged.groupby("authority_id")["Muni_Eng"].first().to_dict()


def _label_point(geom) -> tuple[float, float]:
    """A point inside the published polygon, rounded to 5 decimals unless rounding pushes it out."""
    point = geom.representative_point()
    rounded = shapely.Point(round(point.x, 5), round(point.y, 5))
    return (rounded.x, rounded.y) if geom.contains(rounded) else (point.x, point.y)


def dissolve_and_simplify(tagged: gpd.GeoDataFrame) -> pd.DataFrame:
    """One simplified WGS84 geometry per authority, with its area (computed before simplifying)."""
    metric = tagged[["authority_id", "geometry"]].to_crs(METRIC_CRS)
    metric["geometry"] = shapely.make_valid(metric.geometry.values)
    dissolved = metric.dissolve(by="authority_id").sort_index()
    area_km2 = dissolved.area / 1e6
    simple = dissolved.geometry.simplify(SIMPLIFY_TOLERANCE_M, preserve_topology=True).to_crs("EPSG:4326")
    geoms = shapely.set_precision(simple.values, COORD_GRID_DEG)  # snaps to the grid and keeps validity
    labels = [_label_point(g) for g in geoms]
    return pd.DataFrame({
        "authority_id": dissolved.index.astype(str),
        "geojson": [shapely.to_geojson(g) for g in geoms],
        "label_lon": [p[0] for p in labels],
        "label_lat": [p[1] for p in labels],
        "area_km2": area_km2.round(3).to_numpy(),
    })


def build_boundaries(authorities: pd.DataFrame, layer: gpd.GeoDataFrame | None = None) -> pd.DataFrame:
    """Boundaries of the authorities in the table that exist in the layer (see missing_boundaries)."""
    layer = read_layer() if layer is None else layer
    tagged = layer_authorities(layer)
    tagged = tagged[tagged["authority_id"].isin(set(authorities["authority_id"]))]
    return dissolve_and_simplify(tagged).reset_index(drop=True)


def missing_boundaries(authorities: pd.DataFrame, boundaries: pd.DataFrame) -> pd.DataFrame:
    """Authorities of the table without a polygon in the layer (three northern ones, Judea and Samaria)."""
    return authorities[~authorities["authority_id"].isin(set(boundaries["authority_id"]))]
