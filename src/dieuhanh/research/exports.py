"""Exports of the research register: the list as XLSX, one task's full record as DOCX and XLSX.

- `register_xlsx(tasks, title)`: one row per task (level, programme, type, host, investigator,
  dates, stage, rating, funds).
- `task_record_docx(task, org)`: the record a clerk prints: facts, funding by year, lifecycle
  steps with their decisions and councils (Times New Roman, A4, the margins of Nghị định 30).
- `task_record_xlsx(task)`: the same record in three sheets.

Each returns bytes; the views send them as downloads.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from dieuhanh.research.lifecycle import RATING_LABELS, Rating
from dieuhanh.research.models import ResearchEvent, ResearchTask

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

LIST_COLUMNS = [
    ("STT", 6),
    ("Mã số", 12),
    ("Tên nhiệm vụ", 60),
    ("Cấp quản lý", 14),
    ("Chương trình", 12),
    ("Loại", 12),
    ("Tổ chức chủ trì", 30),
    ("Chủ nhiệm", 22),
    ("Lĩnh vực", 16),
    ("Năm bắt đầu", 10),
    ("Thời gian thực hiện", 24),
    ("Phòng theo dõi", 24),
    ("Cán bộ theo dõi", 22),
    ("Bước hiện tại", 24),
    ("Xếp loại", 10),
    ("Số GCN đăng ký", 16),
    ("Kinh phí NSNN (tr.đ)", 14),
    ("Đối ứng (tr.đ)", 14),
]


def _d(value: Any) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _span(task: ResearchTask) -> str:
    if not task.start_date and not task.end_date:
        return ""
    return f"{_d(task.start_date) or '…'} - {_d(task.end_date) or '…'}"


def _rating(task: ResearchTask | ResearchEvent) -> str:
    return RATING_LABELS[Rating(task.rating)] if task.rating else ""


def _totals(task: ResearchTask) -> tuple[Decimal, Decimal]:
    rows = list(task.funding.all())
    return sum((f.state_budget for f in rows), Decimal(0)), sum((f.counterpart for f in rows), Decimal(0))


def _event_document(event: ResearchEvent) -> str:
    if event.document_id and event.document is not None:
        return str(event.document)
    return event.document_text


def _facts(task: ResearchTask) -> list[tuple[str, str]]:
    state, counterpart = _totals(task)
    return [
        ("Tên nhiệm vụ", task.title),
        ("Mã số", task.code),
        ("Cấp quản lý", task.get_level_display()),
        ("Chương trình", task.programme),
        ("Phương thức quản lý", task.get_management_display()),
        ("Loại nhiệm vụ", task.get_task_type_display()),
        ("Tổ chức chủ trì", task.host_organisation),
        ("Chủ nhiệm", task.principal_investigator),
        ("Lĩnh vực", task.field),
        ("Địa điểm thực hiện", task.location),
        ("Năm bắt đầu thực hiện", str(task.start_year)),
        ("Thời gian thực hiện", _span(task)),
        ("Thời gian kết thúc theo hợp đồng", _d(task.original_end_date)),
        ("Phòng theo dõi", str(task.managing_unit or "")),
        ("Cán bộ theo dõi", task.officer.full_name if task.officer else ""),
        ("Lãnh đạo Sở phụ trách", task.deputy.full_name if task.deputy else ""),
        ("Bước hiện tại", task.stage_label),
        ("Xếp loại nghiệm thu", _rating(task)),
        ("Số giấy chứng nhận đăng ký kết quả", task.certificate_number),
        ("Tổng kinh phí NSNN (triệu đồng)", f"{state:,.3f}".rstrip("0").rstrip(".")),
        ("Tổng kinh phí đối ứng (triệu đồng)", f"{counterpart:,.3f}".rstrip("0").rstrip(".")),
    ]


def _event_row(event: ResearchEvent) -> list[str]:
    details = []
    if event.rating:
        details.append(f"Xếp loại: {_rating(event)}")
    if event.certificate_number:
        details.append(f"Số GCN: {event.certificate_number}")
    if event.new_end_date:
        details.append(f"Thời hạn mới: {_d(event.new_end_date)}")
    if event.funds_to_recover is not None:
        details.append(f"Phải thu hồi: {event.funds_to_recover.normalize():f} tr.đ")
    if event.funds_recovered is not None:
        details.append(f"Đã thu hồi: {event.funds_recovered.normalize():f} tr.đ")
    if event.council_meeting_on:
        details.append(f"Họp hội đồng: {_d(event.council_meeting_on)}")
    if event.council_members:
        details.append("Thành viên: " + "; ".join(m.strip() for m in event.council_members.splitlines() if m.strip()))
    if event.conclusion:
        details.append(event.conclusion)
    return [_d(event.date), event.get_kind_display(), _event_document(event), "\n".join(details)]


def _workbook() -> Any:
    from openpyxl import Workbook

    return Workbook()


def _style_header(sheet: Any, widths: Iterable[int]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
        cell = sheet.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "A2"


def _bytes(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def register_xlsx(tasks: Iterable[ResearchTask], title: str = "Sổ nhiệm vụ KH&CN") -> bytes:
    book = _workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([name for name, _ in LIST_COLUMNS])
    for n, task in enumerate(tasks, start=1):
        state, counterpart = _totals(task)
        sheet.append(
            [
                n,
                task.code,
                task.title,
                task.get_level_display(),
                task.programme,
                task.get_task_type_display(),
                task.host_organisation,
                task.principal_investigator,
                task.field,
                task.start_year,
                _span(task),
                str(task.managing_unit or ""),
                task.officer.full_name if task.officer else "",
                task.stage_label,
                _rating(task),
                task.certificate_number,
                float(state),
                float(counterpart),
            ]
        )
    _style_header(sheet, [w for _, w in LIST_COLUMNS])
    return _bytes(book)


def task_record_xlsx(task: ResearchTask) -> bytes:
    book = _workbook()
    facts = book.active
    facts.title = "Thông tin"
    facts.append(["Mục", "Nội dung"])
    for label, value in _facts(task):
        facts.append([label, value])
    _style_header(facts, [36, 90])
    funding = book.create_sheet("Kinh phí")
    funding.append(["Năm", "Ngân sách nhà nước (triệu đồng)", "Đối ứng (triệu đồng)"])
    for row in task.funding.all():
        funding.append([row.year, float(row.state_budget), float(row.counterpart)])
    _style_header(funding, [10, 30, 24])
    steps = book.create_sheet("Các bước")
    steps.append(["Ngày", "Bước", "Văn bản, quyết định", "Nội dung"])
    for event in task.events.select_related("document").order_by("date", "id"):
        steps.append(_event_row(event))
    _style_header(steps, [12, 34, 30, 80])
    return _bytes(book)


def task_record_docx(task: ResearchTask, org_name: str = "") -> bytes:
    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)

    if org_name:
        head = doc.add_paragraph()
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head.add_run(org_name.upper()).bold = True
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("HỒ SƠ NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ")
    run.bold = True
    run.font.size = Pt(14)
    name = doc.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    name.add_run(task.title).bold = True

    doc.add_paragraph().add_run("I. Thông tin chung").bold = True
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in _facts(task):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value or "—"

    doc.add_paragraph().add_run("II. Kinh phí theo năm (triệu đồng)").bold = True
    funding = list(task.funding.all())
    if funding:
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["Năm", "Ngân sách nhà nước", "Đối ứng"], strict=True):
            cell.text = text
        for row in funding:
            cells = table.add_row().cells
            cells[0].text = str(row.year)
            cells[1].text = f"{row.state_budget.normalize():f}"
            cells[2].text = f"{row.counterpart.normalize():f}"
    else:
        doc.add_paragraph("Chưa ghi kinh phí.")

    doc.add_paragraph().add_run("III. Các bước thực hiện").bold = True
    events = list(task.events.select_related("document").order_by("date", "id"))
    if events:
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["Ngày", "Bước", "Văn bản", "Nội dung"], strict=True):
            cell.text = text
        for event in events:
            for cell, text in zip(table.add_row().cells, _event_row(event), strict=True):
                cell.text = text
    else:
        doc.add_paragraph("Chưa ghi bước thực hiện nào.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
