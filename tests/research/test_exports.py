"""Exports open in python-docx and openpyxl and hold the task's record."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from docx import Document as Docx
from openpyxl import load_workbook

from dieuhanh.research.exports import register_xlsx, task_record_docx, task_record_xlsx
from dieuhanh.research.lifecycle import EventKind, Rating
from dieuhanh.research.services import FundingYear
from tests.research.conftest import make_task, run_to

pytestmark = pytest.mark.django_db
TITLE = "Ứng dụng tiến bộ kỹ thuật cải tạo và phát triển vùng sản xuất chè hàng hóa tại tỉnh Bắc Kạn"


@pytest.fixture
def task(world):
    scope = world.scope("office")
    task = make_task(
        scope,
        title=TITLE,
        task_type="du_an",
        host_organisation="Viện Khoa học Kỹ thuật Nông lâm nghiệp miền núi phía Bắc",
        stage="in_progress",
        funding=[FundingYear(2020, Decimal(800), Decimal(200))],
    )
    return run_to(
        scope,
        task,
        (EventKind.DELIVERY, dt.date(2022, 1, 20)),
        (EventKind.ACCEPTANCE, dt.date(2022, 2, 25), {"rating": Rating.EXCELLENT, "council_members": "PGS.TS Trần Văn B\nTS Lê Thị C", "document_text": "45/QĐ-SKHCN"}),
    )  # fmt: skip


def test_record_docx_opens_and_has_the_steps(task):
    doc = Docx(io.BytesIO(task_record_docx(task, "Sở Khoa học và Công nghệ")))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "HỒ SƠ NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ" in text
    assert TITLE in text
    assert "Xuất sắc" in cells
    assert "45/QĐ-SKHCN" in cells
    assert any("Thành viên: PGS.TS Trần Văn B; TS Lê Thị C" in c for c in cells)
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_record_xlsx_has_three_sheets(task):
    book = load_workbook(io.BytesIO(task_record_xlsx(task)))
    assert book.sheetnames == ["Thông tin", "Kinh phí", "Các bước"]
    assert [c.value for c in book["Kinh phí"][2]] == [2020, 800, 200]
    assert [c.value for c in book["Các bước"]["B"]][1:] == ["Giao nộp sản phẩm", "Nghiệm thu"]


def test_register_xlsx_lists_the_tasks(task):
    book = load_workbook(io.BytesIO(register_xlsx([task])))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["Tên nhiệm vụ"] == TITLE
    assert row["Bước hiện tại"] == "Đã nghiệm thu"
    assert row["Xếp loại"] == "Xuất sắc"
    assert row["Kinh phí NSNN (tr.đ)"] == 800
