"""Streamlit's browser code sent compressed. Its server sends its JavaScript as it is on disk (on purpose: its own
gzip middleware would compress every response again): a new visitor's home page fetched 13 MB (the chart's bundle
alone is 4.7 MB), ≈ 14 s to the map and chart drawn on a 10 Mbit/s link; gzip makes that 4 MB and ≈ 7.5 s.

Compressing on each request would cost the server ≈ 0.3 CPU-seconds per new visitor, so the files are compressed
once, before the server starts (`python -m ui.compressed_static`, which `make run` and the Dockerfile call),
into CACHE_DIR, one folder per Streamlit version (the file names are content-hashed and change with it); a
server started another way (Community Cloud runs `streamlit run` alone) makes the missing copies itself once
its warm-up is done (`ensure_built`, ≈ 1 s of CPU once per install). The
middleware that app.py adds answers a request for one of those files with the compressed copy when the browser
accepts gzip; any other request, or one the copies do not cover (no copy built, a byte range), goes on to
Streamlit untouched. Only names matching a strict pattern (one folder, js or css; no slash nor "..") are
looked up among the copies."""
from __future__ import annotations

import gzip
import logging
import os
import re
import sys
import tempfile
from pathlib import Path

import streamlit
from streamlit import config

LOG = logging.getLogger(__name__)
SOURCE_DIR = Path(streamlit.__file__).resolve().parent / "static" / "static"
CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "static-gzip" / streamlit.__version__
CONTENT_TYPES = {"js": b"application/javascript", "css": b"text/css"}  # each kind's folder and suffix alike
MIN_BYTES = 1024  # smaller files gain less than the header costs
_REQUEST = re.compile(r"(js|css)/([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\.\1")  # js/<name>.js, css/<name>.css
IMMUTABLE = b"public, immutable, max-age=31536000"  # as Streamlit's own answer for these hashed names


def build(source: Path = SOURCE_DIR, target: Path = CACHE_DIR) -> tuple[int, int, int]:
    """Write the gzip copy of every JavaScript and CSS file of `source` not yet in `target`.
    Returns (files compressed now, bytes before, bytes after) over all copies present."""
    made = before = after = 0
    for folder in CONTENT_TYPES:
        for path in sorted((source / folder).glob(f"*.{folder}")):
            copy = target / folder / (path.name + ".gz")
            size = path.stat().st_size
            if size < MIN_BYTES or not _REQUEST.fullmatch(f"{folder}/{path.name}"):
                continue
            if not copy.exists():
                _write_atomically(copy, gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
                made += 1
            before, after = before + size, after + copy.stat().st_size
    return made, before, after


def ensure_built() -> None:
    """`build`, for a running server: a failure (a read-only folder) is logged and only leaves the code
    uncompressed."""
    try:
        made, _, _ = build()
    except Exception:  # in the warm-up thread: never raised
        LOG.warning("no compressed copies of Streamlit's browser code: it is sent uncompressed", exc_info=True)
        return
    if made:
        LOG.info("compressed %d of Streamlit's browser files", made)


def _write_atomically(path: Path, data: bytes) -> None:
    """A server starting meanwhile sees the whole copy or none (two builds at once both write the same bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def accepts_gzip(headers) -> bool:
    """Whether an `Accept-Encoding` request header allows gzip (`gzip;q=0` refuses it)."""
    for name, value in headers:
        if name.lower() != b"accept-encoding":
            continue
        for part in value.decode("latin-1").lower().split(","):
            coding, _, params = part.strip().partition(";")
            if coding.strip() in ("gzip", "*"):
                weight = params.replace(" ", "").removeprefix("q=")
                try:
                    return not params or float(weight) > 0
                except ValueError:
                    return False
    return False


class GzipStatic:
    """ASGI middleware: the compressed copy of a Streamlit static file, when there is one and it is wanted."""

    def __init__(self, app, cache_dir: Path = CACHE_DIR, base_url_path: str | None = None):
        self.app = app
        self.cache_dir = cache_dir
        base = config.get_option("server.baseUrlPath") if base_url_path is None else base_url_path
        self.prefix = ("/" + base.strip("/") if base.strip("/") else "") + "/static/"

    def copy_for(self, scope) -> tuple[Path, bytes] | None:
        """The compressed copy answering this request and its content type, or None."""
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or not path.startswith(self.prefix):
            return None
        match = _REQUEST.fullmatch(path[len(self.prefix):])
        headers = scope.get("headers", [])
        if not match or not accepts_gzip(headers):
            return None
        if any(name.lower() == b"range" for name, _ in headers):
            return None
        kind, name = match.groups()
        copy = self.cache_dir / kind / f"{name}.{kind}.gz"
        return (copy, CONTENT_TYPES[kind]) if copy.is_file() else None

    async def __call__(self, scope, receive, send):
        found = self.copy_for(scope)
        if found is None:
            await self.app(scope, receive, send)
            return
        copy, content_type = found
        body = copy.read_bytes()  # ≤ 1.4 MB, from the page cache after the first visitor
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", content_type), (b"content-encoding", b"gzip"),
            (b"content-length", str(len(body)).encode()), (b"cache-control", IMMUTABLE),
            (b"vary", b"Accept-Encoding")]})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def main() -> int:
    made, before, after = build()
    print(f"compressed copies of Streamlit's browser code in {CACHE_DIR}: {made} new; "
          f"{before / 1e6:.1f} MB → {after / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
