"""Unit names as documents write them, matched to an organisation's units (pure, no database).

Matching is diacritic-insensitive and fuzzy (rapidfuzz): "Trung tâm ứng dụng KH&CN" finds
"Trung tâm Ứng dụng Khoa học và Công nghệ", "Văn phòng" finds "Văn phòng Sở", "Tỉnh uỷ" and
"Tỉnh ủy" are one. Common abbreviations are expanded first. A name that matches no unit well
enough is returned unmatched: the person decides, nothing is dropped.

- `normalise(name)`: the form compared.
- `match_unit(name, units)`: the best `(unit_id, unit_name, score)` of `units` (pairs of id and
  name), or None below `THRESHOLD`.
- `match_units(names, units)`: `UnitMatch` for each name, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dieuhanh.core.text import fold

THRESHOLD = 88.0

_ABBREVIATIONS = {
    r"kh\s*&\s*cn|khcn|kh-cn": "khoa hoc va cong nghe",
    r"tc\s*-?\s*dl\s*-?\s*cl|tdc|tcdlcl": "tieu chuan do luong chat luong",
    r"shtt": "so huu tri tue",
    r"qlkh": "quan ly khoa hoc",
    r"ubnd": "uy ban nhan dan",
    r"hdnd": "hoi dong nhan dan",
    r"cntt": "cong nghe thong tin",
}


def normalise(name: str) -> str:
    s = fold(name).replace("-", " ")
    for pattern, full in _ABBREVIATIONS.items():
        s = re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", full, s)
    s = re.sub(r"[^\w ]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    # The department's own name closes many unit names ("Văn phòng Sở", "Thanh tra Sở").
    return re.sub(r" so$", "", s)


@dataclass(frozen=True)
class UnitMatch:
    name: str  # as written in the document
    unit_id: int | None
    unit_name: str
    score: float

    @property
    def matched(self) -> bool:
        return self.unit_id is not None


def match_unit(name: str, units: Iterable[tuple[int, str]]) -> tuple[int, str, float] | None:
    from rapidfuzz import fuzz

    target = normalise(name)
    if not target:
        return None
    best: tuple[int, str, float] | None = None
    for unit_id, unit_name in units:
        candidate = normalise(unit_name)
        if not candidate:
            continue
        score = max(fuzz.ratio(target, candidate), fuzz.token_sort_ratio(target, candidate))
        if score < THRESHOLD and min(len(target), len(candidate)) >= 8:
            shorter, longer = sorted((target, candidate), key=len)
            # "Phòng Quản lý khoa học" is not "Phòng Quản lý khoa học công nghệ cơ sở ...":
            # a prefix counts only when little is left over.
            if longer.startswith(shorter) and len(shorter) >= 0.75 * len(longer):
                score = max(score, THRESHOLD)
        if best is None or score > best[2]:
            best = (unit_id, unit_name, float(score))
    if best is None or best[2] < THRESHOLD:
        return None
    return best


def match_units(names: Sequence[str], units: Sequence[tuple[int, str]]) -> list[UnitMatch]:
    out: list[UnitMatch] = []
    for name in names:
        found = match_unit(name, units)
        if found:
            out.append(UnitMatch(name=name, unit_id=found[0], unit_name=found[1], score=round(found[2], 1)))
        else:
            out.append(UnitMatch(name=name, unit_id=None, unit_name="", score=0.0))
    return out
