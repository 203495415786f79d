"""The indicator catalogue of the methods page: it covers the registry, reads the structured method as
published, takes years from the observations, and its filters behave on hand-made frames."""
import pandas as pd
import pytest

from indicators import catalogue
from indicators.docs_generation import read_published
from indicators.read_model import DIRECTIONS
from indicators.registry import FORMS, load_registry
from indicators.settings import DIMENSIONS


@pytest.fixture(scope="module")
def published():
    return {name: read_published(name) for name in ("indicators", "observations", "sources", "authorities")}


def _catalogue_of(published, negev=(), lang="en"):
    return catalogue.indicator_catalogue(published["indicators"], published["observations"], published["sources"],
                                         negev, lang)


def test_catalogue_lists_every_registry_indicator_by_dimension(published):
    rows = _catalogue_of(published, lang="he")
    assert sorted(rows["indicator_id"]) == sorted(ind.id for ind in load_registry())
    dimensions = rows["dimension"].drop_duplicates().tolist()
    assert dimensions == [d for d in DIMENSIONS if d in dimensions], "grouped by dimension, in the usual order"
    assert rows["name"].notna().all() and rows["description"].notna().all()
    assert set(rows["direction"]) <= set(DIRECTIONS)
    assert rows["direction_reason"].str.strip().astype(bool).all(), "every direction has its reason"


def test_catalogue_method_is_the_registry_method(published):
    rows = _catalogue_of(published).set_index("indicator_id")
    for ind in load_registry():
        row = rows.loc[ind.id]
        assert (row["method_form"], row["method_inputs"], row["method_params"]) == (
            ind.method.form, ind.method.inputs, ind.method.params), ind.id
    assert set(rows["method_form"]) == set(FORMS)
    field = rows[rows["method_form"] == "field"]
    assert field["mapping_file"].notna().all(), "every field indicator is found in a mapping file"
    assert rows.loc[rows["method_form"] != "field", "mapping_file"].isna().all()


def test_catalogue_years_come_from_the_observations(published):
    obs = published["observations"]
    negev = published["authorities"].query("is_negev")["authority_id"]
    row = _catalogue_of(published, negev).set_index("indicator_id").loc["municipal_turnout_pct"]
    turnout = obs[obs["indicator_id"] == "municipal_turnout_pct"]
    assert row["years"] == turnout["year"].nunique()
    assert (row["first_year"], row["last_year"]) == (turnout["year"].min(), turnout["year"].max())
    assert row["negev_authorities"] == turnout[turnout["authority_id"].isin(negev)]["authority_id"].nunique()
    assert "Reuse terms" in row["licence"]


def test_catalogue_for_csv_is_flat_text(published):
    flat = catalogue.catalogue_for_csv(_catalogue_of(published)).set_index("indicator_id")
    assert flat.loc["density_per_km2", "method_inputs"] == "population_total area_km2"
    assert flat.loc["density_per_km2", "method_params"] == '{"file": "density_per_km2.sql"}'


def _hand_made():
    return pd.DataFrame({
        "indicator_id": ["water_use", "wage", "parks"],
        "name": ["Domestic water use", "Average wage", "Parks share"],
        "dimension": ["environmental", "economic", "environmental"],
        "theme": ["water", "income", "land_use"],
        "description": ["Water in m³ per person", "Monthly wage of employees", "Gardens, % of area"],
        "unit": ["m³", "₪", "%"],
        "years": [10, 8, 2],
        "last_year": pd.array([2022, 2019, 2021], dtype="Int64"),
    })


def test_filter_by_dimension_and_words():
    rows = _hand_made()
    assert catalogue.filter_catalogue(rows, "environmental")["indicator_id"].tolist() == ["water_use", "parks"]
    assert len(catalogue.filter_catalogue(rows, "all")) == 3
    assert catalogue.filter_catalogue(rows, None, "WAGE")["indicator_id"].tolist() == ["wage"]
    assert catalogue.filter_catalogue(rows, None, "water person")["indicator_id"].tolist() == ["water_use"]
    assert catalogue.filter_catalogue(rows, "economic", "water").empty


def test_few_years_and_ending_early():
    rows = _hand_made()
    assert catalogue.few_years(rows, 5)["indicator_id"].tolist() == ["parks"]
    assert catalogue.ending_early(rows, 2022)["indicator_id"].tolist() == ["wage", "parks"]
