"""Document numbers and symbols (DOMAIN §3)."""

from __future__ import annotations

import pytest

from dieuhanh.core.symbols import kind_code, parse_symbol, symbol_key


@pytest.mark.parametrize(
    ("raw", "number", "year", "kind", "issuer"),
    [
        ("181/UBND-KGVX", "181", None, "CV", "UBND-KGVX"),
        ("16/KH-UBND", "16", None, "KH", "UBND"),
        ("114-KH/TU", "114", None, "KH", "TU"),
        ("2686-CV/TU", "2686", None, "CV", "TU"),
        ("29/2023/QĐ-TTg", "29", 2023, "QĐ", "TTG"),
        ("43/2022/NQ-HĐND", "43", 2022, "NQ", "HĐND"),
        ("/BC-KHCN", "", None, "BC", "KHCN"),
        ("1661//KH-CN-VP", "1661", None, "KH", "CN-VP"),
        ("209/QĐUBND", "209", None, "QĐ", "UBND"),
        ("12/CTr-KHCN", "12", None, "CTr", "KHCN"),
        ("7/KL-TTr", "7", None, "KL", "TTR"),
        ("211/KHCN-VP", "211", None, "CV", "KHCN-VP"),
    ],
)
def test_parse_symbol(raw, number, year, kind, issuer):
    symbol = parse_symbol(raw)
    assert (symbol.number, symbol.year, symbol.kind, symbol.issuer) == (number, year, kind, issuer)


def test_party_documents_are_recognised():
    assert parse_symbol("114-KH/TU").is_party
    assert not parse_symbol("16/KH-UBND").is_party


@pytest.mark.parametrize(
    ("a", "b"),
    [("107//KH-KHCN", "107/KH-KHCN"), ("29/2023/qđ-TTg", "29/2023/QĐ-TTG"), (" 16 / KH-UBND.", "16/KH-UBND")],
)
def test_matching_keys_ignore_case_spaces_and_doubled_slashes(a, b):
    assert symbol_key(a) == symbol_key(b)


def test_decomposed_diacritics_match_composed():
    assert symbol_key("29/2023/QD\u0331-TTg") != symbol_key("29/2023/QĐ-TTg")  # not the same letter
    assert symbol_key("43/2022/NQ-HĐND") == symbol_key("43/2022/NQ-H\u0110ND")


@pytest.mark.parametrize("raw", ["", "   ", "hello", "Số:", "V/v"])
def test_text_that_is_not_a_symbol(raw):
    assert parse_symbol(raw) is None or parse_symbol(raw).number == ""


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kế hoạch", "KH"),
        ("KẾ HOẠCH", "KH"),
        ("kế hoạch số", "KH"),
        ("Quyết định", "QĐ"),
        ("TTr", "TTr"),
        ("Thông báo kết luận", "TB"),
        ("Công văn", "CV"),
        ("Chương trình", "CTr"),
        ("bài thơ", None),
    ],
)
def test_kind_code_from_name_or_code(text, code):
    assert kind_code(text) == code
