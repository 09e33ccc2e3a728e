"""What a rendered report is made of: small typed dataclasses, no database.

The data-assembly code (report types, unit submissions, figures) fills these and hands them
to the renderers (`render_report_docx`, `render_appendix_xlsx`, ...). Texts are given in
normal case; the renderers upper-case what ND 30/2020/NĐ-CP prints in capitals (issuing
body, document type, part titles, signer's title) and normalise everything to NFC.

- `OfficialHeader`: the two-column header, document type and summary (trích yếu).
- `Run`, `Paragraph`, `Bullet`, `Figure`: body blocks; `Section`: a numbered section
  (Phần I / I. / 1. / 1.1. / a) by depth) with blocks and subsections.
- `SignatureBlock`: authority line (KT. / TL.), title and signer.
- `TaskRow`, `AppendixSection`, `Appendix`: the appendix of assigned tasks (seed 000).
  `assigned_tasks_sections(...)` builds its I / II / III sections the way the seed does.
- `Report`: all of the above.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from dieuhanh.reports.render.text import (
    BLANK,
    date_words,
    doc_text,
    format_count,
    format_number,
    number_line,
    place_date_line,
    upper_vi,
)


@dataclass(frozen=True)
class OfficialHeader:
    """The header of an official document (ND 30/2020, Appendix I, items 1-5).

    `issuing_body` is written in normal case ("Sở Khoa học và Công nghệ", as
    `Organisation.header_name`): the header prints it in capitals, the appendix reference
    ("... của Sở Khoa học và Công nghệ") as it is. A draft has `number=None` and `date=None`;
    `draft_month`/`draft_year` then fill the date line around the blank day.
    """

    issuing_body: str
    parent_body: str = ""  # "UBND TỈNH BẮC GIANG"
    symbol: str = ""  # "BC-KHCN": the part of the number after the slash
    number: int | str | None = None  # 12 -> "Số: 12/BC-KHCN"; None for a draft
    place: str = ""  # "Bắc Giang"
    date: dt.date | None = None
    draft_month: int | None = None
    draft_year: int | None = None
    doc_type: str = "Báo cáo"  # printed "BÁO CÁO"
    summary: str = ""  # "Kết quả công tác quý I/2024, nhiệm vụ công tác quý II/2024"

    @property
    def is_draft(self) -> bool:
        return self.number is None or self.date is None

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.symbol)

    @property
    def place_date_line(self) -> str:
        return place_date_line(self.place, self.date, month=self.draft_month, year=self.draft_year)

    @property
    def reference(self) -> str:
        """The appendix's "(Kèm theo Báo cáo số 12/BC-KHCN ngày 15 tháng 3 năm 2024 của Sở ...)"."""
        kind = doc_text(self.doc_type).strip()
        kind = kind[:1].upper() + kind[1:].lower()
        number = self.number_line.removeprefix("Số: ")
        when = date_words(self.date, month=self.draft_month, year=self.draft_year)
        issuer = doc_text(self.issuing_body).strip()
        return f"(Kèm theo {kind} số {number} {when} của {issuer})"


@dataclass(frozen=True)
class Run:
    """A piece of text with its own emphasis, inside a paragraph."""

    text: str
    bold: bool = False
    italic: bool = False


Text = str | Sequence[Run]


@dataclass(frozen=True)
class Paragraph:
    """Narrative text: justified, first line indented."""

    text: Text


@dataclass(frozen=True)
class Bullet:
    """A bullet line as reports type them: "- ..." (or "+ ..." one level down)."""

    text: Text
    marker: str = "-"


@dataclass(frozen=True)
class Figure:
    """A figure line: "Tổng số: 20 nhiệm vụ". Counts (int) are zero-padded as reports write
    them ("07"); other numbers take Vietnamese grouping ("1.291", "12,5")."""

    label: str
    value: int | float | Decimal | str
    unit: str = ""
    note: str = ""  # appended after a comma: "thực hiện chậm: 0"
    marker: str = ""  # "-" to print it as a bullet line

    @property
    def text(self) -> str:
        if isinstance(self.value, bool):
            raise TypeError("a figure's value is a number or a text")
        if isinstance(self.value, int):
            value = format_count(self.value)
        elif isinstance(self.value, float | Decimal):
            value = format_number(self.value)
        else:
            value = doc_text(self.value)
        line = f"{doc_text(self.label).strip()}: {value}"
        if self.unit:
            line += f" {doc_text(self.unit).strip()}"
        if self.note:
            line += f", {doc_text(self.note).strip()}"
        return f"{self.marker} {line}" if self.marker else line


Block = Paragraph | Bullet | Figure


@dataclass(frozen=True)
class Section:
    """A numbered section. Its number comes from its depth and position (Phần I, I., 1., 1.1.,
    a)) unless `number` is given ("" for none)."""

    title: str
    blocks: Sequence[Block] = ()
    children: Sequence[Section] = ()
    number: str | None = None


class Authority(StrEnum):
    """How the signer signs (ND 30/2020, Appendix I, item 7)."""

    NONE = ""
    SIGNING_FOR = "KT."  # ký thay: a deputy for the head
    BY_DELEGATION = "TL."  # thừa lệnh: the office head by delegation
    ON_BEHALF = "TM."  # thay mặt: for a collective body
    ACTING = "Q."  # quyền
    BY_AUTHORISATION = "TUQ."  # thừa ủy quyền


@dataclass(frozen=True)
class SignatureBlock:
    """ "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / (signature) / Triệu Ngọc Trung"."""

    title: str  # the signer's title: "Phó Giám đốc"
    name: str = ""  # left blank for the clerk when not known yet
    authority: str = ""  # the whole authority line: "KT. GIÁM ĐỐC"; "" when the head signs

    @classmethod
    def head(cls, title: str, name: str = "") -> SignatureBlock:
        return cls(title=title, name=name)

    @classmethod
    def signing_for(cls, head_title: str, title: str, name: str = "") -> SignatureBlock:
        return cls(title=title, name=name, authority=f"{Authority.SIGNING_FOR} {upper_vi(head_title)}")

    @classmethod
    def by_delegation(cls, head_title: str, title: str, name: str = "") -> SignatureBlock:
        return cls(title=title, name=name, authority=f"{Authority.BY_DELEGATION} {upper_vi(head_title)}")


@dataclass(frozen=True)
class TaskRow:
    """One task of the appendix: columns TT, Số/Ký hiệu VBCĐ (and its date), Nội dung công việc,
    Thời hạn, Ngày hoàn thành, Tiến độ, Kết quả xử lý."""

    content: str
    source_number: str = ""
    source_date: dt.date | None = None
    deadline: dt.date | None = None
    deadline_text: str = ""  # shown when there is no exact deadline: "Thường xuyên"
    completed_on: dt.date | None = None
    progress: str = ""  # "Đúng hạn", "Chưa đến hạn", "Quá hạn 12 ngày"
    result: str = ""  # the result document: "199/KHCN-TĐC", or any text
    result_date: dt.date | None = None
    number: str | None = None  # TT; by default 1, 2, 3 ... within its section

    @property
    def source_text(self) -> str:
        return _number_and_date(self.source_number, self.source_date)

    @property
    def result_text(self) -> str:
        return _number_and_date(self.result, self.result_date)


def _number_and_date(number: str, day: dt.date | None) -> str:
    """ "181/UBND-KGVX" over "Ngày 12/01/2024", as the seed's cells read."""
    number = doc_text(number).strip()
    if day is None:
        return number
    when = f"Ngày {day.day:02d}/{day.month:02d}/{day.year}"
    return f"{number}\n{when}" if number else when


@dataclass(frozen=True)
class AppendixSection:
    """A group row of the appendix: "I | ĐÃ THỰC HIỆN: 07 nhiệm vụ", then its tasks."""

    code: str  # "I"
    title: str  # "Đã thực hiện": printed in capitals
    rows: Sequence[TaskRow] = ()
    count: int | None = None  # defaults to the number of rows
    unit: str = "nhiệm vụ"
    note: str = ""  # "(trong hạn)"

    @property
    def heading(self) -> str:
        count = len(self.rows) if self.count is None else self.count
        text = f"{upper_vi(self.title).strip()}: {format_count(count)}"
        if self.unit:
            text += f" {doc_text(self.unit).strip()}"
        if self.note:
            text += f" {doc_text(self.note).strip()}"
        return text


@dataclass(frozen=True)
class Appendix:
    """ "Phụ lục", its title, "(Kèm theo Báo cáo số ...)", and the table of assigned tasks."""

    title: str  # printed in capitals; "\n" breaks the line as the seed does
    sections: Sequence[AppendixSection] = ()
    label: str = "Phụ lục"  # "Phụ lục I" when a report has several
    reference: str | None = None  # "(Kèm theo ...)"; None: from the report's header

    def reference_for(self, header: OfficialHeader | None) -> str:
        if self.reference is not None:
            return doc_text(self.reference).strip()
        return header.reference if header is not None else ""

    @property
    def task_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)


def assigned_tasks_sections(
    done: Sequence[TaskRow],
    in_progress: Sequence[TaskRow],
    overdue: Sequence[TaskRow] = (),
    not_started: Sequence[TaskRow] = (),
) -> list[AppendixSection]:
    """Sections I, II, III of the seed's appendix: "ĐÃ THỰC HIỆN: 07 nhiệm vụ", "ĐANG THỰC
    HIỆN: 13 nhiệm vụ (trong hạn)", "CHƯA THỰC HIỆN: 0 nhiệm vụ". Open overdue tasks follow the
    in-time ones in section II, whose note then gives both counts."""
    open_rows = [*in_progress, *overdue]
    if overdue:
        note = f"(trong hạn: {format_count(len(in_progress))}; quá hạn: {format_count(len(overdue))})"
    else:
        note = "(trong hạn)"
    return [
        AppendixSection("I", "Đã thực hiện", list(done)),
        AppendixSection("II", "Đang thực hiện", open_rows, note=note),
        AppendixSection("III", "Chưa thực hiện", list(not_started)),
    ]


@dataclass(frozen=True)
class Report:
    """A whole document: header, body, signature, recipients and appendices."""

    header: OfficialHeader
    sections: Sequence[Section] = ()
    intro: Sequence[Block] = ()  # paragraphs before the first section
    addressees: Sequence[str] = ()  # "Kính gửi: ..."; reports usually have none
    closing: str = ""  # "Trên đây là báo cáo ... ./."
    signature: SignatureBlock | None = None
    recipients: Sequence[str] = ()  # Nơi nhận, without the archive line
    archive: str = "VT, VP"  # the last line: "- Lưu: VT, VP."
    appendices: Sequence[Appendix] = ()
    top_level_parts: bool = True  # top sections are "Phần I"; False: they are "I."
    metadata: dict[str, str] = field(default_factory=dict)  # document properties (title, author)

    @property
    def recipient_lines(self) -> list[str]:
        """ "- Văn phòng Tỉnh ủy;" ... "- Lưu: VT, VP." (ND 30/2020, item 9)."""
        lines = []
        for raw in self.recipients:
            name = doc_text(raw).strip().removeprefix("-").strip().rstrip(";.").strip()
            if name:
                lines.append(f"- {name};")
        archive = doc_text(self.archive).strip().rstrip(".").removeprefix("Lưu:").strip()
        lines.append(f"- Lưu: {archive}." if archive else f"- Lưu:{BLANK}.")
        return lines
