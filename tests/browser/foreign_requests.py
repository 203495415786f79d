"""Requests a page makes to anyone but the app itself (a font, tile, style or analytics request to another
origin): offline they fail, online they tell a third party who visits. Watched on the whole context."""
from __future__ import annotations

from urllib.parse import urlsplit

# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}
LOOPBACK = {"127.0.0.1", "localhost"}


def foreign_requests(page, app_url: str | None = None) -> list[str]:
    """A list that fills with every request to another origin than `app_url` (or, without it, to a host
    other than this machine), or over another scheme."""
    origin = urlsplit(app_url) if app_url else None

    def is_own(parts) -> bool:
        if origin is None:
            return parts.hostname in LOOPBACK
        return (parts.hostname, parts.port) == (origin.hostname, origin.port)

    seen: list[str] = []

    def check(request):
        parts = urlsplit(request.url)
        if parts.scheme in LOCAL_SCHEMES:
            return
        if parts.scheme not in ("http", "https", "ws", "wss") or not is_own(parts):
            seen.append(request.url)

    # A map's basemap style is fetched from a worker: Playwright has reported it only as a failed request
    # (offline), never through "request", so both are watched, on the whole context.
    page.context.on("request", check)
    page.context.on("requestfailed", check)
    page.on("websocket", lambda ws: check(type("R", (), {"url": ws.url})()))
    return seen
