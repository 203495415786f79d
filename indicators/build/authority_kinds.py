"""How CBS files tell a city or local council ("la" ids) from a regional council ("rc" ids): every rule here.

Codes collide between the two families (31 = Ofakim and Nahal Sorek), so every row must be assigned one.
"""
from __future__ import annotations

from indicators.build.cbs_cells import normalise_header
from indicators.build.layout_errors import LayoutError, Where

# The municipal status column ("מעמד מוניציפלי") of the local-authorities files and the 2022 transcription.
# The 2018 budget sheet spells city "עיריה" (one yod).
KIND_OF_STATUS = {"עירייה": "city", "עיריה": "city", "מועצה מקומית": "local_council",
                  "מועצה אזורית": "regional_council"}

# The index tables' status column holds 0 (city) or 99 (local council) beside the locality code, or else
# the regional council's own code with the code column blank.
INDEX_CITY_STATUS, INDEX_LOCAL_COUNCIL_STATUS = 0, 99
# The 2004 peripherality table has one code column and writes regional council 37 as 10037.
RC_CODE_OFFSET_2004 = 10000


def kind_of_status(status, where: Where) -> str:
    """'city' / 'local_council' / 'regional_council' from the status text; an unknown status is an error."""
    text = normalise_header(status)
    if text not in KIND_OF_STATUS:
        raise LayoutError(where, f"unknown municipal status {text!r}; expected one of {list(KIND_OF_STATUS)}")
    return KIND_OF_STATUS[text]


def family_of_kind(kind: str) -> str:
    return "rc" if kind == "regional_council" else "la"


def family_of_status(status, where: Where) -> str:
    """'rc' for a regional council, 'la' for a city or local council, from the status text."""
    return family_of_kind(kind_of_status(status, where))


def index_table_key(status: int | None, code: int | None) -> tuple[str, int] | None:
    """(family, code) of an index-table row keyed by its status column; None when the pair is not a key."""
    if status in (INDEX_CITY_STATUS, INDEX_LOCAL_COUNCIL_STATUS) and code is not None:
        return "la", code
    if status is not None and code is None:
        return "rc", status
    return None


def index_2004_key(code: int) -> tuple[str, int]:
    """(family, code) of a row of the 2004 peripherality table, whose regional councils carry +10000."""
    if code > RC_CODE_OFFSET_2004:
        return "rc", code - RC_CODE_OFFSET_2004
    return "la", code
