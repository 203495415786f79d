"""The indicator registry: every declaration is valid, every query runs, and each computation form
gives the figure it promises on a tiny synthetic `cbs_values` table built from the fields it declares
(made here, not real data)."""
import json
from dataclasses import replace

import pandas as pd
import pytest

from indicators.compute import compute_indicator, values_connection
from indicators.mapped_fields import known_field_ids
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
        check_inputs([stray], known_field_ids())


def test_an_sql_query_reading_an_undeclared_field_is_refused():
    ind = _by_form("sql", file="density_per_km2.sql")
    partial = replace(ind, method=replace(ind.method, inputs=("population_total",)))
    with pytest.raises(RegistryError, match="area_km2"):
        check_inputs([partial], known_field_ids())


def test_query_text_reads_only_indicator_queries():
    assert "population_total" in query_text("sql", "density_per_km2.sql")
    assert "landuse_total_km2" in query_text("land_share")
    for form, bad in (("sql", "../registry.py"), ("sql", "views/latest_values.sql"), ("sql", "x.py"),
                      ("views", None)):
        with pytest.raises(ValueError):
            query_text(form, bad)


@pytest.mark.parametrize("body, message", [
    ("id: wrong_name\n", "missing"),
    ("id: bad\ndimension: cosmic\ntheme: x\nname: {he: a, en: a, ar: a}\ndescription: {he: a, en: a, ar: a}\n"
     "unit: percent\nhigher_is_better: true\ndecimals: 1\nsource_id: s\nfield: f\n", "dimension"),
    ("id: bad\ndimension: social\ntheme: x\nname: {he: a, en: a}\ndescription: {he: a, en: a, ar: a}\n"
     "unit: percent\nhigher_is_better: true\ndecimals: 1\nsource_id: s\nfield: f\n", "he, en and ar"),
    ("id: bad\ndimension: social\ntheme: x\nname: {he: a, en: a, ar: a}\ndescription: {he: a, en: a, ar: a}\n"
     "unit: percent\nhigher_is_better: true\ndecimals: 1\nsource_id: s\nfield: f\nsql: x.sql\n", "exactly one"),
    ("id: bad\ndimension: social\ntheme: x\nname: {he: a, en: a, ar: a}\ndescription: {he: a, en: a, ar: a}\n"
     "unit: percent\nhigher_is_better: true\ndecimals: 1\nsource_id: s\nfield: \"x'; DROP TABLE y\"\n", "slug"),
    ("id: bad\ndimension: social\ntheme: x\nname: {he: a, en: a, ar: a}\ndescription: {he: a, en: a, ar: a}\n"
     "unit: percent\nhigher_is_better: true\ndecimals: 1\nsource_id: s\nsql: density_per_km2.sql\n", "inputs"),
    ("id: bad\ndimension: social\ntheme: x\nname: {he: a, en: a, ar: a}\ndescription: {he: a, en: a, ar: a}\n"
     "unit: percent\nhigher_is_better: true\ndecimals: 1\nsource_id: s\nfield: f\ninputs: [f]\n", "inputs"),
])
def test_malformed_declarations_are_refused_with_the_file_named(tmp_path, body, message):
    path = tmp_path / "bad.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RegistryError, match=message) as error:
        parse_declaration(path, load_units())
    assert "bad.yml" in str(error.value)
