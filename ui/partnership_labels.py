"""The partnership tool's vocabulary in the page's language: labels for sectors, roles, steps, traits,
bands and directions, and the column headers shared by the editors and the downloads."""
from __future__ import annotations

from ui.i18n import translate


class Vocabulary:
    def __init__(self, lang: str):
        self.lang = lang

    def t(self, key: str, **values) -> str:
        return translate(self.lang, f"partnerships.{key}", **values)

    def label(self, kind: str, code) -> str:
        """kind: sector, role, step, trait, trait_short, band, direction. An empty code gives ""."""
        if code is None or code != code:  # None or NaN
            return ""
        return self.t(f"{kind}_{code}")

    def column(self, name: str) -> str:
        return self.t(f"col_{name}")

    def columns(self, names) -> dict[str, str]:
        return {name: self.column(name) for name in names}
