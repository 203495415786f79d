"""Which authorities fall in each ring of locality, computed from the published boundaries: ring 1 is the
town, ring 2 the authorities within a radius of it (or a chosen set, such as the Negev's 33), ring 3 Israel."""
from __future__ import annotations

import json
from collections.abc import Iterable

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import shape

from indicators.tools.lm3 import Rings

# Israeli Transverse Mercator (EPSG:2039) is in metres and true to distance across the country, so a
# radius in km is a plain buffer distance there; the boundaries are stored in WGS84 longitude/latitude.
# The published polygons are simplified for the web, so neighbours that share a border can sit a few
# metres apart: distances this small count as touching.
TOUCHING_M = 100
_TO_ITM = Transformer.from_crs("EPSG:4326", "EPSG:2039", always_xy=True)


def _to_itm(coordinates: np.ndarray) -> np.ndarray:
    x, y = _TO_ITM.transform(coordinates[:, 0], coordinates[:, 1])
    return np.column_stack([x, y])


def projected_shapes(boundaries: pd.DataFrame) -> dict:
    """authority_id -> its polygon in EPSG:2039 metres (boundaries: authority_id, geojson)."""
    shapes = {}
    for authority_id, geojson in zip(boundaries["authority_id"], boundaries["geojson"], strict=True):
        geometry = shape(json.loads(geojson))
        shapes[authority_id] = shapely.transform(geometry, _to_itm)
    return shapes


def within_radius(shapes: dict, town: str, radius_km: float) -> list[str] | None:
    """Authorities whose polygon comes within `radius_km` of the town's polygon (the town included,
    neighbours touching it at 0 km), sorted; None when the town has no boundary to measure from."""
    origin = shapes.get(town)
    if origin is None:
        return None
    limit = float(radius_km) * 1000 + TOUCHING_M
    return sorted(a for a, geometry in shapes.items() if a == town or origin.distance(geometry) <= limit)


def rings_for(town: str, mode: str, radius_km: float, chosen: Iterable[str], shapes: dict) -> Rings | None:
    """The rings for a town: ring 2 by radius ("radius") or as a set (the Negev, or chosen authorities); the town is
    always inside ring 2. None when a radius is asked for a town without a boundary."""
    if mode == "radius":
        area = within_radius(shapes, town, radius_km)
        if area is None:
            return None
    else:
        area = list(chosen)
    return Rings(town=town, area=frozenset(area) | {town})
