"""Hypothesis strategies for hostile input, and one check that any parser of visitor input must pass.

Point them at a new parser like this (an upload parser that takes bytes and a file name):

    @given(data=hostile.file_bytes())
    def test_my_parser_never_crashes(data):
        hostile.assert_fails_politely(lambda: parse_upload(data, "x.csv"), user_errors=(UploadError,))

`user_errors` are the exception types the parser uses to tell the visitor what is wrong; anything else
escaping it is a bug (the page would show the error box instead of a useful message).
"""
from __future__ import annotations

import codecs
from collections.abc import Callable

from hypothesis import strategies as st

# Characters that change or hide text direction, join or hide characters, or end strings in C.
BIDI_AND_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b\u200d\ufeff\x00"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEBREW = "אבגדהוזחטיכלמנסעפצקרשת"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
HUGE = 200_000  # characters: far above any sensible field, small enough for a unit test


def bidi_text() -> st.SearchStrategy[str]:
    """Short text mixing Hebrew, Arabic, Latin, digits and direction controls."""
    return st.text(alphabet=st.sampled_from(list(HEBREW + ARABIC + BIDI_AND_INVISIBLE + "abcXYZ019,;=%&?#/ ")),
                   max_size=40)


def formula_text() -> st.SearchStrategy[str]:
    """Cells a spreadsheet would run as a formula."""
    return st.builds(lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS), st.text(max_size=30))


def huge_text() -> st.SearchStrategy[str]:
    return st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "א", ",", "\u202e", "9"]),
                     st.integers(min_value=10_000, max_value=HUGE))


def hostile_text() -> st.SearchStrategy[str]:
    """Any text a visitor could type or put in a link: random unicode, direction controls, formulas,
    huge strings, numbers too big for any type."""
    return st.one_of(
        st.text(max_size=200), bidi_text(), formula_text(), huge_text(),
        st.integers(min_value=-(10**40), max_value=10**40).map(str),
        st.sampled_from(["", " ", ",", ",,,", "%00", "\x00", "nan", "inf", "-0", "1e309", "None", "null"]),
    )


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Text in an encoding a visitor's spreadsheet might have used (or a wrong one)."""
    def encode(value: str, encoding: str, bom: bool) -> bytes:
        data = value.encode(encoding, errors="replace")
        return (codecs.BOM_UTF8 if bom and encoding == "utf-8" else b"") + data
    return st.builds(encode, text, st.sampled_from(["utf-8", "utf-16", "cp1255", "cp1256", "latin-1"]),
                     st.booleans())


def csv_text(max_rows: int = 8, max_cols: int = 5) -> st.SearchStrategy[str]:
    """CSV-shaped text: empty, one cell, ragged rows, quotes, formulas, huge numbers, long cells."""
    cell = st.one_of(st.text(max_size=12), bidi_text(), formula_text(),
                     st.floats(allow_nan=True, allow_infinity=True).map(str),
                     st.integers(min_value=-(10**30), max_value=10**30).map(str), st.just('"'), st.just(""))
    row = st.lists(cell, min_size=0, max_size=max_cols).map(",".join)
    return st.lists(row, min_size=0, max_size=max_rows).map("\n".join)


def file_bytes() -> st.SearchStrategy[bytes]:
    """What an upload can hold: random bytes, CSV in various encodings, empty files, one cell."""
    return st.one_of(st.binary(max_size=2_000), encoded(csv_text()), st.just(b""), st.just(b"x"),
                     st.just(b"\xef\xbb\xbf"), st.just(b"PK\x03\x04" + b"\x00" * 40))


def assert_fails_politely(call: Callable[[], object], user_errors: tuple[type[BaseException], ...] = ()) -> object:
    """Run `call`: it may return, or raise one of `user_errors` with a non-empty message that shows no
    traceback; any other exception fails the test."""
    try:
        return call()
    except user_errors as error:
        message = str(error)
        assert message.strip(), f"{type(error).__name__} with an empty message"
        assert "Traceback" not in message
        return error
