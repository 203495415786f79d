"""Leaky-bucket flows: prefilled only from real observations (with source, indicators and year), user
estimates marked, empty flows left out, the Sankey's links, and the plug-a-leak scenario."""
import pandas as pd
import pytest

from indicators.settings import PUBLISHED_DIR
from indicators.tools import leaky_bucket as lb
from indicators.tools.section_error import SectionError


def _values(rows):
    return pd.DataFrame(rows, columns=["indicator_id", "year", "value", "source_id"])


def test_prefill_multiplies_per_resident_by_the_same_years_population():
    values = _values([("gov_grant_per_capita", 2020, 2000.0, "cbs_la_2020"),
                      ("gov_grant_per_capita", 2021, 2100.0, "cbs_la_2021"),
                      ("gov_grant_per_capita", 2022, 2200.0, "cbs_la_2022"),
                      ("population", 2020, 1000.0, "cbs_la_2020"), ("population", 2021, 1010.0, "cbs_la_2021")])
    flow = lb.prefilled_flows(values)["gov_transfers"]
    # 2022 has no population: the latest year with both is 2021
    assert flow.amount == pytest.approx(2_121_000) and flow.year == 2021 and flow.source_ids == ("cbs_la_2021",)
    assert flow.origin == lb.DATA and flow.indicator_ids == ("gov_grant_per_capita", "population")
    assert flow.formula == "gov_grant_per_capita × population" and flow.label_key == "gov_transfers"


def test_residents_wages_are_wage_times_employees_times_twelve_of_one_year():
    values = _values([("avg_monthly_wage", 2018, 8000.0, "cbs_la_2019"),
                      ("avg_monthly_wage", 2019, 9000.0, "cbs_la_2021"),
                      ("avg_monthly_wage", 2020, 9500.0, "cbs_la_2022"),
                      ("employees_per_1000", 2018, 400.0, "cbs_la_2019"),
                      ("employees_per_1000", 2019, 500.0, "cbs_la_2021"),
                      ("population", 2019, 2000.0, "cbs_la_2019"), ("population", 2020, 2100.0, "cbs_la_2020")])
    flow = lb.prefilled_flows(values)["wages_elsewhere"]
    # 2020 has no employees: 2019 is the latest year with all three. 1,000 employees × 9,000 ₪ × 12.
    assert flow.amount == pytest.approx(108_000_000) and flow.year == 2019 and flow.direction == lb.IN
    assert flow.source_ids == ("cbs_la_2021", "cbs_la_2019") and flow.origin == lb.DATA
    assert flow.indicator_ids == ("avg_monthly_wage", "employees_per_1000", "population")
    assert flow.label_key == "residents_wages"  # residents' wages, wherever earned: not "wages earned elsewhere"


def test_no_common_year_of_wage_and_employees_leaves_wages_to_the_user():
    values = _values([("avg_monthly_wage", 2019, 9000.0, "s"), ("employees_per_1000", 2018, 500.0, "s"),
                      ("population", 2018, 2000.0, "s"), ("population", 2019, 2000.0, "s")])
    assert "wages_elsewhere" not in lb.prefilled_flows(values)
    flows = lb.all_flows(lb.prefilled_flows(values), {"wages_elsewhere": 5_000_000})
    assert [(f.flow_id, f.origin, f.label_key) for f in flows] == [("wages_elsewhere", lb.USER, "wages_elsewhere")]


def test_no_figure_no_flow():
    assert lb.prefilled_flows(_values([("population", 2021, 1000.0, "s")])) == {}
    assert lb.prefilled_flows(_values([("gov_grant_per_capita", 2021, None, "s"),
                                       ("population", 2021, 1000.0, "s")])) == {}


def test_real_figures_for_beer_sheva():
    observations = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
    values = observations[observations["authority_id"] == "la-9000"]
    flow = lb.prefilled_flows(values)["gov_transfers"]
    per_resident = values[(values.indicator_id == "gov_grant_per_capita") & (values.year == flow.year)].value.iloc[0]
    population = values[(values.indicator_id == "population") & (values.year == flow.year)].value.iloc[0]
    assert flow.amount == pytest.approx(per_resident * population)
    assert "budget_income" in lb.reference_figures(values)
    wages = lb.prefilled_flows(values)["wages_elsewhere"]
    year = values[values.year == wages.year].set_index("indicator_id").value
    assert wages.amount == pytest.approx(year["avg_monthly_wage"] * 12 * year["employees_per_1000"]
                                         * year["population"] / 1000)
    assert 1e9 < wages.amount < 1e11  # billions of ₪ a year for a city of about 200,000


def test_empty_user_flows_are_not_shown_and_data_wins():
    prefilled = {"gov_transfers": lb.Flow("gov_transfers", lb.IN, 1000, lb.DATA, "s", (), 2021)}
    flows = lb.all_flows(prefilled, {"gov_transfers": 5, "tourism": 200, "commuting": None, "spending_outside": 0})
    assert [(f.flow_id, f.amount, f.origin) for f in flows] == [
        ("gov_transfers", 1000, lb.DATA), ("tourism", 200, lb.USER), ("spending_outside", 0, lb.USER)]


def _flows():
    return [lb.Flow("gov_transfers", lb.IN, 1000, lb.DATA), lb.Flow("tourism", lb.IN, 200, lb.USER),
            lb.Flow("spending_outside", lb.OUT, 500, lb.USER), lb.Flow("commuting", lb.OUT, 100, lb.USER)]


def test_bucket_and_sankey_links():
    bucket = lb.bucket(_flows())
    assert (bucket.inflow, bucket.leaks, bucket.circulating, bucket.leaks_exceed_inflows) == (1200, 600, 600, False)
    nodes, links = lb.sankey_links(_flows())
    assert nodes == ["gov_transfers", "tourism", "local_economy", "spending_outside", "commuting", "circulating"]
    assert links == [(0, 2, 1000, lb.DATA), (1, 2, 200, lb.USER), (2, 3, 500, lb.USER), (2, 4, 100, lb.USER),
                     (2, 5, 600, lb.DERIVED)]
    leaks_only = lb.bucket([lb.Flow("commuting", lb.OUT, 10, lb.USER)])
    assert (leaks_only.inflow, leaks_only.leaks, leaks_only.circulating) == (None, 10, None)
    over = lb.bucket([lb.Flow("tourism", lb.IN, 5, lb.USER), lb.Flow("commuting", lb.OUT, 10, lb.USER)])
    assert over.leaks_exceed_inflows and over.circulating == 0


def test_nothing_entered_is_not_zero():
    inflow_only = [lb.Flow("gov_transfers", lb.IN, 1000, lb.DATA)]
    totals = lb.bucket(inflow_only)
    assert (totals.inflow, totals.leaks, totals.circulating) == (1000, None, None)
    nodes, links = lb.sankey_links(inflow_only)
    assert nodes == ["gov_transfers", "local_economy"] and links == [(0, 1, 1000, lb.DATA)]


def test_plug_a_leak_with_and_without_an_lm3_share():
    plug = lb.plug_leak(_flows(), "spending_outside", 20)
    assert plug.plugged == 100 and plug.circulating_before == 600 and plug.circulating_after == 700
    assert plug.extra_local_spending == 100
    with_lm3 = lb.plug_leak(_flows(), "spending_outside", 20, respend_share_pct=45)
    assert with_lm3.extra_local_spending == pytest.approx(145)
    assert lb.plug_leak(_flows(), "profits_outside", 20) is None


def test_state_validation():
    state = {"authority": "la-9000", "user_flows": {"tourism": 2.0, "commuting": None},
             "plug": {"leak": "commuting", "pct": 30.0}, "use_lm3": False}
    assert lb.state_from_dict(state)["user_flows"] == {"tourism": 2, "commuting": None}
    for bad in ({"user_flows": {"gold": 1}}, {"user_flows": {"tourism": -1}}, {"plug": {"leak": "x", "pct": 1}},
                {"plug": {"leak": "commuting", "pct": 101}}, {"use_lm3": "yes"}, {"extra": 1}):
        with pytest.raises(SectionError):
            lb.state_from_dict({**lb.empty_state(), **bad})
