"""Vietnamese text normalisation, folding and sorting (DOMAIN §9)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dieuhanh.core.text import clean, fold, nfc, vi_sort_key


def test_old_and_new_tone_placement_fold_alike():
    assert fold("Tỉnh uỷ") == fold("Tỉnh ủy") == "tinh uy"
    assert fold("hoà") == fold("hòa") == "hoa"


def test_d_stroke_folds_to_d():
    assert fold("Đo lường") == "do luong"


def test_clean_collapses_spaces_and_zero_width_characters():
    assert clean("  Sở\u200b  Khoa\nhọc ") == "Sở Khoa học"


def test_vietnamese_alphabetical_order():
    words = ["Đào", "Dương", "Ánh", "Bình", "Ân", "An", "Ăn", "Cường"]
    assert sorted(words, key=vi_sort_key) == ["An", "Ánh", "Ăn", "Ân", "Bình", "Cường", "Dương", "Đào"]


@given(st.text())
def test_nfc_is_idempotent_and_normal(text):
    once = nfc(text)
    assert nfc(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.text())
def test_fold_has_no_combining_marks(text):
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", fold(text)) if c.isalpha())


def test_search_matches_word_starts_not_any_substring():
    from dieuhanh.core.search import search_blob, search_words

    blob = search_blob("Ban Thường vụ Tỉnh uỷ", "181/UBND-KGVX")
    assert all(f" {w}" in blob for w in search_words("tinh uy"))
    assert all(f" {w}" in blob for w in search_words("181/ubnd"))
    nguyen = search_blob("giữa hai tỉnh Bắc Giang và tỉnh Thái Nguyên")
    assert not all(f" {w}" in nguyen for w in search_words("tinh uy"))
