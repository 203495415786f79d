"""The PDF town profile read back with pypdf: the town's name in the chosen language, every source, the
figures' data years, embedded Noto fonts; and the headline choice and the static map behind it."""
import dataclasses
import datetime as dt
import io
import time

import pandas as pd
import pytest
from pypdf import PdfReader

from indicators import profile
from indicators.downloads.headline import FALLBACK_COUNT, headline_indicators
from indicators.downloads.map_svg import town_map_svg
from indicators.downloads.profile_document import build_document
from indicators.downloads.town_profile_pdf import profile_html, profile_pdf
from indicators.names import authority_names
from indicators.settings import DIMENSIONS, PUBLISHED_DIR
from ui.i18n import translate
from ui.profile_exports import REASONS, _words

TOWN = "la-1161"  # Rahat


@pytest.fixture(scope="module")
def published():
    tables = {name: pd.read_parquet(PUBLISHED_DIR / f"{name}.parquet")
              for name in ("authorities", "indicators", "observations", "sources", "boundaries")}
    return tables | {"latest": latest_values()}


def latest_values() -> pd.DataFrame:
    """Each authority's latest and previous figure per indicator, through the app's own query."""
    from indicators import store, views

    con = store.open_store()
    try:
        return views.latest_values(con)
    finally:
        con.close()


def document(published, lang: str):
    auth, ind, obs = published["authorities"], published["indicators"], published["observations"]
    negev = auth.loc[auth["is_negev"], "authority_id"].tolist()
    cards = profile.town_cards(obs, published["latest"], ind, TOWN, negev, negev[:10], auth["authority_id"].tolist(),
                               rank_ids=negev)
    names = authority_names(auth, lang)
    return build_document(
        lang=lang, rtl=lang != "en", town_name=names[TOWN], subtitle="", date=dt.date.today().isoformat(),
        link=f"http://localhost:8501/town_profile?town={TOWN}&lang={lang}", cards=cards, indicators=ind,
        town_values=obs[obs["authority_id"] == TOWN], sources=published["sources"], headline=headline_indicators(ind),
        dimension_titles={d: translate(lang, f"town_profile.dimension_{d}") for d in DIMENSIONS},
        words=_words(lang, names[TOWN], "Negev"), reasons={**{c: c for c in REASONS}, "": "-"},
        map_svg=town_map_svg(published["boundaries"], TOWN, negev), peer_names=tuple(names[p] for p in negev[:3]))


@pytest.mark.parametrize("lang, name", [("he", "רהט"), ("en", "Rahat"), ("ar", "رهط")])
def test_pdf_holds_the_town_name_sources_and_years(published, lang, name):
    doc = document(published, lang)
    started = time.perf_counter()
    raw = profile_pdf(doc)
    elapsed = time.perf_counter() - started
    reader = PdfReader(io.BytesIO(raw))
    text = "".join(page.extract_text() for page in reader.pages)
    assert name in text
    assert doc.sources and all(s.url in text.replace("\n", "") for s in doc.sources)
    cbs = {"he": "הלשכה המרכזית לסטטיסטיקה", "en": "Israel Central Bureau of Statistics",
           "ar": "دائرة الإحصاء المركزية"}[lang]  # the publisher in the reader's language
    squeezed = text.replace(" ", "").replace("\n", "")
    assert cbs.replace(" ", "") in squeezed or cbs.replace(" ", "")[::-1] in squeezed
    years = {str(r.year) for s in doc.sections for r in s.rows if r.year}
    assert years and all(y in text for y in years)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    fonts = {f["/BaseFont"] for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    expected = {"he": "Noto-Sans-Hebrew", "ar": "Noto-Sans-Arabic", "en": "DejaVu-Sans"}[lang]
    assert any(expected in str(f) for f in fonts)  # embedded (subset) fonts, none taken from the reader's machine
    print(f"PDF {lang}: {elapsed:.2f} s, {len(reader.pages)} pages")


def test_headline_uses_headline_rank_when_present(published):
    ind = published["indicators"]
    fallback = headline_indicators(ind.drop(columns=["headline_rank"], errors="ignore"))
    assert all(len(ids) == FALLBACK_COUNT for ids in fallback.values())
    ranked = ind.assign(headline_rank=pd.array([None] * len(ind), dtype="Int64"))
    social = ranked.index[ranked["dimension"] == "social"][-4:]
    ranked.loc[social, "headline_rank"] = [4, 3, 2, 1]
    chosen = headline_indicators(ranked)
    assert chosen["social"] == ranked.loc[social[::-1], "indicator_id"].tolist()
    assert chosen["economic"] == fallback["economic"]  # no ranks there: the first three


def test_map_draws_the_town_among_its_neighbours(published):
    negev = published["authorities"].query("is_negev")["authority_id"].tolist()
    svg = town_map_svg(published["boundaries"], TOWN, negev)
    assert svg.startswith("<svg") and svg.count("<path") == len(negev)
    assert town_map_svg(published["boundaries"], "la-nowhere", negev) is None


def test_pdf_is_written_in_the_worker_process(published):
    from indicators.downloads import worker

    raw = worker.run(profile_pdf, document(published, "he"))
    assert raw.startswith(b"%PDF") and "רהט" in PdfReader(io.BytesIO(raw)).pages[0].extract_text()


def test_shekel_trends_of_the_document_are_in_constant_prices_when_an_index_is_given():
    from indicators.downloads.profile_document import constant_trend

    index = pd.read_parquet(PUBLISHED_DIR / "price_index.parquet")
    trend = ((2013, 100.0), (2022, 100.0))
    (first_year, first), (last_year, last) = constant_trend(trend, "ils_per_capita", index)
    assert (first_year, last_year) == (2013, 2022)
    assert first == pytest.approx(106.6104, abs=1e-3) and last == pytest.approx(100.0)
    assert constant_trend(trend, "percent", index) == trend and constant_trend(trend, "ils_per_capita", None) == trend


def test_each_peer_name_keeps_its_own_direction_in_an_arabic_profile(published):
    """A town outside the Negev has no published Arabic name: its English name is isolated, so it does not run
    into its neighbours across the Arabic commas."""
    doc = dataclasses.replace(document(published, "ar"), peer_names=("Betar Illit", "نتيفوت"))
    html = profile_html(doc)
    assert '<bdi dir="ltr">Betar Illit</bdi>، <bdi dir="rtl">نتيفوت</bdi>' in html
