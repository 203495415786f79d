"""Town profile: one authority's place, its headline figures per dimension against the Negev, its peer
group and Israel, a trend chart, the justice lens, and every figure to download."""
import html

import pandas as pd
import streamlit as st

from indicators.formatting import format_number, format_value
from indicators.headline import sentence
from indicators.prices import is_shekels
from indicators.profile import JUSTICE_GROUPS, change_in_prices, describe_change, justice_summary
from indicators.read_model import HIGHER_IS_BETTER, NEUTRAL
from indicators.settings import DIMENSIONS
from ui import components, data_access, downloads, group_style, layout, prices, profile_exports, tables, town_links
from ui import town_profile_data as data
from ui.i18n import text_direction, translate
from ui.navigation import registered_pages
from ui.state import url_selectbox, url_tabs

lang = layout.page_language()
t = lambda key, **kw: translate(lang, f"town_profile.{key}", **kw)  # noqa: E731
DEFAULT_TOWN = "la-9000"  # Be'er Sheva, the Negev's largest city
DEFAULT_INDICATOR = data_access.DEFAULT_INDICATOR
CHANGE_COLOURS = {"better": "blue", "worse": "orange", None: "gray"}  # always with words, never alone
# Printing: a few pages, not fifteen. Only the title, the key-figure blocks of every dimension, the map and
# the trend chart; no app chrome, widgets, map or chart controls, nor the sections marked "print_hide".
PRINT_CSS = """<style>@media print {
[data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSelectbox"],
[data-testid="stDownloadButton"], [data-testid="stButton"], [data-testid="stPageLink"], [role="tablist"], .stCheckbox,
[data-testid="stExpander"], [data-testid="stRadio"], [data-testid="stElementToolbar"], .modebar-container,
[class*="st-key-print_hide"] { display: none !important; }
[role="tabpanel"], [data-baseweb="tab-panel"] { display: block !important; }
[data-testid="stVerticalBlockBorderWrapper"], [data-testid="stPlotlyChart"] { break-inside: avoid; }
[data-testid="stHorizontalBlock"] { display: flex !important; flex-wrap: nowrap !important; }
[data-testid="stColumn"] { width: auto !important; min-width: 0 !important; }
}</style>"""

title_slot = st.container()
if not data_access.data_ready():
    title_slot.title(translate(lang, "town_profile.page_caption"))
    st.info(translate(lang, "common.data_missing"))
    st.stop()

names = data_access.names_of_authorities(lang)
indicators = data_access.table("indicators")
town = url_selectbox("town", t("choose_town"), data_access.authority_options(lang), DEFAULT_TOWN, format_func=names.get)
info = data.authority(town)
town_name = names[town]
title_slot.title(town_name)
title_slot.caption(t("page_caption"))
st.markdown(PRINT_CSS, unsafe_allow_html=True)

cards = data.cards(town)
peers = data.peers(town)
district = t(f"district_{info['district_en'].lower().replace(' ', '_')}")
kind_labels = tuple((k, t(f"kind_{k}")) for k in ("city", "local_council", "regional_council"))
negev_count = len(data_access.negev_ids())
all_count = len(data_access.table("authorities"))


def fmt(indicator_id: str, value: float | None) -> str:
    meta = data.metas()[indicator_id]
    text = format_value(value, int(meta["decimals"]), meta["unit"])
    return text if text is not None else t("median_none")


def num(text: str) -> str:
    """A number kept left-to-right inside Hebrew or Arabic text (else "-0.1%" shows as "0.1%-")."""
    return f"\u2066{text}\u2069" if text_direction(lang) == "rtl" else text


def reason_text(reason: str | None) -> str:
    return t(f"reason_{reason}") if reason else t("reason_none")


def header() -> None:
    population = cards["population"]
    left, right = st.columns([3, 2])
    with left:
        kind = t(f"kind_{info['kind']}")
        if population.value is not None:
            st.markdown(t("header_line", kind=kind, district=district, year=population.year,
                          population=num(format_number(population.value, 0))))
        else:
            st.markdown(t("header_line_short", kind=kind, district=district))
        st.markdown(t("in_negev" if info["is_negev"] else "not_in_negev", count=negev_count, district=district))
        town_links.profile_links(town, town_name, peers, lang)
        peer_group()
    with right:
        place_on_map()


def peer_group() -> None:
    with st.expander(t("peers_expander")):
        if peers:
            st.markdown(t("peers_text", town=town_name))
            st.markdown("\n".join(f"- {names[p]}" for p in peers))
        else:
            st.markdown(t("peers_none", town=town_name))
        if any(p.script == "pages/peer_groups.py" for p in registered_pages()):
            st.page_link("pages/peer_groups.py", label=t("peers_link"), icon=":material/diversity_3:",
                         query_params={"lang": lang, "town": town})


def place_on_map() -> None:
    st.markdown(f"**{t('map_heading')}**")
    area = t("area_negev") if info["is_negev"] else district
    deck = data.locator_map(town, lang, kind_labels)
    if deck is None:
        st.info(t("no_boundary", town=town_name))
        return
    st.pydeck_chart(deck, height=320, alt=t("map_alt", area=area, town=town_name))
    st.caption(t("map_caption", area=area, town=town_name))


def change_line(card, meta) -> str | None:
    """"↑ up 0.2 pp since 2018, a deterioration": the words carry the meaning; arrow and colour repeat it."""
    change, basis = change_in_prices(card, meta["unit"], prices.chosen(), data_access.table("price_index"))
    described = describe_change(card, int(meta["decimals"]), change)
    if described is None:
        return None
    direction, verdict = described
    amount = num(format_number(abs(change), int(meta["decimals"])))
    if meta["unit"].startswith("percent"):
        amount = f"{amount} {t('points')}"
    since = {"better": "change_since_better", "worse": "change_since_worse"}.get(verdict, "change_since")
    arrow = {"up": "↑ ", "down": "↓ "}.get(direction, "")
    # Shekels of two years: say in which prices they were compared (the page's switch, above the cards).
    in_prices = f" {t(f'change_in_{basis}', year=prices.base_year())}" if is_shekels(meta["unit"]) else ""
    text = f"{arrow}{t(f'change_{direction}', amount=amount)}{in_prices} {t(since, year=card.previous_year)}"
    return f":{CHANGE_COLOURS[verdict]}[{text}]"


def card_lines(card, meta) -> list[str]:
    unit = meta[f"unit_{lang}"]
    lines = [t("year_only", year=card.year) if meta["unit"].startswith("percent")
             else t("unit_year", unit=unit, year=card.year)]
    group = t("group_negev") if info["is_negev"] else t("group_district", district=district)
    rank_key = "rank_highest" if card.direction == NEUTRAL else "rank_best"
    lines.append(t(rank_key, rank=card.rank, count=card.rank_count, group=group))
    lines.append(t("medians_line", year=card.year, negev=num(fmt(card.indicator_id, card.negev_median)),
                   peers=num(fmt(card.indicator_id, card.peer_median)),
                   israel=num(fmt(card.indicator_id, card.israel_median))))
    if card.gap_year is not None:
        lines.append(t("later_missing", year=card.gap_year, reason=reason_text(card.gap_reason)))
    return lines


def distance_line(distance, meta) -> str:
    """"1,234 below the median of the Negev's Jews-and-others authorities (10,000), the worse side"."""
    reference = t(f"reference_{distance.reference}")
    if distance.side is None:
        return t("distance_no_data", reference=reference)
    amount = num(format_number(abs(distance.difference), int(meta["decimals"])))
    if meta["unit"].startswith("percent"):
        amount = f"{amount} {t('points')}"
    text = t(f"distance_{distance.side}", amount=amount, reference=reference,
             median=num(fmt(meta["indicator_id"], distance.median)))
    return text + (t(f"distance_{distance.verdict}") if distance.verdict else "")


def distance_caption(card, meta) -> None:
    """On headline figures only: the distance to the Negev's Jews-and-others median and to Israel's."""
    distances = data.median_distances(town).get(card.indicator_id)
    if distances:
        st.caption("  \n".join(distance_line(d, meta) for d in distances))


def provenance_note(card) -> None:
    """Where the card's figure comes from, in the reader's language; the label carries the transcription mark."""
    note = data.provenance_notes(town, lang).get(card.indicator_id)
    if note is not None:
        with st.popover(note.label, icon=":material/edit_note:" if note.transcribed else ":material/source:"):
            # The popover opens outside the page's right-to-left area: give its text the language's direction.
            lines = "<br>".join(html.escape(line, quote=False) for line in note.lines)
            st.markdown(f'<div dir="{text_direction(lang)}" lang="{lang}">{lines}</div>', unsafe_allow_html=True)


def render_card(card, meta, sparkline, reading: str | None = None) -> None:
    """One figure's card; `reading`: the plain sentence of a key figure, right under the figure."""
    with st.container(border=True):
        label = meta[f"name_{lang}"]
        # The name above the figure, in full (st.metric would cut a long label short).
        st.markdown(f"**{label}**", help=meta[f"description_{lang}"])
        if card.value is None:
            st.metric(label, translate(lang, "common.no_data"), label_visibility="collapsed")
            reason = reason_text(card.gap_reason)
            st.caption(t("missing_with_year", reason=reason, year=card.gap_year) if card.gap_year else reason)
            distance_caption(card, meta)
            return
        st.metric(label, num(fmt(card.indicator_id, card.value)), label_visibility="collapsed")
        if reading:
            st.markdown(reading)
        change = change_line(card, meta)
        st.markdown(change if change else f":gray[{t('single_year')}]")
        st.caption("  \n".join(card_lines(card, meta)))
        distance_caption(card, meta)
        provenance_note(card)
        if sparkline is not None:
            st.image(sparkline, width="stretch", alt=t("sparkline_alt", indicator=label, town=town_name,
                                                        first=card.trend[0][0], last=card.trend[-1][0]))


def headline_cards() -> None:
    st.header(t("cards_heading"))
    group = t("group_negev") if info["is_negev"] else t("group_district", district=district)
    st.caption(t("cards_intro", group=group, count=all_count))
    # One switch for the page's shekel trends: the cards' small charts here and the trend chart below.
    basis = prices.control(lang)
    st.caption(prices.sparkline_note(lang) if basis == prices.CONSTANT else prices.caption(lang, basis))
    # Tabs keep the page short on a phone, and only the open one is built (?dim= in the link): the other
    # dimensions' cards are neither sent nor drawn (docs/performance.md, "Page settle"). For printing, the
    # switch lays the three dimensions out one after another instead.
    if st.toggle(t("all_dimensions"), key="town_all_dimensions"):
        for dimension in DIMENSIONS:
            st.subheader(t(f"dimension_{dimension}"))
            dimension_cards(dimension, basis)
        return
    tabs = url_tabs("dim", {d: t(f"dimension_{d}") for d in DIMENSIONS}, key="town_dimension")
    for dimension, tab in tabs.items():
        if tab.open:
            with tab:
                dimension_cards(dimension, basis)


def dimension_cards(dimension: str, basis: str) -> None:
    """The dimension's key-figure block; its other indicators only when asked for (not built until then)."""
    sparklines = data.sparklines(town, basis)
    key_ids = data.headline_ids()[dimension]
    with st.container(key=f"headline_{dimension}"):
        st.subheader(t("headline_heading"))
        percentile_summary(dimension)
        card_rows(key_ids, sparklines, with_reading=True)
    others = [i for i in data_access.indicators_by_dimension()[dimension] if i not in key_ids]
    if others and st.toggle(t("all_indicators", count=len(others)), key=f"town_all_{dimension}"):
        with st.container(key=f"print_hide_all_{dimension}"):
            card_rows(others, sparklines)


def percentile_summary(dimension: str) -> None:
    """The Compare page's summary of this dimension: the middle of the town's percentiles in Israel."""
    summary = data.percentile_summary(town).get(dimension)
    if summary is None:
        st.caption(t("percentile_none", town=town_name))
        return
    percentile, count = summary
    figure, words = st.columns([1, 3], vertical_alignment="center")
    figure.metric(t("percentile_label"), num(format_number(percentile, 0)))
    words.caption(t("percentile_caption", town=town_name, count=all_count, indicators=count))


def reading_of(indicator_id: str) -> str:
    standing = data.median_standings(town)[indicator_id]
    return sentence(standing, t, num(fmt(indicator_id, standing.median)))


def card_rows(indicator_ids: list[str], sparklines: dict[str, str], with_reading: bool = False) -> None:
    # Rows of three so that on a phone the cards stack in reading order.
    for start in range(0, len(indicator_ids), 3):
        columns = st.columns(3)
        for column, indicator_id in zip(columns, indicator_ids[start:start + 3], strict=False):
            with column:
                render_card(cards[indicator_id], data.metas()[indicator_id], sparklines.get(indicator_id),
                            reading_of(indicator_id) if with_reading else None)


def trend_section() -> None:
    st.header(t("trend_heading"))
    indicator_names = data_access.names_of_indicators(lang)
    indicator_id = url_selectbox("indicator", t("trend_indicator"), data_access.indicator_options(), DEFAULT_INDICATOR,
                                 format_func=indicator_names.get)
    meta = data.metas()[indicator_id]
    labels = (town_name, t("trend_negev"), t("trend_peers"), t("trend_israel"))
    basis = prices.chosen()  # the switch above the cards
    frame = data.trend_frame(town, indicator_id, labels, basis)
    if frame.empty:
        st.info(t("trend_no_data", town=town_name, reason=reason_text(cards[indicator_id].gap_reason)))
        return
    value_label = f"{meta[f'name_{lang}']} ({prices.axis_unit(lang, meta['unit'], meta[f'unit_{lang}'], basis)})"
    figure = data.trend_figure(town, indicator_id, labels, basis, value_label, translate(lang, "common.year"),
                               f"{meta[f'name_{lang}']}<br>{t('trend_subtitle', town=town_name)}")
    st.plotly_chart(figure, width="stretch", key="trend_chart", config={
        "displaylogo": False,  # keep only "download as image" and reset, so the bar does not cover the title
        "modeBarButtonsToRemove": ["zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d"]})
    downloads.chart_downloads(figure, lang, "town_trend", f"kmm-{town}-{indicator_id}",
                              data_access.indicator_values(indicator_id)["source_id"].dropna().unique(),
                              embeddable=True)
    if is_shekels(meta["unit"]):
        st.caption(prices.caption(lang, basis))
    # Data tables are built only when opened: each grid is a canvas the browser would otherwise set up on
    # every visit (docs/performance.md, "Page settle").
    box = st.expander(translate(lang, "common.data_table"), key="town_trend_table", on_change="rerun")
    if box.open:
        wide = frame.pivot(index="year", columns="series", values="text").reindex(columns=list(labels))
        tables.show(lang, wide.dropna(axis=1, how="all").reset_index().rename(
            columns={"year": translate(lang, "common.year")}), container=box, hide_index=True)


def justice_section() -> None:
    st.header(t("justice_heading"))
    st.markdown(t("justice_intro", town=town_name))
    standings = data.justice(town)
    # The summary sentences are the lens's headline; the strips and readings (about 2,800 px on a phone) are
    # built only when asked for, so a profile stays a short scroll. Printing hides the whole lens anyway.
    details = st.toggle(t("justice_details"), key="town_justice_details")
    rows = []
    for group in JUSTICE_GROUPS:
        group_label = t(f"justice_{group}")
        st.markdown(f"### {group_label}")
        items = standings[group]
        if not items:
            st.info(t("justice_no_data", town=town_name))
            continue
        better, total = justice_summary(items)
        if total:
            st.markdown(t("justice_summary", group=group_label, town=town_name, better=better, total=total))
        if not details:
            continue
        panels = tuple(panel_label(item) for item in items)
        figure = data.justice_figure(town, lang, group, panels, t("justice_clipped"))
        st.plotly_chart(figure, width="stretch", config={"displayModeBar": False}, key=f"justice_{group}",
                        alt=t("justice_alt", group=group_label, town=town_name))
        group_style.group_legend(lang, data.justice_groups(town))
        st.markdown("\n".join(f"- {reading(item)}" for item in items))
        rows += [{t("col_indicator"): data.metas()[i.indicator_id][f"name_{lang}"],
                  t("col_value"): fmt(i.indicator_id, i.value), t("col_year"): str(i.year),
                  t("col_negev_median"): fmt(i.indicator_id, i.group_median),
                  t("col_position"): comparison(i)} for i in items]
    if rows:
        with st.expander(t("justice_table")):
            tables.show(lang, pd.DataFrame(rows), hide_index=True)


def panel_label(item) -> str:
    meta = data.metas()[item.indicator_id]
    name, unit = meta[f"name_{lang}"], meta[f"unit_{lang}"]
    if item.direction == NEUTRAL:
        return f"{name}<br>{unit}"
    # Two lines: plotly does not wrap titles, and one line is too long for a phone.
    return f"{name}<br>" + t("panel_detail", unit=unit,
                             direction=t("higher_better" if item.direction == HIGHER_IS_BETTER else "lower_better"))


def comparison(item) -> str:
    return t(f"compare_{item.side}", count=item.count, others=item.others)


def reading(item) -> str:
    lead = t(f"reading_{item.indicator_id}", value=num(fmt(item.indicator_id, item.value)), year=item.year)
    return t("reading_sentence", lead=lead, comparison=comparison(item))


def data_table_section() -> None:
    st.header(t("table_heading", town=town_name))
    st.caption(t("table_caption"))
    tidy = data.town_table(town, lang)
    box = st.expander(translate(lang, "common.data_table"), key="town_data_table", on_change="rerun")
    if box.open:
        tables.show(lang, data.wide_table(town, lang, (t("col_indicator"), t("col_unit"))), container=box,
                    hide_index=True)
    export_section(tidy)
    components.source_line(data_access.table("sources"), tidy["source_id"].unique() if len(tidy) else [], lang)


def export_section(tidy: pd.DataFrame) -> None:
    """Downloads of this town's figures (CSV now; room for further formats)."""
    st.markdown(f"**{t('download_heading')}**")
    if len(tidy):
        downloads.table_downloads(tidy, f"kmm-negev-{town}", lang, key="town_csv",
                                  title=t("table_heading", town=town_name))
    profile_exports.profile_downloads(town, lang, downloads.view_link())


header()
headline_cards()
trend_section()
with st.container(key="print_hide_justice"):
    justice_section()
with st.container(key="print_hide_table"):
    data_table_section()
