"""Why a published figure is missing, for every indicator: the reason one of its inputs is missing, or that the
figure it is divided by is nil.

A figure is missing for an authority and year when no edition gives one. Its reason is inherited from the
inputs the computation needs (`required_inputs`): when every one of them is recorded for that year (a figure
or a gap) and at least one is a gap, the reason is that gap's, from the latest edition listing one (the first
input in declared order on a tie) — Tel Sheva's unreported 2021 budget row thus blanks a dozen indicators, each
with `not_reported`. Where every input has a figure but the query could not divide (a nil denominator: no
residential property tax billed, a total of 0), the reason is `zero_denominator`.
"""
from __future__ import annotations

import pandas as pd

from indicators.registry import LAND_TOTAL_FIELD, POPULATION_FIELD, Indicator

GAP_TABLE_COLUMNS = ["authority_id", "indicator_id", "year", "reason", "source_id", "edition"]
ZERO_DENOMINATOR = "zero_denominator"
_YEAR_KEY = ["authority_id", "indicator_id", "year"]


def required_inputs(indicator: Indicator) -> list[tuple[str, ...]]:
    """The inputs a figure cannot do without, as groups of alternatives (one field of a group suffices).

    per_resident: the amount (under any of its names) and the population — CBS's own per-resident figure is
    optional; land_share: the surveyed total only (a category CBS prints as "-" adds nothing); the other forms:
    every input.
    """
    method = indicator.method
    if method.form == "per_resident":
        return [tuple(method.params["fields"]), (POPULATION_FIELD,)]
    if method.form == "land_share":
        return [(LAND_TOTAL_FIELD,)]
    return [(field,) for field in method.inputs]


def _recorded_years(records: pd.DataFrame, groups: list[tuple[str, ...]]) -> pd.DataFrame:
    """(authority_id, year) where every group of inputs has a figure or a gap."""
    covered = None
    for group in groups:
        years = records.loc[records["field_id"].isin(group), ["authority_id", "year"]].drop_duplicates()
        covered = years if covered is None else covered.merge(years, on=["authority_id", "year"])
    return covered


def inherited_gaps(indicator: Indicator, gaps: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    """Every input gap that could explain a missing figure of this indicator, with the input's position."""
    groups = required_inputs(indicator)
    order = {field: i for i, group in enumerate(groups) for field in group}
    frame = gaps[gaps["field_id"].isin(order)]
    frame = frame.merge(_recorded_years(records, groups), on=["authority_id", "year"])
    return frame.assign(indicator_id=indicator.id, input_order=frame["field_id"].map(order))


def observation_gaps(gaps: pd.DataFrame, observations: pd.DataFrame, registry: tuple[Indicator, ...],
                     values: pd.DataFrame, undefined: pd.DataFrame | None = None) -> pd.DataFrame:
    """One reason per missing (authority, indicator, year): the latest edition's, where no edition gives a figure.

    gaps, values: the extracted input records; undefined: the rows an indicator query returned without a value
    (authority_id, indicator_id, year, edition, source_id).
    """
    keys = ["authority_id", "field_id", "year"]
    records = pd.concat([values[keys], gaps[keys]], ignore_index=True).drop_duplicates()
    parts = [inherited_gaps(indicator, gaps, records) for indicator in registry]
    if undefined is not None and len(undefined):
        parts.append(undefined.assign(reason=ZERO_DENOMINATOR, input_order=-1))
    frame = pd.concat(parts, ignore_index=True)
    # latest edition wins; within it the first input (the undefined division, which needs every input, first)
    frame = frame.sort_values(["edition", "input_order"], ascending=[True, False], kind="stable")
    frame = frame.drop_duplicates(_YEAR_KEY, keep="last")
    have = observations[_YEAR_KEY].assign(_has=True)
    frame = frame.merge(have, on=_YEAR_KEY, how="left")
    frame = frame[frame["_has"].isna()]
    return frame[GAP_TABLE_COLUMNS].sort_values(_YEAR_KEY).reset_index(drop=True)
