"""The source register as the methods page shows it, on a hand-made register (not real data)."""
import pandas as pd

from indicators import source_register_view as view


def _sources():
    return pd.DataFrame({
        "source_id": ["s1", "s2"], "series": ["x", "x"], "publisher": ["CBS", "CBS; MOIN"], "title": ["t", "u"],
        "edition": [2014, 2013], "url": ["https://a", "https://b"],
        "licence": ["Reuse terms not re-checked offline.", "Open data"], "obtained": ["2026-01-01"] * 2,
        "path": ["p", "q"], "sha256": ["0123456789abcdef" * 4, "f" * 64],
    })


def test_sources_register_and_unchecked_licences():
    register = view.sources_register(_sources())
    assert register["source_id"].tolist() == ["s2", "s1"]  # by series, then edition
    assert register.loc[1, "sha256_short"] == "0123456789ab…" and len(register.loc[1, "sha256"]) == 64
    assert view.unchecked_licences(_sources()) == ["s1"]


def test_series_publishers_and_licences_are_distinct_parts():
    assert view.series_publishers(_sources()) == {"x": "CBS; MOIN"}
    assert view.series_licences(_sources()) == {"x": "Reuse terms not re-checked offline. Open data"}
