"""Research register pages, as each role uses them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document as Docx
from openpyxl import Workbook, load_workbook

from dieuhanh.research.models import ResearchTask
from dieuhanh.research.services import research_create
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_today(settings):
    settings.DIEUHANH_TODAY, settings.DEMO_MODE = dt.date(2024, 3, 26), True


def _task(world, **fields):
    fields.setdefault("title", "Ứng dụng tiến bộ kỹ thuật cải tạo và phát triển vùng sản xuất chè hàng hóa")
    fields.setdefault("start_year", 2023)
    return research_create(scope=world.scope("office"), **fields)


def test_search_ignores_diacritics(world):
    _task(world)
    _task(world, title="Nghiên cứu tinh dầu quýt")
    response = client_for(world, "office").get(reverse("web:research_list"), {"q": "che hang hoa"})
    assert response.status_code == 200
    assert "chè hàng hóa" in response.content.decode()
    assert "tinh dầu quýt" not in response.content.decode()


def test_officer_of_another_unit_and_another_org_get_404(world, other_world):
    task = _task(world, managing_unit=world.unit_a, officer=world.people["officer"])
    url = reverse("web:research_detail", kwargs={"pk": task.pk})
    assert client_for(world, "officer").get(url).status_code == 200
    assert client_for(world, "other_officer").get(url).status_code == 404
    assert client_for(other_world, "office").get(url).status_code == 404
    assert (
        client_for(other_world, "office").get(reverse("web:research_record_docx", kwargs={"pk": task.pk})).status_code
        == 404
    )


def test_list_of_an_officer_shows_only_the_tasks_they_follow(world):
    _task(world, title="Của phòng khác", managing_unit=world.unit_b)
    _task(world, title="Của tôi", officer=world.people["officer"])
    body = client_for(world, "officer").get(reverse("web:research_list")).content.decode()
    assert "Của tôi" in body
    assert "Của phòng khác" not in body


def test_a_step_out_of_order_is_refused_with_the_reason(world):
    task = _task(world, stage="approved")
    url = reverse("web:research_event", kwargs={"pk": task.pk})
    client = client_for(world, "office")
    response = client.post(url, {"kind": "contract", "date": "01/02/2024", "version": task.version})
    assert response.status_code == 302
    response = client.post(url, {"kind": "acceptance", "date": "02/02/2024", "rating": "pass"})
    assert response.status_code == 400
    assert "cần giao nộp sản phẩm trước khi nghiệm thu" in response.content.decode()
    task.refresh_from_db()
    assert task.stage == "contracted"


def test_chase_page_shows_days_late(world):
    _task(world, short_name="Tinh dầu quýt", stage="in_progress", end_date=dt.date(2024, 3, 1))
    body = client_for(world, "office").get(reverse("web:research_chase")).content.decode()
    assert "Tinh dầu quýt" in body
    assert "25 ngày" in body


def test_record_downloads_open(world):
    task = _task(world)
    client = client_for(world, "viewer")
    docx = client.get(reverse("web:research_record_docx", kwargs={"pk": task.pk}))
    assert docx["Content-Disposition"].startswith('attachment; filename="ho-so-')
    assert "chè hàng hóa" in "\n".join(p.text for p in Docx(io.BytesIO(docx.content)).paragraphs)
    xlsx = client.get(reverse("web:research_record_xlsx", kwargs={"pk": task.pk}))
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames == ["Thông tin", "Kinh phí", "Các bước"]
    listing = client.get(reverse("web:research_export"), {"q": "che"})
    assert load_workbook(io.BytesIO(listing.content)).active.max_row == 2


def _xlsx(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["Tên nhiệm vụ", "Cấp", "Năm bắt đầu"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "so.xlsx"
    return out


def test_import_lists_bad_rows_and_imports_nothing_until_they_are_skipped(world):
    client = client_for(world, "office")
    url = reverse("web:research_import")
    client.get(url, {"lai": 1})
    upload = client.post(
        url, {"action": "tai-len", "file": _xlsx([["Đề tài A", "Cấp tỉnh", 2023], ["Đề tài B", "huyện", 2023]])}
    )
    assert upload.status_code == 302
    mapping = {"col_title": "0", "col_level": "1", "col_start_year": "2"}

    check = client.post(url, {**mapping, "action": "kiem-tra"})
    body = check.content.decode()
    assert "1 dòng có lỗi" in body
    assert "Cấp quản lý “huyện” không hiểu được" in body

    refused = client.post(url, {**mapping, "action": "nhap"})
    assert "Còn 1 dòng có lỗi: chưa nhập dòng nào" in refused.content.decode()
    assert ResearchTask.objects.filter(org=world.org).count() == 0

    done = client.post(url, {**mapping, "action": "nhap", "skip_bad": "on"})
    assert done.status_code == 302
    assert list(ResearchTask.objects.filter(org=world.org).values_list("title", flat=True)) == ["Đề tài A"]


def test_import_refuses_a_file_that_is_not_xlsx(world):
    client = client_for(world, "office")
    url = reverse("web:research_import")
    bad = io.BytesIO(b"hello")
    bad.name = "so.xlsx"
    response = client.post(url, {"action": "tai-len", "file": bad})
    assert response.status_code == 400
    assert "cần một tệp Excel .xlsx" in response.content.decode()


def test_create_and_edit_through_the_form(world):
    client = client_for(world, "office")
    response = client.post(
        reverse("web:research_create"),
        {"title": "Nghiên cứu tuyển chọn chủng vi sinh vật gốc", "level": "provincial", "management": "local",
         "task_type": "de_tai", "start_year": "2023", "stage": "contracted", "funding": "2023: 500; 120\n2024: 300"},
    )  # fmt: skip
    assert response.status_code == 302
    task = ResearchTask.objects.get(org=world.org)
    assert task.stage == "contracted"
    assert [(f.year, int(f.state_budget), int(f.counterpart)) for f in task.funding.all()] == [
        (2023, 500, 120),
        (2024, 300, 0),
    ]
    edit = reverse("web:research_edit", kwargs={"pk": task.pk})
    form = client.get(edit).content.decode()
    assert "2023: 500; 120" in form
    stale = client.post(edit, {"title": "Sửa", "level": "provincial", "management": "local", "task_type": "de_tai",
                               "start_year": "2023", "version": task.version + 5})  # fmt: skip
    assert stale.status_code == 400
    assert "người khác sửa" in stale.content.decode()
