"""The document's own metadata from its header and signature block (Nghị định 30/2020, App. I).

`extract_metadata(blocks, tail_lines) -> DocumentInfo`:
- number from "Số: 12/BC-KHCN" (a draft "Số: /BC-KHCN" keeps its kind, has no number);
- kind from that symbol, else from the type name line ("BÁO CÁO", "CHƯƠNG TRÌNH"); a công văn
  has no type name and no kind code in its symbol: "211/KHCN-VP" -> CV;
- place and date from the date line ("Bắc Kạn, ngày 15 tháng 3 năm 2022"); a missing day
  ("ngày tháng 02 năm 2024") gives no date but keeps month and year;
- parent body and issuer from the upper-case header lines ("UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC
  VÀ CÔNG NGHỆ"); title/summary from the lines under the type name, or the "V/v ..." line;
- signer: the authority line ("KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), the title
  under it and the name after the space for the signature.

The header of a Word document is often a two-column table: its cells are read line by line.
"""

from __future__ import annotations

import re

from dieuhanh.core.symbols import KINDS, kind_code, parse_symbol
from dieuhanh.core.text import fold
from dieuhanh.extraction.blocks import Block, Table
from dieuhanh.extraction.dates import date_line
from dieuhanh.extraction.outline import classify
from dieuhanh.extraction.result import DocumentInfo

_NUMBER = re.compile(r"^\s*(?:Số|SỐ|số)\s*[:.]?\s*(?P<num>[^\s,;]*?/[^\s,;]+|\d+[^\s,;]*)\s*$")
_NUMBER_ANY = re.compile(r"(?:Số|SỐ)\s*[:.]\s*(?P<num>\d*\s*/{1,2}\s*[\w/.-]+|\d+-[\w/.-]+)")
_KIND_NAMES = {fold(name).upper(): code for code, name in KINDS.items()}
_AUTHORITY = re.compile(r"^(KT|TL|TM|TUQ|Q|KT\.TM|TM\.?KT)\s*\.?\s*(.+)$")
_ROLE_WORDS = re.compile(
    r"^(GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|CHỦ TỊCH|PHÓ CHỦ TỊCH|TRƯỞNG|"
    r"PHÓ TRƯỞNG|CHI CỤC TRƯỞNG|CHÁNH THANH TRA|BỘ TRƯỞNG|THỨ TRƯỞNG|BÍ THƯ|PHÓ BÍ THƯ|"
    r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|BAN THƯỜNG VỤ|THƯỜNG TRỰC|CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG)\b"
)
_HEADER_BODY = re.compile(
    r"^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|SỞ|BỘ|TỈNH ỦY|TỈNH UỶ|BAN|VĂN PHÒNG|HĐND|HỘI ĐỒNG|CỤC|"
    r"CHI CỤC|THANH TRA|TRUNG TÂM|ĐẢNG ỦY|ĐẢNG BỘ|HUYỆN ỦY|THÀNH ỦY|UBND)\b"
)
_MOTTO = re.compile(r"(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP)")
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?: [A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,4}$")


def _lines(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    out.extend(x.strip() for x in cell.split("\n") if x.strip())
        elif b.text:
            out.extend(x.strip() for x in b.text.split("\n") if x.strip())
    return out


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def extract_metadata(blocks: list[Block], tail_lines: list[str] | None = None) -> DocumentInfo:
    info = DocumentInfo()
    head = _lines(blocks[:40])
    title_at: int | None = None
    for i, line in enumerate(head[:60]):
        if not info.number and not info.kind:
            m = _NUMBER.match(line) or _NUMBER_ANY.search(line)
            if m:
                raw = re.sub(r"\s+", "", m["num"])
                parsed = parse_symbol(raw)
                if parsed:
                    info.number = raw if parsed.number else ""
                    info.kind = parsed.kind
                continue
        if not info.place:
            dl = date_line(line)
            if dl:
                info.place, info.date, info.date_month, info.date_year = dl.place, dl.date, dl.month, dl.year
                continue
        upper = fold(line).upper().rstrip(":")
        if title_at is None and upper in _KIND_NAMES and _is_upper(line):
            code = _KIND_NAMES[upper]
            if info.kind in (None, "CV") or info.kind == code:
                info.kind = code
            info.kind_name = line.strip()
            title_at = i
            continue
        if title_at is None and not info.summary and re.match(r"^(V/v|V/V|Về việc)\b", line):
            info.summary = line.strip()
        if title_at is None and _is_upper(line) and _HEADER_BODY.match(line) and not _MOTTO.search(line):
            if not info.parent_body and re.match(r"^(UBND|ỦY BAN|UỶ BAN|BỘ|TỈNH ỦY|TỈNH UỶ)", line) and not info.issuer:
                info.parent_body = line.strip()
            elif not info.issuer:
                info.issuer = line.strip()
    if title_at is not None:
        parts: list[str] = []
        for line in head[title_at + 1 : title_at + 5]:
            if classify(line)[0] is not None or re.match(r"^(Căn cứ|Kính gửi|Ngày|Thực hiện|Trên cơ sở)", line):
                break
            if len(line) > 300 or line.startswith(("-", "+")):
                break
            parts.append(line.strip())
            if not _is_upper(line) and len(" ".join(parts)) > 40:
                break
        info.title = " ".join(parts)
        info.summary = info.summary or info.title
    if info.kind is None and info.summary:
        info.kind = "CV"
    if info.kind and not info.kind_name:
        info.kind_name = KINDS.get(info.kind, "")
    _signature(info, tail_lines if tail_lines is not None else _lines(blocks[-30:]))
    return info


def _signature(info: DocumentInfo, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        text = line.strip()
        m = _AUTHORITY.match(text)
        is_role = bool(_ROLE_WORDS.match(text)) and _is_upper(text)
        if not (m and _is_upper(m[2]) and _ROLE_WORDS.match(m[2].strip())) and not is_role:
            continue
        if m and _ROLE_WORDS.match(m[2].strip()):
            info.authority = f"{m[1]}. {m[2].strip()}"
            rest = lines[i + 1 : i + 6]
        else:
            rest = lines[i : i + 6]
        for nxt in rest:
            nxt = nxt.strip()
            if _is_upper(nxt) and _ROLE_WORDS.match(nxt):
                info.signer_title = nxt
                continue
            if _NAME.match(nxt):
                info.signer = nxt
                break
        if info.signer:
            if not info.signer_title and info.authority:
                info.signer_title = info.authority.split(". ", 1)[-1]
            return


def kind_from_title(text: str) -> str | None:
    return kind_code(text)
