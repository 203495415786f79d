"""Checks for the partnership tool's three tables (actors, relationships, health-check scores), shared
by uploads and by the page's editable tables: each problem is a TableIssue naming the file or table, the
row as the user sees it, the column, what was found and what was expected; rendered by message keys."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from indicators.tools.partnerships import (
    ACTOR_COLUMNS,
    RELATIONSHIP_COLUMNS,
    ROLES,
    SCORE_COLUMNS,
    SCORE_MAX,
    SCORE_MIN,
    SECTORS,
    STEPS,
    TRAITS,
    empty_table,
    scores_table,
)


@dataclass(frozen=True)
class TableIssue:
    """One problem. `code` picks the message (partnerships.issue_<code>); row is 1-based as the user sees
    it (in a file the header is row 1); column is the header as the user sees it; found/expected are
    plain text to show, or empty. Check functions number rows by the table's index (its position for a
    RangeIndex), so a part of a file keeps the file's row numbers."""

    code: str
    file: str
    row: int | None = None
    column: str | None = None
    found: str = ""
    expected: str = ""


def normalise(text: str) -> str:
    """For matching headers and values: case, underscores, hyphens, quote marks and spacing ignored."""
    text = str(text).replace("\ufeff", "").strip().lower()
    text = re.sub(r"[_\-]+", " ", text)
    text = re.sub(r"[\"'׳״`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


# Accepted spellings of each value, beside the code itself and its 1-based position. The labels the
# page shows (ui/messages/*/partnerships.yml) must be among them: a test checks, so exported files re-import.
VALUE_ALIASES = {
    "sector": {
        "public": ("Public", "Public sector", "ציבורי", "המגזר הציבורי", "מגזר ציבורי", "عام", "القطاع العام"),
        "business": ("Business", "Business sector", "Private", "עסקי", "המגזר העסקי", "מגזר עסקי", "أعمال",
                     "قطاع الأعمال", "القطاع الخاص"),
        "civil_society": ("Civil society", "Third sector", "NGO", "חברה אזרחית", "המגזר השלישי", "מגזר שלישי",
                          "مجتمع مدني", "المجتمع المدني"),
        "community": ("Community", "קהילה", "הקהילה", "مجتمع محلي", "المجتمع المحلي"),
    },
    "role": {
        "integrator": ("Integrator", "Integrating body", "גוף מתכלל", "מתכלל", "جهة تكاملية", "الجهة المُكاملة",
                       "الجهة المكاملة"),
        "partner": ("Partner", "שותף", "שותפה", "شريك"),
        "funder": ("Funder", "מממן", "גורם מממן", "ממן", "ممول", "جهة ممولة"),
        "advisor": ("Advisor", "Adviser", "יועץ", "גורם מייעץ", "مستشار", "جهة استشارية"),
    },
    "step": {
        "disconnection": ("Disconnection", "נתק", "انقطاع"),
        "competition": ("Competition", "תחרות", "تنافس", "منافسة"),
        "informing": ("Informing", "Information", "יידוע", "ידוע", "إعلام", "تبادل المعلومات"),
        "coordination": ("Coordination", "תאום", "תיאום", "تنسيق"),
        "cooperation": ("Cooperation", "שיתוף פעולה", "שתוף פעולה", "تعاون"),
        "partnership": ("Partnership", "שותפות", "شراكة"),
    },
    "trait": {
        "shared_goals": ("Shared sustainable-development goals", "Shared goals", "מטרות משותפות של פיתוח מקיים",
                         "מטרות משותפות", "أهداف مشتركة للتنمية المستدامة", "أهداف مشتركة"),
        "added_value": ("Each partner's added value", "Added value", "הערך המוסף של כל שותף", "ערך מוסף",
                        "القيمة المضافة لكل شريك", "القيمة المضافة"),
        "measurable_outcomes": ("Clear, measurable outcomes", "Measurable outcomes", "תוצאות ברורות ומדידות",
                                "نتائج واضحة وقابلة للقياس"),
        "voluntary_respect": ("Voluntary and respectful", "וולונטרית ומכבדת", "וולונטרי ומכבד",
                              "طوعية ومحترمة"),
        "integrated_approach": ("Integrated economic–social–environmental approach", "Integrated approach",
                                "גישה אינטגרטיבית: כלכלה, חברה וסביבה", "גישה אינטגרטיבית",
                                "نهج متكامل: اقتصادي واجتماعي وبيئي", "نهج متكامل"),
        "all_sectors_early": ("All three sectors from an early stage", "כל שלושת המגזרים משלב מוקדם",
                              "القطاعات الثلاثة منذ مرحلة مبكرة"),
        "transparency": ("Transparency and accountability", "שקיפות ואחריותיות", "שקיפות ואחריות",
                         "الشفافية والمساءلة"),
        "agreed_funding": ("Agreed funding", "Funding arrangements", "הסדרי מימון מוסכמים", "הסדרי מימון",
                           "ترتيبات تمويل متفق عليها", "ترتيبات التمويل"),
    },
}
CODES = {"sector": SECTORS, "role": ROLES, "step": STEPS, "trait": TRAITS}


def _value_lookup(kind: str) -> dict[str, str]:
    lookup = {}
    for position, code in enumerate(CODES[kind], start=1):
        for spelling in (code, str(position), *VALUE_ALIASES[kind][code]):
            lookup[normalise(spelling)] = code
    return lookup


_LOOKUPS = {kind: _value_lookup(kind) for kind in CODES}


def code_of(kind: str, value) -> str | None:
    """The code for a typed or uploaded value (any accepted spelling), or None when it is not one."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return _LOOKUPS[kind].get(normalise(value))


def expected_codes(kind: str) -> str:
    return ", ".join(CODES[kind])


def town_lookup(authorities: pd.DataFrame) -> dict[str, str]:
    """authority_id, and each name in Hebrew, English and Arabic, -> authority_id."""
    lookup = {}
    for row in authorities.itertuples():
        for spelling in (row.authority_id, row.name_he, row.name_en, row.name_ar):
            if isinstance(spelling, str) and spelling.strip():
                lookup.setdefault(normalise(spelling), row.authority_id)
    return lookup


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _cell_text(value) -> str | None:
    return None if _blank(value) else str(value).strip()


@dataclass(frozen=True)
class Where:
    """How rows and columns of a table are named to the user: the file (or table) name, the first data
    row's number, and the header shown for each canonical column."""

    file: str
    first_row: int
    headers: dict[str, str]

    def issue(self, code: str, position: int | None = None, column: str | None = None, found="", expected=""):
        row = None if position is None else self.first_row + position
        return TableIssue(code, self.file, row, self.headers.get(column, column) if column else None,
                          "" if found is None else str(found), expected)


def check_actors(table: pd.DataFrame, where: Where, towns: dict[str, str]) -> tuple[pd.DataFrame, list[TableIssue]]:
    """Rows with a name become actors. Rules: a name is required and unique; sector is one of SECTORS;
    role one of ROLES (empty means partner); town, when given, is an authority (id or name). Rows left
    entirely empty are skipped silently (a data editor's spare row)."""
    issues, kept, seen = [], [], {}
    for position, row in zip(table.index, table.to_dict("records"), strict=True):
        if all(_blank(row.get(c)) for c in ACTOR_COLUMNS):
            continue
        name = _cell_text(row.get("name"))
        ok = True
        if name is None:
            issues.append(where.issue("missing_value", position, "name"))
            ok = False
        elif normalise(name) in seen:
            issues.append(where.issue("duplicate_actor", position, "name", name, str(seen[normalise(name)])))
            ok = False
        sector = code_of("sector", row.get("sector"))
        if sector is None:
            found = _cell_text(row.get("sector"))
            issues.append(where.issue("bad_sector" if found else "missing_value", position, "sector", found,
                                      expected_codes("sector")))
            ok = False
        role = code_of("role", row.get("role")) if not _blank(row.get("role")) else "partner"
        if role is None:
            issues.append(where.issue("bad_role", position, "role", row.get("role"), expected_codes("role")))
            ok = False
        town = None
        if not _blank(row.get("town")):
            town = towns.get(normalise(row["town"]))
            if town is None:
                issues.append(where.issue("unknown_town", position, "town", row["town"]))
                ok = False
        if ok:
            seen[normalise(name)] = where.first_row + position
            kept.append({"name": name, "sector": sector, "town": town, "role": role})
    frame = pd.DataFrame(kept, columns=list(ACTOR_COLUMNS)) if kept else empty_table(ACTOR_COLUMNS)
    return frame, issues


def check_relationships(table: pd.DataFrame, where: Where,
                        actor_names: list[str]) -> tuple[pd.DataFrame, list[TableIssue]]:
    """Rules: both actors are in the register (matched by name, case and spacing ignored); an actor has no
    relationship with itself; step is one of the six; one relationship per pair of actors (either order)."""
    names = {normalise(n): n for n in actor_names}
    issues, kept, pairs = [], [], {}
    for position, row in zip(table.index, table.to_dict("records"), strict=True):
        if all(_blank(row.get(c)) for c in RELATIONSHIP_COLUMNS):
            continue
        ok, ends = True, []
        for column in ("actor_a", "actor_b"):
            text = _cell_text(row.get(column))
            if text is None:
                issues.append(where.issue("missing_value", position, column))
                ok = False
            elif normalise(text) not in names:
                issues.append(where.issue("unknown_actor", position, column, text))
                ok = False
            else:
                ends.append(names[normalise(text)])
        step = code_of("step", row.get("step"))
        if step is None:
            found = _cell_text(row.get("step"))
            issues.append(where.issue("bad_step" if found else "missing_value", position, "step", found,
                                      expected_codes("step")))
            ok = False
        if len(ends) == 2 and ends[0] == ends[1]:
            issues.append(where.issue("self_relationship", position, "actor_b", ends[1]))
            ok = False
        elif len(ends) == 2:
            pair = frozenset(ends)
            if pair in pairs:
                issues.append(where.issue("duplicate_relationship", position, "actor_b", " – ".join(ends),
                                          str(pairs[pair])))
                ok = False
            else:
                pairs[pair] = where.first_row + position
        if ok:
            kept.append({"actor_a": ends[0], "actor_b": ends[1], "step": step, "note": _cell_text(row.get("note"))})
    frame = pd.DataFrame(kept, columns=list(RELATIONSHIP_COLUMNS)) if kept else empty_table(RELATIONSHIP_COLUMNS)
    return frame, issues


def parse_score(value) -> int | None | str:
    """An integer 1–5, None for an empty cell, or "bad" for anything else (text, 3.5, 0, 6)."""
    if _blank(value):
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return "bad"
    if number != int(number) or not SCORE_MIN <= number <= SCORE_MAX:
        return "bad"
    return int(number)


def check_scores(table: pd.DataFrame, where: Where) -> tuple[pd.DataFrame, list[TableIssue]]:
    """Rules: a respondent and a trait on every row; the trait one of the eight; the score a whole number
    1–5 or empty (not scored); one row per respondent and trait."""
    issues, kept, pairs = [], [], {}
    for position, row in zip(table.index, table.to_dict("records"), strict=True):
        if all(_blank(row.get(c)) for c in SCORE_COLUMNS):
            continue
        ok = True
        respondent = _cell_text(row.get("respondent"))
        if respondent is None:
            issues.append(where.issue("missing_value", position, "respondent"))
            ok = False
        trait = code_of("trait", row.get("trait"))
        if trait is None:
            found = _cell_text(row.get("trait"))
            issues.append(where.issue("bad_trait" if found else "missing_value", position, "trait", found,
                                      expected_codes("trait")))
            ok = False
        score = parse_score(row.get("score"))
        if score == "bad":
            issues.append(where.issue("bad_score", position, "score", row.get("score"), f"{SCORE_MIN}–{SCORE_MAX}"))
            ok = False
        if ok:
            pair = (normalise(respondent), trait)
            if pair in pairs:
                issues.append(where.issue("duplicate_score", position, "trait", f"{respondent} · {trait}",
                                          str(pairs[pair])))
                continue
            pairs[pair] = where.first_row + position
            kept.append({"respondent": respondent, "trait": trait, "score": score, "note": _cell_text(row.get("note"))})
    return scores_table(kept), issues


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _cell_text(value)
    if text is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
