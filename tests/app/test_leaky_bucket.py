"""Leaky bucket through AppTest: the database's flow for a town checked against the Parquet files read
here, user estimates marked and empty ones left out, the Sankey, plugging a leak with and without the LM3
tool's re-spend share, and the page in every language."""
import json
from pathlib import Path

import pandas as pd
import pytest

PAGE = "pages/leaky_bucket.py"
PUBLISHED = Path(__file__).resolve().parents[2] / "data" / "published"


def _no_exception(at):
    assert not at.exception, [e.value for e in at.exception]


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _wide(authority_id: str) -> pd.DataFrame:
    obs = pd.read_parquet(PUBLISHED / "observations.parquet")
    return obs[obs["authority_id"] == authority_id].pivot_table(index="year", columns="indicator_id", values="value")


def _gov_transfers(authority_id: str) -> tuple[float, int]:
    """Independently: the latest year with both government transfers per resident and population."""
    both = _wide(authority_id)[["gov_grant_per_capita", "population"]].dropna()
    year = int(both.index.max())
    return float(both.loc[year].prod()), year


def _residents_wages(authority_id: str) -> tuple[float, int]:
    """Independently: monthly wage × 12 × employees (per 1,000 × population / 1,000), latest common year."""
    both = _wide(authority_id)[["avg_monthly_wage", "employees_per_1000", "population"]].dropna()
    year = int(both.index.max())
    return float(both.loc[year].prod() * 12 / 1000), year


def test_prefilled_flows_user_estimates_and_plugging_a_leak(open_app):
    at = open_app(PAGE, lang="en")
    _no_exception(at)
    at.selectbox(key="lb_authority_0").set_value("la-2200")  # Dimona
    at.run()
    _no_exception(at)
    amount, year = _gov_transfers("la-2200")
    wages, wage_year = _residents_wages("la-2200")
    table = at.dataframe[0].value.set_index("Flow")
    assert table.loc["Government transfers to the authority", "₪ a year"] == f"{amount:,.0f} ₪"
    assert table.loc["Government transfers to the authority", "Year"] == str(year)
    assert "Central Bureau of Statistics" in table.loc["Government transfers to the authority", "Source"]
    # Residents' wages, named as what they are, with both editions they come from and how they are used.
    assert table.loc["Residents' wages (CBS)", "₪ a year"] == f"{wages:,.0f} ₪"
    assert table.loc["Residents' wages (CBS)", "Year"] == str(wage_year)
    assert table.loc["Residents' wages (CBS)", "Source"].count("Central Bureau of Statistics") == 2
    assert table.loc["Residents' wages (CBS)", "Computed as"] == \
        "avg_monthly_wage × 12 × employees_per_1000 × population / 1000"
    captions = " ".join(c.value for c in at.caption)
    assert f"Residents' wages ({wage_year})" in captions and "upper bounds" in captions
    assert not any(n.key == "lb_wages_elsewhere_0" for n in at.number_input)  # the data stands in for it
    metrics = _metrics(at)
    assert metrics["Money coming in"] == f"{amount + wages:,.0f} ₪"
    assert metrics["Leaking out"] == "—" and metrics["Circulating locally"] == "—"  # nothing entered: not zero
    assert "Enter at least one leak" in " ".join(i.value for i in at.info)

    at.number_input(key="lb_tourism_0").set_value(10_000_000.0)
    at.number_input(key="lb_spending_outside_0").set_value(100_000_000.0)
    at.run()
    _no_exception(at)
    metrics = _metrics(at)
    assert metrics["Circulating locally"] == f"{amount + wages + 10_000_000 - 100_000_000:,.0f} ₪"
    assert len(at.get("plotly_chart")) == 1
    assert "Residents' wages (CBS)" in at.get("plotly_chart")[0].proto.spec  # the Sankey's node
    assert "user estimate" in " ".join(c.value for c in at.caption)

    at.slider(key="lb_plug_pct_0").set_value(25)
    at.run()
    metrics = _metrics(at)
    assert metrics["Kept in the town"] == "25,000,000 ₪" and metrics["Extra local spending"] == "25,000,000 ₪"


def test_plugging_uses_the_lm3_share_when_there_is_one(open_app):
    at = open_app("pages/local_spend.py", lang="en")
    at.button(key="lm3_example_load").click()
    at.run()
    at.switch_page(PAGE)  # the example counts as an opened project: widget keys end in _1
    at.run()
    _no_exception(at)
    assert at.selectbox(key="lb_authority_1").value == "la-1161"  # the LM3 tool's town
    at.number_input(key="lb_commuting_1").set_value(1_000_000.0)
    at.run()
    at.slider(key="lb_plug_pct_1").set_value(10)
    at.run()
    assert "45.3%" in at.checkbox(key="lb_use_lm3_1").label
    # 100,000 kept, re-spent locally at the example's 45.26% (R3 / R2 = 172,000 / 380,000)
    assert _metrics(at)["Extra local spending"] == "145,263 ₪"
    at.checkbox(key="lb_use_lm3_1").uncheck()
    at.run()
    assert _metrics(at)["Extra local spending"] == "100,000 ₪"


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_other_languages(open_app, lang):
    at = open_app(PAGE, lang=lang)
    _no_exception(at)
    assert len(at.get("plotly_chart")) == 1


def test_a_project_file_opened_on_this_page(open_app):
    """The leaky bucket's own sidebar: a damaged file keeps the work, a good one restores the estimates."""
    from indicators.tools import leaky_bucket, project_file

    at = open_app(PAGE, lang="en")
    at.number_input(key="lb_commuting_0").set_value(3_000_000.0)
    at.run()
    at.sidebar.file_uploader(key="project_open_leaky_bucket_0").upload("bad.json", b"[]", "application/json")
    at.run()
    _no_exception(at)
    assert "bad.json is not a KMM project file" in " ".join(e.value for e in at.sidebar.error)
    assert _metrics(at)["Leaking out"] == "3,000,000 ₪"
    project = project_file.new_project("la-831", saved="2026-01-01T00:00:00+00:00")
    project["tools"]["leaky_bucket"] = {**leaky_bucket.empty_state(), "authority": "la-831",
                                        "user_flows": {"tourism": 5_000_000, "commuting": 1_000_000},
                                        "plug": {"leak": "commuting", "pct": 50}}
    at.sidebar.file_uploader(key="project_open_leaky_bucket_0").set_value(
        ("yeruham.json", project_file.dumps(project), "application/json"))
    at.run()
    _no_exception(at)
    assert "Opened yeruham.json" in " ".join(s.value for s in at.success)
    assert at.selectbox(key="lb_authority_1").value == "la-831"
    assert _metrics(at)["Leaking out"] == "1,000,000 ₪" and _metrics(at)["Kept in the town"] == "500,000 ₪"


def test_the_amount_column_is_wide_enough_on_a_phone(open_app):
    """The database table's amounts are text; on a 390 px phone the grid clipped their leading digits
    ("55,742,000 ₪" for 755,742,000 ₪). The amount has a fixed width that holds the longest, and with the
    flow's name it fits the grid of a 390 px phone (358 px)."""
    at = open_app(PAGE, lang="he")
    _no_exception(at)
    table = at.dataframe[0]
    config = json.loads(table.proto.columns)
    amount = next(c for c in table.value.columns if "₪" in c)
    flow = table.value.columns[0]
    assert config[amount]["width"] >= 150 and config[amount]["width"] + config[flow]["width"] <= 358
    assert max(len(v) for v in table.value[amount]) <= 18  # "12,562,757,245 ₪" and the like fit in 150 px
