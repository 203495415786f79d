"""Rings of locality from polygons: synthetic squares in WGS84 near Be'er Sheva, distances measured in
EPSG:2039 metres; and the real boundaries for one known neighbour and for the LM3 example's rings."""
import json

import pandas as pd
import pytest

from indicators.settings import PUBLISHED_DIR
from indicators.tools import lm3, lm3_example, rings


def _square(lon: float, lat: float, size: float = 0.01) -> str:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


# At 31° N one degree of longitude is about 95 km: squares about 1 km wide, gaps in whole km.
BOUNDARIES = pd.DataFrame({
    "authority_id": ["town", "touching", "five_km", "thirty_km"],
    "geojson": [_square(34.80, 31.25), _square(34.81, 31.25), _square(34.8626, 31.25), _square(35.1254, 31.25)],
})


def test_within_radius_measures_polygon_to_polygon():
    shapes = rings.projected_shapes(BOUNDARIES)
    assert rings.within_radius(shapes, "town", 0) == ["touching", "town"]
    assert rings.within_radius(shapes, "town", 6) == ["five_km", "touching", "town"]
    assert rings.within_radius(shapes, "town", 40) == ["five_km", "thirty_km", "touching", "town"]
    assert rings.within_radius(shapes, "nowhere", 10) is None


def test_rings_for_by_radius_and_by_set():
    shapes = rings.projected_shapes(BOUNDARIES)
    by_radius = rings.rings_for("town", "radius", 6, [], shapes)
    assert by_radius.area == {"town", "touching", "five_km"}
    by_set = rings.rings_for("town", "authorities", 0, ["thirty_km"], shapes)
    assert by_set.area == {"town", "thirty_km"} and by_set.level("thirty_km") == 2
    assert rings.rings_for("nowhere", "radius", 6, [], shapes) is None
    assert rings.rings_for("nowhere", "negev", 6, ["a"], shapes).area == {"nowhere", "a"}


def test_real_boundaries_rahat_neighbours():
    boundaries = pd.read_parquet(PUBLISHED_DIR / "boundaries.parquet")
    shapes = rings.projected_shapes(boundaries)
    near = rings.within_radius(shapes, "la-1161", 20)  # Rahat
    assert {"la-1161", "la-9000", "rc-41"} <= set(near)  # Be'er Sheva, Bnei Shimon
    assert "la-2600" not in near  # Eilat
    touching = rings.within_radius(shapes, "la-1161", 0)
    assert {"la-1161", "rc-41", "la-1271"} <= set(touching) and len(touching) <= 5  # Bnei Shimon, Lehavim


def test_the_worked_example_in_its_three_rings():
    """The LM3 example as the page shows it (20 km around Rahat from the real boundaries), ring by ring:
    the numbers of the handover note's worked example."""
    state = lm3_example.example_state()
    shapes = rings.projected_shapes(pd.read_parquet(PUBLISHED_DIR / "boundaries.parquet"))
    around = rings.rings_for(state["town"], "radius", 20, [], shapes)
    assert {"la-9000", "la-31"} <= around.area and "la-5000" not in around.area  # Be'er Sheva, Ofakim in
    lines, _ = lm3.spend_lines(state)
    answers = lm3.survey_answers(state)
    results = {ring: lm3.compute_lm3(1_000_000, lines, around, ring, answers, 25) for ring in lm3.RINGS}
    # Of 700,000 spent: 380,000 in Rahat, + 170,000 within 20 km, + 100,000 elsewhere in Israel; 50,000 abroad.
    assert [round(results[1].ring_shares_pct[r], 1) for r in lm3.RINGS] == [54.3, 78.6, 92.9]
    # Ring 2: R3 = 124,000 + 48,000 (surveyed) + 25% × 170,000 (the default, an assumption) = 214,500.
    assert (results[2].round2, results[2].round3) == (550_000, pytest.approx(214_500))
    assert results[2].lm3 == pytest.approx(1.7645) and len(results[2].default_used_for) == 3
    assert results[3].lm3 == pytest.approx(1.8895)
