"""The source register's display texts (data/sources.yml `display:`) and the sheet and header each figure
was read from (indicators/build/observation_provenance.py)."""
import pandas as pd
import pytest

from indicators.build import source_register
from indicators.build.observation_provenance import attach_sheet_and_header
from indicators.registry import load_registry


def test_every_source_has_publisher_title_and_licence_in_each_language():
    sources = source_register.load_sources()
    for field in source_register.DISPLAY_FIELDS:
        assert sources[f"{field}_en"].notna().all()
        # Translated, not copied: the Hebrew and Arabic texts differ from the English one.
        assert (sources[f"{field}_he"] != sources[f"{field}_en"]).all(), field
        assert (sources[f"{field}_ar"] != sources[f"{field}_en"]).all(), field
    assert not sources["publisher_he"].str.contains("Central Bureau|Ministry|World Bank").any()
    assert sources.set_index("source_id")["transcribed"].to_dict()["cbs_la_2022_transcribed"] is True
    assert sources["transcribed"].sum() == 1


def test_a_missing_display_text_is_named():
    entry = {"id": "x", "display": {"publisher": {"he": "א", "en": "A"}, "title": {}, "licence": {}}}
    with pytest.raises(source_register.SourceDisplayError, match="x: display.publisher.ar"):
        source_register.display_texts(entry)


def test_sheet_and_header_come_from_the_inputs_read_in_that_edition_and_year():
    registry = tuple(i for i in load_registry() if i.id in ("population_growth_pct", "gov_grant_per_capita"))
    inputs = {i.id: list(i.method.inputs) for i in registry}
    assert inputs["population_growth_pct"] == ["population_growth_pct"]
    columns_read = pd.DataFrame([
        ("population_growth_pct", 2021, "S1", "growth", None, 2021),
        ("population_growth_pct", 2022, None, "growth 2022", None, 2022),
        ("population_growth_pct", 2021, "S1", "growth 2020", None, 2020),
    ], columns=["field_id", "edition", "sheet", "header", "sub_header", "year"])
    observations = pd.DataFrame({"authority_id": ["a", "a", "a"], "indicator_id": ["population_growth_pct"] * 3,
                                 "year": [2021, 2022, 2019], "value": [1.0, 2.0, 3.0],
                                 "source_id": ["s21", "s22", "s21"], "edition": [2021, 2022, 2021]})
    out = attach_sheet_and_header(observations, columns_read, registry).set_index("year")
    assert out.loc[2021, "sheet"] == "S1" and out.loc[2021, "cbs_header"] == "growth"
    assert pd.isna(out.loc[2022, "sheet"]) and out.loc[2022, "cbs_header"] == "growth 2022"
    assert pd.isna(out.loc[2019, "cbs_header"])  # no column read for that year: unknown, not guessed
    assert len(out) == 3
