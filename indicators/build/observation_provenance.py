"""Where each published figure was read: the CBS sheet and column header of the fields its indicator reads,
in the edition and year the figure comes from (from the extractors' `columns_read`)."""
from __future__ import annotations

import pandas as pd

from indicators.registry import Indicator

SHEET_JOINER = "; "
HEADER_JOINER = " | "


def _join(texts, joiner: str) -> str | None:
    parts = list(dict.fromkeys(str(t).strip() for t in texts if isinstance(t, str) and str(t).strip()))
    return joiner.join(parts) if parts else None


def header_text(header: str, sub_header) -> str:
    sub = sub_header.strip() if isinstance(sub_header, str) else ""
    return f"{header.strip()} / {sub}" if sub else header.strip()


def attach_sheet_and_header(observations: pd.DataFrame, columns_read: pd.DataFrame,
                            registry: tuple[Indicator, ...]) -> pd.DataFrame:
    """`sheet` and `cbs_header` per observation: the columns of the indicator's input fields read from the
    figure's edition for its year (several inputs or sheets joined; None where no column was read for that
    year, e.g. an index table's figure or an input taken from another year)."""
    inputs = pd.DataFrame([(ind.id, field) for ind in registry for field in ind.method.inputs],
                          columns=["indicator_id", "field_id"])
    read = columns_read.assign(header_text=[header_text(h, s) for h, s in
                                            zip(columns_read["header"], columns_read["sub_header"], strict=True)])
    read = read[["field_id", "edition", "year", "sheet", "header_text"]]
    keys = observations[["indicator_id", "edition", "year"]].drop_duplicates()
    joined = keys.merge(inputs, on="indicator_id").merge(read, on=["field_id", "edition", "year"])
    per_key = (joined.groupby(["indicator_id", "edition", "year"], sort=True)
               .agg(sheet=("sheet", lambda s: _join(s, SHEET_JOINER)),
                    cbs_header=("header_text", lambda s: _join(s, HEADER_JOINER)))
               .reset_index())
    out = observations.merge(per_key, on=["indicator_id", "edition", "year"], how="left")
    return out
