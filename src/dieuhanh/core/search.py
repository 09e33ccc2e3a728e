"""Diacritic-insensitive search by word prefix (DOMAIN §9: "tinh uy" finds "Tỉnh ủy").

Text is folded (lower case, no diacritics, đ -> d) and cut into words at anything that is not a
letter or digit, so "181/UBND-KGVX" gives the words 181, ubnd, kgvx. A record's searchable
text is stored once as " word word ... " (`search_blob`); a query matches when every one of its
words begins a word of the record (`search_q`): "tinh uy" finds "Tỉnh ủy" but not "tỉnh Thái
Nguyên", and "181/ubnd" finds "181/UBND-KGVX".

Public: `search_words`, `search_blob`, `search_q`.
"""

from __future__ import annotations

import re

from django.db.models import Q

from dieuhanh.core.text import fold

_NON_WORD = re.compile(r"[^0-9a-z]+")


def search_words(text: str | None) -> list[str]:
    return [w for w in _NON_WORD.split(fold(text)) if w]


def search_blob(*parts: str | None) -> str:
    words = search_words(" ".join(p for p in parts if p))
    return f" {' '.join(words)} " if words else ""


def search_q(text: str | None, field: str = "search_text") -> Q:
    condition = Q()
    for word in dict.fromkeys(search_words(text)):
        condition &= Q(**{f"{field}__contains": f" {word}"})
    return condition
