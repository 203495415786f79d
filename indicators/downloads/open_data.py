"""Open data for analysts: every published table at a stable URL (copied into static/data/, which
Streamlit serves at /app/static/data/, beside a manifest.json with each file's SHA-256 and the build's
version), and the whole database in one zip (all observations and gaps as one readable CSV, the Parquet
tables, kmm.duckdb). `python -m indicators.downloads.open_data` refreshes static/data/."""
from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from indicators.settings import PUBLISHED_DIR, ROOT
from indicators.settings import PUBLISHED_TABLES as TABLES

STATIC_DATA_DIR = ROOT / "static" / "data"
STATIC_URL_PATH = "app/static/data"  # where Streamlit serves static/data/, relative to the app's address
MANIFEST = "manifest.json"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest(published_dir: Path = PUBLISHED_DIR) -> dict:
    """Each published file's name, size, rows and SHA-256; `version` names the build (a checksum of
    those checksums), so a cited download can be matched to the data it came from."""
    import pyarrow.parquet as pq

    files = []
    for name in TABLES:
        path = published_dir / f"{name}.parquet"
        files.append({"table": name, "file": path.name, "bytes": path.stat().st_size,
                      "rows": pq.ParquetFile(path).metadata.num_rows, "sha256": sha256_of(path)})
    version = hashlib.sha256("".join(f["sha256"] for f in files).encode()).hexdigest()[:12]
    return {"version": version, "files": files}


def publish_static(published_dir: Path = PUBLISHED_DIR, static_dir: Path = STATIC_DATA_DIR) -> dict:
    """Copy the published tables into static/ with their manifest; returns the manifest."""
    static_dir.mkdir(parents=True, exist_ok=True)
    listing = manifest(published_dir)
    for entry in listing["files"]:
        shutil.copyfile(published_dir / entry["file"], static_dir / entry["file"])
    (static_dir / MANIFEST).write_text(json.dumps(listing, indent=2) + "\n", encoding="utf-8")
    return listing


def is_published_static(published_dir: Path = PUBLISHED_DIR, static_dir: Path = STATIC_DATA_DIR) -> bool:
    """Whether static/data/ holds exactly the current published tables."""
    path = static_dir / MANIFEST
    return path.is_file() and json.loads(path.read_text(encoding="utf-8")) == manifest(published_dir)


def observations_table(published_dir: Path = PUBLISHED_DIR) -> pd.DataFrame:
    """Every figure and every documented gap in one table, each row with the authority's and the
    indicator's names in Hebrew, English and Arabic, the unit, the source and (for a gap) CBS's reason."""
    read = {name: pd.read_parquet(published_dir / f"{name}.parquet") for name in TABLES if name != "boundaries"}
    rows = pd.concat([read["observations"].assign(gap_reason=pd.NA),
                      read["gaps"].rename(columns={"reason": "gap_reason"}).assign(value=float("nan"))],
                     ignore_index=True)
    authorities = read["authorities"][["authority_id", "cbs_code", "kind", "is_negev",
                                       "name_he", "name_en", "name_ar"]].rename(
        columns=lambda c: c.replace("name_", "authority_name_"))
    indicators = read["indicators"][["indicator_id", "dimension", "name_he", "name_en", "name_ar", "unit",
                                     "unit_he", "unit_en", "unit_ar", "decimals"]].rename(
        columns=lambda c: c.replace("name_", "indicator_name_"))
    sources = read["sources"][["source_id", "publisher", "title", "url"]].rename(
        columns={"publisher": "source_publisher", "title": "source_title", "url": "source_url"})
    table = (rows.merge(authorities, on="authority_id", how="left").merge(indicators, on="indicator_id", how="left")
             .merge(sources, on="source_id", how="left"))
    first = ["authority_id", "authority_name_he", "authority_name_en", "authority_name_ar", "indicator_id",
             "indicator_name_he", "indicator_name_en", "indicator_name_ar", "year", "value", "unit", "unit_he",
             "unit_en", "unit_ar", "gap_reason", "source_id", "edition", "source_publisher", "source_title",
             "source_url"]
    table = table[first + [c for c in table.columns if c not in first]]
    return table.sort_values(["authority_id", "indicator_id", "year"]).reset_index(drop=True)


def _duckdb_file(published_dir: Path, folder: Path) -> Path:
    """The analysts' DuckDB file, as `make data` writes it (data/kmm.duckdb is not committed)."""
    from indicators.build.build_database import write_duckdb

    path = folder / "kmm.duckdb"
    write_duckdb(published_dir, path)
    return path


def database_zip(published_dir: Path = PUBLISHED_DIR) -> bytes:
    """kmm-observations.csv (UTF-8 with BOM), every table as Parquet, kmm.duckdb and the manifest."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as bundle, \
            tempfile.TemporaryDirectory() as folder:
        # Every text cell here comes from the published tables (CBS names, our own catalogue), none from a
        # user, so the table is written as it is; the BOM lets Excel read Hebrew and Arabic.
        bundle.writestr("kmm-observations.csv", observations_table(published_dir).to_csv(index=False)
                        .encode("utf-8-sig"))
        for name in TABLES:
            bundle.write(published_dir / f"{name}.parquet", f"parquet/{name}.parquet")
        bundle.write(_duckdb_file(published_dir, Path(folder)), "kmm.duckdb")
        bundle.writestr(MANIFEST, json.dumps(manifest(published_dir), indent=2) + "\n")
    return out.getvalue()


if __name__ == "__main__":
    listing = publish_static()
    print(f"static/data/: {len(listing['files'])} tables, version {listing['version']}")
