"""The Link header that names a page's heavy bundles with the page's HTML (ui/preload_headers.py)."""
import asyncio

from ui import chunk_preload, preload_headers
from ui.navigation import registered_pages


def _serve(path: str, content_type: bytes = b"text/html; charset=utf-8", method: str = "GET", base: str = ""):
    sent = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", content_type)]})
        await send({"type": "http.response.body", "body": b"<html>"})

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": method, "path": path, "headers": []}
    asyncio.run(preload_headers.PreloadLinks(app, base)(scope, receive, send))
    return dict(sent[0]["headers"]), sent[1]["body"]


def test_each_page_path_names_the_bundles_it_declares():
    for spec in registered_pages():
        path = "/" if spec.default else f"/{spec.url_path}"
        headers, body = _serve(path)
        assert body == b"<html>"
        expected = chunk_preload.link_header(spec.draws).encode()
        assert headers.get(b"link", b"") == expected, spec.url_path
        for name in chunk_preload.file_names(spec.draws):
            assert f"<static/js/{name}>; rel=modulepreload".encode() in headers[b"link"]


def test_a_base_url_path_and_a_trailing_slash_still_find_the_page():
    home = chunk_preload.link_header(("map", "chart", "grid")).encode()
    profile = chunk_preload.link_header(("map", "chart")).encode()
    assert _serve("/kmm/", base="kmm")[0][b"link"] == home
    assert _serve("/kmm", base="/kmm/")[0][b"link"] == home
    assert _serve("/kmm/town_profile/", base="kmm")[0][b"link"] == profile
    assert _serve("/town_profile/")[0][b"link"] == profile
    assert b"link" not in _serve("/town_profile", base="kmm")[0]  # outside the base path: not our page


def test_other_answers_pass_untouched():
    assert b"link" not in _serve("/static/js/index.js", b"text/javascript")[0]  # not HTML
    assert b"link" not in _serve("/_stcore/health", b"text/plain")[0]
    assert b"link" not in _serve("/no_such_page")[0]  # not a page of ours
    assert b"link" not in _serve("/", method="HEAD")[0]


def test_a_websocket_passes_through():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])

    asyncio.run(preload_headers.PreloadLinks(app, "")({"type": "websocket", "path": "/_stcore/stream"}, None, None))
    assert seen == ["websocket"]
