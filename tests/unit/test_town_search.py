"""The town search finds an authority by its name in any language, however the name is spelled."""
import pandas as pd
import pytest

from indicators.settings import PUBLISHED_DIR
from indicators.town_search import (
    EXACT,
    INSIDE,
    PREFIX,
    WORD,
    build_index,
    match_rank,
    normalise,
    search,
    unambiguous,
)

AUTHORITIES = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet")
# Negev first, as the app's town choosers list them (ties in a search keep this order).
ORDER = AUTHORITIES.sort_values(["is_negev", "name_en"], ascending=[False, True])["authority_id"].tolist()
INDEX = build_index(AUTHORITIES, ORDER)


@pytest.mark.parametrize("query", [
    "באר שבע", "בְּאֵר שֶׁבַע", "באר-שבע", "Beer Sheva", "Be'er Sheva", "be’er-sheva", "BEERSHEVA", "بئر السبع",
    "بِئْر السَّبْع", "بير السبع", "  Be'er   Sheva  ",
])
def test_beer_sheva_in_every_spelling_comes_first(query):
    assert search(INDEX, query)[0] == "la-9000"


@pytest.mark.parametrize("query, expected", [
    ("רהט", "la-1161"), ("Rahat", "la-1161"), ("رهط", "la-1161"),
    ("ערערה בנגב", "la-1192"), ("Arara Banegev", "la-1192"), ("عرعرة", "la-1192"),
    ("קרית גת", "la-2630"), ("Kiryat Gat", "la-2630"), ("كريات جات", "la-2630"),
    ("רמת נגב", "rc-48"), ("Ramat Ha-Negev", "rc-48"), ("رمات هنيغف", "rc-48"),
    ("שגב שלום", "la-1286"), ("Al Kasom", "rc-69"), ("القسوم", "rc-69"), ("ايلات", "la-2600"),
])
def test_names_in_three_languages(query, expected):
    assert search(INDEX, query)[0] == expected


def test_a_prefix_lists_every_match_best_first():
    found = search(INDEX, "אי", limit=50)
    assert found[0] == "la-2600"  # Eilat (אילת), a Negev city, before towns elsewhere
    assert all(any(n.replace(" ", "").startswith("אי") or " אי" in f" {n}" for n in key.names)
               for key in INDEX if key.authority_id in found)


def test_the_whole_name_beats_a_longer_one_that_starts_with_it():
    # "Eilat" is a city; "Hevel Eilot" only contains a similar word.
    assert search(INDEX, "Eilat")[0] == "la-2600"
    assert search(INDEX, "Eilot")[0] == "rc-53"


def test_whole_name_prefix_word_and_inside_rank_in_that_order():
    assert match_rank("beer sheva", "beer sheva") == EXACT
    assert match_rank("beer sheva", "beer") == PREFIX
    assert match_rank("beer sheva", "sheva") == WORD
    assert match_rank("beer sheva", "ershe") == INSIDE
    assert match_rank("beer sheva", "he") is None  # two letters inside a word match too much
    assert match_rank("beer sheva", "tel aviv") is None


def test_nothing_searchable_finds_nothing():
    for query in ("", "   ", "'\"-", "ـ", "zzzz", "x" * 10_000):
        assert search(INDEX, query) == []


def test_limit_and_non_negev_authorities():
    assert len(search(INDEX, "a", limit=5)) == 5
    assert search(INDEX, "חיפה")[0] == AUTHORITIES.set_index("name_he").at["חיפה", "authority_id"]


def test_folding():
    assert normalise("Be'er-Sheva") == normalise("BE’ER SHEVA") == "beer sheva"
    assert normalise("קריית גת") == normalise("קרית גת") == "קרית גת"
    assert normalise("מצפה־רמון") == normalise("מצפה רמון")  # Hebrew maqaf
    assert normalise("אופקים") == "אופקימ"  # final letters fold, so a half-typed name still matches
    assert normalise("كسيفة") == "كسيفه"


def test_a_query_opens_a_profile_only_when_it_can_mean_one_town():
    assert unambiguous(INDEX, "be'er sheva") == "la-9000"
    assert unambiguous(INDEX, "بئر السبع") == "la-9000"
    assert unambiguous(INDEX, "Eilat") == "la-2600"  # the whole name, though "Eilot" is close
    assert unambiguous(INDEX, "Yeruh") == "la-831"  # only one name starts so
    assert unambiguous(INDEX, "ra") is None  # Rahat, Ramat HaNegev, …
    assert unambiguous(INDEX, "") is None and unambiguous(INDEX, "zzzz") is None
