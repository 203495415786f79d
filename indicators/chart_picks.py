"""Which authority a click on a chart or a map picked, read from Streamlit's selection events (plain
dicts, so no streamlit here). A pick is trusted only when it names an authority we know."""
from __future__ import annotations

from collections.abc import Collection, Mapping


def _known(value, known: Collection[str]) -> str | None:
    if isinstance(value, list | tuple):  # plotly gives 2-D customdata as a list
        value = value[0] if value else None
    return value if isinstance(value, str) and value in known else None


def town_from_chart(selection: Mapping, known: Collection[str]) -> str | None:
    """A plotly selection whose points carry the authority id as customdata: the first point's id."""
    points = (selection or {}).get("points") or []
    return _known(points[0].get("customdata"), known) if points else None


def town_from_map(selection: Mapping, layer_id: str, known: Collection[str]) -> str | None:
    """A pydeck selection on the GeoJSON layer `layer_id`, whose features carry authority_id."""
    objects = ((selection or {}).get("objects") or {}).get(layer_id) or []
    if not objects or not isinstance(objects[0], Mapping):
        return None
    picked = objects[0]
    properties = picked.get("properties") if isinstance(picked.get("properties"), Mapping) else picked
    return _known(properties.get("authority_id"), known)
