"""Checks on the built tables that are not column tests (those are declared in data/schema.yml and run by
indicators/contract_checks.py): percentages within 0–100 by the indicator's unit, a review list for suspicious
jumps, and the coverage matrix printed in the build log."""
from __future__ import annotations

import pandas as pd

from indicators.registry import Indicator
from indicators.settings import FIRST_YEAR, LAST_YEAR, NEGEV_AUTHORITY_IDS

# A year-on-year change beyond this factor is listed for review (not dropped: CBS figures can jump).
JUMP_FACTOR = 2.0


class QualityError(RuntimeError):
    """A built table breaks a rule no real figure can break."""


def check_ranges(observations: pd.DataFrame, registry: tuple[Indicator, ...]) -> None:
    units = {ind.id: ind.unit for ind in registry}
    unit = observations["indicator_id"].map(units)
    pct = observations[unit == "percent"]
    bad_pct = pct[(pct["value"] < 0) | (pct["value"] > 100)]
    if not bad_pct.empty:
        raise QualityError(f"percentages outside 0–100:\n{bad_pct.head(20).to_string()}")
    pop = observations[observations["indicator_id"] == "population"]
    if (pop["value"] < 0).any():
        raise QualityError("negative population")


def year_on_year_jumps(observations: pd.DataFrame) -> pd.DataFrame:
    """Consecutive-year pairs whose ratio exceeds JUMP_FACTOR either way (for the build log)."""
    ordered = observations.sort_values(["authority_id", "indicator_id", "year"])
    previous = ordered.groupby(["authority_id", "indicator_id"])["value"].shift()
    prev_year = ordered.groupby(["authority_id", "indicator_id"])["year"].shift()
    ratio = ordered["value"] / previous
    mask = (ordered["year"] - prev_year == 1) & (previous.abs() > 0) & (
        (ratio > JUMP_FACTOR) | (ratio < 1 / JUMP_FACTOR))
    return ordered.assign(previous=previous, ratio=ratio)[mask]


def negev_coverage(observations: pd.DataFrame) -> pd.DataFrame:
    """Indicator × year: how many of the 33 Negev authorities have a figure."""
    negev = observations[observations["authority_id"].isin(NEGEV_AUTHORITY_IDS)]
    negev = negev[negev["year"].between(FIRST_YEAR, LAST_YEAR)]
    matrix = negev.pivot_table(index="indicator_id", columns="year", values="value", aggfunc="count")
    return matrix.reindex(columns=range(FIRST_YEAR, LAST_YEAR + 1)).fillna(0).astype(int)


def indicators_with_full_negev_coverage(observations: pd.DataFrame, min_years: int = 8) -> list[str]:
    """Indicators for which every Negev authority has at least `min_years` years in 2013–2022."""
    negev = observations[observations["authority_id"].isin(NEGEV_AUTHORITY_IDS)
                         & observations["year"].between(FIRST_YEAR, LAST_YEAR)]
    years = negev.groupby(["indicator_id", "authority_id"])["year"].nunique().unstack()
    years = years.reindex(columns=sorted(NEGEV_AUTHORITY_IDS)).fillna(0)
    return sorted(years.index[(years >= min_years).all(axis=1)])
