"""Streamlit's browser code sent gzip-compressed from copies made before the server starts."""
import asyncio
import gzip
from pathlib import Path

import pytest

from ui import compressed_static
from ui.compressed_static import GzipStatic, accepts_gzip, build

BIG = b"export const x = 1;\n" * 200  # 4 KB, compresses well


@pytest.fixture
def built(tmp_path: Path) -> Path:
    source, target = tmp_path / "source", tmp_path / "copies"
    (source / "js").mkdir(parents=True)
    (source / "css").mkdir()
    (source / "js" / "Chart.ab-12.js").write_bytes(BIG)
    (source / "js" / "tiny.cd34.js").write_bytes(b"x")  # under MIN_BYTES: sent as it is
    (source / "js" / "odd name.js").write_bytes(BIG)  # outside the name pattern: never copied
    (source / "css" / "Grid.ef56.css").write_bytes(b".a{color:red}\n" * 200)
    made, before, after = build(source, target)
    assert made == 2 and before == len(BIG) + 2800 and after < before / 5
    return target


def test_copies_hold_the_same_bytes_and_a_second_build_makes_none(built: Path, tmp_path: Path):
    assert gzip.decompress((built / "js" / "Chart.ab-12.js.gz").read_bytes()) == BIG
    assert sorted(p.name for p in built.rglob("*.gz")) == ["Chart.ab-12.js.gz", "Grid.ef56.css.gz"]
    assert build(tmp_path / "source", built)[0] == 0


def test_the_installed_streamlit_has_the_folders_the_build_reads():
    # An upgrade that moves Streamlit's files would silently send everything uncompressed again.
    assert any((compressed_static.SOURCE_DIR / "js").glob("PlotlyChart.*.js"))
    assert any((compressed_static.SOURCE_DIR / "css").glob("*.css"))


@pytest.mark.parametrize("value, accepted", [
    (b"gzip, deflate, br", True), (b"br;q=1.0, GZIP;q=0.5", True), (b"*", True), (b"deflate, br", False),
    (b"gzip;q=0", False), (b"gzip; q=0.000", False), (b"identity", False), (None, False)])
def test_accept_encoding(value, accepted):
    headers = [] if value is None else [(b"accept-encoding", value)]
    assert accepts_gzip(headers) is accepted


def _request(copies, base, path, method="GET", headers=((b"accept-encoding", b"gzip"),)):
    """Run one request through the middleware over `copies`: (messages sent, whether Streamlit was asked)."""
    sent, passed = [], []

    async def streamlit_app(scope, receive, send):
        passed.append(scope["path"])

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": method, "path": path, "headers": list(headers)}
    asyncio.run(GzipStatic(streamlit_app, copies, base)(scope, receive, send))
    return sent, bool(passed)


def test_a_copy_is_sent_with_its_headers(built: Path):
    sent, passed = _request(built, "", "/static/js/Chart.ab-12.js")
    assert not passed
    headers = dict(sent[0]["headers"])
    assert sent[0]["status"] == 200 and headers[b"content-encoding"] == b"gzip"
    assert headers[b"content-type"] == b"application/javascript" and headers[b"vary"] == b"Accept-Encoding"
    assert b"immutable" in headers[b"cache-control"]
    assert gzip.decompress(sent[1]["body"]) == BIG and int(headers[b"content-length"]) == len(sent[1]["body"])
    css, _ = _request(built, "", "/static/css/Grid.ef56.css")
    assert dict(css[0]["headers"])[b"content-type"] == b"text/css"


def test_head_gets_the_headers_without_the_body(built: Path):
    sent, _ = _request(built, "", "/static/js/Chart.ab-12.js", method="HEAD")
    assert dict(sent[0]["headers"])[b"content-encoding"] == b"gzip" and sent[1]["body"] == b""


def test_the_base_url_path_is_respected(built: Path):
    assert not _request(built, "/negev/", "/negev/static/js/Chart.ab-12.js")[1]
    assert _request(built, "/negev/", "/static/js/Chart.ab-12.js")[1]


@pytest.mark.parametrize("path, method, headers", [
    ("/static/js/Chart.ab-12.js", "GET", ()),  # no gzip asked for
    ("/static/js/Chart.ab-12.js", "GET", ((b"accept-encoding", b"gzip"), (b"range", b"bytes=0-9"))),
    ("/static/js/Chart.ab-12.js", "POST", ((b"accept-encoding", b"gzip"),)),
    ("/static/js/tiny.cd34.js", "GET", ((b"accept-encoding", b"gzip"),)),  # no copy
    ("/static/js/../js/Chart.ab-12.js", "GET", ((b"accept-encoding", b"gzip"),)),
    ("/static/js/Grid.ef56.css", "GET", ((b"accept-encoding", b"gzip"),)),  # folder and suffix disagree
    ("/static/media/Chart.ab-12.js", "GET", ((b"accept-encoding", b"gzip"),)),
    ("/town_profile", "GET", ((b"accept-encoding", b"gzip"),)),
])
def test_everything_else_goes_to_streamlit_untouched(built: Path, path, method, headers):
    sent, passed = _request(built, "", path, method, headers)
    assert passed and sent == []


def test_without_copies_everything_goes_to_streamlit(tmp_path: Path):
    assert _request(tmp_path / "never_built", "", "/static/js/Chart.ab-12.js")[1]
