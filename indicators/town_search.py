"""Finding an authority by a typed name in Hebrew, English or Arabic (the home page's town search).

Names and queries are compared after folding away what people type differently: case, accents, Hebrew
niqqud and Arabic harakat, quotes and geresh ("Be'er" = "Beer"), dashes and spaces ("Ar'ara BaNegev" =
"ערערה-בנגב"), Hebrew final letters, doubled yod/vav ("קרית" = "קריית") and Arabic letter variants
(أ/إ/آ = ا, ة = ه, ى = ي, ئ = ي, so "بير السبع" finds "بئر السبع")."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

NAME_COLUMNS = ("name_he", "name_en", "name_ar")
MAX_QUERY = 100  # longer input is cut: no name is anywhere near as long
_DROPPED = "'\"`´‘’‚‛“”„׳״ـ"  # quotes, geresh, gershayim, Arabic tatweel
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―־_.,/()]+")  # spaces, dashes, Hebrew maqaf, punctuation
_FOLD = str.maketrans({"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ",
                       "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و"})
_DOUBLED = re.compile(r"([יו])\1+")
# How well a name matches, best first: the whole name, its beginning, a word's beginning, anywhere.
EXACT, PREFIX, WORD, INSIDE = range(4)


def normalise(text: str) -> str:
    """Folded text with words separated by single spaces ("" for nothing searchable)."""
    decomposed = unicodedata.normalize("NFKD", str(text)[:MAX_QUERY].casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in _DROPPED)
    folded = _DOUBLED.sub(r"\1", bare.translate(_FOLD))
    return _SEPARATORS.sub(" ", folded).strip()


@dataclass(frozen=True)
class TownKey:
    """One authority's searchable names, folded once."""
    authority_id: str
    names: tuple[str, ...]


def build_index(authorities: pd.DataFrame, order: Iterable[str]) -> tuple[TownKey, ...]:
    """The authorities in `order` (ties in a search keep it) with their names in every language."""
    rows = authorities.set_index("authority_id")
    keys = []
    for authority_id in order:
        names = (rows.at[authority_id, column] for column in NAME_COLUMNS if column in rows)
        folded = {normalise(name) for name in names if isinstance(name, str) and name.strip()}
        keys.append(TownKey(authority_id, tuple(sorted(folded - {""}))))
    return tuple(keys)


def match_rank(name: str, query: str) -> int | None:
    """EXACT..INSIDE for a folded name and query, None when it does not match. Spaces are ignored for
    the whole-name and anywhere comparisons ("beersheva" finds "be'er sheva")."""
    compact_name, compact_query = name.replace(" ", ""), query.replace(" ", "")
    if compact_name == compact_query:
        return EXACT
    if compact_name.startswith(compact_query):
        return PREFIX
    if f" {query}" in f" {name}":
        return WORD
    # A letter or two inside a word matches too much to help.
    if len(compact_query) > 2 and compact_query in compact_name:
        return INSIDE
    return None


def _matches(index: tuple[TownKey, ...], folded: str) -> list[tuple[int, int, str]]:
    """(best rank, position in the index, id) of every authority with a name matching `folded`."""
    found = []
    for position, key in enumerate(index):
        ranks = [rank for name in key.names if (rank := match_rank(name, folded)) is not None]
        if ranks:
            found.append((min(ranks), position, key.authority_id))
    return found


def search(index: tuple[TownKey, ...], query: str, limit: int = 8) -> list[str]:
    """The ids of the authorities whose name in any language matches `query`, best match first."""
    folded = normalise(query)
    if not folded:
        return []
    return [authority_id for _, _, authority_id in sorted(_matches(index, folded))[:limit]]


def unambiguous(index: tuple[TownKey, ...], query: str) -> str | None:
    """The one authority `query` can only mean: the only match, or the only one whose whole name it is."""
    folded = normalise(query)
    matches = _matches(index, folded) if folded else []
    exact = [authority_id for rank, _, authority_id in matches if rank == EXACT]
    if len(exact) == 1:
        return exact[0]
    return matches[0][2] if len(matches) == 1 else None
