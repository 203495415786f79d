"""Getting around in AppTest: the home page's town search opens a profile, a click's pick is followed,
the profile links to its comparison and peer group, the chosen town follows the visitor to other pages,
and the explorer says which towns a long `compare=` link kept."""
import pandas as pd

from indicators.settings import PUBLISHED_DIR

PROFILE, EXPLORER, COMPARE = "pages/town_profile.py", "pages/indicator_explorer.py", "pages/compare.py"
AUTHORITIES = pd.read_parquet(PUBLISHED_DIR / "authorities.parquet").set_index("authority_id")


def search(at, query: str):
    at.text_input(key="town_query").input(query)
    next(b for b in at.button if b.proto.is_form_submitter).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def links(at) -> list:
    return [link.proto for link in at.get("page_link")]


def test_a_name_in_any_language_opens_the_profile(open_app):
    for lang, query in (("he", "Be'er Sheva"), ("en", "بئر السبع"), ("ar", "באר-שבע")):
        at = search(open_app(lang=lang), query)
        assert at.title[0].value == AUTHORITIES.loc["la-9000", f"name_{lang}"]
        assert at.query_params["town"] in ("la-9000", ["la-9000"])
        assert at.query_params["lang"] in (lang, [lang])


def test_an_ambiguous_name_lists_links_to_the_profiles(open_app):
    at = search(open_app(lang="en"), "ra")
    assert at.title[0].value == "Sustainable Local Economy in the Negev"  # still home
    to_profiles = [p for p in links(at) if p.page == "town_profile" and "town=" in p.query_string]
    labels = [p.label for p in to_profiles]
    assert {"Rahat", "Ramat HaNegev"} <= set(labels) and len(labels) <= 8
    rahat = to_profiles[labels.index("Rahat")]
    assert "town=la-1161" in rahat.query_string and "lang=en" in rahat.query_string


def test_no_match_says_so(open_app):
    at = search(open_app(lang="he"), "zzz")
    assert any("zzz" in i.value for i in at.info)
    assert not [p for p in links(at) if p.page == "town_profile" and "town=" in p.query_string]


def test_a_town_picked_on_the_map_or_chart_opens_its_profile(open_app):
    # The click itself needs a browser (tests/browser/test_getting_around.py); its callback leaves the pick.
    at = open_app(lang="en")
    at.session_state["picked_town"] = "la-1161"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Rahat"


def test_the_profile_links_to_its_comparison_and_peer_group(open_app):
    at = open_app(PROFILE, lang="en", town="la-1161")
    assert not at.exception
    peers_link = next(p for p in links(at) if p.page == "peer_groups" and "town=" in p.query_string)
    assert peers_link.label == "The peer group of Rahat" and "town=la-1161" in peers_link.query_string
    compare_link = next(p for p in links(at) if p.page == "compare")
    assert compare_link.label == "Compare Rahat with its 5 nearest peers"
    listed = compare_link.query_string.split("compare=")[1].split("&")[0].split("%2C")
    peers_listed = [m.value for m in at.expander[0].markdown if m.value.startswith("- ")][0]
    assert listed[0] == "la-1161" and len(listed) == 6
    assert [AUTHORITIES.loc[a, "name_en"] for a in listed[1:]] == [
        line[2:] for line in peers_listed.split("\n")[:5]]  # the five nearest, in the profile's order


def test_the_town_stays_chosen_on_other_pages(open_app):
    at = open_app(PROFILE, lang="en", town="la-1161")
    for page in (EXPLORER, "pages/peer_groups.py", PROFILE):
        at.switch_page(page)  # as the sidebar does: the query string is cleared
        at.run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.selectbox(key="w_town").value == "la-1161", page
        assert at.query_params["town"] in ("la-1161", ["la-1161"]), page
    at.switch_page(COMPARE)
    at.run()
    assert "la-1161" in at.multiselect(key="w_compare").value


def test_a_long_compare_link_says_which_towns_it_kept(open_app):
    ids = ["la-1161", "la-9000", "la-2200", "rc-48", "la-31", "la-2600", "la-99"]
    at = open_app(EXPLORER, lang="en", compare=",".join(ids))
    assert not at.exception
    notes = " ".join(i.value for i in at.info) + " ".join(w.value for w in at.warning)
    assert "default" not in notes
    kept = ", ".join(AUTHORITIES.loc[a, "name_en"] for a in ids[:5])
    assert f"The link lists 7 authorities; the trend chart takes at most 5, so it shows {kept}." in notes
    assert at.multiselect(key="w_compare").value == ids[:5]


def test_unknown_ids_in_a_compare_link_are_named(open_app):
    at = open_app(EXPLORER, lang="he", compare="la-1161,nope")
    assert not at.exception
    assert any("`nope`" in w.value for w in at.warning)
    assert at.multiselect(key="w_compare").value == ["la-1161"]
