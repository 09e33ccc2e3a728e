"""Numbers and symbols of official documents (số, ký hiệu) and their kinds (DOMAIN §3).

`181/UBND-KGVX` (a công văn: number / issuer-division), `16/KH-UBND` (number / kind-issuer),
`114-KH/TU` (Party documents put the kind after a dash), `29/2023/QĐ-TTg` (legal normative
documents carry the year), `/BC-KHCN` (a draft without its number yet).

- `symbol_key(raw)`: the form used for matching (NFC, upper case, no spaces, `//` collapsed).
- `parse_symbol(raw)`: number, year, kind and issuer parts of a symbol.
- `KINDS`: kind code -> Vietnamese name; `kind_code(text)` finds the code of a kind name or code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dieuhanh.core.text import clean, fold

# Kind codes of Nghị định 30/2020/NĐ-CP Appendix III and the legal and Party documents the
# department cites. "CV" (công văn) has no code in a state symbol; Party công văn write it.
KINDS: dict[str, str] = {
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
    "TTr": "Tờ trình",
    "KL": "Kết luận",
    "HD": "Hướng dẫn",
    "BB": "Biên bản",
    "GM": "Giấy mời",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "PA": "Phương án",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NĐ": "Nghị định",
    "L": "Luật",
    "CV": "Công văn",
}
OTHER_KIND = "KHAC"
KIND_CHOICES: list[tuple[str, str]] = [*KINDS.items(), (OTHER_KIND, "Văn bản khác")]

_CODE_BY_UPPER = {code.upper(): code for code in KINDS}
_CODE_BY_NAME = {fold(name): code for code, name in KINDS.items()}
# Codes long enough to be recognised glued to the issuer ("209/QĐUBND").
_GLUED_CODES = sorted((c for c in _CODE_BY_UPPER if len(c) >= 2), key=len, reverse=True)


def kind_code(text: str | None) -> str | None:
    """`"Kế hoạch"`, `"KH"`, `"kế hoạch số"` -> `"KH"`; None when it names no known kind."""
    if not text:
        return None
    value = clean(text)
    if value.upper() in _CODE_BY_UPPER:
        return _CODE_BY_UPPER[value.upper()]
    folded = fold(value)
    for name, code in sorted(_CODE_BY_NAME.items(), key=lambda item: -len(item[0])):
        if folded == name or folded.startswith(name + " "):
            return code
    return None


def symbol_key(raw: str | None) -> str:
    """Matching form: NFC, upper case, no spaces, `//` collapsed, no trailing punctuation."""
    value = clean(raw).upper().replace(" ", "")
    value = re.sub(r"/+", "/", value)
    value = value.replace("–", "-").replace("—", "-")
    return value.strip(".;,:")


@dataclass(frozen=True)
class Symbol:
    raw: str
    key: str
    number: str  # "" for a draft without its number
    year: int | None
    kind: str | None  # a code of KINDS; "CV" when the symbol names no kind
    issuer: str  # the issuer part after the kind, e.g. "UBND", "KHCN-VP", "TU"

    @property
    def is_party(self) -> bool:
        return bool(re.match(r"^\d+-", self.key))


_PARTY = re.compile(r"^(?P<number>\d+)-(?P<kind>[^/]+)/(?P<issuer>.+)$")
_STATE = re.compile(r"^(?P<number>\d*)/(?:(?P<year>(?:19|20)\d\d)/)?(?P<rest>.+)$")


def parse_symbol(raw: str | None) -> Symbol | None:
    """Split a number/symbol into its parts; None when it is not shaped like one."""
    key = symbol_key(raw)
    if not key:
        return None
    party = _PARTY.match(key)
    if party:
        kind = _CODE_BY_UPPER.get(party["kind"])
        return Symbol(clean(raw), key, party["number"], None, kind, party["issuer"])
    state = _STATE.match(key)
    if not state:
        return None
    rest = state["rest"]
    year = int(state["year"]) if state["year"] else None
    head, _, tail = rest.partition("-")
    if head in _CODE_BY_UPPER and tail:
        kind, issuer = _CODE_BY_UPPER[head], tail
    elif not tail:
        glued = next((c for c in _GLUED_CODES if head.startswith(c) and len(head) > len(c)), None)
        kind, issuer = (_CODE_BY_UPPER[glued], head[len(glued) :]) if glued else ("CV", head)
    else:
        kind, issuer = "CV", rest
    return Symbol(clean(raw), key, state["number"], year, kind, issuer)
