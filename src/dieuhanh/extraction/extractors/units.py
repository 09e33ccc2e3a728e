"""Names of agencies and units as documents write them ("Sở Khoa học và Công nghệ", "Văn phòng
Sở", "UBND các huyện, thành phố", "Phòng Quản lý khoa học").

- `UNIT_HEAD`: the words an agency or unit name starts with.
- `split_units(text)`: "Sở Tài chính, Sở Nội vụ và UBND các huyện" -> three names. A "và"
  inside a name ("Sở Khoa học và Công nghệ") is kept: a list only splits where the next
  word starts a new name.
- `unit_name_at(text)`: the agency name at the start of a text, cut before the verb that
  follows it ("Sở Tài chính chủ trì ..." -> "Sở Tài chính").
- `coordinating_units(text)`: the units named after "phối hợp với".
- `assignment_units(sentence)`: (lead, coordinating) of "Giao Sở X chủ trì, phối hợp với Sở Y,
  Sở Z ..." and of "Sở X chủ trì, phối hợp với ...".
"""

from __future__ import annotations

import re

from dieuhanh.core.text import fold_chars

# Matched on the text as written, diacritics included: folded, "Bộ" would be "bổ sung", "Trường"
# "Trưởng", "Báo" "báo cáo". Words that start a name but also common phrases are excluded.
UNIT_HEAD = (
    r"(?:các |Các )?(?:[Ss]ở|[Bb]an(?! hành)|[Vv]ăn phòng|UBND|[ỦủUu][ỷỶyY] ban nhân dân|[Cc]ông an|"
    r"[Bb]ộ [Cc]hỉ huy|Bộ(?= [A-ZĐ])|[Tt]hanh tra(?= [A-ZĐ]|\b(?!\s+(?:việc|về|các|chuyên|kiểm|đề|dự)))|"
    r"Đài|Báo(?! cáo)|[Tt]rung tâm|[Cc]ục|[Cc]hi cục|[Pp]hòng(?! (?:chống|cháy|ngừa|thủ|trừ|họp))|"
    r"[Kk]ho bạc|[Bb]ảo hiểm|[Ll]iên minh|Hội(?! (?:nghị|thảo|thi|chợ|diễn))|Trường|[Bb]ệnh viện|"
    r"Viện|[Nn]gân hàng|[Tt]ỉnh đoàn|[Mm]ặt trận|[Đđ]ảng ủy|HĐND|[Hh]ội đồng|[Tt]ổ công tác|"
    r"cơ quan|đơn vị|phòng|sở)"
)
_HEAD = re.compile(r"^" + UNIT_HEAD + r"\b")
# Where a unit name ends: the verb or clause that follows it.
_NAME_END = re.compile(
    r"\s(?:chu tri|phoi hop|thuc hien|tham muu|trien khai|xay dung|huong dan|to chuc|ra soat|bao cao|"
    r"theo doi|don doc|kiem tra|nghien cuu|chi dao|can cu|khan truong|tiep tuc|chiu trach nhiem|"
    r"co trach nhiem|lap|trinh|de xuat|bo tri|cung cap|pho bien|tuyen truyen|giai quyet|quan ly|"
    r"ban hanh|tong hop|gui|hoan thanh|dam bao|tang cuong|phan cong|lam viec|tiep nhan|thong bao|"
    r"cap nhat|sua doi|bo sung|dang ky|du thao|tham dinh|danh gia|xu ly|chuan bi|phe duyet|"
    r"nghiem tuc|quan triet|lien quan|co lien quan|va cac|bo tri|phan bo|huong dan)\b"
)


# "Văn phòng Sở", "Văn phòng UBND tỉnh": the word naming whose unit it is closes the name when
# a verb in lower case follows ("Văn phòng Sở kiểm kê tài sản"); "Sở hữu trí tuệ" is a name.
_OWNER_END = re.compile(r"\b(Sở|tỉnh|huyện|Trung ương)\s+(?!(?:và|các|thành|thị|hữu)\b)[a-zđà-ỹ]")


def is_unit_name(text: str) -> bool:
    return bool(_HEAD.match(text.strip()))


def unit_name_at(text: str) -> str:
    """The unit name the text starts with, or ""."""
    t = text.strip().lstrip("-+•").strip()
    folded = fold_chars(t)
    if not _HEAD.match(t):
        return ""
    end = len(t)
    # A verb ends the name only in lower case: "Phòng Quản lý khoa học" is a name, "quản lý" a verb.
    verb = next(
        (m for m in _NAME_END.finditer(" " + folded[1:] + " ") if t[m.start() + 1 : m.start() + 2].islower()),
        None,
    )
    for m in (verb, re.search(r"[,;:.()]", folded), _OWNER_END.search(t)):
        if m:
            end = min(end, m.end(1) if m.re is _OWNER_END else m.start())
    return t[:end].strip(" ,;:.")


def split_units(text: str) -> list[str]:
    """Split a list of unit names on commas, semicolons, new lines and "và" before a new name."""
    if not text or not text.strip():
        return []
    parts = re.split(r"\s*[;\n]\s*|\s*,\s*(?=\S)", text.strip())
    out: list[str] = []
    for part in parts:
        part = part.strip(" .-+•")
        if not part:
            continue
        pieces = re.split(r"\s+và\s+(?=" + UNIT_HEAD + r"\b)", part)
        for p in pieces:
            p = p.strip(" .")
            if not p:
                continue
            if out and not is_unit_name(p) and len(p.split()) <= 6:
                # "UBND các huyện, thành phố": the comma was inside one name.
                out[-1] = f"{out[-1]}, {p}"
            else:
                out.append(p)
    return out


_GIAO = re.compile(r"^(?:giao(?: cho)?|yeu cau|de nghi|dong y giao)\s+")
_LEAD = re.compile(r"\bchu tri\b")
_COORD = re.compile(r"\bphoi hop(?: chat che)?(?: voi)?\s+")


_COORD_STOP = re.compile(
    r"\s(?:và các|và)?\s?(?:cơ quan|đơn vị)?\s?(?:liên quan|có liên quan)\b|"
    r"\s(?:triển khai|thực hiện|tham mưu|xây dựng|tổ chức|rà soát|hướng dẫn|nghiên cứu|kiểm tra|"
    r"đôn đốc|theo dõi|báo cáo|khắc phục|lập|trình|đề xuất|hoàn thành|sửa đổi|bổ sung|kiện toàn|"
    r"cập nhật|tổng hợp|xử lý|giải quyết|chuẩn bị|đánh giá|đảm bảo|phổ biến|tuyên truyền|bố trí)\b|[.;:(]"
)


def _names_after(text: str, pos: int) -> list[str]:
    rest = text[pos:]
    stop = _COORD_STOP.search(rest)
    names = split_units(rest[: stop.start()] if stop else rest[:200])
    found = [unit_name_at(n) for n in names if is_unit_name(n)]
    return [n for n in found if n]


def coordinating_units(text: str) -> list[str]:
    """The units a text says it works with: "Phối hợp với Văn phòng Sở xây dựng ..."."""
    m = _COORD.search(fold_chars(text))
    return _names_after(text, m.end()) if m else []


def assignment_units(sentence: str) -> tuple[str, list[str]]:
    """(lead unit, coordinating units) of an assignment sentence; ("", []) when it names none."""
    text = sentence.strip().lstrip("-+•").strip()
    folded = fold_chars(text)
    start = 0
    m = _GIAO.match(folded)
    if m:
        start = m.end()
    lead = unit_name_at(text[start:])
    if not lead:
        return "", []
    after = start + len(lead)
    cm = _COORD.search(folded, after)
    coordinating = _names_after(text, cm.end()) if cm and cm.start() - after < 40 else []
    return lead, coordinating
