"""Authority names fall back sensibly when a language has no name."""
import pandas as pd

from indicators.names import authority_names


def test_arabic_falls_back_to_english_then_hebrew():
    frame = pd.DataFrame({"authority_id": ["a", "b", "c"], "name_he": ["רהט", "חיפה", "ישוב"],
                          "name_en": ["Rahat", "Haifa", None], "name_ar": ["رهط", None, None]})
    assert authority_names(frame, "ar") == {"a": "رهط", "b": "Haifa", "c": "ישוב"}
    assert authority_names(frame, "en") == {"a": "Rahat", "b": "Haifa", "c": "ישוב"}
    assert authority_names(frame, "he")["b"] == "חיפה"
