"""The indicator registry: every declaration is valid, every query runs, and each computation form
gives the figure it promises on a tiny synthetic `cbs_values` table (made here, not real data)."""
import pandas as pd
import pytest

from indicators.compute import compute_indicator, values_connection
from indicators.registry import Indicator, RegistryError, load_registry, load_units, parse_declaration


def _synthetic_values() -> pd.DataFrame:
    """SYNTHETIC: two authorities, one year, every field any declaration names, value 10 (population
    1000, land total 100), so each query has something to compute."""
    fields = {"population_total", "landuse_total_km2"}
    for ind in load_registry():
        fields |= {ind.field} if ind.field else set()
        fields |= set(ind.per_resident[0]) if ind.per_resident else set()
        fields |= set(ind.percent_of) if ind.percent_of else set()
        fields |= set(ind.land_share) if ind.land_share else set()
    special = {"population_total": 1000.0, "landuse_total_km2": 100.0}
    rows = [(a, f, 2020, 2022, special.get(f, 10.0), "synthetic") for a in ("la-1", "rc-1") for f in sorted(fields)]
    return pd.DataFrame(rows, columns=["authority_id", "field_id", "year", "edition", "value", "source_id"])


@pytest.fixture(scope="module")
def con():
    return values_connection(_synthetic_values())


def test_every_declaration_loads_with_unique_ids():
    registry = load_registry()
    assert len({ind.id for ind in registry}) == len(registry) >= 36


@pytest.mark.parametrize("indicator", load_registry(), ids=lambda ind: ind.id)
def test_every_query_runs_and_returns_the_contract_columns(con, indicator):
    frame = compute_indicator(con, indicator)
    assert list(frame.columns) == ["authority_id", "indicator_id", "year", "edition", "value", "source_id"]


def _by_form(form: str) -> Indicator:
    return next(ind for ind in load_registry() if getattr(ind, form))


def test_per_resident_divides_by_population(con):
    ind = _by_form("per_resident")
    fields, per, _published = ind.per_resident
    value = compute_indicator(con, ind)["value"].iloc[0]
    assert value == pytest.approx(10.0 * len(fields) / 1000 * per)


def test_percent_of_is_a_percentage_within_one_edition(con):
    assert compute_indicator(con, _by_form("percent_of"))["value"].iloc[0] == pytest.approx(100.0)


def test_land_share_sums_categories_over_the_survey_total(con):
    ind = _by_form("land_share")
    value = compute_indicator(con, ind)["value"].iloc[0]
    assert value == pytest.approx(10.0 * len(ind.land_share) / 100 * 100)


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
])
def test_malformed_declarations_are_refused_with_the_file_named(tmp_path, body, message):
    path = tmp_path / "bad.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RegistryError, match=message) as error:
        parse_declaration(path, load_units())
    assert "bad.yml" in str(error.value)
