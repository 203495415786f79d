"""What every exported file says about itself: title, source, unit, years, date of download, link back."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HeaderBlock:
    """Metadata written above a table or under a chart. `lines` are (label, text) pairs already in the
    reader's language (e.g. ("Source", "CBS — editions 2019, 2021")); `rtl` sets the sheet's direction."""

    title: str
    lines: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    link: str = ""
    link_label: str = "Link"
    rtl: bool = False

    def as_rows(self) -> list[tuple[str, str]]:
        """Every line as (label, text), the link last."""
        rows = [(label, text) for label, text in self.lines if text]
        if self.link:
            rows.append((self.link_label, self.link))
        return rows
