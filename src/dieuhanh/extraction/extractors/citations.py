"""Citations in running text (DOMAIN §3): "Công văn số 211/KHCN-VP ngày 02/02/2024 của Sở Khoa
học và Công nghệ", "Kế hoạch số 114-KH/TU ngày 05/01/2024 của Ban Thường vụ Tỉnh ủy".

- `SYMBOL`: the shape of a number/symbol: state documents `14/CT-UBND`, `29/2023/QĐ-TTg`,
  `211/KHCN-VP` (typos such as `107//KH-KHCN` kept), Party documents `114-KH/TU`.
- `find_citations(text)`: every cited document with its type (from the word before "số" or
  from the symbol), date (the date written right after the number) and issuer ("của ...").
- `extract_references(texts, own_number)`: the document's references, one per (number, date);
  a number cited once with its date and once without is one reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dieuhanh.core.symbols import kind_code, parse_symbol, symbol_key
from dieuhanh.core.text import fold_chars
from dieuhanh.extraction.dates import find_dates
from dieuhanh.extraction.result import Reference

_SEG = r"[A-ZĐ][A-Za-zĐđ&]*"
SYMBOL = re.compile(
    r"(?<![\w./-])("
    rf"\d{{1,5}}-{_SEG}/{_SEG}(?:-{_SEG})*"  # Party: 114-KH/TU, 245-BB/TUBG-TULS
    r"|"
    rf"\d{{1,5}}(?:/(?:19|20)\d\d)?/{{1,2}}{_SEG}(?:-{_SEG})*"  # State: 14/CT-UBND, 29/2023/QĐ-TTg
    r")(?![\w/])"
)
_KIND_WORDS = (
    r"(cong van|ke hoach|quyet dinh|chi thi|nghi quyet|thong bao ket luan|thong bao|ket luan|bao cao|"
    r"to trinh|thong tu lien tich|thong tu|nghi dinh|huong dan|de an|chuong trinh|bien ban|cong dien|"
    r"giay moi|quy che|quy dinh|luat|van ban)"
)
_KIND_BEFORE = re.compile(_KIND_WORDS + r"\s*(?:so|so:)?\s*$")
_GAP_TO_DATE = re.compile(r"^[\s,;:(]*(?:ngay|ban hanh ngay)?[\s:]*$")
_ISSUER = re.compile(r"^[\s,]*(?:cua|do)\s+")
_ISSUER_STOP = re.compile(
    r"[,;.:()“\"]|\s(?:ve|v/v|trien khai|thuc hien|quy dinh|ban hanh|phe duyet|dang ky|tai|theo|huong dan|"
    r"doi voi|nham|co|ket luan|tang cuong|chi dao|giao|len|sua doi|to chuc|trong|cho|va cac)\s"
)


def _kind_of(before: str, number: str) -> str | None:
    m = _KIND_BEFORE.search(fold_chars(before[-40:]).rstrip())
    if m:
        code = kind_code(m[1])
        if code:
            return code
        if m[1] == "cong van":
            return "CV"
    parsed = parse_symbol(number)
    return parsed.kind if parsed else None


def find_citations(text: str) -> list[Reference]:
    found: list[Reference] = []
    folded = fold_chars(text)
    for m in SYMBOL.finditer(text):
        number = m[1]
        after = text[m.end() : m.end() + 60]
        date = None
        rest_start = m.end()
        for start, end, d in find_dates(after):
            if _GAP_TO_DATE.match(fold_chars(after[:start])):
                date = d
                rest_start = m.end() + end
            break
        issuer = ""
        tail = folded[rest_start : rest_start + 120]
        im = _ISSUER.match(tail)
        if im:
            body = tail[im.end() :]
            stop = _ISSUER_STOP.search(" " + body + " ")
            cut = max(0, stop.start() - 1) if stop else len(body)
            start = rest_start + im.end()
            issuer = text[start : start + cut].strip()
            if len(issuer.split()) > 10:
                issuer = " ".join(issuer.split()[:10])
        ctx_start = max(0, m.start() - 60)
        found.append(
            Reference(
                number=number,
                date=date,
                kind=_kind_of(text[: m.start()], number),
                issuer=issuer,
                context=text[ctx_start : rest_start + 60].strip(),
            )
        )
    return found


def extract_references(texts: Iterable[str], own_number: str = "") -> list[Reference]:
    own = symbol_key(own_number)
    refs: list[Reference] = []
    seen: dict[tuple[str, object], Reference] = {}
    for text in texts:
        for ref in find_citations(text):
            key = symbol_key(ref.number)
            if not key or key == own or key.startswith("/"):
                continue
            if (key, ref.date) in seen:
                existing = seen[(key, ref.date)]
                existing.issuer = existing.issuer or ref.issuer
                continue
            seen[(key, ref.date)] = ref
            refs.append(ref)
    dated = {symbol_key(r.number) for r in refs if r.date}
    return [r for r in refs if r.date or symbol_key(r.number) not in dated]
