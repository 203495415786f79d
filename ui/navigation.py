"""The app's pages in one registry: app.py builds st.navigation from it and the smoke test iterates it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    url_path: str
    script: str  # relative to the project root
    title_key: str  # message key in ui/messages/<lang>/nav.yml
    icon: str
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "pages/overview.py", "nav.overview", ":material/map:", default=True),
)


def registered_pages() -> tuple[PageSpec, ...]:
    """Only pages whose script exists, so a page under construction never breaks navigation."""
    return tuple(p for p in PAGES if (ROOT / p.script).is_file())
