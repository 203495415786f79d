"""Data and methods: the indicator catalogue, the source register, the methods, the known gaps and the
database schema — all generated from the published tables and data/schema.yml (indicators/catalogue.py,
coverage.py, source_register_view.py, docs_generation.py)."""


import pandas as pd
import streamlit as st

from indicators.build.population_groups import GROUP_THRESHOLD
from indicators.catalogue import catalogue_for_csv, ending_early, few_years, filter_catalogue
from indicators.coverage import gap_reason_counts
from indicators.docs_generation import demote_headings
from indicators.peers import DEFAULT_WEIGHTS, FEATURE_INDICATORS
from indicators.settings import DIMENSIONS
from indicators.source_register_view import unchecked_licences
from ui import data_access, downloads, layout, open_data, prices, tables
from ui import data_methods_data as cached
from ui.i18n import translate
from ui.navigation import registered_pages
from ui.state import url_selectbox

lang = layout.page_language()
t = lambda key, **kw: translate(lang, f"data_methods.{key}", **kw)  # noqa: E731

SECTIONS = ("indicators", "sources", "methods", "gaps", "database")
FEW_YEARS = 5
EXPLORER = next((p.script for p in registered_pages() if p.url_path == "indicator_explorer"), None)
# Code and SQL stay left-to-right inside right-to-left pages (punctuation would otherwise move). Section
# headings are h2 (the page title is h1, so the outline has no skipped level) at a subheading's size.
# Captions: Streamlit fades them with opacity, which drops their contrast below WCAG AA.
st.markdown("<style>[data-testid='stCode'], .kmm-ltr { direction: ltr; text-align: left; }"
            " [data-testid='stTabs'] h2 { font-size: 1.3rem !important; padding-top: 0.8rem !important; }"
            " [data-testid='stTabs'] h3 { font-size: 1.1rem !important; }"
            " [data-testid='stCaptionContainer'] { opacity: 1 !important; }</style>", unsafe_allow_html=True)


def label(prefix: str, code) -> str:
    """A translated label for a code (dimension, theme, direction…); the code itself if none exists."""
    key = f"data_methods.{prefix}_{code}"
    text = translate(lang, key)
    return str(code) if text == key else text


def _on_section_change(labels: dict[str, str]) -> None:
    chosen = st.session_state.get("methods_section")
    code = next((c for c, text in labels.items() if text == chosen), SECTIONS[0])
    st.query_params["section"] = code


def section_tabs() -> dict[str, object]:
    """Tabs bound to ?section=<code> (language-neutral, so a shared link opens the same tab in any language);
    only the open tab's content runs."""
    labels = {s: t(f"tab_{s}") for s in SECTIONS}
    requested = st.query_params.get("section")
    if requested is not None and requested not in SECTIONS:
        layout.add_url_note("section", requested)
        requested = None
    tabs = st.tabs(list(labels.values()), default=labels[requested or SECTIONS[0]], key="methods_section",
                   on_change=_on_section_change, args=(labels,))
    return dict(zip(SECTIONS, tabs, strict=True))


# ---------------------------------------------------------------- indicators

def indicator_filters() -> tuple[str, str]:
    left, right = st.columns([1, 2])
    dimension = url_selectbox("dimension", t("filter_dimension"), ["all", *DIMENSIONS], "all",
                              format_func=lambda d: label("dim", d), container=left)
    query = right.text_input(t("search_label"), key="methods_search", placeholder=t("search_placeholder"))
    return dimension, query


REASON_WIDTH, CATALOGUE_ROW_HEIGHT = 440, 68


def catalogue_table(rows: pd.DataFrame) -> None:
    shown = rows.assign(dimension=rows["dimension"].map(lambda d: label("dim", d)),
                        theme=rows["theme"].map(lambda x: label("theme", x)),
                        direction=rows["direction"].map(lambda x: label("dir", x)))
    columns = {"name": t("col_name"), "dimension": t("col_dimension"), "theme": t("col_theme"),
               "unit": t("col_unit"), "direction": t("col_direction"), "direction_reason": t("col_direction_reason"),
               "year_list": t("col_years"),
               "years": t("col_years_count"), "authorities": t("col_authorities"),
               "negev_authorities": t("col_negev"), "source": t("col_source"), "indicator_id": t("col_id")}
    config = {c: st.column_config.TextColumn(text) for c, text in columns.items()}
    for c in ("years", "authorities", "negev_authorities"):
        config[c] = st.column_config.NumberColumn(columns[c], format="%d")
    # A direction's reason is a sentence (up to ~180 characters): wide enough and in rows tall enough for three
    # lines (the grid wraps text only in rows taller than 64 px), it is read whole instead of cut.
    config["direction_reason"] = st.column_config.TextColumn(columns["direction_reason"], width=REASON_WIDTH)
    tables.show(lang, shown[list(columns)], column_config=config, hide_index=True, key="methods_catalogue",
                row_height=CATALOGUE_ROW_HEIGHT)


def code(fields, joiner: str = ", ") -> str:
    return joiner.join(f"`{f}`" for f in fields)


def method_text(row) -> str:
    """The computation in words, from the published form and its declared parameters."""
    params = row.method_params
    if row.method_form == "sql":
        return t("method_sql", file=params["file"])
    if row.method_form == "per_resident":
        published = t("method_published", field=code([params["published"]])) if params.get("published") else ""
        renamed = t("method_renamed") if len(params["fields"]) > 1 else ""
        return t("method_per_resident", fields=code(params["fields"], " / "), per=t(f"method_per_{params['per']}"),
                 renamed=renamed, published=published)
    if row.method_form == "percent_of":
        return t("method_percent_of", numerator=code([params["numerator"]]), denominator=code([params["denominator"]]))
    if row.method_form == "land_share":
        return t("method_land_share", categories=code(params["categories"], " + "))
    return t("method_field", field=params["field"], file=row.mapping_file or "data/mappings",
             editions=row.mapped_editions)


def plain_method(row) -> str:
    """The computation in the reader's words: no field names, files or repository paths (those are in the
    part for analysts)."""
    params = row.method_params
    if row.method_form == "per_resident":
        return t("plain_per_resident", per=t(f"method_per_{params['per']}"))
    if row.method_form in ("percent_of", "land_share", "sql"):
        return t(f"plain_{row.method_form}")
    return t("plain_field", editions=row.mapped_editions or row.editions)


def analysts_part(row) -> None:
    """Identifiers, the fields read, mapping files and the SQL: collapsed, for analysts."""
    with st.popover(t("analysts_label"), icon=":material/code:"):
        st.markdown(f"**{t('col_id')}:** `{row.indicator_id}` · **{t('col_source')}:** `{row.source}`\n\n"
                    f"**{t('d_inputs')}:** {code(row.method_inputs)}\n\n**{t('d_method')}:** {method_text(row)}")
        if row.method_form != "field":
            st.code(cached.query(row.method_form, row.method_params.get("file")), language="sql")


def details_key(indicator_id: str) -> str:
    return f"methods_details_{indicator_id}"


def indicator_details(row) -> None:
    """A closed expander is only its label: its content runs (and reaches the browser) once it is opened,
    as seventy-odd filled expanders made this the slowest page to settle (docs/performance.md)."""
    box = st.expander(f"{row.name} · {row.unit}", key=details_key(row.indicator_id), on_change="rerun")
    if not box.open:
        return
    with box:
        lines = [
            f"**{t('d_definition')}:** {row.description}",
            f"**{t('col_dimension')}:** {label('dim', row.dimension)} · "
            f"**{t('col_theme')}:** {label('theme', row.theme)}",
            f"**{t('col_direction')}:** {label('dir', row.direction)} — {row.direction_reason}",
            f"**{t('d_years')}:** " + (t("years_value", years=row.year_list, count=row.years) if row.years
                                        else translate(lang, "common.no_data")),
            f"**{t('d_authorities')}:** " + t("authorities_value", all=row.authorities, negev=row.negev_authorities),
        ]
        if isinstance(row.notes, str) and row.notes:
            lines.insert(1, f"**{t('d_notes')}:** {row.notes}")
        # Publisher and licence in the reader's language (data/sources.yml `display:`); bidi isolation (FSI … PDI,
        # as <bdi> does) keeps a Latin name inside them (a GitHub repository) from moving the punctuation around.
        # One markdown element for the whole card: the page lists every indicator, ~76 of them.
        lines += [f"**{t('col_source')}:** \u2068{row.source_publisher}\u2069; "
                  f"{translate(lang, 'common.editions')} {row.editions}",
                  f"**{t('d_licence')}:** \u2068{row.licence}\u2069",
                  f"**{t('d_plain_method')}:** {plain_method(row)}"]
        st.markdown("\n\n".join(lines))
        analysts_part(row)
        if EXPLORER and row.years:
            st.page_link(EXPLORER, label=t("explore_link"), icon=":material/query_stats:",
                         query_params={"lang": lang, "indicator": row.indicator_id})


def indicators_section() -> None:
    st.markdown(t("ind_intro"))
    catalogue = cached.catalogue(lang)
    dimension, query = indicator_filters()
    rows = filter_catalogue(catalogue, dimension, query)
    st.caption(t("shown_count", shown=len(rows), total=len(catalogue)))
    if rows.empty:
        st.info(t("no_match"))
        return
    catalogue_table(rows)
    downloads.table_downloads(catalogue_for_csv(rows), f"kmm-indicators-{lang}", lang, key="methods_catalogue_csv",
                              title=t("tab_indicators"), source_ids=[])
    st.markdown(f"## {t('details_heading')}")
    st.caption(t("details_intro"))
    for row in rows.itertuples():
        indicator_details(row)


# ---------------------------------------------------------------- sources

def sources_section() -> None:
    st.markdown(t("src_intro"))
    register = cached.sources_register(lang)
    columns = {"edition": t("col_edition"), "title": t("col_title"), "publisher": t("col_publisher"),
               "url": t("col_url"), "obtained": t("col_obtained"), "sha256_short": t("col_sha256"),
               "licence": t("col_licence"), "source_id": t("col_id")}
    config = {c: st.column_config.TextColumn(text) for c, text in columns.items()}
    config["url"] = st.column_config.LinkColumn(columns["url"])
    config["edition"] = st.column_config.NumberColumn(columns["edition"], format="%d")
    tables.show(lang, register, column_order=list(columns), column_config=config, hide_index=True,
                key="methods_sources")
    downloads.table_downloads(register.drop(columns=["sha256_short"]), "kmm-sources", lang, key="methods_sources_csv",
                              title=t("tab_sources"), source_ids=[])
    sources = data_access.table("sources")
    unchecked = unchecked_licences(sources)
    if unchecked:
        st.warning(t("src_licence_note", count=len(unchecked)), icon=":material/gavel:")
    transcribed = sources[sources["source_id"].str.endswith("_transcribed")]
    for row in transcribed.itertuples():
        st.info(t("src_transcription", edition=row.edition, url=row.url), icon=":material/edit_note:")
    st.info(t("src_boundaries"), icon=":material/map:")
    st.info(prices.methods_text(lang, "src_note"), icon=":material/price_change:")


# ---------------------------------------------------------------- methods

def reasons_table() -> None:
    counts = gap_reason_counts(data_access.gaps())
    frame = pd.DataFrame({t("col_reason"): [label("reason", r) for r in counts.index],
                          t("col_meaning"): [label("reason_meaning", r) for r in counts.index],
                          t("col_count"): counts.to_numpy()})
    st.table(frame, hide_index=True)  # short and static: a plain table wraps the long meanings


def peer_features_text() -> str:
    names = data_access.names_of_indicators(lang)
    parts = [names.get(FEATURE_INDICATORS[f], f) for f in ("ses", "peripherality")]
    parts.append(t("m_peers_size", population=names.get(FEATURE_INDICATORS["size"], "population")))
    return "; ".join(parts)


def population_groups_text() -> str:
    authorities = data_access.table("authorities")
    negev = authorities[authorities["is_negev"]]
    counts = negev["population_group"].value_counts()
    return t("m_groups_text", threshold=f"{GROUP_THRESHOLD:g}", year=int(authorities["population_group_year"].max()),
             arab=int(counts.get("arab", 0)), jewish=int(counts.get("jewish_others", 0)),
             mixed=int(counts.get("mixed", 0)))


def constant_prices_text() -> None:
    """How shekel trends are put in one year's prices (the chain from annual inflation; ui/prices.py)."""
    st.markdown(f"## {prices.methods_text(lang, 'm_heading')}\n\n{prices.methods_text(lang, 'm_text')}")
    st.latex(rf"I_{{{prices.base_year()}}}=100,\qquad I_{{t-1}}=\frac{{I_t}}{{1+\pi_t/100}},\qquad "
             r"\mathrm{factor}_t=\frac{100}{I_t}")
    st.markdown(prices.example_text(lang))
    st.markdown(prices.methods_text(lang, "m_scope"))
    st.caption(prices.methods_text(lang, "m_table"))
    tables.show(lang, prices.factors_table(lang), hide_index=True, key="methods_price_index")


def methods_section() -> None:
    catalogue = cached.catalogue(lang)
    land = [r.name for r in catalogue.itertuples() if r.method_form == "land_share"]
    negev_count = len(data_access.negev_ids())
    st.markdown(f"## {t('m_year_heading')}\n\n{t('m_year_text')}")
    st.markdown(f"## {t('m_population_heading')}\n\n{t('m_population_text')}")
    st.markdown(f"## {t('m_missing_heading')}\n\n{t('m_missing_text')}")
    reasons_table()
    st.markdown(f"## {t('m_land_heading')}\n\n{t('m_land_text', indicators='; '.join(land))}")
    st.markdown(f"## {t('m_benchmarks_heading')}\n\n{t('m_israel_text', count=len(data_access.table('authorities')))}"
                f"\n\n{t('m_negev_text', count=negev_count)}")
    weights = ", ".join(f"{t('weight_' + k)} = {v:g}" for k, v in DEFAULT_WEIGHTS.items())
    st.markdown(f"## {t('m_peers_heading')}\n\n{t('m_peers_text', features=peer_features_text())}")
    st.latex(r"d(a,b)=\sqrt{\sum_{f} w_f\,(z_{a,f}-z_{b,f})^2 \;+\; w_{\mathrm{kind}}\cdot[\mathrm{kind}_a\neq"
             r"\mathrm{kind}_b]}")
    st.markdown(t("m_peers_weights", weights=weights))
    st.markdown(f"## {t('m_ranks_heading')}\n\n{t('m_ranks_text')}")
    st.markdown(f"## {t('m_maps_heading')}\n\n{t('m_maps_text')}")
    st.markdown(f"## {t('m_groups_heading')}\n\n{population_groups_text()}")
    constant_prices_text()
    st.markdown(f"## {t('m_names_heading')}\n\n{t('m_names_text', count=negev_count)}")


# ---------------------------------------------------------------- known gaps

def gap_notes(catalogue: pd.DataFrame) -> list[str]:
    """Each note is filled from the data; a note whose indicator is absent is left out."""
    facts = cached.gap_facts()
    by_id = catalogue.set_index("indicator_id")
    notes = [t(f"g_{key}", years=facts[key]) for key in ("turnout", "land", "dropout") if facts[key]]
    if facts["wages"]:
        notes.append(t("g_wages", lags=facts["wage_lags"], last=int(by_id.loc["avg_monthly_wage", "last_year"])))
    for kind, group in facts["kinds"].groupby("kind"):
        names = "; ".join(by_id.loc[group["indicator_id"], "name"])
        # Lower case: the kind sits mid-sentence (a no-op for Hebrew and Arabic).
        notes.append(t("g_kind", kind=label("kind", kind).lower(), indicators=names))
    if not facts["grant"].empty:
        counts = " · ".join(f"{year}: {n}" for year, n in facts["grant"].items())
        notes.append(t("g_budget_dash", counts=counts, total=len(data_access.negev_ids())))
    return notes


def sparse_tables(catalogue: pd.DataFrame) -> None:
    few = few_years(catalogue, FEW_YEARS)
    st.markdown(f"## {t('g_few_heading', max=FEW_YEARS)}")
    tables.show(lang, few[["name", "year_list", "years"]].rename(columns={
        "name": t("col_indicator"), "year_list": t("col_years"), "years": t("col_years_count")}),
        hide_index=True, height="content", key="methods_few")
    latest = cached.gap_facts()["latest_edition"]
    early = ending_early(catalogue, latest)
    st.markdown(f"## {t('g_early_heading', latest=latest)}")
    tables.show(lang, early[["name", "last_year", "year_list"]].rename(columns={
        "name": t("col_indicator"), "last_year": t("col_last_year"), "year_list": t("col_years")}),
        hide_index=True, height="content", key="methods_early")


def boundaries_gap() -> None:
    missing = cached.gap_facts()["no_boundary"]
    names = data_access.names_of_authorities(lang)
    st.markdown(f"## {t('g_boundaries_heading')}\n\n{t('g_boundaries_text', count=len(missing))}")
    district = missing["district"] if lang == "he" else missing["district_en"]
    frame = pd.DataFrame({t("col_authority"): missing["authority_id"].map(names),
                          t("col_district"): district, t("col_kind"): missing["kind"].map(lambda k: label("kind", k))})
    tables.show(lang, frame, hide_index=True, height="content", key="methods_no_boundary")


def coverage_colour(count: int, total: int) -> str:
    """Cell style by share of authorities covered; the count itself is always printed in the cell."""
    if count <= 0:
        return "background-color: #f2f2f2; color: #555555"
    share = count / total
    if share >= 1:
        return "background-color: #08306b; color: #ffffff"
    if share >= 0.5:
        return "background-color: #2171b5; color: #ffffff"
    return "background-color: #c6dbef; color: #000000"


def coverage_section(catalogue: pd.DataFrame) -> None:
    matrix = cached.negev_coverage()
    total = len(data_access.negev_ids())
    names = catalogue.set_index("indicator_id")["name"]
    shown = matrix.copy()
    shown.columns = [str(c) for c in shown.columns]
    shown.insert(0, t("col_indicator"), names.reindex(shown.index).to_numpy())
    years = [c for c in shown.columns if c != t("col_indicator")]
    styled = shown.style.map(lambda v: coverage_colour(int(v), total), subset=years)
    st.markdown(f"## {t('g_matrix_heading')}")
    st.caption(t("g_matrix_caption", total=total))
    # Narrow year columns so the whole matrix fits beside the names on a desktop screen; not pinned, as
    # pinned columns are drawn in a faded grey.
    config = {t("col_indicator"): st.column_config.TextColumn(t("col_indicator"), width=250)}
    config |= {year: st.column_config.NumberColumn(year, width=42, format="%d") for year in years}
    tables.show(lang, styled, hide_index=True, column_config=config, key="methods_coverage", height="content")
    tidy = matrix.stack().rename("authorities_with_data").reset_index()
    tidy.insert(1, "indicator", tidy["indicator_id"].map(names))
    tidy = tidy.assign(of_authorities=total, unit=t("coverage_unit"), source=t("coverage_source"))
    downloads.table_downloads(tidy, f"kmm-negev-coverage-{lang}", lang, key="methods_coverage_csv",
                              title=t("g_matrix_heading"), source_ids=[])


def gaps_section() -> None:
    catalogue = cached.catalogue(lang)
    st.markdown(t("g_intro"))
    st.markdown("\n".join(f"- {note}" for note in gap_notes(catalogue)))
    sparse_tables(catalogue)
    boundaries_gap()
    coverage_section(catalogue)


# ---------------------------------------------------------------- database

def database_section() -> None:
    open_data.open_data_section(lang)
    st.markdown(t("db_intro"))
    st.caption(t("db_schema_note"))
    st.markdown(f'<div class="kmm-ltr" dir="ltr" lang="en">\n\n{demote_headings(cached.schema_doc())}\n\n</div>',
                unsafe_allow_html=True)


# ---------------------------------------------------------------- page

st.title(t("title"))
st.caption(t("intro"))

if not data_access.data_ready():
    st.info(translate(lang, "common.data_missing"))
    st.stop()

RENDER = {"indicators": indicators_section, "sources": sources_section, "methods": methods_section,
          "gaps": gaps_section, "database": database_section}
tabs = section_tabs()
for section, tab in tabs.items():
    if tab.open is False:  # None = the tabs do not track state: render everything
        continue
    with tab:
        RENDER[section]()
layout.show_url_notes(lang)
