"""Extract the CBS budget sheets (editions 2013–2022) into the project's values/gaps contract.

`year` is the year a figure describes (from the header text, the year band or the sheet's stated
year; inferred for the 2022 transcription — see data/mappings/cbs_budget.yml); `edition` is the
publication year of the file. Money is stored in ₪ and floor area in m² (CBS publishes thousands).
"""
from __future__ import annotations

import pandas as pd

from indicators.build.cbs_budget_csv import extract_csv
from indicators.build.cbs_budget_mapping import Edition, load_mapping
from indicators.build.cbs_budget_workbook import extract_workbook

VALUE_COLUMNS = ["authority_id", "field_id", "year", "edition", "value", "source_id"]
GAP_COLUMNS = ["authority_id", "field_id", "year", "edition", "reason", "source_id"]


def extract_edition(edition: Edition) -> tuple[list[dict], list[dict]]:
    if edition.path.suffix == ".csv":
        return extract_csv(edition)
    return extract_workbook(edition)


def _frame(records: list[dict], columns: list[str], number: str | None) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame = frame.astype({"authority_id": str, "field_id": str, "year": int, "edition": int, "source_id": str})
    if number:
        frame[number] = frame[number].astype(float)
    else:
        frame["reason"] = frame["reason"].astype(str)
    return frame.sort_values(columns[:4], ignore_index=True)


def extract_budget_values(editions: list[int] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, gaps) for every authority of every budget edition (or only the editions given)."""
    mapping = load_mapping()
    values, gaps = [], []
    for ed in sorted(editions or mapping):
        v, g = extract_edition(mapping[ed])
        values.extend(v)
        gaps.extend(g)
    values_df = _frame(values, VALUE_COLUMNS, "value")
    gaps_df = _frame(gaps, GAP_COLUMNS, None)
    key = ["authority_id", "field_id", "year", "edition"]
    dupes = pd.concat([values_df[key], gaps_df[key]]).duplicated()
    if dupes.any():
        raise ValueError(f"duplicate budget records: {pd.concat([values_df[key], gaps_df[key]])[dupes].head()}")
    return values_df, gaps_df


if __name__ == "__main__":
    v, g = extract_budget_values()
    print(v.groupby("edition").size(), g.groupby(["edition", "reason"]).size(), sep="\n")
