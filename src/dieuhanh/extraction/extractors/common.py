"""Small rules shared by the task extractors.

- `Context`: what every extractor knows of the document: its metadata, the year and period it
  is about (`ref_year`, `ref_date`, `period`), and the blocks already turned into tasks.
- `status_words(text)`: what a progress or section text says: "done", "in_progress",
  "overdue", "not_started" or None.
- `is_partial(text)`: "Đã hoàn thành dự thảo lần 1, gửi xin ý kiến" is progress, not completion.
- `decide_status(...)`: the five statuses of DOMAIN §4 from what a row or item says.
- `join_item(node)`: the text of a list item with its "+" sub-points joined into it.
- `label_body(text)`: "Các ĐTDA chuyển tiếp (...): Tăng cường ..." -> ("Các ĐTDA ...", "Tăng cường ...").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dieuhanh.core.text import fold
from dieuhanh.extraction.dates import Period, find_periods
from dieuhanh.extraction.outline import Node
from dieuhanh.extraction.result import DocumentInfo


@dataclass
class Context:
    info: DocumentInfo
    used: set[int] = field(default_factory=set)  # block indexes already proposed as tasks

    @property
    def ref_year(self) -> int | None:
        """The year the document is about: its title's first period ("Chương trình công tác năm
        2021" issued in November 2020 is about 2021), else the year of its date."""
        periods = find_periods(self.info.title or "", self.info.reference_year)
        written = [p for _, p, w in periods if w]
        if written:
            return written[0].year
        return self.info.reference_year

    @property
    def ref_date(self) -> dt.date | None:
        return self.info.reference_date

    @property
    def period(self) -> Period | None:
        """The period a report covers ("Kết quả công tác quý I/2024" -> Q1 2024)."""
        periods = find_periods(self.info.title or "", self.ref_year)
        return periods[0][1] if periods else None


_DONE = re.compile(
    r"\b(da thuc hien|da hoan thanh|hoan thanh|thuc hien xong|da xong|xong|da ban hanh|da trinh|da bao cao|"
    r"da gui|dung han|da tham muu)\b"
)
_NOT_STARTED = re.compile(r"\b(chua thuc hien|chua trien khai|chua bat dau)\b")
_OVERDUE = re.compile(r"\b(qua han|cham tien do|tre han)\b")
_IN_PROGRESS = re.compile(r"\b(dang thuc hien|dang trien khai|chua den han|trong han|chua hoan thanh|dang)\b")
_PARTIAL = re.compile(r"\b(lan \d|dang|tiep tuc|xin y kien|gop y|chua|mot phan|buoc dau|du kien|se)\b")


def status_words(text: str) -> str | None:
    t = fold(text)
    if not t:
        return None
    if _NOT_STARTED.search(t):
        return "not_started"
    if re.search(r"\b(chua hoan thanh|chua den han)\b", t) or re.match(r"^(dang|trong han)", t):
        return "overdue" if re.search(r"\bqua han\b", t) and "trong han" not in t else "in_progress"
    if _DONE.search(t):
        return "done"
    if _OVERDUE.search(t):
        return "overdue"
    if _IN_PROGRESS.search(t):
        return "in_progress"
    return None


def is_partial(text: str) -> bool:
    return bool(_PARTIAL.search(fold(text)))


def decide_status(
    *,
    done: bool,
    completed_on: dt.date | None,
    deadline: dt.date | None,
    said: str | None,
    progress: str = "",
    ref_date: dt.date | None = None,
) -> str:
    t = fold(progress)
    if done:
        if completed_on and deadline:
            return "done_on_time" if completed_on <= deadline else "done_late"
        if re.search(r"\b(cham|qua han|tre han)\b", t):
            return "done_late"
        return "done_on_time"
    if said == "not_started":
        return "not_started"
    if said == "overdue" or (re.search(r"\bqua han\b", t) and "trong han" not in t):
        return "overdue"
    if re.search(r"\b(trong han|chua den han)\b", t):
        return "in_progress"
    # "Đang thực hiện" says work goes on, not that it is in time: the dates decide (DOMAIN §4).
    if deadline and ref_date and ref_date > deadline:
        return "overdue"
    return "in_progress"


def join_item(node: Node) -> str:
    """A list item's text with its sub-points ("+") joined in, as one task (DOMAIN §4)."""
    parts = [node.text.strip()]
    for child in node.children:
        if child.kind == "bullet":
            parts.append(join_item(child))
    return " ".join(p for p in parts if p)


def label_body(text: str) -> tuple[str, str]:
    m = re.match(r"^(.{3,160}?):\s+(\S.{15,})$", text)
    if not m or re.search(r"\d{1,2}/\d{1,2}/\d{4}$", m[1]):
        return "", text
    return m[1].strip(), m[2].strip()


CLOSING = re.compile(r"^(tren day|noi nhan|ngoai nhung noi dung|de trien khai thuc hien tot|tham tu|thua lenh|./.)")
