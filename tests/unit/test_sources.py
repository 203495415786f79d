"""The source register: every raw file is registered with the right checksum and full provenance."""
import hashlib

import yaml

from indicators.settings import DATA_DIR, RAW_DIR, SOURCES_FILE

REQUIRED = ("id", "series", "publisher", "title", "edition", "url", "licence", "obtained", "path", "sha256")


def _sources():
    return yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))["sources"]


def test_every_entry_is_complete_and_unique():
    sources = _sources()
    assert len({s["id"] for s in sources}) == len(sources)
    for s in sources:
        assert all(s.get(k) not in (None, "") for k in REQUIRED), s["id"]


def test_checksums_match_the_files():
    for s in _sources():
        digest = hashlib.sha256((DATA_DIR / s["path"]).read_bytes()).hexdigest()
        assert digest == s["sha256"], f"{s['path']}: checksum differs from data/sources.yml"


def test_every_raw_file_is_registered():
    registered = {s["path"] for s in _sources()}
    on_disk = {str(p.relative_to(DATA_DIR)) for p in RAW_DIR.rglob("*") if p.is_file()}
    assert on_disk - registered == set()
