"""Vietnamese text on the way in and for matching.

- `nfc(s)`: Unicode NFC, the form every stored text takes (DOMAIN §9).
- `clean(s)`: NFC plus trimmed, single-spaced; for names, numbers, one-line fields.
- `fold(s)`: lower case without diacritics ("Tỉnh uỷ" and "Tỉnh ủy" both give "tinh uy"), for
  diacritic-insensitive search and fuzzy matching. Never shown to users.
- `fold_chars(s)`: `fold` character by character, keeping the length, so that a match found in
  the folded text is at the same place in the original (for extraction).
- `vi_sort_key(s)`: a key that sorts in Vietnamese alphabetical order (a ă â b c d đ e ê ...).
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")


def nfc(s: str | None) -> str:
    if not s:
        return ""
    return unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", s))


def clean(s: str | None) -> str:
    return _SPACES.sub(" ", nfc(s)).strip()


def fold(s: str | None) -> str:
    """Lower case, no diacritics, đ -> d, single spaces."""
    if not s:
        return ""
    decomposed = unicodedata.normalize("NFD", s.lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", stripped.replace("đ", "d")).strip()


def _fold_char(c: str) -> str:
    base = "".join(x for x in unicodedata.normalize("NFD", c.lower()) if unicodedata.category(x) != "Mn")
    base = base.replace("đ", "d")
    return base if len(base) == 1 else c.lower() if len(c.lower()) == 1 else c


_FOLD_CACHE: dict[str, str] = {}


def fold_chars(s: str | None) -> str:
    """Lower case without diacritics, one character for one: `len(fold_chars(s)) == len(s)`."""
    if not s:
        return ""
    out = []
    cache = _FOLD_CACHE
    for c in s:
        f = cache.get(c)
        if f is None:
            f = cache[c] = _fold_char(c)
        out.append(f)
    return "".join(out)


# Vietnamese alphabet order; tone marks order after the base letter: none, grave, hook,
# tilde, acute, dot below (the order of Vietnamese dictionaries).
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_BASE_RANK = {c: i for i, c in enumerate(_LETTERS)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPES = {"\u0306": "ă", "\u0302": "^", "\u031b": "ư"}


def _letter_key(ch: str) -> tuple[int, int]:
    parts = unicodedata.normalize("NFD", ch.lower())
    base, marks = parts[0], parts[1:]
    tone = 0
    for mark in marks:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark == "\u0306" and base == "a":
            base = "ă"
        elif mark == "\u0302":
            base = {"a": "â", "e": "ê", "o": "ô"}.get(base, base)
        elif mark == "\u031b":
            base = {"o": "ơ", "u": "ư"}.get(base, base)
    if base in _BASE_RANK:
        return (_BASE_RANK[base], tone)
    return (100 + ord(base), tone)


def vi_sort_key(s: str | None) -> tuple:
    """Sort key: letters by the Vietnamese alphabet first, tones only to break ties."""
    text = clean(s).lower()
    keys = [_letter_key(c) for c in text]
    return (tuple(k[0] for k in keys), tuple(k[1] for k in keys))
