"""The leaky bucket (NEF, *Plugging the Leaks*, 2002): money entering a town's economy, where it leaks out,
and what circulates locally in between; flows from the database where a real figure exists, every other
flow entered by the user and marked as the user's estimate; a "plug a leak" scenario."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.tools.section_error import SectionError, is_finite_number

IN, OUT = "in", "out"
INFLOWS = ("gov_transfers", "other_public", "wages_elsewhere", "benefits", "business_outside", "tourism")
LEAKS = ("spending_outside", "supplies_outside", "profits_outside", "commuting")
FLOWS = INFLOWS + LEAKS
DATA, USER = "data", "user"

# A flow the database can give, as a per-resident indicator times the population of the same year.
# Government transfers are the part of the authority's regular budget that comes from outside the town;
# its own income (property tax, fees) is mostly paid from inside, so it is context, not an inflow.
PREFILL = {"gov_transfers": "gov_grant_per_capita"}
REFERENCE = {"budget_income": "budget_income_per_capita"}
POPULATION = "population"
# The "wages earned" inflow from CBS: residents' average monthly wage × the employees living in the town
# (per 1,000 residents × population / 1,000 gives back CBS's own count) × 12, all for one year. CBS counts
# residents wherever they work, so the figure includes wages paid inside the town: labelled as what it is.
WAGES = "wages_elsewhere"
WAGES_LABEL = "residents_wages"
WAGE, EMPLOYEES = "avg_monthly_wage", "employees_per_1000"


@dataclass(frozen=True)
class Flow:
    flow_id: str
    direction: str  # IN or OUT
    amount: float  # ₪ per year
    origin: str  # DATA (from the database) or USER (the user's estimate)
    source_ids: tuple[str, ...] = ()
    indicator_ids: tuple[str, ...] = ()
    year: int | None = None
    formula: str = ""  # how a database flow is computed from its indicators
    label: str = ""  # what the figure is, when not what the flow's name says (a message key's suffix)

    @property
    def label_key(self) -> str:
        return self.label or self.flow_id


def direction_of(flow_id: str) -> str:
    return IN if flow_id in INFLOWS else OUT


def latest_common_year(values: pd.DataFrame, indicator_ids: tuple[str, ...]):
    """(year, value per indicator, their sources) for the latest year in which every indicator has a figure,
    or None; values: the authority's observations (indicator_id, year, value, source_id). Figures of
    different years are never multiplied together."""
    known = values[values["indicator_id"].isin(indicator_ids) & values["value"].notna()]
    counts = known.groupby("year")["indicator_id"].nunique()
    complete = counts[counts == len(set(indicator_ids))]
    if complete.empty:
        return None
    year = int(complete.index.max())
    rows = known[known["year"] == year].drop_duplicates("indicator_id").set_index("indicator_id")
    sources = tuple(dict.fromkeys(str(rows.loc[i, "source_id"]) for i in indicator_ids))
    return year, {i: float(rows.loc[i, "value"]) for i in indicator_ids}, sources


def figures_from_data(values: pd.DataFrame, wanted: dict[str, str]) -> dict[str, Flow]:
    """The flows (or reference figures) in `wanted`, per-resident indicator × population, that the
    database holds for this authority."""
    found = {}
    for flow_id, indicator_id in wanted.items():
        common = latest_common_year(values, (indicator_id, POPULATION))
        if common is not None:
            year, figure, sources = common
            found[flow_id] = Flow(flow_id, direction_of(flow_id), figure[indicator_id] * figure[POPULATION], DATA,
                                  sources, (indicator_id, POPULATION), year, f"{indicator_id} × {POPULATION}")
    return found


def residents_wages(values: pd.DataFrame) -> Flow | None:
    """Residents' wages in a year, ₪: wage × employees × 12, where CBS gives both for the same year."""
    common = latest_common_year(values, (WAGE, EMPLOYEES, POPULATION))
    if common is None:
        return None
    year, figure, sources = common
    employees = figure[EMPLOYEES] * figure[POPULATION] / 1000
    return Flow(WAGES, IN, figure[WAGE] * employees * 12, DATA, sources, (WAGE, EMPLOYEES, POPULATION), year,
                f"{WAGE} × 12 × {EMPLOYEES} × {POPULATION} / 1000", WAGES_LABEL)


def prefilled_flows(values: pd.DataFrame) -> dict[str, Flow]:
    flows = figures_from_data(values, PREFILL)
    wages = residents_wages(values)
    if wages is not None:
        flows[WAGES] = wages
    return flows


def reference_figures(values: pd.DataFrame) -> dict[str, Flow]:
    return figures_from_data(values, REFERENCE)


def all_flows(prefilled: dict[str, Flow], user: dict[str, float | None]) -> list[Flow]:
    """Every flow with a figure, in a fixed order: the database's where it has one, else the user's; a
    flow left empty is not shown at all (never a zero standing in for a missing figure)."""
    flows = []
    for flow_id in FLOWS:
        if flow_id in prefilled:
            flows.append(prefilled[flow_id])
        elif user.get(flow_id) is not None:
            flows.append(Flow(flow_id, direction_of(flow_id), float(user[flow_id]), USER))
    return flows


@dataclass(frozen=True)
class Bucket:
    """Totals of the flows with a figure; None where no flow of that side has one (nothing entered is
    not zero), and circulation only when both sides have figures."""

    inflow: float | None
    leaks: float | None
    circulating: float | None  # what stays after the leaks; 0 when the recorded leaks exceed the inflows
    leaks_exceed_inflows: bool


def bucket(flows: list[Flow]) -> Bucket:
    ins = [f.amount for f in flows if f.direction == IN]
    outs = [f.amount for f in flows if f.direction == OUT]
    inflow = sum(ins) if ins else None
    leaks = sum(outs) if outs else None
    if inflow is None or leaks is None:
        return Bucket(inflow, leaks, None, False)
    return Bucket(inflow, leaks, max(inflow - leaks, 0.0), leaks > inflow)


LOCAL_ECONOMY, CIRCULATING = "local_economy", "circulating"
DERIVED = "derived"  # the circulating link: inflows minus leaks, from whatever the flows are


def sankey_links(flows: list[Flow]) -> tuple[list[str], list[tuple[int, int, float, str]]]:
    """Node keys and links (source index, target index, ₪, origin) for a plotly Sankey: inflows into the
    local economy, the local economy out to each leak and (once leaks are entered) to what keeps circulating."""
    nodes = [f.flow_id for f in flows if f.direction == IN] + [LOCAL_ECONOMY]
    nodes += [f.flow_id for f in flows if f.direction == OUT] + [CIRCULATING]
    index = {key: i for i, key in enumerate(nodes)}
    links = []
    for flow in flows:
        if flow.amount <= 0:
            continue
        if flow.direction == IN:
            links.append((index[flow.flow_id], index[LOCAL_ECONOMY], flow.amount, flow.origin))
        else:
            links.append((index[LOCAL_ECONOMY], index[flow.flow_id], flow.amount, flow.origin))
    circulating = bucket(flows).circulating
    if circulating:
        links.append((index[LOCAL_ECONOMY], index[CIRCULATING], circulating, DERIVED))
    else:
        nodes = nodes[:-1]
    return nodes, links


@dataclass(frozen=True)
class Plug:
    leak_id: str
    pct: float
    plugged: float  # ₪ a year kept in the town instead of leaking
    circulating_before: float | None  # None while no inflow has a figure
    circulating_after: float | None
    respend_share_pct: float | None  # from the LM3 tool, when the user has a result there
    extra_local_spending: float  # plugged money spent locally once, plus its local re-spend when known


def plug_leak(flows: list[Flow], leak_id: str, pct: float, respend_share_pct: float | None = None) -> Plug | None:
    """Keep `pct` % of one leak in the town. With an LM3 result, the kept money is also re-spent locally
    at the LM3 tool's Round 3 share, as in its rounds; without one only the first round is counted."""
    leak = next((f for f in flows if f.flow_id == leak_id and f.direction == OUT), None)
    if leak is None:
        return None
    pct = min(max(float(pct), 0.0), 100.0)
    plugged = leak.amount * pct / 100
    before = bucket(flows)
    after = bucket([Flow(f.flow_id, f.direction, f.amount - plugged if f is leak else f.amount, f.origin)
                    for f in flows])
    extra = plugged * (1 + (respend_share_pct or 0) / 100)
    return Plug(leak_id, pct, plugged, before.circulating, after.circulating, respend_share_pct, extra)


# --- The tool's section of the project file. The database's flows are not saved: they are read again.

SECTION = "leaky_bucket"


def empty_state() -> dict:
    return {"authority": None, "user_flows": {}, "plug": {"leak": LEAKS[0], "pct": 10}, "use_lm3": True}


def state_from_dict(data) -> dict:
    if not isinstance(data, dict):
        raise SectionError(SECTION, "", "an object")
    state = empty_state()
    unknown = set(data) - set(state)
    if unknown:
        raise SectionError(SECTION, sorted(unknown)[0], "a known field")
    state.update(data)
    if state["authority"] is not None and not isinstance(state["authority"], str):
        raise SectionError(SECTION, "authority", "an authority id")
    user = state["user_flows"]
    if not isinstance(user, dict):
        raise SectionError(SECTION, "user_flows", "an object of flow amounts")
    cleaned = {}
    for flow_id, amount in user.items():
        if flow_id not in FLOWS:
            raise SectionError(SECTION, f"user_flows.{flow_id}", "one of " + ", ".join(FLOWS))
        if amount is not None:
            if not is_finite_number(amount) or amount < 0:
                raise SectionError(SECTION, f"user_flows.{flow_id}", "a number of ₪ from 0 up, or null")
            amount = int(amount) if float(amount).is_integer() else float(amount)
        cleaned[flow_id] = amount
    state["user_flows"] = cleaned
    plug = state["plug"]
    if not isinstance(plug, dict) or plug.get("leak") not in LEAKS:
        raise SectionError(SECTION, "plug.leak", "one of " + ", ".join(LEAKS))
    pct = plug.get("pct")
    if isinstance(pct, bool) or not isinstance(pct, int | float) or not 0 <= pct <= 100:
        raise SectionError(SECTION, "plug.pct", "a number from 0 to 100")
    state["plug"] = {"leak": plug["leak"], "pct": int(pct) if float(pct).is_integer() else float(pct)}
    if not isinstance(state["use_lm3"], bool):
        raise SectionError(SECTION, "use_lm3", "true or false")
    return state


def state_to_dict(state: dict) -> dict:
    return state_from_dict(state)
