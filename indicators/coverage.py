"""Who has a figure for what and when: coverage per indicator, the coverage matrix, and the facts the known-gaps
notes quote (years, edition lags, kinds without data, authorities without a boundary, gap reasons)."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from indicators.contract import load_contract
from indicators.formatting import format_years


@lru_cache(maxsize=1)
def gap_reasons() -> tuple[str, ...]:
    """Reasons the build records for a missing figure, as data/schema.yml accepts them for gaps.reason."""
    column = load_contract().table("gaps").column("reason")
    return next(t.argument for t in column.tests if t.name == "accepted_values")


def coverage_summary(observations: pd.DataFrame, negev_ids) -> pd.DataFrame:
    """Per indicator: first and last data year, number of years, years as text, editions used, and how
    many authorities (all / Negev) have at least one figure."""
    negev = set(negev_ids)
    grouped = observations.groupby("indicator_id")
    summary = pd.DataFrame({
        "first_year": grouped["year"].min(),
        "last_year": grouped["year"].max(),
        "years": grouped["year"].nunique(),
        "year_list": grouped["year"].agg(format_years),
        "editions": grouped["edition"].agg(format_years),
        "authorities": grouped["authority_id"].nunique(),
    })
    in_negev = observations[observations["authority_id"].isin(negev)]
    summary["negev_authorities"] = in_negev.groupby("indicator_id")["authority_id"].nunique()
    summary["negev_authorities"] = summary["negev_authorities"].fillna(0).astype(int)
    return summary


def coverage_matrix(observations: pd.DataFrame, authority_ids, indicator_ids) -> pd.DataFrame:
    """Indicator × year: how many of the given authorities have a figure (years where any of them has one)."""
    subset = observations[observations["authority_id"].isin(set(authority_ids))]
    matrix = subset.pivot_table(index="indicator_id", columns="year", values="authority_id", aggfunc="nunique")
    matrix = matrix.reindex(index=list(indicator_ids)).fillna(0).astype(int)
    return matrix.reindex(columns=sorted(matrix.columns))


def kinds_without_data(observations: pd.DataFrame, authorities: pd.DataFrame) -> pd.DataFrame:
    """(indicator_id, kind) pairs where no authority of that kind has any figure while other kinds do."""
    kinds = authorities.set_index("authority_id")["kind"]
    present = observations[["indicator_id"]].assign(kind=observations["authority_id"].map(kinds)).drop_duplicates()
    all_kinds = sorted(authorities["kind"].unique())
    rows = []
    for indicator_id, group in present.groupby("indicator_id", sort=True):
        rows += [{"indicator_id": indicator_id, "kind": k} for k in all_kinds if k not in set(group["kind"])]
    return pd.DataFrame(rows, columns=["indicator_id", "kind"])


def years_of(observations: pd.DataFrame, indicator_id: str) -> list[int]:
    return sorted(observations.loc[observations["indicator_id"] == indicator_id, "year"].unique().tolist())


def edition_lags(observations: pd.DataFrame, indicator_id: str) -> list[int]:
    """Distinct (edition − data year) of the kept figures: how far a figure trails its publication."""
    rows = observations[observations["indicator_id"] == indicator_id]
    return sorted((rows["edition"] - rows["year"]).unique().tolist())


def yearly_counts(observations: pd.DataFrame, indicator_id: str, authority_ids, above_zero: bool = False) -> pd.Series:
    """year -> number of the given authorities with a figure (above_zero: a figure above 0, e.g. grant recipients)."""
    rows = observations[(observations["indicator_id"] == indicator_id)
                        & observations["authority_id"].isin(set(authority_ids))]
    if above_zero:
        rows = rows[rows["value"] > 0]
    return rows.groupby("year")["authority_id"].nunique()


def missing_boundaries(authorities: pd.DataFrame, boundaries: pd.DataFrame) -> pd.DataFrame:
    """Authorities the map cannot draw (no polygon in the Interior layer), by district then name."""
    rows = authorities[~authorities["authority_id"].isin(set(boundaries["authority_id"]))]
    return rows.sort_values(["district_en", "name_en"], kind="stable").reset_index(drop=True)


def gap_reason_counts(gaps: pd.DataFrame, authority_ids=None) -> pd.Series:
    """reason -> number of recorded gaps (every known reason listed, 0 when none)."""
    rows = gaps if authority_ids is None else gaps[gaps["authority_id"].isin(set(authority_ids))]
    return rows["reason"].value_counts().reindex(list(gap_reasons()), fill_value=0)
