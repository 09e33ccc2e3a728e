"""Build documents from plain text for the rule tests: `extract_text(text)` runs the real text
reader, repairs and extractors on it."""

from __future__ import annotations

from dieuhanh.extraction.extractors import extract
from dieuhanh.extraction.readers import read_bytes
from dieuhanh.extraction.result import Extraction


def extract_text(text: str, name: str = "van-ban.txt") -> Extraction:
    return extract(read_bytes(text.encode("utf-8"), name))


def header(kind_line: str, number: str, date_line: str, title: str) -> str:
    return f"UBND TỈNH NAM ĐỊNH\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: {number}\n{date_line}\n\n{kind_line}\n{title}\n\n"
