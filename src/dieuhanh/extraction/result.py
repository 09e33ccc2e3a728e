"""What extraction proposes: small typed records, nothing saved (STYLE: pass dataclasses).

- `DocumentInfo`: the document's own metadata (kind, number, place, date, summary, signer ...).
- `Reference`: one document cited in the text (type, number, date, issuer).
- `ProposedTask`: one task to confirm: content, units (lead first), deadline, source and result
  documents, completion date, status, and where it came from (`layout`, `section`, `order`).
- `Extraction`: all of it, with `as_json()` giving the contract of `tools/score_extraction.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES = ("done_on_time", "done_late", "in_progress", "overdue", "not_started")


@dataclass
class DocumentInfo:
    kind: str | None = None  # a code of dieuhanh.core.symbols.KINDS
    kind_name: str = ""
    number: str = ""  # as written, "" for a draft ("Số: /BC-KHCN")
    place: str = ""
    date: dt.date | None = None
    date_month: int | None = None  # kept when the day is missing ("ngày tháng 3 năm 2024")
    date_year: int | None = None
    issuer: str = ""
    parent_body: str = ""
    title: str = ""  # the type name and summary, e.g. "Kết quả công tác quý I/2024 ..."
    summary: str = ""
    signer: str = ""
    signer_title: str = ""
    authority: str = ""  # "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC", ""

    @property
    def reference_year(self) -> int | None:
        return self.date.year if self.date else self.date_year

    @property
    def reference_date(self) -> dt.date | None:
        """The document's date, or the first day of its month when the day is missing."""
        if self.date:
            return self.date
        if self.date_year and self.date_month:
            return dt.date(self.date_year, self.date_month, 1)
        return None


@dataclass
class Reference:
    number: str
    date: dt.date | None = None
    kind: str | None = None
    issuer: str = ""
    context: str = ""


@dataclass
class ProposedTask:
    content: str
    units: list[str] = field(default_factory=list)  # lead first, then coordinating units
    deadline: dt.date | None = None
    deadline_text: str = ""
    source_number: str | None = None
    source_date: dt.date | None = None
    completed_on: dt.date | None = None
    result_number: str | None = None
    result_date: dt.date | None = None
    result_text: str = ""
    progress: str = ""
    status: str | None = None
    layout: str = ""  # which extractor proposed it
    section: str = ""  # the heading it sits under ("Đối với Văn phòng Sở", "Tháng 3")
    order: tuple[int, int] = (0, 0)  # (block index, row) for document order


@dataclass
class Extraction:
    document: DocumentInfo
    tasks: list[ProposedTask] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    layouts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str = ""
    pages: int = 0

    def as_json(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list | tuple):
                return [plain(v) for v in value]
            return value

        doc = asdict(self.document)
        tasks = []
        for t in self.tasks:
            row = asdict(t)
            row.pop("order")
            tasks.append(row)
        return plain(
            {
                "document": doc,
                "tasks": tasks,
                "references": [asdict(r) for r in self.references],
                "layouts": self.layouts,
                "warnings": self.warnings,
                "source": self.source,
                "pages": self.pages,
            }
        )
