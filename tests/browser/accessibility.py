"""axe-core checks (bundled with axe-playwright-python, so offline) on a rendered page."""
from __future__ import annotations

import json
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

# Our own content: the main block and the sidebar widgets; Streamlit's chrome (toolbar, header) is
# reported by the whole-page scan but not failed on, since we do not control its markup.
OWN_CONTENT = {"include": [['[data-testid="stMain"]'], ['[data-testid="stSidebarUserContent"]']]}
BLOCKING = {"serious", "critical"}
_AXE = Axe()


def axe_violations(page, context=OWN_CONTENT) -> list[dict]:
    return _AXE.run(page, context=context).response["violations"]


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v.get("impact") in BLOCKING]


def summary(violations: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for violation in violations:
        counts[violation.get("impact") or "none"] = counts.get(violation.get("impact") or "none", 0) + 1
    return counts


def record(artifacts_dir: Path, name: str, violations: list[dict]) -> None:
    """Keep the full axe report beside the screenshots for review."""
    brief = [{"id": v["id"], "impact": v.get("impact"), "help": v.get("help"),
              "targets": [n.get("target") for n in v.get("nodes", [])][:5]} for v in violations]
    (artifacts_dir / f"axe-{name}.json").write_text(json.dumps(brief, ensure_ascii=False, indent=1))
