"""Open data for analysts: the static copies and their manifest match the published files byte for byte,
the one-CSV dump holds every figure and gap with names, units and sources, and the zip opens (Parquet
and DuckDB inside read back equal to the published tables)."""
import hashlib
import io
import json
import zipfile

import duckdb
import pandas as pd

from indicators.downloads import open_data
from indicators.settings import PUBLISHED_DIR
from indicators.settings import PUBLISHED_TABLES as TABLES


def test_static_copies_match_the_manifest_and_the_published_files(tmp_path):
    listing = open_data.publish_static(PUBLISHED_DIR, tmp_path)
    assert [f["table"] for f in listing["files"]] == list(TABLES)
    for entry in listing["files"]:
        copy = (tmp_path / entry["file"]).read_bytes()
        assert copy == (PUBLISHED_DIR / entry["file"]).read_bytes()
        assert hashlib.sha256(copy).hexdigest() == entry["sha256"]
    assert json.loads((tmp_path / "manifest.json").read_text()) == listing
    assert open_data.is_published_static(PUBLISHED_DIR, tmp_path)
    assert len(listing["version"]) == 12 and open_data.manifest(PUBLISHED_DIR)["version"] == listing["version"]


def test_observation_dump_holds_every_figure_and_gap_with_names_and_sources():
    table = open_data.observations_table()
    observations = pd.read_parquet(PUBLISHED_DIR / "observations.parquet")
    gaps = pd.read_parquet(PUBLISHED_DIR / "gaps.parquet")
    assert len(table) == len(observations) + len(gaps)
    figures = table[table["gap_reason"].isna()].set_index(["authority_id", "indicator_id", "year"])["value"]
    expected = observations.set_index(["authority_id", "indicator_id", "year"])["value"]
    pd.testing.assert_series_equal(figures.sort_index(), expected.sort_index(), check_index_type=False)
    missing = table[table["gap_reason"].notna()]
    assert missing["value"].isna().all() and set(missing["gap_reason"]) == set(gaps["reason"])
    for column in ("authority_name_he", "authority_name_en", "indicator_name_ar", "unit_he", "source_publisher",
                   "source_url"):
        assert table[column].notna().all(), column
    rahat = table[(table["authority_id"] == "la-1161")].iloc[0]
    assert rahat["authority_name_he"] == "רהט"


def test_database_zip_opens_and_reads_back(tmp_path):
    bundle = zipfile.ZipFile(io.BytesIO(open_data.database_zip()))
    names = set(bundle.namelist())
    assert {"kmm-observations.csv", "kmm.duckdb", "manifest.json"} | {f"parquet/{t}.parquet" for t in TABLES} <= names
    observations = pd.read_parquet(io.BytesIO(bundle.read("parquet/observations.parquet")))
    assert observations.equals(pd.read_parquet(PUBLISHED_DIR / "observations.parquet"))
    csv_head = bundle.read("kmm-observations.csv")[:3]
    assert csv_head == b"\xef\xbb\xbf"
    db_path = bundle.extract("kmm.duckdb", path=str(tmp_path))
    con = duckdb.connect(db_path, read_only=True)
    assert con.execute("SELECT count(*) FROM observations").fetchone()[0] == len(observations)
    con.close()
