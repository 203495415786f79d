"""`make data`: raw files -> validated tables -> data/published/*.parquet (committed) + data/kmm.duckdb.

Run as `python -m indicators.build.build_database [--out DIR] [--no-duckdb]`.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from indicators.build import quality_checks
from indicators.build.authorities import build_authorities
from indicators.build.boundaries import build_boundaries
from indicators.build.extractors import extract_sources
from indicators.build.layout_errors import LayoutError
from indicators.build.mapping_files import MappingError
from indicators.build.observation_provenance import attach_sheet_and_header
from indicators.build.population_groups import population_groups
from indicators.build.price_index import build_price_index
from indicators.build.source_register import load_sources, verify_checksums
from indicators.compute import compute_all
from indicators.contract_checks import check_tables
from indicators.gap_reasons import observation_gaps
from indicators.registry import Indicator, load_registry, load_units
from indicators.settings import (
    ANALYST_DB,
    DIMENSIONS,
    LANGUAGES,
    NEGEV_AUTHORITY_IDS,
    PUBLISHED_DIR,
    PUBLISHED_TABLES,
)


def indicators_table(registry: tuple[Indicator, ...]) -> pd.DataFrame:
    units = load_units()
    rows = []
    for ind in registry:
        row = {"indicator_id": ind.id, "dimension": ind.dimension, "theme": ind.theme}
        row |= {f"name_{lang}": ind.name[lang] for lang in LANGUAGES}
        row |= {"unit": ind.unit, "higher_is_better": ind.higher_is_better, "decimals": ind.decimals}
        row |= {f"direction_reason_{lang}": ind.direction_reason[lang] for lang in LANGUAGES}
        row |= {f"unit_{lang}": units[ind.unit][lang] for lang in LANGUAGES}
        row |= {f"description_{lang}": ind.description[lang] for lang in LANGUAGES}
        row |= {f"notes_{lang}": (ind.notes or {}).get(lang) for lang in LANGUAGES}
        row |= {"source_id": ind.source_id} | ind.method.columns()
        # The read model: one order and one meaning of direction for every page (indicators/read_model.py).
        row |= {"dimension_order": DIMENSIONS.index(ind.dimension), "display_order": ind.display_order,
                "direction": ind.direction, "headline_rank": ind.headline_rank}
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["higher_is_better"] = frame["higher_is_better"].astype("boolean")
    frame = frame.astype({"decimals": "int32", "dimension_order": "int32", "display_order": "int32",
                          "headline_rank": "Int32"})
    return frame


def extract_all() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Every registered extractor's figures and gaps, in one long table each, and the columns each one read
    (with their CBS sheet and header text)."""
    extracted = extract_sources()
    return extracted.values, extracted.gaps, extracted.columns_read


def drop_unlisted_authorities(values, gaps, authorities, log):
    """Figures for authorities that no 2013–2021 edition lists (e.g. councils dissolved before 2013 that
    the 2004 peripherality table still has) are left out, and named in the log."""
    known = set(authorities["authority_id"])
    unlisted = sorted(set(values["authority_id"]) - known)
    if unlisted:
        log(f"left out figures of authorities absent from 2013–2021 editions: {', '.join(unlisted)}")
    return values[values["authority_id"].isin(known)], gaps[gaps["authority_id"].isin(known)]


def attach_label_points(authorities: pd.DataFrame, boundaries: pd.DataFrame) -> pd.DataFrame:
    base = authorities.drop(columns=[c for c in ("label_lon", "label_lat") if c in authorities])
    points = boundaries[["authority_id", "label_lon", "label_lat"]]
    return base.merge(points, on="authority_id", how="left")


def build_tables(log=print) -> dict[str, pd.DataFrame]:
    started = time.perf_counter()
    sources = load_sources()
    verify_checksums(sources)
    registry = load_registry()
    authorities = build_authorities()
    values, gaps, columns_read = extract_all()
    values, gaps = drop_unlisted_authorities(values, gaps, authorities, log)
    log(f"extracted {len(values):,} figures and {len(gaps):,} gaps in {time.perf_counter() - started:.1f}s")
    computed = compute_all(values, registry)
    observations = attach_sheet_and_header(computed.observations, columns_read, registry)
    quality_checks.check_ranges(observations, registry)
    boundaries = build_boundaries(authorities)
    authorities = authorities.merge(population_groups(values, gaps), on="authority_id", how="left")
    tables = {
        "authorities": attach_label_points(authorities, boundaries),
        "indicators": indicators_table(registry),
        "observations": observations,
        "gaps": observation_gaps(gaps, observations, registry, values, computed.undefined),
        "sources": sources,
        "boundaries": boundaries,
        "price_index": build_price_index(sources, observations, {ind.id: ind.unit for ind in registry}),
    }
    check_tables(tables)  # every column and test declared in data/schema.yml
    log_review(observations, log)
    log(f"built {len(observations):,} observations of {len(registry)} indicators for "
        f"{len(authorities)} authorities in {time.perf_counter() - started:.1f}s")
    return tables


def log_review(observations: pd.DataFrame, log) -> None:
    jumps = quality_checks.year_on_year_jumps(observations)
    log(f"\nYear-on-year jumps beyond ×{quality_checks.JUMP_FACTOR} for review: {len(jumps)}, by indicator:")
    log(jumps.groupby("indicator_id").size().sort_values(ascending=False).to_string() if len(jumps) else "(none)")
    negev = jumps[jumps["authority_id"].isin(NEGEV_AUTHORITY_IDS)]
    log(f"\nOf them in the Negev ({len(negev)}), the largest 40:")
    largest = negev.assign(size=(negev["ratio"].abs().clip(lower=1e-9)).map(lambda r: max(r, 1 / r)))
    log(largest.nlargest(40, "size").drop(columns="size").to_string(index=False) if len(negev) else "(none)")
    log("\nNegev coverage (authorities with a figure, of 33), indicator × year:")
    log(quality_checks.negev_coverage(observations).to_string())
    full = quality_checks.indicators_with_full_negev_coverage(observations)
    log(f"\nIndicators where every Negev authority has ≥ 8 years: {len(full)}")


def write_parquet(tables: dict[str, pd.DataFrame], out_dir: Path) -> None:
    """Deterministic files: sorted rows, no index, fixed compression, so a rebuild is byte-identical."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in PUBLISHED_TABLES:
        frame = tables[name]
        frame = frame.sort_values(list(frame.columns[:3])).reset_index(drop=True)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        pq.write_table(table.replace_schema_metadata(None), out_dir / f"{name}.parquet", compression="zstd")


def write_duckdb(published_dir: Path, db_path: Path) -> None:
    db_path.unlink(missing_ok=True)
    con = duckdb.connect(str(db_path))
    for name in PUBLISHED_TABLES:
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)", [str(published_dir / f"{name}.parquet")])
    con.execute("ALTER TABLE authorities ADD PRIMARY KEY (authority_id)")
    con.execute("ALTER TABLE indicators ADD PRIMARY KEY (indicator_id)")
    con.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=PUBLISHED_DIR)
    parser.add_argument("--no-duckdb", action="store_true", help="skip data/kmm.duckdb (tests)")
    args = parser.parse_args(argv)
    try:
        tables = build_tables()
    except (LayoutError, MappingError) as error:
        # A raw file that differs from its mapping is a data problem, said in one line, not a Python bug.
        print(f"build stopped: {error}\nCompare the raw file with its mapping in data/mappings/ and fix the one "
              "that is wrong; nothing was written.", file=sys.stderr)
        raise SystemExit(2) from None
    write_parquet(tables, args.out)
    if not args.no_duckdb:
        write_duckdb(args.out, ANALYST_DB)
        print(f"wrote {args.out}/*.parquet and {ANALYST_DB}")
    if args.out == PUBLISHED_DIR:  # the copies Streamlit serves to analysts at /app/static/data/
        from indicators.downloads.open_data import publish_static

        publish_static()


if __name__ == "__main__":
    main()
