"""Paths and constants shared by the build, the registry and the app (one place for settings)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
MAPPINGS_DIR = DATA_DIR / "mappings"
PUBLISHED_DIR = DATA_DIR / "published"  # committed Parquet files the app loads at start-up
SOURCES_FILE = DATA_DIR / "sources.yml"
ANALYST_DB = DATA_DIR / "kmm.duckdb"  # written by `make data`, ignored by git

PACKAGE_DIR = Path(__file__).resolve().parent
DEFINITIONS_DIR = PACKAGE_DIR / "definitions"
SQL_DIR = PACKAGE_DIR / "sql"
UNITS_FILE = PACKAGE_DIR / "units.yml"

LANGUAGES = ("he", "en", "ar")
DEFAULT_LANGUAGE = "he"
RTL_LANGUAGES = frozenset({"he", "ar"})

FIRST_YEAR = 2013
LAST_YEAR = 2022
DIMENSIONS = ("economic", "social", "environmental")  # the KMM model's order, on every page
# The published tables (data/published/<name>.parquet), in the order docs and the build list them.
PUBLISHED_TABLES = (
    "authorities", "indicators", "observations", "gaps", "sources", "boundaries", "price_index",
)
AUTHORITY_KINDS = ("city", "local_council", "regional_council")

# The 33 Negev authorities (CBS code, kind family), as listed in the project's data brief.
# "la" = a city or local council (code is a CBS locality code); "rc" = a regional council.
NEGEV_AUTHORITIES = (
    ("la", 9000), ("la", 1161), ("la", 2630), ("la", 2600), ("la", 246), ("la", 2200),
    ("la", 31), ("la", 1031), ("la", 2560), ("la", 1303), ("la", 1059), ("la", 1054),
    ("la", 1192), ("la", 1060), ("la", 1286), ("la", 831), ("la", 1268), ("la", 666),
    ("la", 1271), ("la", 99),
    ("rc", 69), ("rc", 38), ("rc", 41), ("rc", 54), ("rc", 53), ("rc", 35), ("rc", 50),
    ("rc", 42), ("rc", 68), ("rc", 48), ("rc", 39), ("rc", 37), ("rc", 51),
)


def authority_id(family: str, cbs_code: int) -> str:
    """Stable key: CBS codes collide between towns and regional councils (31 = Ofakim and Nahal Sorek)."""
    return f"{family}-{int(cbs_code)}"


NEGEV_AUTHORITY_IDS = frozenset(authority_id(f, c) for f, c in NEGEV_AUTHORITIES)
