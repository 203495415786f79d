"""Cached building blocks of the town profile page: every card, chart, map and table of one town is
computed once per (town, language) and reused on reruns, so a warm rerun only renders."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from indicators import comparison, headline, median_distance, profile, provenance, read_model
from indicators.exports import authorities_table
from indicators.formatting import format_value
from indicators.groups import group_of
from indicators.prices import CONSTANT, for_price_basis, is_shekels
from ui import charts, compare_data, data_access, group_style, maps, prices
from ui.i18n import load_catalogue, text_direction


@st.cache_resource(show_spinner=False)
def metas() -> dict[str, dict]:
    """indicator_id -> its row of the indicators table (shared, read-only; the page reads it ~300 times a run)."""
    return {row["indicator_id"]: row for row in data_access.table("indicators").to_dict("records")}


def authority(authority_id: str) -> dict:
    authorities = data_access.table("authorities")
    return authorities[authorities["authority_id"] == authority_id].iloc[0].to_dict()


@st.cache_data(show_spinner=False)
def rank_group(authority_id: str) -> list[str]:
    return profile.rank_group(data_access.table("authorities"), authority_id)


@st.cache_data(show_spinner=False)
def peers(authority_id: str) -> list[str]:
    return data_access.nearest_peers(authority_id)


@st.cache_data(show_spinner=False)
def cards(authority_id: str) -> dict[str, profile.Card]:
    """All headline cards of one town (≈56), computed in one pass over all observations."""
    all_ids = data_access.table("authorities")["authority_id"].tolist()
    return profile.town_cards(data_access.observations(), data_access.latest_values(),
                              data_access.table("indicators"), authority_id,
                              data_access.negev_ids(), peers(authority_id), all_ids,
                              rank_ids=rank_group(authority_id), gaps=data_access.authority_gaps(authority_id))


@st.cache_data(show_spinner=False, max_entries=64)
def provenance_notes(authority_id: str, lang: str) -> dict[str, provenance.Provenance]:
    """Per card with a figure: where that figure comes from, in the reader's language."""
    words = {k: load_catalogue(lang).get(f"provenance.{k}") or load_catalogue("en")[f"provenance.{k}"]
             for k in provenance.TEMPLATE_KEYS}
    years = {i: card.year for i, card in cards(authority_id).items()}
    return provenance.town_provenance(data_access.authority_provenance(authority_id), data_access.table("sources"),
                                      years, lang, words)


@st.cache_data(show_spinner=False, max_entries=64)
def median_distances(authority_id: str) -> dict[str, list[median_distance.Distance]]:
    """Per headline figure: the town against the Negev's Jews-and-others median and Israel's, in its card's year."""
    indicators = data_access.table("indicators")
    headline = [i for ids in read_model.headline_ids(indicators).values() for i in ids]
    years = {i: cards(authority_id)[i].year for i in headline}
    return median_distance.headline_distances(
        data_access.observations(), headline, authority_id, years,
        median_distance.reference_ids(data_access.table("authorities")), read_model.directions(indicators))


@st.cache_data(show_spinner=False)
def headline_ids() -> dict[str, list[str]]:
    """dimension -> its key figures, as declared in the registry (`headline:`)."""
    return read_model.headline_ids(data_access.table("indicators"))


@st.cache_data(show_spinner=False, max_entries=64)
def median_standings(authority_id: str) -> dict[str, headline.MedianStanding]:
    """Per key figure: the town against the Negev median and how the gap moved (the headline sentence)."""
    direction_of = read_model.directions(data_access.table("indicators"))
    price_index, negev = data_access.table("price_index"), data_access.negev_ids()

    def standing(i: str) -> headline.MedianStanding:
        values, unit, decimals = data_access.indicator_values(i), metas()[i]["unit"], int(metas()[i]["decimals"])
        if not is_shekels(unit):
            return headline.median_standing(values, authority_id, negev, direction_of[i], decimals)
        constant = for_price_basis(values, unit, CONSTANT, price_index)  # "widened" is not inflation
        return headline.real_median_standing(values, constant, authority_id, negev, direction_of[i], decimals)

    return {i: standing(i) for ids in headline_ids().values() for i in ids}


@st.cache_data(show_spinner=False, max_entries=64)
def percentile_summary(authority_id: str) -> dict[str, tuple[float, int]]:
    """dimension -> (median percentile among Israel's authorities, indicators counted): the Compare page's
    summary, from the same cached percentiles."""
    summary = comparison.dimension_summary(compare_data.percentiles(), [authority_id])
    return {row.dimension: (float(row.percentile), int(row.indicators)) for row in summary.itertuples()}


@st.cache_data(show_spinner=False, max_entries=64)
def sparklines(authority_id: str, basis: str) -> dict[str, str]:
    """One sparkline (SVG text, for st.image) per indicator with figures for more than one year; shekel
    amounts in the chosen price basis, like the trend chart."""
    return {i: charts.sparkline_svg(prices.shown(pd.DataFrame(card.trend, columns=["year", "value"]),
                                                 metas()[i]["unit"], basis))
            for i, card in cards(authority_id).items() if len(card.trend) > 1}


@st.cache_resource(show_spinner=False, max_entries=64)
def locator_map(authority_id: str, lang: str, kind_labels: tuple[tuple[str, str], ...]) -> pdk.Deck | None:
    """The Negev (or the town's district) in grey with the town coloured and outlined; None if the town
    has no boundary."""
    boundaries = data_access.table("boundaries")
    if authority_id not in set(boundaries["authority_id"]):
        return None
    names = data_access.names_of_authorities(lang)
    shown = {a: names[a] for a in rank_group(authority_id)}
    kinds = dict(kind_labels)
    kind_of = data_access.table("authorities").set_index("authority_id")["kind"]
    value_text = {a: kinds.get(kind_of[a], "") for a in shown}
    deck, _ = maps.choropleth(boundaries, pd.Series({authority_id: 1.0}), shown, value_text, lang,
                              highlight=authority_id, height=320)
    # A disc too: a small town is a few pixels at the Negev's scale. Under the labels (the last layer),
    # so that its name stays readable on top of it.
    row = authority(authority_id)
    deck.layers.insert(len(deck.layers) - 1, pdk.Layer(
        "ScatterplotLayer", id="kmm-town-disc", data=[{"position": [row["label_lon"], row["label_lat"]]}],
        get_position="position",
        get_radius=2000, radius_min_pixels=18, radius_max_pixels=40, stroked=True, filled=True,
        get_fill_color=[213, 94, 0, 150], get_line_color=[0, 0, 0, 255], line_width_min_pixels=2))
    return maps.serialise_once(deck)


@st.cache_data(show_spinner=False)
def trend_frame(authority_id: str, indicator_id: str, labels: tuple[str, str, str, str], basis: str) -> pd.DataFrame:
    """series, year, value, text for the trend chart: the town and the three benchmark medians, shekel amounts
    in the price basis asked for (ui/prices.py).

    labels: display names of (town, Negev median, peer median, Israel median)."""
    meta = metas()[indicator_id]
    all_ids = data_access.table("authorities")["authority_id"].tolist()
    benchmarks = dict(zip(labels[1:], (data_access.negev_ids(), peers(authority_id), all_ids), strict=True))
    values = prices.shown(data_access.indicator_values(indicator_id), meta["unit"], basis)
    frame = read_model.trend_frame(values, [authority_id], {authority_id: labels[0]}, benchmarks)
    return frame.assign(text=frame["value"].map(lambda v: format_value(v, int(meta["decimals"]), meta["unit"])))


@st.cache_resource(show_spinner=False, max_entries=256)
def trend_figure(authority_id: str, indicator_id: str, labels: tuple[str, str, str, str], basis: str,
                 value_label: str, year_label: str, title: str) -> go.Figure:
    figure = charts.trend_lines(trend_frame(authority_id, indicator_id, labels, basis), value_label, year_label,
                                title)
    figure.update_layout(margin={"t": 75})  # the title has two lines (indicator, then town and benchmarks)
    return charts.serialise_once(figure)


@st.cache_data(show_spinner=False)
def justice(authority_id: str) -> dict[str, list[profile.Standing]]:
    compare = sorted(set(data_access.negev_ids()) | {authority_id})
    return profile.justice_standings(data_access.observations(), data_access.table("indicators"), authority_id,
                                     compare)


@st.cache_data(show_spinner=False)
def justice_groups(authority_id: str) -> list[str]:
    """The population groups among the dots of the justice lens (its legend lists only these)."""
    ids = sorted(set(data_access.negev_ids()) | {authority_id})
    return group_style.present_groups(ids, group_of(data_access.table("authorities")))


@st.cache_resource(show_spinner=False, max_entries=64)
def justice_figure(authority_id: str, lang: str, group: str, panel_labels: tuple[str, ...], note: str) -> go.Figure:
    """Dots of the Negev's authorities (and the town) on each indicator of one justice group, coloured by
    population group; each dot names its town and figure on hover."""
    names = data_access.names_of_authorities(lang)
    # Chart text is laid out left to right: in Hebrew and Arabic the label reads right to left as a whole
    # (RLI … PDI), with its figure kept left to right inside it (LRI … PDI; else "56.9%" shows as "%56.9").
    rtl = text_direction(lang) == "rtl"
    isolate = (lambda text: f"\u2066{text}\u2069") if rtl else (lambda text: text)  # noqa: E731
    right_to_left = (lambda text: f"\u2067{text}\u2069") if rtl else (lambda text: text)  # noqa: E731
    colours = group_style.authority_colours(list(names), group_of(data_access.table("authorities")))
    compare = set(data_access.negev_ids()) | {authority_id}
    standings = justice(authority_id)[group]
    frames = []
    for item, label in zip(standings, panel_labels, strict=True):
        meta = metas()[item.indicator_id]
        values = data_access.indicator_values(item.indicator_id)
        rows = values[(values["year"] == item.year) & values["authority_id"].isin(compare)].dropna(subset=["value"])
        named = rows["authority_id"].map(names)
        figure = named + ": " + rows["value"].map(
            lambda v, m=meta: isolate(format_value(v, int(m["decimals"]), m["unit"])))
        unit = "" if meta["unit"].startswith("percent") else f" {meta[f'unit_{lang}']}"  # "12.3%" carries its unit
        frames.append(pd.DataFrame({
            "panel": label, "authority_id": rows["authority_id"], "value": rows["value"],
            "colour": rows["authority_id"].map(colours), "hover": (figure + unit).map(right_to_left),
            "label": figure.map(right_to_left),
        }))
    frame = pd.concat(frames, ignore_index=True)
    return charts.serialise_once(charts.strip_plot(frame, authority_id, note))


@st.cache_data(show_spinner=False)
def town_table(authority_id: str, lang: str) -> pd.DataFrame:
    """Every figure of the town, tidy (one row per indicator × year) with dimension, unit and source columns."""
    return authorities_table(data_access.observations(), [authority_id], data_access.table("indicators"),
                             data_access.names_of_authorities(lang), data_access.table("sources"), lang)


@st.cache_data(show_spinner=False)
def wide_table(authority_id: str, lang: str, headers: tuple[str, str]) -> pd.DataFrame:
    """Indicator × year, formatted, for reading on screen (the CSV stays tidy)."""
    return profile.year_grid(town_table(authority_id, lang), data_access.table("indicators"), headers)
