"""Population groups as a filter, and group presets of towns: which authorities a page shows or a chooser
fills in. Groups follow CBS's categories ("Arabs", "Jews and others", and mixed authorities); which
authority is in which group is decided in the build (authorities.population_group), not here.

Presets are declared as criteria on the authorities table (area, kind, population group), never as lists
of towns, so a new edition or a regrouped authority changes their members without a code change."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

GROUPS = ("arab", "jewish_others", "mixed")
ALL = "all"
GROUP_FILTERS = (ALL, *GROUPS)

# preset id -> criteria on authorities columns; every preset is within the Negev.
PRESETS: dict[str, dict[str, str]] = {
    "negev_all": {},
    "negev_cities": {"kind": "city"},
    "negev_local_councils": {"kind": "local_council"},
    "negev_regional_councils": {"kind": "regional_council"},
    "negev_arab": {"population_group": "arab"},
    "negev_jewish_others": {"population_group": "jewish_others"},
}


def group_of(authorities: pd.DataFrame) -> dict[str, str]:
    """authority_id -> its population group (authorities without one are left out)."""
    known = authorities.dropna(subset=["population_group"])
    return dict(zip(known["authority_id"], known["population_group"], strict=True))


def filter_by_group(authorities: pd.DataFrame, ids: Iterable[str], group: str) -> list[str]:
    """The given ids (in their order) that belong to `group`; all of them for "all"."""
    if group not in GROUP_FILTERS:
        raise ValueError(f"unknown population group {group!r}")
    ids = list(ids)
    if group == ALL:
        return ids
    groups = group_of(authorities)
    return [a for a in ids if groups.get(a) == group]


def preset_members(authorities: pd.DataFrame, preset: str, order: Sequence[str] | None = None) -> list[str]:
    """The Negev authorities matching the preset's criteria, in `order` (e.g. a chooser's, by name) when
    given, else in the table's order."""
    return _presets_of(_negev_rows(authorities), [preset], _order(authorities, order))[preset]


def presets(authorities: pd.DataFrame, order: Sequence[str] | None = None) -> dict[str, list[str]]:
    """preset id -> its members; presets with no members are left out (nothing to choose)."""
    members = _presets_of(_negev_rows(authorities), PRESETS, _order(authorities, order))
    return {p: ids for p, ids in members.items() if ids}


def _presets_of(negev: list[dict], preset_ids: Iterable[str], order: Sequence[str]) -> dict[str, list[str]]:
    # Plain Python over the ~33 Negev rows: six presets filtered with pandas cost the explorer and compare
    # pages 15 ms a run, this about 3 ms.
    result = {}
    for preset in preset_ids:
        if preset not in PRESETS:
            raise ValueError(f"unknown preset {preset!r}")
        wanted = PRESETS[preset].items()
        members = {row["authority_id"] for row in negev if all(row[column] == value for column, value in wanted)}
        result[preset] = [a for a in order if a in members]
    return result


def _negev_rows(authorities: pd.DataFrame) -> list[dict]:
    columns = ["authority_id", *{c for criteria in PRESETS.values() for c in criteria}]
    return authorities.loc[authorities["is_negev"].astype(bool), columns].to_dict("records")


def _order(authorities: pd.DataFrame, order: Sequence[str] | None) -> Sequence[str]:
    return order if order is not None else authorities["authority_id"].tolist()


def colour_keys(ids: Iterable[str], groups: Mapping[str, str]) -> list[str]:
    """Each id's population group, or "unknown" (a chart's legend and palette key)."""
    return [groups.get(a, "unknown") for a in ids]
