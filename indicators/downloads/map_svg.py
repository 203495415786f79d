"""A static map for printed profiles: the town's polygon among its neighbours', drawn as SVG straight
from the published GeoJSON (no tiles, no map library), so it works offline and prints sharply."""
from __future__ import annotations

import html
import json
import math

import pandas as pd

TOWN_FILL, TOWN_STROKE = "#D55E00", "#000000"
OTHER_FILL, OTHER_STROKE = "#d9d9d9", "#ffffff"


def _rings(geojson: str) -> list[list[list[float]]]:
    shape = json.loads(geojson)
    polygons = shape["coordinates"] if shape["type"] == "MultiPolygon" else [shape["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def _path(rings, project) -> str:
    """SVG path data; points less than half a pixel from the previous one are dropped (they cannot be
    seen, and the document is laid out faster without them)."""
    parts = []
    for ring in rings:
        kept: list[tuple[float, float]] = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= 0.5:
                kept.append((x, y))
        if len(kept) >= 3:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
    return "".join(parts)


def town_map_svg(boundaries: pd.DataFrame, town_id: str, context_ids, width: int = 360,
                 label: str = "") -> str | None:
    """SVG of the context authorities in grey and the town in orange; None when the town has no boundary.

    The projection is equirectangular with longitude scaled by cos(latitude): true to shape at the
    Negev's scale (about 150 km), which is all a locator map needs."""
    shapes = boundaries.set_index("authority_id")["geojson"]
    if town_id not in shapes.index:
        return None
    shown = [a for a in dict.fromkeys([*context_ids, town_id]) if a in shapes.index]
    rings = {a: _rings(shapes[a]) for a in shown}
    lons = [p[0] for a in shown for ring in rings[a] for p in ring]
    lats = [p[1] for a in shown for ring in rings[a] for p in ring]
    scale_x = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x, span_y = (max(lons) - min(lons)) * scale_x, max(lats) - min(lats)
    height = max(1, round(width * span_y / span_x)) if span_x else width
    pad = 4
    west, north = min(lons), max(lats)
    kx, ky = scale_x / span_x * (width - 2 * pad), (height - 2 * pad) / span_y

    def project(lon: float, lat: float) -> tuple[float, float]:
        return pad + (lon - west) * kx, pad + (north - lat) * ky

    others = "".join(f'<path d="{_path(rings[a], project)}"/>' for a in shown if a != town_id)
    town = _path(rings[town_id], project)
    # A ring around the town too: a small town is a few pixels at the Negev's scale.
    xs, ys = zip(*(project(lon, lat) for ring in rings[town_id] for lon, lat in ring), strict=True)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    radius = max(10.0, (max(xs) - min(xs)) / 2 + 4, (max(ys) - min(ys)) / 2 + 4)
    title = f"<title>{html.escape(label)}</title>" if label else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img">{title}'
            f'<g fill="{OTHER_FILL}" stroke="{OTHER_STROKE}" stroke-width="0.8" fill-rule="evenodd">{others}</g>'
            f'<path d="{town}" fill="{TOWN_FILL}" stroke="{TOWN_STROKE}" stroke-width="1.5" fill-rule="evenodd"/>'
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" fill="none" stroke="{TOWN_STROKE}" '
            'stroke-width="2"/>'
            "</svg>")
