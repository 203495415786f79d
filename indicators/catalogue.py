"""The indicator catalogue of the Data and methods page and docs/indicators.md: one row per indicator with
its definition, structured method, source and coverage, in one language, and the page's filters."""
from __future__ import annotations

import json

import pandas as pd

from indicators.build.extractors import mapped_field_editions
from indicators.coverage import coverage_summary
from indicators.formatting import format_years
from indicators.read_model import ordered_indicators
from indicators.source_register_view import series_licences, series_publishers


def indicator_catalogue(indicators: pd.DataFrame, observations: pd.DataFrame, sources: pd.DataFrame,
                        negev_ids, lang: str) -> pd.DataFrame:
    """One row per indicator (in the display order) with everything the catalogue shows, in `lang`.
    `method_inputs` is a tuple of field ids and `method_params` a dict (the published JSON, read)."""
    indicators = ordered_indicators(indicators)
    summary = coverage_summary(observations, negev_ids).reindex(indicators["indicator_id"])
    mappings = mapped_field_editions()
    form = indicators["method_form"]
    field = indicators["method_inputs"].map(lambda inputs: inputs[0]).where(form == "field")
    catalogue = pd.DataFrame({
        "indicator_id": indicators["indicator_id"].to_numpy(),
        "name": indicators[f"name_{lang}"].to_numpy(),
        "dimension": indicators["dimension"].to_numpy(),
        "theme": indicators["theme"].to_numpy(),
        "description": indicators[f"description_{lang}"].to_numpy(),
        "notes": indicators[f"notes_{lang}"].to_numpy(),
        "unit": indicators[f"unit_{lang}"].to_numpy(),
        "direction": indicators["direction"].to_numpy(),
        "direction_reason": indicators[f"direction_reason_{lang}"].to_numpy(),
        "method_form": form.to_numpy(),
        "method_inputs": indicators["method_inputs"].map(lambda inputs: tuple(inputs)).to_numpy(),
        "method_params": indicators["method_params"].map(json.loads).to_numpy(),
        "mapping_file": field.map(lambda f: mappings.get(f, (None,))[0]).to_numpy(),
        "mapped_editions": field.map(lambda f: format_years(mappings.get(f, (None, ()))[1])).to_numpy(),
        "source": indicators["source_id"].to_numpy(),
        "source_publisher": indicators["source_id"].map(series_publishers(sources, lang)).to_numpy(),
        "editions": summary["editions"].to_numpy(),
        "first_year": summary["first_year"].astype("Int64").to_numpy(),
        "last_year": summary["last_year"].astype("Int64").to_numpy(),
        "years": summary["years"].fillna(0).astype(int).to_numpy(),
        "year_list": summary["year_list"].fillna("").to_numpy(),
        "authorities": summary["authorities"].fillna(0).astype(int).to_numpy(),
        "negev_authorities": summary["negev_authorities"].fillna(0).astype(int).to_numpy(),
        "licence": indicators["source_id"].map(series_licences(sources, lang)).to_numpy(),
    })
    return catalogue


def catalogue_for_csv(rows: pd.DataFrame) -> pd.DataFrame:
    """The catalogue as flat text: inputs space-separated, parameters as the published JSON."""
    return rows.assign(method_inputs=rows["method_inputs"].map(" ".join),
                       method_params=rows["method_params"].map(lambda p: json.dumps(p, sort_keys=True)))


def filter_catalogue(catalogue: pd.DataFrame, dimension: str | None = None, query: str = "") -> pd.DataFrame:
    """Rows of one dimension (None or 'all' = every one) whose id, name, theme, description or unit
    contain every word of `query` (case-insensitive)."""
    rows = catalogue
    if dimension and dimension != "all":
        rows = rows[rows["dimension"] == dimension]
    words = str(query or "").casefold().split()
    if words:
        haystack = rows[["indicator_id", "name", "theme", "description", "unit"]].fillna("").astype(str)
        text = haystack.agg(" ".join, axis=1).str.casefold()
        mask = pd.Series(True, index=rows.index)
        for word in words:
            mask &= text.str.contains(word, regex=False)
        rows = rows[mask]
    return rows


def few_years(catalogue: pd.DataFrame, max_years: int = 5) -> pd.DataFrame:
    """Indicators with at most `max_years` data years, fewest first."""
    return catalogue[catalogue["years"] <= max_years].sort_values(["years", "indicator_id"], kind="stable")


def ending_early(catalogue: pd.DataFrame, latest_year: int) -> pd.DataFrame:
    """Indicators whose last data year is before `latest_year` (e.g. wages, the indices, land use)."""
    rows = catalogue[catalogue["last_year"].notna() & (catalogue["last_year"] < latest_year)]
    return rows.sort_values(["last_year", "indicator_id"], kind="stable")
