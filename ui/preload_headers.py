"""The page's heavy bundles announced with the page itself: an HTTP `Link: <...>; rel=modulepreload` header on
the HTML of each page path, so the browser fetches and compiles the map, chart and grid code while it is still
loading Streamlit's own, before the websocket opens (the `<link>` tags of ui/chunk_preload.py act only once the
page's first element is drawn, by when the script has usually sent the map too).

An ASGI middleware that app.py adds to its st.App. It only adds a header to HTML answers of GET requests for a
known page's path (under the server's base URL path, if one is set; "" is the home page); every other request
passes through untouched."""
from __future__ import annotations

from streamlit import config

from ui import chunk_preload
from ui.navigation import registered_pages


def page_links() -> dict[str, bytes]:
    """Path segment of each page -> its Link header value (pages that draw nothing heavy get none)."""
    by_path = {}
    for spec in registered_pages():
        header = chunk_preload.link_header(spec.draws)
        if header:
            by_path["" if spec.default else spec.url_path] = header.encode("ascii")
    return by_path


class PreloadLinks:
    def __init__(self, app, base_url_path: str | None = None):
        self.app = app
        self.links = page_links()
        base = config.get_option("server.baseUrlPath") if base_url_path is None else base_url_path
        self.base = "/" + base.strip("/") if base.strip("/") else ""

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        link = self.links.get(page_segment(scope.get("path", ""), self.base))
        if link is None:
            await self.app(scope, receive, send)
            return

        async def send_with_link(message):
            if message["type"] == "http.response.start" and _is_html(message.get("headers", [])):
                message = {**message, "headers": [*message["headers"], (b"link", link)]}
            await send(message)

        await self.app(scope, receive, send_with_link)


def page_segment(path: str, base: str) -> str | None:
    """The page part of a request path under `base` ("" for the home page), None outside `base`."""
    if base:
        if path != base and not path.startswith(base + "/"):
            return None
        path = path[len(base):]
    return path.strip("/")


def _is_html(headers) -> bool:
    return any(name.lower() == b"content-type" and value.startswith(b"text/html") for name, value in headers)
