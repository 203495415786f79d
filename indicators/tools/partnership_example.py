"""The example partnership the page offers: made up by this code to show the tool, not a real
partnership and not data about the towns it places its invented actors in."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from indicators.tools.partnerships import (
    ACTOR_COLUMNS,
    RELATIONSHIP_COLUMNS,
    TRAITS,
    Assessment,
    PartnershipState,
    scores_table,
)

# (key for the display name, sector, town authority_id, role)
EXAMPLE_ACTORS = (
    ("integrator_ngo", "civil_society", "la-831", "integrator"),
    ("municipality", "public", "la-831", "partner"),
    ("employment_office", "public", "la-9000", "partner"),
    ("business_forum", "business", "la-831", "partner"),
    ("factory", "business", "la-2200", "partner"),
    ("residents_group", "community", "la-831", "partner"),
    ("foundation", "civil_society", "la-9000", "funder"),
    ("college", "civil_society", "la-9000", "advisor"),
    ("tourism_company", "business", "rc-48", "partner"),
)
# (actor key, actor key, step): the tourism company's only recorded relation is a disconnection, so
# the example shows the isolated-actor flag.
EXAMPLE_RELATIONSHIPS = (
    ("integrator_ngo", "municipality", "partnership"),
    ("integrator_ngo", "business_forum", "cooperation"),
    ("integrator_ngo", "residents_group", "cooperation"),
    ("integrator_ngo", "foundation", "partnership"),
    ("integrator_ngo", "college", "coordination"),
    ("municipality", "business_forum", "coordination"),
    ("municipality", "employment_office", "informing"),
    ("municipality", "residents_group", "informing"),
    ("business_forum", "factory", "competition"),
    ("factory", "employment_office", "coordination"),
    ("foundation", "college", "informing"),
    ("tourism_company", "municipality", "disconnection"),
)
# Two snapshots, three respondents; scores per trait in TRAITS order, one tuple per respondent.
EXAMPLE_SNAPSHOTS = (
    (dt.date(2025, 1, 15), ((4, 3, 2, 5, 3, 2, 3, 1), (3, 3, 2, 4, 2, 1, 4, 2), (4, 2, 3, 4, 3, 3, 3, 2))),
    (dt.date(2025, 9, 15), ((4, 4, 3, 5, 3, 2, 4, 2), (4, 3, 3, 4, 3, 3, 4, 1), (5, 3, 3, 5, 4, 3, 3, 4))),
)


def example_state(title: str, actor_names: dict[str, str], respondent_name: Callable[[int], str]) -> PartnershipState:
    """The example in the page's language: `actor_names` maps each key of EXAMPLE_ACTORS to a display
    name (which should itself say it is an example); respondents are named respondent_name(1), …"""
    actors = pd.DataFrame([(actor_names[key], sector, town, role) for key, sector, town, role in EXAMPLE_ACTORS],
                          columns=list(ACTOR_COLUMNS))
    relationships = pd.DataFrame([(actor_names[a], actor_names[b], step, None) for a, b, step in EXAMPLE_RELATIONSHIPS],
                                 columns=list(RELATIONSHIP_COLUMNS))
    assessments = []
    for date, per_respondent in EXAMPLE_SNAPSHOTS:
        rows = [{"respondent": respondent_name(i), "trait": trait, "score": score, "note": None}
                for i, scores in enumerate(per_respondent, start=1)
                for trait, score in zip(TRAITS, scores, strict=True)]
        assessments.append(Assessment(date, scores_table(rows)))
    return PartnershipState(title=title, is_example=True, actors=actors, relationships=relationships,
                            assessments=assessments)
