"""Every UI message exists in Hebrew, English and Arabic with the same placeholders."""
import string

import pytest

from indicators.settings import LANGUAGES
from ui.i18n import load_catalogue, resolve_language, text_direction, translate


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_exists_in_every_language():
    keys = {lang: set(load_catalogue(lang)) for lang in LANGUAGES}
    union = set().union(*keys.values())
    for lang in LANGUAGES:
        assert union - keys[lang] == set(), f"missing in {lang}"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_placeholders_match_hebrew(lang):
    hebrew = load_catalogue("he")
    for key, text in load_catalogue(lang).items():
        assert _placeholders(text) == _placeholders(hebrew[key]), key


def test_no_empty_messages():
    for lang in LANGUAGES:
        assert all(text.strip() for text in load_catalogue(lang).values()), lang


def test_translate_fills_placeholders_and_falls_back():
    assert "«zz»" in translate("he", "common.invalid_param", param="lang", value="zz")
    assert translate("ar", "no.such_key") == "no.such_key"


def test_language_resolution():
    assert resolve_language("ar") == ("ar", True)
    assert resolve_language(None) == ("he", True)
    assert resolve_language("fr") == ("he", False)
    assert text_direction("he") == "rtl" and text_direction("ar") == "rtl" and text_direction("en") == "ltr"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fast_loader_reads_the_catalogues_as_the_reference_loader_does(lang):
    """The catalogues are read with libyaml's loader for speed; it must give the very same texts."""
    import yaml

    from ui.i18n import _LOADER, MESSAGES_DIR

    assert _LOADER is yaml.CSafeLoader  # PyYAML's wheels bundle libyaml; without it start-up is ~0.4 s slower
    for path in sorted((MESSAGES_DIR / lang).glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=_LOADER) == yaml.safe_load(text), path.name
