"""Import with review on the pages: upload, bad files, the editable table, confirm, discard."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dieuhanh.documents.models import Citation, Document
from dieuhanh.extraction.models import ImportBatch
from dieuhanh.extraction.services import import_propose
from dieuhanh.tasks.models import Task
from tests.extraction import bad_files

pytestmark = pytest.mark.django_db

CONCLUSION = (
    "Số: 21/TB-SKHCN\nBắc Giang, ngày 6 tháng 3 năm 2024\n\nTHÔNG BÁO\nKết luận giao ban tháng 3\n\n"
    "1. Đối với Phòng Quản lý khoa học\n"
    "- Hoàn thiện quy chế quản lý nhiệm vụ trước ngày 31/3/2024 theo Công văn số 150/UBND-NC ngày 1/3/2024.\n"
    "2. Đối với Chi cục Tiêu chuẩn Đo lường Chất lượng\n- Phối hợp với Văn phòng Sở kiểm kê thiết bị đo.\n"
    "3. Đối với Ban Quản lý dự án\n- Báo cáo tiến độ công trình.\n"
)


def upload(client, data: bytes, name: str):
    return client.post(reverse("web:import_upload"), {"file": SimpleUploadedFile(name, data)})


def nothing_created() -> bool:
    return ImportBatch.objects.count() == 0 and Document.objects.count() == 0


def error_text(response) -> str:
    html = response.content.decode()
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S))


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("rong.txt", bad_files.empty(), "rỗng"),
        ("mat-khau.pdf", bad_files.encrypted_pdf(), "mật khẩu"),
        ("hong.docx", bad_files.corrupt_docx(), "bị hỏng"),
        ("scan.pdf", bad_files.image_only_pdf(), "ảnh quét"),
        ("giay-moi.txt", bad_files.task_less_text(), "không thấy nhiệm vụ nào"),
        ("bang-tinh.xlsx", b"PK\x03\x04 not a docx", "chỉ đọc được DOCX, PDF"),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word cũ"),
    ],
)
def test_a_bad_file_says_what_is_wrong_and_creates_nothing(world, as_role, name, data, says):
    response = upload(as_role("office"), data, name)
    assert response.status_code == 400
    assert says in error_text(response)
    assert nothing_created()


def test_a_task_less_file_says_what_was_found(world, as_role):
    response = upload(as_role("office"), bad_files.task_less_text(), "giay-moi.txt")
    text = error_text(response)
    assert "số 15/GM-SKHCN" in text
    assert "Chưa có gì được tạo" in text


def test_an_oversized_file_is_refused(world, as_role, settings):
    settings.UPLOAD_MAX_BYTES = 100
    response = upload(as_role("office"), CONCLUSION.encode(), "thong-bao.txt")
    assert response.status_code == 400
    assert "vượt giới hạn" in error_text(response)
    assert nothing_created()


def test_upload_registers_the_document_and_opens_the_review(world, as_role):
    response = upload(as_role("office"), CONCLUSION.encode(), "thong-bao.txt")
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("web:import_review", kwargs={"pk": batch.pk})
    assert batch.document.number_raw == "21/TB-SKHCN"
    assert Task.objects.count() == 0


def test_the_review_table_shows_matches_and_unmatched_names(world, as_role):
    batch = import_propose(scope=world.scope("office"), file=CONCLUSION.encode(), file_name="tb.txt")
    html = as_role("office").get(reverse("web:import_review", kwargs={"pk": batch.pk})).content.decode()
    assert html.count('name="r-0-content"') == 1
    assert f'<option value="{world.unit_a.pk}" selected>' in html
    assert "Chưa khớp đơn vị nào: “Ban Quản lý dự án”" in html
    assert 'value="31/03/2024"' in html


def test_the_same_file_twice_creates_nothing_new(world, as_role):
    client = as_role("office")
    upload(client, CONCLUSION.encode(), "thong-bao.txt")
    response = upload(client, CONCLUSION.encode(), "ten-khac.txt")
    assert response.status_code == 302
    assert (ImportBatch.objects.count(), Document.objects.count()) == (1, 1)
    page = client.get(response["Location"]).content.decode()
    assert "đã được nhập trước đây" in page


def posted_table(client, batch: ImportBatch) -> dict[str, str]:
    """The review form as the browser would send it, read back from the page."""
    html = client.get(reverse("web:import_review", kwargs={"pk": batch.pk})).content.decode()
    data: dict[str, str | list[str]] = {}
    for name, value in re.findall(r'<input type="(?:hidden|text)" name="([^"]+)" value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<input type="text" name="([^"]+)"[^>]*value="([^"]*)"', html):
        data[name] = value
    for name, body in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        data[name] = body
    for name, options in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.findall(r'<option value="([^"]*)" selected>', options)
        data[name] = chosen[0] if chosen else ""
    for tag in re.findall(r'<input type="checkbox"[^>]*>', html):
        if " checked" in tag:
            name = re.search(r'name="([^"]+)"', tag).group(1)  # type: ignore[union-attr]
            value = re.search(r'value="([^"]*)"', tag)
            data.setdefault(name, [])
            data[name].append(value.group(1) if value else "on")  # type: ignore[union-attr]
    return data  # type: ignore[return-value]


def test_edits_removed_and_added_rows_round_trip_into_the_tasks(world, as_role):
    client = as_role("office")
    batch = import_propose(scope=world.scope("office"), file=CONCLUSION.encode(), file_name="tb.txt")
    data = posted_table(client, batch)
    data.update(
        {
            "r-0-content": "Hoàn thiện quy chế quản lý nhiệm vụ (đã sửa)",
            "r-0-deadline": "15/04/2024",
            "r-0-coordinating_units": [str(world.unit_b.pk)],
            "r-1-DELETE": "on",
            "r-2-lead_unit": str(world.office_unit.pk),
            "action": "add",
        }
    )
    response = client.post(reverse("web:import_review", kwargs={"pk": batch.pk}), data)
    assert response.status_code == 302, error_text(response)
    # the page comes back with a blank row to fill in; the removed row stays, ticked, to undo
    html = client.get(response["Location"]).content.decode()
    assert 'name="r-3-content"' in html
    assert 'name="r-4-content"' not in html
    assert re.search(r'name="r-1-DELETE" id="id_r-1-DELETE" checked', html)
    data = posted_table(client, batch)
    data.update(
        {
            "r-TOTAL_FORMS": "4",
            "r-INITIAL_FORMS": "4",
            "r-3-index": "",
            "r-3-content": "Tổng hợp báo cáo quý I",
            "r-3-lead_unit": str(world.unit_b.pk),
            "r-3-deadline": "05/04/2024",
            "r-3-status": "",
        }
    )
    response = client.post(reverse("web:import_confirm", kwargs={"pk": batch.pk}), data)
    assert response.status_code == 302, error_text(response)
    assert response["Location"] == reverse("web:document_detail", kwargs={"pk": batch.document_id})
    tasks = list(Task.objects.order_by("id"))
    assert [(t.content, t.lead_unit.name if t.lead_unit else None, t.deadline) for t in tasks] == [
        ("Hoàn thiện quy chế quản lý nhiệm vụ (đã sửa)", "Phòng Quản lý khoa học", dt.date(2024, 4, 15)),
        ("Báo cáo tiến độ công trình.", "Văn phòng Sở", None),
        ("Tổng hợp báo cáo quý I", "Chi cục Tiêu chuẩn Đo lường Chất lượng", dt.date(2024, 4, 5)),
    ]
    assert [u.name for u in tasks[0].coordinating_units.all()] == ["Chi cục Tiêu chuẩn Đo lường Chất lượng"]
    assert all(t.source_document_id == batch.document_id for t in tasks)
    assert Citation.objects.filter(citing=batch.document, number_key="150/UBND-NC").exists()


def test_a_bad_row_is_shown_and_nothing_is_created(world, as_role):
    client = as_role("office")
    batch = import_propose(scope=world.scope("office"), file=CONCLUSION.encode(), file_name="tb.txt")
    data = posted_table(client, batch)
    data["r-1-deadline"] = "31/02/2024"
    response = client.post(reverse("web:import_confirm", kwargs={"pk": batch.pk}), data)
    assert response.status_code == 400
    assert "tháng 2" in response.content.decode().lower() or "29 ngày" in response.content.decode()
    assert Task.objects.count() == 0


def test_a_stale_table_is_refused_and_keeps_nothing(world, as_role):
    client = as_role("office")
    batch = import_propose(scope=world.scope("office"), file=CONCLUSION.encode(), file_name="tb.txt")
    data = posted_table(client, batch)
    assert client.post(reverse("web:import_review", kwargs={"pk": batch.pk}), data).status_code == 302
    response = client.post(reverse("web:import_confirm", kwargs={"pk": batch.pk}), data)  # the old version
    assert response.status_code == 409
    assert Task.objects.count() == 0


def test_a_unit_head_may_upload_and_edit_but_not_confirm(world, as_role):
    client = as_role("unit_head")
    upload(client, CONCLUSION.encode(), "thong-bao.txt")
    batch = ImportBatch.objects.get()
    page = client.get(reverse("web:import_review", kwargs={"pk": batch.pk})).content.decode()
    assert "Xác nhận, tạo các nhiệm vụ" not in page
    data = posted_table(client, batch)
    assert client.post(reverse("web:import_confirm", kwargs={"pk": batch.pk}), data).status_code == 403
    assert Task.objects.count() == 0
    # the Office sees it waiting and confirms it
    office = as_role("office")
    assert "thong-bao.txt" in office.get(reverse("web:import_list")).content.decode()
    response = office.post(reverse("web:import_confirm", kwargs={"pk": batch.pk}), posted_table(office, batch))
    assert response.status_code == 302
    assert Task.objects.count() == 3


def test_discard_asks_then_creates_nothing(world, as_role):
    client = as_role("office")
    batch = import_propose(scope=world.scope("office"), file=CONCLUSION.encode(), file_name="tb.txt")
    url = reverse("web:import_discard", kwargs={"pk": batch.pk})
    assert "Bỏ, không tạo nhiệm vụ nào" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    batch.refresh_from_db()
    assert (batch.state, Task.objects.count()) == (ImportBatch.State.DISCARDED, 0)
    assert "Chờ xem xét (0)" in client.get(reverse("web:import_list")).content.decode()


def test_another_organisations_batch_is_not_found(world, other_world, as_role):
    batch = import_propose(scope=other_world.scope("office"), file=CONCLUSION.encode(), file_name="tb.txt")
    client = as_role("office")
    for name in ("import_review", "import_discard"):
        assert client.get(reverse(f"web:{name}", kwargs={"pk": batch.pk})).status_code == 404
    assert client.post(reverse("web:import_confirm", kwargs={"pk": batch.pk}), {}).status_code == 404
