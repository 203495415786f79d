"""Why a figure is missing reaches computed indicators: each inherits the gap reason of an input it needs, or
is zero_denominator (indicators/gap_reasons.py). Synthetic records (made here, not real data) and the published
gaps of Tel Sheva's unreported 2021 budget."""
import pandas as pd
import pytest

from indicators.compute import compute_all
from indicators.gap_reasons import ZERO_DENOMINATOR, observation_gaps, required_inputs
from indicators.registry import load_registry
from indicators.settings import PUBLISHED_DIR

REGISTRY = {ind.id: ind for ind in load_registry()}


def _frame(rows, last: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["authority_id", "field_id", "year", "edition", last, "source_id"])


def _gaps_for(values: pd.DataFrame, gaps: pd.DataFrame, *indicator_ids: str) -> dict:
    registry = tuple(REGISTRY[i] for i in indicator_ids)
    computed = compute_all(values, registry)
    table = observation_gaps(gaps, computed.observations, registry, values, computed.undefined)
    return {(r.authority_id, r.indicator_id, r.year): (r.reason, r.edition) for r in table.itertuples()}


def test_required_inputs_per_form():
    assert required_inputs(REGISTRY["budget_deficit_pct"]) == [("surplus_deficit_regular_year",),
                                                              ("income_regular_total",)]
    per_resident = REGISTRY["budget_income_per_capita"]
    assert required_inputs(per_resident) == [("income_regular_total",), ("population_total",)]  # published optional
    land = next(ind for ind in REGISTRY.values() if ind.method.form == "land_share")
    assert required_inputs(land) == [("landuse_total_km2",)]


def test_computed_indicators_inherit_the_reason_of_a_missing_input():
    values = _frame([("la-1", "population_total", 2021, 2021, 1000.0, "p"),
                     ("la-1", "population_total", 2020, 2020, 1000.0, "p"),
                     ("la-1", "income_regular_total", 2020, 2020, 5e6, "b20"),
                     ("la-1", "surplus_deficit_regular_year", 2020, 2020, 1e5, "b20")], "value")
    gaps = _frame([("la-1", "income_regular_total", 2021, 2021, "not_reported", "b21"),
                   ("la-1", "surplus_deficit_regular_year", 2021, 2021, "not_reported", "b21")], "reason")
    reasons = _gaps_for(values, gaps, "budget_deficit_pct", "budget_income_per_capita")
    assert reasons == {("la-1", "budget_deficit_pct", 2021): ("not_reported", 2021),
                       ("la-1", "budget_income_per_capita", 2021): ("not_reported", 2021)}


def test_latest_edition_then_first_input_wins_and_a_figure_clears_the_gap():
    values = _frame([("la-1", "income_regular_total", 2019, 2020, 5e6, "b20"),
                     ("la-1", "surplus_deficit_regular_year", 2019, 2020, 1e5, "b20")], "value")
    gaps = _frame([("la-1", "surplus_deficit_regular_year", 2021, 2021, "not_applicable", "b21"),
                   ("la-1", "income_regular_total", 2021, 2021, "not_available", "b21"),
                   ("la-1", "surplus_deficit_regular_year", 2021, 2022, "blank", "b22"),
                   ("la-1", "income_regular_total", 2021, 2022, "not_available", "b22"),
                   ("la-1", "income_regular_total", 2019, 2019, "not_available", "b19")], "reason")
    reasons = _gaps_for(values, gaps, "budget_deficit_pct")
    # 2022 is the latest edition listing 2021; the numerator comes first. 2019 has a figure from 2020: no gap.
    assert reasons == {("la-1", "budget_deficit_pct", 2021): ("blank", 2022)}


def test_no_reason_where_an_input_is_not_published_that_year():
    # reliefs start in 2014: a denominator gap in 2013 does not explain a figure that cannot exist
    values = _frame([("la-1", "arnona_residential_reliefs", 2014, 2014, 1e5, "b14")], "value")
    gaps = _frame([("la-1", "arnona_charge_residential", 2013, 2013, "not_available", "b13"),
                   ("la-1", "arnona_charge_residential", 2014, 2014, "not_applicable", "b14")], "reason")
    assert _gaps_for(values, gaps, "arnona_residential_reliefs_pct") == {
        ("la-1", "arnona_residential_reliefs_pct", 2014): ("not_applicable", 2014)}


def test_a_nil_denominator_is_zero_denominator():
    values = _frame([("la-1", "arnona_residential_reliefs", 2019, 2019, 0.0, "b19"),
                     ("la-1", "arnona_charge_residential", 2019, 2019, 0.0, "b19")], "value")
    empty = _frame([], "reason")
    assert _gaps_for(values, empty, "arnona_residential_reliefs_pct") == {
        ("la-1", "arnona_residential_reliefs_pct", 2019): (ZERO_DENOMINATOR, 2019)}


def test_field_indicators_keep_their_own_gap():
    field = next(ind for ind in REGISTRY.values() if ind.method.form == "field")
    gaps = _frame([("la-1", field.field, 2020, 2020, "not_available", "s")], "reason")
    assert _gaps_for(_frame([], "value"), gaps, field.id) == {("la-1", field.id, 2020): ("not_available", 2020)}


@pytest.fixture(scope="module")
def published():
    return (pd.read_parquet(PUBLISHED_DIR / "observations.parquet"), pd.read_parquet(PUBLISHED_DIR / "gaps.parquet"))


def test_tel_sheva_2021_budget_not_reported_reaches_every_budget_indicator(published):
    observations, gaps = published
    budget = [ind.id for ind in REGISTRY.values() if "income_regular_total" in ind.method.inputs
              or any(f.startswith(("arnona_charge", "expenditure_", "grant_", "debt_")) for f in ind.method.inputs)]
    tel_sheva = gaps[(gaps.authority_id == "la-1054") & (gaps.year == 2021)].set_index("indicator_id").reason
    missing = set(budget) - set(observations[(observations.authority_id == "la-1054")
                                             & (observations.year == 2021)].indicator_id)
    assert len(missing) >= 10 and missing <= set(tel_sheva.index)
    assert set(tel_sheva[list(missing)]) == {"not_reported"}


def test_every_published_gap_is_for_a_missing_figure(published):
    observations, gaps = published
    both = gaps.merge(observations, on=["authority_id", "indicator_id", "year"])
    assert both.empty
    assert not gaps.duplicated(["authority_id", "indicator_id", "year"]).any()
