"""The indicator registry: every declaration is valid, every query runs, and each computation form
gives the figure it promises on a tiny synthetic `cbs_values` table built from the fields it declares
(made here, not real data)."""
import json
from dataclasses import replace

import pandas as pd
import pytest
import yaml

from indicators.build.extractors import known_field_ids
from indicators.compute import compute_indicator, values_connection
from indicators.registry import (
    FORMS,
    Indicator,
    RegistryError,
    check_inputs,
    load_registry,
    load_units,
    parse_declaration,
    query_text,
)
from indicators.settings import DEFINITIONS_DIR

SPECIAL = {"population_total": 1000.0, "landuse_total_km2": 100.0}


def synthetic_values(indicator: Indicator) -> pd.DataFrame:
    """SYNTHETIC: two authorities, one year, one row for each field the indicator declares it reads, value 10
    (population 1000, land total 100, the second of two operands 40), so each query has something to
    compute and nothing else to find."""
    fields = indicator.method.inputs
    value = {f: SPECIAL.get(f, 40.0 if i == 1 else 10.0) for i, f in enumerate(fields)}
    rows = [(a, f, 2020, 2022, value[f], "synthetic") for a in ("la-1", "rc-1") for f in fields]
    return pd.DataFrame(rows, columns=["authority_id", "field_id", "year", "edition", "value", "source_id"])


def _compute(indicator: Indicator) -> pd.DataFrame:
    return compute_indicator(values_connection(synthetic_values(indicator)), indicator)


def test_every_declaration_loads_with_unique_ids():
    registry = load_registry()
    assert len({ind.id for ind in registry}) == len(registry) >= 36


@pytest.mark.parametrize("indicator", load_registry(), ids=lambda ind: ind.id)
def test_every_query_gives_one_figure_per_authority_from_its_declared_inputs(indicator):
    frame = _compute(indicator)
    assert list(frame.columns) == ["authority_id", "indicator_id", "year", "edition", "value", "source_id"]
    assert sorted(frame["authority_id"]) == ["la-1", "rc-1"], "no rows: the query reads a field it does not declare"


def _by_form(form: str, **params) -> Indicator:
    return next(ind for ind in load_registry() if ind.method.form == form
                and all(ind.method.params.get(k) == v for k, v in params.items()))


def test_per_resident_divides_by_population():
    ind = _by_form("per_resident", per=1000)
    assert _compute(ind)["value"].iloc[0] == pytest.approx(10.0 / 1000 * 1000)


def test_per_resident_takes_the_first_listed_field_an_edition_has():
    ind = next(i for i in load_registry() if i.method.form == "per_resident" and len(i.method.params["fields"]) > 1)
    assert _compute(ind)["value"].tolist() == pytest.approx([10.0, 10.0]), "one figure, not one per field"


def test_percent_of_is_a_percentage_within_one_edition():
    assert _compute(_by_form("percent_of"))["value"].iloc[0] == pytest.approx(10.0 / 40.0 * 100)


def test_land_share_sums_categories_over_the_survey_total():
    ind = next(i for i in load_registry() if i.method.form == "land_share" and len(i.method.params["categories"]) > 2)
    categories = ind.method.params["categories"]
    expected = (10.0 * (len(categories) - 1) + 40.0) / 100 * 100
    assert _compute(ind)["value"].iloc[0] == pytest.approx(expected)


def test_method_is_structured_and_published_as_columns():
    ind = _by_form("per_resident", published="income_regular_per_capita")
    assert ind.method.inputs == ("income_regular_total", "population_total", "income_regular_per_capita")
    columns = ind.method.columns()
    assert columns["method_form"] == "per_resident"
    assert json.loads(columns["method_params"]) == {"fields": ["income_regular_total"], "per": 1,
                                                    "published": "income_regular_per_capita"}
    assert {ind.method.form for ind in load_registry()} == set(FORMS)


def test_every_input_is_a_mapped_field():
    known = known_field_ids()
    assert all(set(ind.method.inputs) <= known for ind in load_registry())


def test_an_input_no_mapping_produces_is_refused():
    ind = _by_form("field")
    stray = replace(ind, method=replace(ind.method, inputs=("no_such_field",)))
    with pytest.raises(RegistryError, match=f"{ind.id}.yml: no_such_field"):
        check_inputs([stray], frozenset(known_field_ids()))


def test_an_sql_query_reading_an_undeclared_field_is_refused():
    ind = _by_form("sql", file="density_per_km2.sql")
    partial = replace(ind, method=replace(ind.method, inputs=("population_total",)))
    with pytest.raises(RegistryError, match="area_km2"):
        check_inputs([partial], frozenset(known_field_ids()))


def test_query_text_reads_only_indicator_queries():
    assert "population_total" in query_text("sql", "density_per_km2.sql")
    assert "landuse_total_km2" in query_text("land_share")
    for form, bad in (("sql", "../registry.py"), ("sql", "views/latest_values.sql"), ("sql", "x.py"),
                      ("views", None)):
        with pytest.raises(ValueError):
            query_text(form, bad)


# A valid declaration's keys (SYNTHETIC): each case below changes one thing.
VALID = {"id": "bad", "dimension": "social", "theme": "x", "name": {"he": "a", "en": "a", "ar": "a"},
         "description": {"he": "a", "en": "a", "ar": "a"}, "unit": "percent", "higher_is_better": True,
         "direction_reason": {"he": "a", "en": "a", "ar": "a"}, "decimals": 1, "source_id": "s", "field": "f"}


def _declaration(**changes) -> str:
    """VALID with some keys replaced (a value of None drops the key), as YAML."""
    raw = {k: v for k, v in (VALID | changes).items() if v is not None}
    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("body, message", [
    ("id: wrong_name\n", "missing"),
    (_declaration(dimension="cosmic"), "dimension"),
    (_declaration(name={"he": "a", "en": "a"}), "'name' needs non-empty he, en and ar texts"),
    (_declaration(sql="x.sql"), "exactly one"),
    (_declaration(field="x'; DROP TABLE y"), "slug"),
    (_declaration(field=None, sql="density_per_km2.sql"), "inputs"),
    (_declaration(inputs=["f"]), "inputs"),
    (_declaration(direction_reason=None), "missing direction_reason"),
    (_declaration(direction_reason={"he": "a", "en": "a"}), "'direction_reason' needs .* \\(missing: ar\\)"),
    (_declaration(direction_reason={"he": "a", "en": " ", "ar": "a"}), "'direction_reason' .* \\(missing: en\\)"),
    (_declaration(direction_reason="higher is better"), "'direction_reason' needs non-empty he, en and ar"),
])
def test_malformed_declarations_are_refused_with_the_file_named(tmp_path, body, message):
    path = tmp_path / "bad.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RegistryError, match=message) as error:
        parse_declaration(path, load_units())
    assert "bad.yml" in str(error.value)


def test_the_valid_synthetic_declaration_loads(tmp_path):
    """The cases above fail for their own reason, not because the base declaration is malformed."""
    path = tmp_path / "bad.yml"
    path.write_text(_declaration(), encoding="utf-8")
    assert parse_declaration(path, load_units()).direction_reason == VALID["direction_reason"]


@pytest.mark.parametrize("indicator", load_registry(), ids=lambda ind: ind.id)
def test_every_direction_has_a_one_line_reason(indicator):
    """Declared right after higher_is_better, one line (no breaks) in every language."""
    assert all(text.strip() and "\n" not in text for text in indicator.direction_reason.values())
    lines = (DEFINITIONS_DIR / f"{indicator.id}.yml").read_text(encoding="utf-8").splitlines()
    flag = next(i for i, line in enumerate(lines) if line.startswith("higher_is_better:"))
    assert lines[flag + 1] == "direction_reason:", "direction_reason goes directly after higher_is_better"


def test_indicators_that_track_income_or_eligibility_are_neutral():
    """Issue 8: in the Negev these follow income (cars, water, waste) or eligibility (unemployment benefit),
    so a low figure is not a better town."""
    neutral = {"unemployment_benefit_pct", "unemployment_benefit_per_1000", "private_cars_per_1000",
               "private_car_avg_age", "household_water_m3_per_capita", "residential_water_m3_per_capita",
               "waste_kg_per_capita_day"}
    by_id = {ind.id: ind for ind in load_registry()}
    assert all(by_id[i].higher_is_better is None for i in neutral)
    for i in ("unemployment_benefit_pct", "unemployment_benefit_per_1000"):
        assert "labour-force participation" in by_id[i].description["en"]
