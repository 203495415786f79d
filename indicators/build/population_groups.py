"""The population group of every authority (Arab / Jewish and others / mixed), from CBS's own shares of its
residents. Group names follow CBS's categories ("Arabs", "Jews and others"), not "Bedouin".

Rule: in the latest year a CBS original edition gives the shares (the 2022 transcription is left out: it wrote
CBS's "-" as 0), an authority is `arab` when Arabs are at least GROUP_THRESHOLD % of its residents,
`jewish_others` when Jews and others are, and `mixed` otherwise. CBS prints a share only from 4 %, so an
unprinted share (gap reason below_threshold) counts as under 4 %."""
from __future__ import annotations

import pandas as pd

GROUP_THRESHOLD = 80.0  # % of residents
GROUPS = ("arab", "jewish_others", "mixed")
SHARE_FIELDS = {"arab": "arab_pct", "jewish_others": "jewish_others_pct"}
BELOW_THRESHOLD = 3.99  # an unprinted share: CBS prints shares from 4 %
TRANSCRIBED_SOURCES_SUFFIX = "_transcribed"


def _shares(values: pd.DataFrame, gaps: pd.DataFrame) -> pd.DataFrame:
    """authority_id, year, group, share: printed shares, and unprinted ones as just under 4 %."""
    fields = {f: g for g, f in SHARE_FIELDS.items()}
    printed = values[values["field_id"].isin(fields)].assign(share=lambda v: v["value"])
    unprinted = gaps[gaps["field_id"].isin(fields) & (gaps["reason"] == "below_threshold")].assign(
        share=BELOW_THRESHOLD)
    rows = pd.concat([printed, unprinted], ignore_index=True)
    rows = rows[~rows["source_id"].str.endswith(TRANSCRIBED_SOURCES_SUFFIX)]
    return rows.assign(group=rows["field_id"].map(fields))[["authority_id", "year", "edition", "group", "share"]]


def population_groups(values: pd.DataFrame, gaps: pd.DataFrame) -> pd.DataFrame:
    """authority_id, population_group, population_group_year for every authority with both shares in some year
    (the latest such year; the latest edition's figure for it)."""
    shares = _shares(values, gaps).sort_values("edition").drop_duplicates(["authority_id", "year", "group"],
                                                                           keep="last")
    wide = shares.pivot_table(index=["authority_id", "year"], columns="group", values="share", aggfunc="first")
    wide = wide.dropna(subset=list(SHARE_FIELDS)).reset_index()
    latest = wide.sort_values("year").drop_duplicates("authority_id", keep="last")
    group = pd.Series("mixed", index=latest.index)
    group[latest["jewish_others"] >= GROUP_THRESHOLD] = "jewish_others"
    group[latest["arab"] >= GROUP_THRESHOLD] = "arab"
    return pd.DataFrame({"authority_id": latest["authority_id"], "population_group": group,
                         "population_group_year": latest["year"].astype("int32")}).reset_index(drop=True)
