"""Coverage and known-gap facts on hand-made frames (not real data)."""
import pandas as pd

from indicators import coverage


def _observations():
    return pd.DataFrame({
        "authority_id": ["a", "a", "b", "c", "a", "b"],
        "indicator_id": ["x", "x", "x", "x", "w", "w"],
        "year": [2013, 2014, 2014, 2014, 2019, 2019],
        "edition": [2013, 2014, 2014, 2015, 2021, 2020],
    })


def test_coverage_summary_and_matrix():
    obs = _observations()
    summary = coverage.coverage_summary(obs, ["a", "b"])
    assert summary.loc["x", ["first_year", "last_year", "years", "authorities", "negev_authorities"]].tolist() == [
        2013, 2014, 2, 3, 2]
    assert summary.loc["x", "editions"] == "2013–2015"
    matrix = coverage.coverage_matrix(obs, ["a", "b"], ["x", "w", "none"])
    assert matrix.loc["x", 2014] == 2 and matrix.loc["x", 2013] == 1 and matrix.loc["w", 2019] == 2
    assert matrix.loc["none"].sum() == 0
    assert list(matrix.columns) == [2013, 2014, 2019]


def test_gap_helpers():
    obs = _observations()
    assert coverage.years_of(obs, "x") == [2013, 2014]
    assert coverage.edition_lags(obs, "w") == [1, 2]
    assert coverage.yearly_counts(obs, "x", ["a", "b"]).to_dict() == {2013: 1, 2014: 2}
    # a 0 (no balancing grant paid) is a figure, but not a recipient
    valued = obs.assign(value=[5.0, 0.0, 3.0, 1.0, 1.0, 1.0])
    assert coverage.yearly_counts(valued, "x", ["a", "b"], above_zero=True).to_dict() == {2013: 1, 2014: 1}
    authorities = pd.DataFrame({"authority_id": ["a", "b", "c"], "kind": ["city", "city", "regional_council"],
                                "district_en": ["South", "South", "North"], "name_en": ["A", "B", "C"]})
    assert coverage.kinds_without_data(obs, authorities).to_dict("records") == [
        {"indicator_id": "w", "kind": "regional_council"}]
    boundaries = pd.DataFrame({"authority_id": ["a", "c"]})
    assert coverage.missing_boundaries(authorities, boundaries)["authority_id"].tolist() == ["b"]


def test_gap_reason_counts_list_every_reason_the_schema_accepts():
    gaps = pd.DataFrame({"authority_id": ["a", "a", "b"], "reason": ["blank", "blank", "not_available"]})
    counts = coverage.gap_reason_counts(gaps)
    assert list(counts.index) == list(coverage.gap_reasons())
    assert {"not_available", "nil_or_not_applicable", "blank", "not_reported"} <= set(counts.index)
    assert counts["blank"] == 2 and counts["suppressed"] == 0
    assert coverage.gap_reason_counts(gaps, ["b"])["blank"] == 0
