"""The provenance a card shows (indicators/provenance.py): a CBS-original figure and a transcribed one, in
Hebrew, English and Arabic, from the published tables."""
import pandas as pd
import pytest

from indicators.provenance import TEMPLATE_KEYS, figure_provenance, town_provenance
from indicators.settings import LANGUAGES, PUBLISHED_DIR
from ui.i18n import load_catalogue

OBS = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
SOURCES = pd.read_parquet(PUBLISHED_DIR / "sources.parquet")
CBS_NAME = {"he": 'הלשכה המרכזית לסטטיסטיקה', "en": "Central Bureau of Statistics", "ar": "دائرة الإحصاء المركزية"}
TRANSCRIBED_MARK = "✱"


def words(lang):
    return {k: load_catalogue(lang)[f"provenance.{k}"] for k in TEMPLATE_KEYS}


def figure(authority_id, indicator_id, year):
    row = OBS[(OBS.authority_id == authority_id) & (OBS.indicator_id == indicator_id) & (OBS.year == year)]
    assert len(row) == 1
    row = row.iloc[0].to_dict()
    return row, SOURCES.set_index("source_id").loc[row["source_id"]].to_dict()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_cbs_original_figure(lang):
    obs, source = figure("la-1161", "population_growth_pct", 2021)  # Rahat, from the 2021 original
    assert obs["source_id"] == "cbs_la_2021"
    prov = figure_provenance(obs, source, lang, words(lang))
    text = "\n".join(prov.lines)
    assert not prov.transcribed and TRANSCRIBED_MARK not in prov.label + text
    assert CBS_NAME[lang] in text
    assert "2021" in prov.lines[0]  # the edition
    assert "נתונים פיזיים ונתוני אוכלוסייה" in text  # the sheet, as CBS names it
    assert "אחוז גידול האוכלוסייה לעומת השנה הקודמת" in text  # the column header, as CBS writes it
    assert any("2021" in line for line in prov.lines[1:])  # the data year
    others = [CBS_NAME[other] for other in LANGUAGES if other != lang]
    assert not any(name in text for name in others)  # the publisher in the reader's language only


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_transcribed_figure_is_marked(lang):
    obs, source = figure("la-1161", "population_growth_pct", 2022)
    assert obs["source_id"] == "cbs_la_2022_transcribed"
    prov = figure_provenance(obs, source, lang, words(lang))
    text = "\n".join(prov.lines)
    assert prov.transcribed
    assert TRANSCRIBED_MARK in prov.label and TRANSCRIBED_MARK in text
    assert CBS_NAME[lang] in text
    assert "Hovav-Dror" in text  # who transcribed it
    assert not any(line.startswith(words(lang)["sheet"].split("{")[0]) for line in prov.lines)  # a CSV: no sheet
    assert "אחוז גידול האוכלוסייה" in text


def test_english_text_does_not_leak_into_hebrew():
    obs, source = figure("la-1161", "population_growth_pct", 2022)
    text = " ".join(figure_provenance(obs, source, "he", words("he")).lines)
    for english in ("Central Bureau", "CBS", "transcribed", "edition", "Sheet"):
        assert english not in text


def test_town_provenance_takes_each_cards_year():
    rahat = OBS[OBS.authority_id == "la-1161"]
    out = town_provenance(rahat, SOURCES, {"population_growth_pct": 2021, "avg_monthly_wage": None,
                                           "no_such_indicator": 2021}, "en", words("en"))
    assert list(out) == ["population_growth_pct"]
    assert not out["population_growth_pct"].transcribed
