"""Import with review over the API: upload, bad files, edit round trip, confirm, discard."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dieuhanh.documents.models import Document
from dieuhanh.extraction.models import ImportBatch
from dieuhanh.tasks.models import Task
from tests.extraction import bad_files

pytestmark = pytest.mark.django_db

CONCLUSION = (
    "Số: 21/TB-SKHCN\nBắc Giang, ngày 6 tháng 3 năm 2024\n\nTHÔNG BÁO\nKết luận giao ban tháng 3\n\n"
    "1. Đối với Phòng Quản lý khoa học\n- Hoàn thiện quy chế quản lý nhiệm vụ trước ngày 31/3/2024.\n"
    "2. Đối với Ban Quản lý dự án\n- Báo cáo tiến độ công trình.\n"
)


def upload(client, data: bytes, name: str = "thong-bao.txt"):
    return client.multipart("/imports", {"file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize(
    ("name", "data", "status", "says"),
    [
        ("rong.txt", bad_files.empty(), 422, "rỗng"),
        ("mat-khau.pdf", bad_files.encrypted_pdf(), 422, "mật khẩu"),
        ("hong.docx", bad_files.corrupt_docx(), 422, "bị hỏng"),
        ("scan.pdf", bad_files.image_only_pdf(), 422, "ảnh quét"),
        ("giay-moi.txt", bad_files.task_less_text(), 422, "không thấy nhiệm vụ nào"),
        ("anh.png", b"\x89PNG\r\n", 415, "chỉ đọc được DOCX"),
    ],
)
def test_a_bad_file_is_refused_with_its_reason_and_nothing_is_created(as_role, name, data, status, says):
    response = upload(as_role("office"), data, name)
    assert response.status == status
    assert says in response.body["message"]
    assert response.body["fields"]["file"]
    assert (ImportBatch.objects.count(), Document.objects.count()) == (0, 0)


def test_an_oversized_upload_is_413(as_role, settings):
    settings.UPLOAD_MAX_BYTES = 100
    response = upload(as_role("office"), CONCLUSION.encode())
    assert response.status == 413
    assert ImportBatch.objects.count() == 0


def test_upload_then_the_same_file_again(as_role):
    client = as_role("office")
    first = upload(client, CONCLUSION.encode())
    again = upload(client, CONCLUSION.encode(), "ten-khac.txt")
    assert (first.status, again.status) == (201, 200)
    assert again.body["id"] == first.body["id"]
    assert first.body["document"]["number_raw"] == "21/TB-SKHCN"
    rows = first.body["rows"]
    assert [r["unmatched"] for r in rows] == [[], ["Ban Quản lý dự án"]]
    assert rows[0]["deadline"] == "2024-03-31"
    assert (ImportBatch.objects.count(), Document.objects.count()) == (1, 1)


def test_edit_round_trip_then_confirm(world, as_role):
    client = as_role("office")
    batch = upload(client, CONCLUSION.encode()).body
    rows = [
        {"index": 0, "content": "Hoàn thiện quy chế (đã sửa)", "deadline": "2024-04-15"},
        {"index": 1, "unit_ids": [world.unit_b.pk, world.unit_a.pk]},
        {"content": "Tổng hợp báo cáo quý I", "unit_ids": [world.office_unit.pk], "deadline": "2024-04-05"},
    ]
    edited = client.patch(f"/imports/{batch['id']}", {"version": batch["version"], "rows": rows})
    assert edited.status == 200, edited.body
    assert [r["content"] for r in edited.body["rows"]] == [
        "Hoàn thiện quy chế (đã sửa)",
        "Báo cáo tiến độ công trình.",
        "Tổng hợp báo cáo quý I",
    ]
    assert edited.body["rows"][1]["unmatched"] == ["Ban Quản lý dự án"]  # still shown after the choice
    confirmed = client.post(f"/imports/{batch['id']}/confirm", {"version": edited.body["version"]})
    assert confirmed.status == 200, confirmed.body
    assert confirmed.body["state"] == "confirmed"
    assert len(confirmed.body["report"]["created_tasks"]) == 3
    tasks = Task.objects.order_by("id")
    assert [(t.lead_unit.name, [u.name for u in t.coordinating_units.all()]) for t in tasks] == [
        ("Phòng Quản lý khoa học", []),
        ("Chi cục Tiêu chuẩn Đo lường Chất lượng", ["Phòng Quản lý khoa học"]),
        ("Văn phòng Sở", []),
    ]
    # confirming again creates nothing new
    assert client.post(f"/imports/{batch['id']}/confirm", {}).status == 200
    assert Task.objects.count() == 3


def test_a_stale_version_is_409_and_saves_nothing(as_role):
    client = as_role("office")
    batch = upload(client, CONCLUSION.encode()).body
    rows = [{"index": 0, "content": "Bản của người thứ nhất"}]
    assert client.patch(f"/imports/{batch['id']}", {"version": batch["version"], "rows": rows}).status == 200
    stale = client.patch(f"/imports/{batch['id']}", {"version": batch["version"], "rows": [{"index": 0}]})
    assert stale.status == 409
    assert client.post(f"/imports/{batch['id']}/confirm", {"version": batch["version"]}).status == 409
    assert Task.objects.count() == 0


def test_a_bad_row_is_422_naming_the_row(world, as_role):
    client = as_role("office")
    batch = upload(client, CONCLUSION.encode()).body
    rows = [{"index": 0, "status": "done_on_time"}, {"index": 1, "unit_ids": [999999]}]
    response = client.patch(f"/imports/{batch['id']}", {"version": batch["version"], "rows": rows})
    assert response.status == 422
    assert response.body["fields"]["rows"] == [
        "Dòng 1: đã hoàn thành thì cần ngày hoàn thành.",
        "Dòng 2: không có đơn vị mã 999999 trong cơ quan.",
    ]


def test_only_those_who_assign_tasks_may_confirm(as_role):
    officer = as_role("officer")
    batch = upload(officer, CONCLUSION.encode()).body
    assert batch["can_edit"] is True
    assert batch["can_confirm"] is False
    assert officer.post(f"/imports/{batch['id']}/confirm", {}).status == 403
    assert Task.objects.count() == 0
    assert as_role("office").post(f"/imports/{batch['id']}/confirm", {}).status == 200
    assert Task.objects.count() == 2


def test_discard_creates_nothing_and_cannot_be_confirmed_after(as_role):
    client = as_role("office")
    batch = upload(client, CONCLUSION.encode()).body
    discarded = client.post(f"/imports/{batch['id']}/discard", {})
    assert discarded.body["state"] == "discarded"
    assert client.post(f"/imports/{batch['id']}/confirm", {}).status == 422
    assert Task.objects.count() == 0
    listed = client.get("/imports", {"state": "pending"}).body
    assert listed["count"] == 0
