"""Documentation of the indicators, sources and tables, generated from the registry's published table, the
observations and the source register, so the Data and methods page and docs/*.md never drift from the data.

`python -m indicators.catalogue_docs` rewrites docs/indicators.md and docs/schema.md; `--check` only
reports (exit 1) when the committed files differ from what the data give now.
"""
from __future__ import annotations

import argparse
import re
import sys
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import yaml

from indicators.settings import DIMENSIONS, MAPPINGS_DIR, PUBLISHED_DIR, ROOT, SQL_DIR

DOCS_DIR = ROOT / "docs"
TABLE_ORDER = ("authorities", "indicators", "observations", "gaps", "sources", "boundaries")
# Reasons the build records for a missing figure (indicators/build/cbs_cells.py, cbs_budget_rows.py).
GAP_REASONS = ("not_available", "nil_or_not_applicable", "blank", "not_reported", "suppressed", "unparsed")
DIRECTIONS = ("higher_is_better", "lower_is_better", "neither")
MAPPING_FILES = ("cbs_physical.yml", "cbs_budget.yml", "indices_tables.yml")
# The source register writes this while CBS's reuse terms have not been re-checked against the live site.
UNCHECKED_LICENCE_MARK = "not re-checked"

TABLE_MEANINGS = {
    "authorities": "One row per local authority that appears in a 2013–2021 CBS edition (255; 33 in the Negev).",
    "indicators": "One row per indicator declared in indicators/definitions/*.yml.",
    "observations": "One figure per authority, indicator and data year (the latest edition that carries it).",
    "gaps": "Why a published figure is missing, where no edition gives one (field indicators only).",
    "sources": "The source register (data/sources.yml): every raw file the build reads.",
    "boundaries": "Simplified jurisdiction borders (Ministry of Interior, October 2025 layer).",
}

COLUMN_MEANINGS = {
    "authorities": {
        "authority_id": "Stable key: `la-` + the CBS locality code for cities and local councils, `rc-` + the "
                        "council number for regional councils (CBS codes collide between the two).",
        "cbs_code": "The CBS code of the authority (locality code or regional-council number).",
        "kind": "city, local_council or regional_council.",
        "name_he": "Official Hebrew name as in the latest CBS edition listing the authority.",
        "name_en": "English name (CBS transliteration).",
        "name_ar": "Arabic name; only for the 33 Negev authorities (elsewhere empty: the app falls back to "
                   "English, then Hebrew).",
        "is_negev": "True for the 33 Negev authorities the project covers.",
        "district": "CBS district, in Hebrew.",
        "district_en": "CBS district, in English.",
        "first_edition": "First CBS 'Local Authorities in Israel' edition (2013–2021) listing the authority.",
        "last_edition": "Last such edition listing the authority.",
        "label_lon": "Longitude of the point where the map writes the name (inside the boundary); empty "
                     "without a boundary.",
        "label_lat": "Latitude of that label point.",
    },
    "indicators": {
        "indicator_id": "Key; equals the definition's file name in indicators/definitions/.",
        "dimension": "economic, social or environmental.",
        "theme": "Finer grouping within the dimension (e.g. municipal_finance, land_use).",
        "name_he": "Indicator name in Hebrew.",
        "name_en": "Indicator name in English.",
        "name_ar": "Indicator name in Arabic.",
        "unit": "Unit key from indicators/units.yml (e.g. percent, ils_per_capita).",
        "higher_is_better": "True if a higher value is better, False if lower is better, empty if neither "
                            "(ranks then simply follow the value).",
        "decimals": "Decimals to show.",
        "unit_he": "How the unit is written in Hebrew.",
        "unit_en": "How the unit is written in English.",
        "unit_ar": "How the unit is written in Arabic.",
        "description_he": "Definition in Hebrew: what is measured, how, and which year a figure describes.",
        "description_en": "Definition in English.",
        "description_ar": "Definition in Arabic.",
        "notes_he": "Caveats in Hebrew (often empty).",
        "notes_en": "Caveats in English.",
        "notes_ar": "Caveats in Arabic.",
        "source_id": "The source series the figures come from (the `series` column of sources).",
        "method": "`field: <field_id>` (a CBS column mapped per edition in data/mappings/) or "
                  "`sql: <file>` (a query in indicators/sql/ over the extracted CBS values).",
        "dimension_order": "0 = economic, 1 = social, 2 = environmental: the KMM model's order.",
        "display_order": "0..n-1: the one order every page lists indicators in (dimension, theme, id).",
        "direction": "higher_is_better, lower_is_better or neutral (higher_is_better normalised).",
        "headline_rank": "1..5 within its dimension for the town profile's key figures; empty otherwise.",
    },
    "observations": {
        "authority_id": "The authority (authorities.authority_id).",
        "indicator_id": "The indicator (indicators.indicator_id).",
        "year": "The year the figure describes (not the publication year); a school year 2020/21 is 2021, "
                "a range 2017–2021 its last year.",
        "value": "The figure, in the indicator's unit. Never a stand-in for a missing figure.",
        "source_id": "The source file it comes from (sources.source_id).",
        "edition": "The edition (publication year) of that file.",
    },
    "gaps": {
        "authority_id": "The authority.",
        "indicator_id": "The indicator.",
        "year": "The year the missing figure would describe.",
        "reason": "not_available (CBS '..'), nil_or_not_applicable ('-'), blank (empty cell), not_reported "
                  "(a whole row of zeros or blanks), suppressed ('x'), unparsed (text that is not a number).",
        "source_id": "The file that has the gap (the latest edition listing it).",
        "edition": "The edition of that file.",
    },
    "sources": {
        "source_id": "Key of the raw file.",
        "series": "The series it belongs to (indicators.source_id refers to this).",
        "publisher": "Who published it (and who transcribed or mirrored it, when not the publisher).",
        "title": "Title of the publication or file.",
        "edition": "Edition (publication year).",
        "url": "Where it was downloaded from.",
        "licence": "Reuse terms as recorded when the file was obtained.",
        "obtained": "Date the file was obtained (ISO).",
        "path": "Path of the raw file under data/.",
        "sha256": "SHA-256 of the raw file (recomputed by tests/unit/test_sources.py).",
    },
    "boundaries": {
        "authority_id": "The authority (no row for Judea and Samaria authorities and two northern councils).",
        "geojson": "Polygon or MultiPolygon in WGS84, simplified (50 m tolerance) and rounded to ~1 m.",
        "label_lon": "Longitude of the label point (a point inside the polygon).",
        "label_lat": "Latitude of the label point.",
        "area_km2": "Area in km², computed before simplifying.",
    },
}


# ---------------------------------------------------------------- reading

def read_published(name: str, columns: list[str] | None = None, published_dir: Path = PUBLISHED_DIR) -> pd.DataFrame:
    if name not in TABLE_ORDER:
        raise ValueError(f"not a published table: {name}")
    return pd.read_parquet(published_dir / f"{name}.parquet", columns=columns)


def method_parts(method: str) -> tuple[str, str]:
    """'sql: x.sql' -> ('sql', 'x.sql'); 'field: f' -> ('field', 'f')."""
    kind, _, detail = str(method).partition(":")
    return kind.strip(), detail.strip()


def template_sql_text(name: str, sql_dir: Path = SQL_DIR) -> str:
    """A shared query of the registry (indicators/sql/templates/<name>.sql)."""
    if name not in {"field", "per_resident", "percent_of", "land_share"}:
        raise ValueError(f"not a query template: {name!r}")
    return (sql_dir / "templates" / f"{name}.sql").read_text(encoding="utf-8")


def sql_text(sql_file: str, sql_dir: Path = SQL_DIR) -> str:
    """The query of an sql indicator; only a bare *.sql name inside indicators/sql/ is accepted."""
    if Path(sql_file).name != sql_file or not sql_file.endswith(".sql"):
        raise ValueError(f"not an indicator query file: {sql_file!r}")
    return (sql_dir / sql_file).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def field_mappings(mappings_dir: Path = MAPPINGS_DIR) -> dict[str, tuple[str, tuple[int, ...]]]:
    """field_id -> (mapping file, editions that map a column to it), from data/mappings/*.yml."""
    found: dict[str, tuple[str, set[int]]] = {}
    for file_name in MAPPING_FILES:
        raw = yaml.safe_load((mappings_dir / file_name).read_text(encoding="utf-8")) or {}
        blocks = [raw.get("fields") or {}]
        blocks += [(t.get("fields") or {}) | {"_edition": t.get("edition")} for t in (raw.get("tables") or {}).values()]
        for block in blocks:
            table_edition = block.get("_edition")
            for field_id, spec in block.items():
                if field_id == "_edition" or not isinstance(spec, dict):
                    continue
                editions = found.setdefault(field_id, (file_name, set()))[1]
                per_edition = spec.get("editions") if isinstance(spec.get("editions"), dict) else spec
                mapped = [k for k, v in per_edition.items() if isinstance(k, int) and v is not None]
                if table_edition is not None and mapped:
                    editions.add(int(table_edition))  # index tables: the table's edition, not the data year
                elif table_edition is None:
                    editions.update(mapped)
    return {f: (file_name, tuple(sorted(eds))) for f, (file_name, eds) in found.items()}


# ---------------------------------------------------------------- small formatting helpers

def direction(higher_is_better) -> str:
    if higher_is_better is None or pd.isna(higher_is_better):
        return "neither"
    return "higher_is_better" if bool(higher_is_better) else "lower_is_better"


def format_years(years) -> str:
    """Sorted years with runs collapsed: [2013, 2016, 2017, 2018] -> '2013, 2016–2018'."""
    ordered = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def first_sentence(text: str) -> str:
    """The definition's first sentence (the short form used in docs/indicators.md)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(])", str(text).strip(), maxsplit=1)
    return parts[0]


def short_sha(sha256: str, length: int = 12) -> str:
    return f"{sha256[:length]}…" if isinstance(sha256, str) and len(sha256) > length else sha256


# ---------------------------------------------------------------- the indicator catalogue

def coverage_summary(observations: pd.DataFrame, negev_ids) -> pd.DataFrame:
    """Per indicator: first and last data year, number of years, years as text, editions used, and how
    many authorities (all / Negev) have at least one figure."""
    negev = set(negev_ids)
    grouped = observations.groupby("indicator_id")
    summary = pd.DataFrame({
        "first_year": grouped["year"].min(),
        "last_year": grouped["year"].max(),
        "years": grouped["year"].nunique(),
        "year_list": grouped["year"].agg(format_years),
        "editions": grouped["edition"].agg(format_years),
        "authorities": grouped["authority_id"].nunique(),
    })
    in_negev = observations[observations["authority_id"].isin(negev)]
    summary["negev_authorities"] = in_negev.groupby("indicator_id")["authority_id"].nunique()
    summary["negev_authorities"] = summary["negev_authorities"].fillna(0).astype(int)
    return summary


def _distinct_parts(texts, pattern: str, joiner: str) -> str:
    """The distinct pieces of several texts, in first-seen order (the files of one series repeat the same
    licence and publisher; the 2022 transcription adds its own sentence)."""
    parts = [p.strip() for text in texts for p in re.split(pattern, str(text)) if p.strip()]
    return joiner.join(dict.fromkeys(parts))


def series_licences(sources: pd.DataFrame) -> dict[str, str]:
    return {series: _distinct_parts(group["licence"].dropna(), r"(?<=\.)\s+", " ")
            for series, group in sources.groupby("series", sort=False)}


def series_publishers(sources: pd.DataFrame) -> dict[str, str]:
    return {series: _distinct_parts(group["publisher"].dropna(), r";\s+", "; ")
            for series, group in sources.groupby("series", sort=False)}


def indicator_catalogue(indicators: pd.DataFrame, observations: pd.DataFrame, sources: pd.DataFrame,
                        negev_ids, lang: str) -> pd.DataFrame:
    """One row per indicator (by dimension, theme, id) with everything the catalogue shows, in `lang`."""
    summary = coverage_summary(observations, negev_ids).reindex(indicators["indicator_id"])
    methods = indicators["method"].map(method_parts)
    mappings = field_mappings()
    kind = methods.map(lambda m: m[0])
    detail = methods.map(lambda m: m[1])
    catalogue = pd.DataFrame({
        "indicator_id": indicators["indicator_id"].to_numpy(),
        "name": indicators[f"name_{lang}"].to_numpy(),
        "dimension": indicators["dimension"].to_numpy(),
        "theme": indicators["theme"].to_numpy(),
        "description": indicators[f"description_{lang}"].to_numpy(),
        "notes": indicators[f"notes_{lang}"].to_numpy(),
        "unit": indicators[f"unit_{lang}"].to_numpy(),
        "direction": indicators["higher_is_better"].map(direction).to_numpy(),
        "method": kind.to_numpy(),
        "field": detail.where(kind == "field").to_numpy(),
        "sql_file": detail.where(kind == "sql").to_numpy(),
        "per_resident": detail.where(kind == "per_resident").to_numpy(),
        "percent_of": detail.where(kind == "percent_of").to_numpy(),
        "land_share": detail.where(kind == "land_share").to_numpy(),
        "mapping_file": detail.map(lambda f: mappings.get(f, (None,))[0]).where(kind == "field").to_numpy(),
        "mapped_editions": detail.map(lambda f: format_years(mappings.get(f, (None, ()))[1]))
                                 .where(kind == "field").to_numpy(),
        "source": indicators["source_id"].to_numpy(),
        "source_publisher": indicators["source_id"].map(series_publishers(sources)).to_numpy(),
        "editions": summary["editions"].to_numpy(),
        "first_year": summary["first_year"].astype("Int64").to_numpy(),
        "last_year": summary["last_year"].astype("Int64").to_numpy(),
        "years": summary["years"].fillna(0).astype(int).to_numpy(),
        "year_list": summary["year_list"].fillna("").to_numpy(),
        "authorities": summary["authorities"].fillna(0).astype(int).to_numpy(),
        "negev_authorities": summary["negev_authorities"].fillna(0).astype(int).to_numpy(),
        "licence": indicators["source_id"].map(series_licences(sources)).to_numpy(),
    })
    order = catalogue["dimension"].map({d: i for i, d in enumerate(DIMENSIONS)})
    return (catalogue.assign(_order=order).sort_values(["_order", "theme", "indicator_id"], kind="stable")
            .drop(columns="_order").reset_index(drop=True))


def filter_catalogue(catalogue: pd.DataFrame, dimension: str | None = None, query: str = "") -> pd.DataFrame:
    """Rows of one dimension (None or 'all' = every one) whose id, name, theme, description or unit
    contain every word of `query` (case-insensitive)."""
    rows = catalogue
    if dimension and dimension != "all":
        rows = rows[rows["dimension"] == dimension]
    words = str(query or "").casefold().split()
    if words:
        haystack = rows[["indicator_id", "name", "theme", "description", "unit"]].fillna("").astype(str)
        text = haystack.agg(" ".join, axis=1).str.casefold()
        mask = pd.Series(True, index=rows.index)
        for word in words:
            mask &= text.str.contains(word, regex=False)
        rows = rows[mask]
    return rows


# ---------------------------------------------------------------- sources

def sources_register(sources: pd.DataFrame) -> pd.DataFrame:
    """The register as shown: every column, plus the shortened checksum (the CSV keeps the full one)."""
    register = sources[["source_id", "series", "publisher", "title", "edition", "url", "licence", "obtained",
                        "path", "sha256"]].copy()
    register.insert(register.columns.get_loc("sha256"), "sha256_short", register["sha256"].map(short_sha))
    return register.sort_values(["series", "edition"], kind="stable").reset_index(drop=True)


def unchecked_licences(sources: pd.DataFrame) -> list[str]:
    """Sources whose reuse terms the register says were not re-checked (the page says so until they are)."""
    mask = sources["licence"].fillna("").str.contains(UNCHECKED_LICENCE_MARK, regex=False)
    return sources.loc[mask, "source_id"].tolist()


# ---------------------------------------------------------------- known gaps

def coverage_matrix(observations: pd.DataFrame, authority_ids, indicator_ids) -> pd.DataFrame:
    """Indicator × year: how many of the given authorities have a figure (years where any of them has one)."""
    subset = observations[observations["authority_id"].isin(set(authority_ids))]
    matrix = subset.pivot_table(index="indicator_id", columns="year", values="authority_id", aggfunc="nunique")
    matrix = matrix.reindex(index=list(indicator_ids)).fillna(0).astype(int)
    return matrix.reindex(columns=sorted(matrix.columns))


def few_years(catalogue: pd.DataFrame, max_years: int = 5) -> pd.DataFrame:
    """Indicators with at most `max_years` data years, fewest first."""
    return catalogue[catalogue["years"] <= max_years].sort_values(["years", "indicator_id"], kind="stable")


def ending_early(catalogue: pd.DataFrame, latest_year: int) -> pd.DataFrame:
    """Indicators whose last data year is before `latest_year` (e.g. wages, the indices, land use)."""
    rows = catalogue[catalogue["last_year"].notna() & (catalogue["last_year"] < latest_year)]
    return rows.sort_values(["last_year", "indicator_id"], kind="stable")


def kinds_without_data(observations: pd.DataFrame, authorities: pd.DataFrame) -> pd.DataFrame:
    """(indicator_id, kind) pairs where no authority of that kind has any figure while other kinds do."""
    kinds = authorities.set_index("authority_id")["kind"]
    present = observations[["indicator_id"]].assign(kind=observations["authority_id"].map(kinds)).drop_duplicates()
    all_kinds = sorted(authorities["kind"].unique())
    rows = []
    for indicator_id, group in present.groupby("indicator_id", sort=True):
        rows += [{"indicator_id": indicator_id, "kind": k} for k in all_kinds if k not in set(group["kind"])]
    return pd.DataFrame(rows, columns=["indicator_id", "kind"])


def years_of(observations: pd.DataFrame, indicator_id: str) -> list[int]:
    return sorted(observations.loc[observations["indicator_id"] == indicator_id, "year"].unique().tolist())


def edition_lags(observations: pd.DataFrame, indicator_id: str) -> list[int]:
    """Distinct (edition − data year) of the kept figures: how far a figure trails its publication."""
    rows = observations[observations["indicator_id"] == indicator_id]
    return sorted((rows["edition"] - rows["year"]).unique().tolist())


def yearly_counts(observations: pd.DataFrame, indicator_id: str, authority_ids) -> pd.Series:
    """year -> number of the given authorities with a figure."""
    rows = observations[(observations["indicator_id"] == indicator_id)
                        & observations["authority_id"].isin(set(authority_ids))]
    return rows.groupby("year")["authority_id"].nunique()


def missing_boundaries(authorities: pd.DataFrame, boundaries: pd.DataFrame) -> pd.DataFrame:
    """Authorities the map cannot draw (no polygon in the Interior layer), by district then name."""
    rows = authorities[~authorities["authority_id"].isin(set(boundaries["authority_id"]))]
    return rows.sort_values(["district_en", "name_en"], kind="stable").reset_index(drop=True)


def gap_reason_counts(gaps: pd.DataFrame, authority_ids=None) -> pd.Series:
    """reason -> number of recorded gaps (every known reason listed, 0 when none)."""
    rows = gaps if authority_ids is None else gaps[gaps["authority_id"].isin(set(authority_ids))]
    return rows["reason"].value_counts().reindex(list(GAP_REASONS), fill_value=0)


# ---------------------------------------------------------------- generated documents

def _cell(text) -> str:
    """A markdown table cell: pipes escaped, no line breaks."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def indicators_markdown(indicators: pd.DataFrame, observations: pd.DataFrame, sources: pd.DataFrame) -> str:
    catalogue = indicator_catalogue(indicators, observations, sources, [], "en")
    rows = [[f"`{r.indicator_id}`", r.dimension, r.unit, r.direction.replace("_", " "),
             f"{r.year_list} ({r.years})" if r.years else "none",
             f"{r.source} (editions {r.editions})" if r.editions else r.source,
             r.name, first_sentence(r.description)]
            for r in catalogue.itertuples()]
    counts = catalogue["dimension"].value_counts()
    intro = [
        "# Indicators",
        "",
        "Generated by `python -m indicators.catalogue_docs` from `data/published/` (the indicators, "
        "observations and sources tables); do not edit by hand. Each indicator is declared in "
        "`indicators/definitions/<id>.yml`; *years* are the data years with at least one figure "
        "(the number of years in brackets); *source* is the series with the editions the figures come from.",
        "",
        f"{len(catalogue)} indicators: " + ", ".join(f"{counts.get(d, 0)} {d}"
                                                   for d in ("economic", "social", "environmental")) + ".",
        "",
    ]
    header = ["id", "dimension", "unit", "direction", "years", "source", "name", "definition"]
    return "\n".join(intro) + "\n" + _table(header, rows) + "\n"


def schema_frame(published_dir: Path = PUBLISHED_DIR) -> pd.DataFrame:
    """table, column, type (from the Parquet schema), meaning; fails on a column nobody has described."""
    rows = []
    for table in TABLE_ORDER:
        meanings = COLUMN_MEANINGS[table]
        for field in pq.read_schema(published_dir / f"{table}.parquet"):
            if field.name not in meanings:
                raise KeyError(f"{table}.{field.name} has no meaning in COLUMN_MEANINGS")
            column_type = str(field.type).replace("large_string", "string")
            rows.append({"table": table, "column": field.name, "type": column_type, "meaning": meanings[field.name]})
    return pd.DataFrame(rows)


def schema_markdown(published_dir: Path = PUBLISHED_DIR) -> str:
    schema = schema_frame(published_dir)
    parts = [
        "# Database schema",
        "",
        "Generated by `python -m indicators.catalogue_docs` from the Parquet files in `data/published/`; "
        "do not edit by hand. `make data` rebuilds every table from the raw files in `data/raw/`, writes "
        "`data/published/<table>.parquet` (committed; the app loads them) and `data/kmm.duckdb` (the same tables "
        "in one DuckDB file for analysts, not committed).",
        "",
        "```sql",
        "-- duckdb data/kmm.duckdb",
        "SELECT a.name_en, o.year, o.value",
        "FROM observations o JOIN authorities a USING (authority_id)",
        "WHERE o.indicator_id = 'avg_monthly_wage' AND a.is_negev",
        "ORDER BY a.name_en, o.year;",
        "```",
        "",
        "Keys: `authority_id` joins every table to `authorities`, `indicator_id` to `indicators`, "
        "`source_id` of observations and gaps to `sources`. A missing figure has no row in `observations`; "
        "where the CBS file says why, `gaps` has the reason.",
    ]
    for table in TABLE_ORDER:
        rows = schema[schema["table"] == table]
        parts += ["", f"## {table}", "", TABLE_MEANINGS[table], "",
                  _table(["column", "type", "meaning"],
                         [[f"`{r.column}`", r.type, r.meaning] for r in rows.itertuples()])]
    return "\n".join(parts) + "\n"


def generated_docs(published_dir: Path = PUBLISHED_DIR, docs_dir: Path = DOCS_DIR) -> dict[Path, str]:
    """Path -> the text it should hold now."""
    indicators = read_published("indicators", published_dir=published_dir)
    observations = read_published("observations", ["authority_id", "indicator_id", "year", "edition"],
                                  published_dir=published_dir)
    sources = read_published("sources", published_dir=published_dir)
    return {
        docs_dir / "indicators.md": indicators_markdown(indicators, observations, sources),
        docs_dir / "schema.md": schema_markdown(published_dir),
    }


def demote_headings(markdown: str, levels: int = 1) -> str:
    """'# A' -> '## A' outside code blocks, so a document fits under the page's own title."""
    lines, in_code = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and re.match(r"#{1,5} ", line):
            line = "#" * levels + line
        lines.append(line)
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def read_doc(name: str, docs_dir: Path = DOCS_DIR) -> str | None:
    path = docs_dir / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report whether docs/ is up to date")
    args = parser.parse_args(argv)
    stale = []
    for path, text in generated_docs().items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
