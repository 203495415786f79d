"""Display names of authorities and indicators in the chosen language, with documented fallbacks."""
from __future__ import annotations

import pandas as pd

# Arabic names exist only for the Negev authorities (data/mappings/authority_names.yml); elsewhere
# Arabic falls back to the English name, then to the official Hebrew name.
_FALLBACKS = {"he": ("name_he",), "en": ("name_en", "name_he"), "ar": ("name_ar", "name_en", "name_he")}


def authority_names(authorities: pd.DataFrame, lang: str) -> dict[str, str]:
    """authority_id -> display name in `lang`."""
    names = pd.Series(pd.NA, index=authorities.index, dtype="object")
    for column in _FALLBACKS[lang]:
        candidate = authorities[column].where(authorities[column].astype("string").str.len() > 0)
        names = names.fillna(candidate)
    return dict(zip(authorities["authority_id"], names, strict=True))


def indicator_names(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(indicators["indicator_id"], indicators[f"name_{lang}"], strict=True))
