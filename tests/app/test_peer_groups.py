"""Peer groups page through AppTest: peers from shared links, the nearest peer checked against a distance
computed here from the published Parquet files, weights and counts from the URL, Arabic."""
from pathlib import Path

import pandas as pd
import pytest

from indicators.peers import DEFAULT_WEIGHTS, nearest_peers, peer_features

PAGE = "pages/peer_groups.py"
PUBLISHED = Path(__file__).resolve().parents[2] / "data" / "published"


@pytest.fixture(scope="module")
def authorities():
    return pd.read_parquet(PUBLISHED / "authorities.parquet")


@pytest.fixture(scope="module")
def features(authorities):
    observations = pd.read_parquet(PUBLISHED / "observations.parquet")
    latest = (observations.sort_values("year").groupby(["authority_id", "indicator_id"], as_index=False).last())
    return peer_features(latest, authorities)


def _peer_table(at):
    return next(df.value for df in at.dataframe if "Distance" in df.value.columns)


def _no_exception(at):
    assert not at.exception, [e.value for e in at.exception]


def test_first_peer_of_beer_sheva_matches_an_independent_computation(open_app, features, authorities):
    at = open_app(PAGE, lang="en", town="la-9000")
    _no_exception(at)
    expected = nearest_peers(features, "la-9000", DEFAULT_WEIGHTS, k=10)
    names = authorities.set_index("authority_id")["name_en"]
    table = _peer_table(at)
    assert table["Authority"].iloc[0] == "Be'er Sheva" and table["Rank"].iloc[0] == "★"
    assert table["Authority"].iloc[1:].tolist() == [names[a] for a in expected]
    assert table["Distance"].iloc[1:].is_monotonic_increasing
    assert len(at.get("plotly_chart")) == 1 and len(at.get("deck_gl_json_chart")) == 1
    assert any(b.label == "Download the data (CSV)" for b in at.get("download_button"))


def test_al_kasom_with_kind_ignored_and_five_peers(open_app, features, authorities):
    at = open_app(PAGE, lang="en", town="rc-69", peer_kind="0", peer_k="5")
    _no_exception(at)
    table = _peer_table(at)
    assert len(table) == 6  # Al-Kasom itself and five peers
    assert table["Authority"].iloc[0] == "Al-Kasom"
    expected = nearest_peers(features, "rc-69", {**DEFAULT_WEIGHTS, "kind": 0.0}, k=5)
    names = authorities.set_index("authority_id")["name_en"]
    assert table["Authority"].iloc[1:].tolist() == [names[a] for a in expected]
    # With the kind weight at 0, the peers need not be regional councils.
    assert set(table["Kind"].iloc[1:]) != {"Regional council"}
    assert any("5 authorities most like Al-Kasom" in h.value for h in at.header)


def test_peer_table_shows_the_features_read_independently(open_app):
    observations = pd.read_parquet(PUBLISHED / "observations.parquet")
    at = open_app(PAGE, lang="en", town="la-1161")
    table = _peer_table(at).set_index("Authority")
    ses = observations[(observations["authority_id"] == "la-1161") & (observations["indicator_id"] == "ses_index")]
    assert table.loc["Rahat", "Socio-economic index"] == pytest.approx(ses.sort_values("year")["value"].iloc[-1])


def test_weights_change_the_peers_and_stay_in_the_link(open_app):
    at = open_app(PAGE, lang="en", town="la-9000")
    before = _peer_table(at)["Authority"].tolist()
    at.select_slider(key="w_peer_size").set_value(3).run()
    at.select_slider(key="w_peer_ses").set_value(0).run()
    _no_exception(at)
    assert at.query_params["peer_size"] in ("3", ["3"]) and at.query_params["peer_ses"] in ("0", ["0"])
    assert _peer_table(at)["Authority"].tolist() != before


def test_unknown_town_and_weight_fall_back_with_warnings(open_app):
    at = open_app(PAGE, lang="en")
    at.query_params["town"] = "la-0000"
    at.query_params["peer_k"] = "99"
    at.run()
    _no_exception(at)
    warnings = " ".join(w.value for w in at.warning)
    assert "la-0000" in warnings and "99" in warnings
    assert _peer_table(at)["Authority"].iloc[0] == "Be'er Sheva" and len(_peer_table(at)) == 11


def test_compare_link_carries_the_town_and_five_peers(open_app, features):
    at = open_app(PAGE, lang="en", town="la-9000")
    links = [el for el in at.get("page_link") if "compare" in el.proto.page]
    assert links, "a link to the Compare page"
    expected = ",".join(["la-9000", *nearest_peers(features, "la-9000", DEFAULT_WEIGHTS, k=5)])
    assert f"compare={expected}" in links[0].proto.query_string.replace("%2C", ",")


def test_arabic(open_app):
    at = open_app(PAGE, lang="ar", town="la-1161")
    _no_exception(at)
    assert at.title[0].value == "مجموعات المقارنة: سلطات مشابهة"
    table = next(df.value for df in at.dataframe if "المسافة" in df.value.columns)
    assert table["السلطة"].iloc[0] == "رهط"
    assert table["اللواء"].iloc[0] == "الجنوب"


def test_population_group_filter_keeps_peers_in_that_group(open_app, authorities):
    at = open_app(PAGE, lang="en", town="la-9000", group="arab", peer_k="5")
    _no_exception(at)
    table = _peer_table(at)
    assert set(table["Population group"].iloc[1:]) == {"Arabs"}  # Be'er Sheva's most similar Arab authorities
    assert table["Population group"].iloc[0] == "Jews and others"
    assert at.query_params["group"] in ("arab", ["arab"])


def test_same_population_group_as_a_criterion(open_app, features):
    at = open_app(PAGE, lang="en", town="la-1161", peer_group="3", peer_k="10", colour_group="1")
    _no_exception(at)
    table = _peer_table(at)
    expected = nearest_peers(features, "la-1161", {**DEFAULT_WEIGHTS, "group": 3.0}, k=10)
    groups = features["population_group"]
    assert all(groups[a] == "arab" for a in expected)
    assert len(table) == 11 and set(table["Population group"]) == {"Arabs"}
    assert at.select_slider(key="w_peer_group").value == 3
    assert any("Population group (CBS)" in m.value for m in at.markdown)  # the scatter's group legend
