"""The import services against the database: propose, review, confirm in one transaction."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from dieuhanh.documents.models import Citation, Document
from dieuhanh.extraction.models import ImportBatch
from dieuhanh.extraction.services import import_confirm, import_discard, import_propose, review_rows
from dieuhanh.orgs.models import Organisation, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.models import Task

pytestmark = pytest.mark.django_db

CONCLUSION = (
    "Số: 21/TB-SKHCN\nHưng Yên, ngày 6 tháng 3 năm 2023\n\nTHÔNG BÁO\nKết luận giao ban tháng 3\n\n"
    "1. Đối với Văn phòng Sở\n- Hoàn thiện quy chế làm việc trước ngày 31/3/2023 theo Công văn số 150/UBND-NC ngày 1/3/2023 của UBND tỉnh.\n"
    "2. Đối với Trung tâm ứng dụng KH&CN\n- Phối hợp với Văn phòng Sở kiểm kê tài sản.\n"
    "3. Đối với Ban Quản lý dự án\n- Báo cáo tiến độ công trình.\n"
)
TRACKING = (
    "Số: 30/BC-SKHCN\nHưng Yên, ngày 15 tháng 6 năm 2023\n\nBÁO CÁO\nKết quả thực hiện nhiệm vụ\n\n"
    "TT\tVăn bản chỉ đạo\tNội dung\tThời hạn\tNgày hoàn thành\tKết quả\n"
    "I\tĐÃ THỰC HIỆN\t\t\t\t\n"
    "1\t400/UBND-KT ngày 2/4/2023\tGóp ý dự thảo đề án\t20/4/2023\t18/4/2023\t310/SKHCN-VP ngày 18/4/2023\n"
    "II\tĐANG THỰC HIỆN\t\t\t\t\n"
    "1\t520/UBND-KT ngày 3/5/2023\tXây dựng kế hoạch chuyển đổi số\t31/12/2023\t\t\n"
)


@pytest.fixture
def scope() -> Scope:
    org = Organisation.objects.create(
        name="Sở Khoa học và Công nghệ tỉnh Hưng Yên",
        header_name="Sở Khoa học và Công nghệ",
        parent_body="UBND TỈNH HƯNG YÊN",
        place="Hưng Yên",
        code="SKHCN",
        slug="hung-yen",
    )
    for i, name in enumerate(["Văn phòng Sở", "Thanh tra Sở", "Trung tâm Ứng dụng Khoa học và Công nghệ"]):
        Unit.objects.create(org=org, name=name, order=i)
    return Scope.operator(org)


def _file(text: str, name: str = "thong-bao.txt") -> io.BytesIO:
    f = io.BytesIO(text.encode("utf-8"))
    f.name = name
    return f


def test_propose_registers_the_document_and_keeps_the_tasks_pending(scope):
    batch = import_propose(scope=scope, file=_file(CONCLUSION))
    assert batch.state == ImportBatch.State.PENDING
    assert (batch.document.number_raw, batch.document.kind, batch.document.issued_on) == (
        "21/TB-SKHCN",
        "TB",
        dt.date(2023, 3, 6),
    )
    assert batch.document.file_sha256 == batch.file_sha256
    assert len(batch.task_rows) == 3
    assert Task.objects.count() == 0


def test_review_rows_show_each_units_match(scope):
    rows = review_rows(import_propose(scope=scope, file=_file(CONCLUSION)))
    assert rows[1]["unit_matches"][0]["unit_name"] == "Trung tâm Ứng dụng Khoa học và Công nghệ"
    assert rows[2]["unit_matches"][0]["unit_id"] is None  # Ban Quản lý dự án is no unit of this department


def test_the_same_file_imported_twice_creates_nothing_new(scope):
    first = import_propose(scope=scope, file=_file(CONCLUSION))
    second = import_propose(scope=scope, file=_file(CONCLUSION, "ten-khac.txt"))
    assert second.pk == first.pk
    assert second.just_created is False
    assert (ImportBatch.objects.count(), Document.objects.count()) == (1, 1)


def test_an_unreadable_file_creates_nothing(scope):
    with pytest.raises(ValidationError) as err:
        import_propose(scope=scope, file=_file("", "rong.txt"))
    assert "rỗng" in err.value.messages[0]
    assert (ImportBatch.objects.count(), Document.objects.count()) == (0, 0)


def test_confirm_creates_tasks_citations_and_links_in_one_go(scope):
    batch = import_confirm(scope=scope, batch=import_propose(scope=scope, file=_file(CONCLUSION)))
    tasks = list(Task.objects.order_by("id"))
    assert len(tasks) == 3
    assert all(t.source_document_id == batch.document_id for t in tasks)
    assert tasks[0].lead_unit.name == "Văn phòng Sở"
    assert tasks[0].deadline == dt.date(2023, 3, 31)
    assert tasks[1].lead_unit.name == "Trung tâm Ứng dụng Khoa học và Công nghệ"
    assert [u.name for u in tasks[1].coordinating_units.all()] == ["Văn phòng Sở"]
    assert Citation.objects.filter(citing=batch.document, number_key="150/UBND-NC").exists()
    assert batch.state == ImportBatch.State.CONFIRMED


def test_unmatched_unit_names_are_reported_not_dropped(scope):
    batch = import_confirm(scope=scope, batch=import_propose(scope=scope, file=_file(CONCLUSION)))
    assert batch.report["unmatched"] == [{"row": 2, "name": "Ban Quản lý dự án"}]
    assert Task.objects.get(content__startswith="Báo cáo tiến độ").lead_unit is None


def test_confirm_is_one_transaction(scope):
    batch = import_propose(scope=scope, file=_file(CONCLUSION))
    rows = batch.task_rows
    rows[2]["deadline"] = "không phải ngày"
    with pytest.raises(ValidationError) as err:
        import_confirm(scope=scope, batch=batch, edited_rows=rows)
    assert "Dòng 3" in err.value.messages[0]
    batch.refresh_from_db()
    assert (Task.objects.count(), Citation.objects.count(), batch.state) == (0, 0, ImportBatch.State.PENDING)


def test_confirming_twice_creates_nothing_new(scope):
    batch = import_propose(scope=scope, file=_file(CONCLUSION))
    import_confirm(scope=scope, batch=batch)
    import_confirm(scope=scope, batch=batch)
    assert Task.objects.count() == 3


def test_edited_rows_win_over_the_proposal(scope):
    batch = import_propose(scope=scope, file=_file(CONCLUSION))
    rows = batch.task_rows
    rows[0]["content"] = "Hoàn thiện quy chế làm việc (đã sửa)"
    rows[0]["unit_ids"] = [Unit.objects.get(name="Thanh tra Sở").pk]
    rows[1]["include"] = False
    import_confirm(scope=scope, batch=batch, edited_rows=rows)
    assert list(Task.objects.order_by("id").values_list("content", "lead_unit__name")) == [
        ("Hoàn thiện quy chế làm việc (đã sửa)", "Thanh tra Sở"),
        ("Báo cáo tiến độ công trình.", None),
    ]


def test_tracking_rows_bring_their_source_result_completion_and_start(scope):
    import_confirm(scope=scope, batch=import_propose(scope=scope, file=_file(TRACKING, "bao-cao.txt")))
    done, open_ = Task.objects.order_by("id")
    assert (
        done.source_document.number_raw,
        done.assigned_on,
        done.completed_on,
        done.result_document.number_raw,
    ) == (
        "400/UBND-KT",
        dt.date(2023, 4, 2),
        dt.date(2023, 4, 18),
        "310/SKHCN-VP",
    )
    assert done.started_on is None
    assert (open_.started_on, open_.completed_on) == (dt.date(2023, 5, 3), None)


def test_a_discarded_batch_cannot_be_confirmed(scope):
    batch = import_discard(scope=scope, batch=import_propose(scope=scope, file=_file(CONCLUSION)))
    with pytest.raises(ValidationError):
        import_confirm(scope=scope, batch=batch)
    assert Task.objects.count() == 0


def test_import_command_proposes_then_confirms(scope, tmp_path, capsys):
    path = tmp_path / "thong-bao.txt"
    path.write_text(CONCLUSION, encoding="utf-8")
    call_command("import", str(path), "--org", "hung-yen")
    assert "Chạy lại với --yes" in capsys.readouterr().out
    assert Task.objects.count() == 0
    call_command("import", str(path), "--org", "hung-yen", "--yes")
    out = capsys.readouterr().out
    assert "Đã tạo 3 nhiệm vụ" in out
    assert "Ban Quản lý dự án" in out


@pytest.mark.slow
def test_demo_leaves_imports_pending_and_the_foundation_figures_unchanged(capsys):
    from dieuhanh.demo.builder import build_demo

    build_demo()
    call_command("report", "summary", "--org", "bac-giang", "--period", "2024-Q1", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert (figures["total"], figures["done_on_time"], figures["in_progress"]) == (20, 7, 13)
    pending = ImportBatch.objects.filter(state=ImportBatch.State.PENDING)
    assert sorted(pending.values_list("org__slug", "file_name")) == [
        ("bac-giang", "000_cf73dddadab7c245.txt"),
        ("bac-giang", "001_f7156e15c31bff84.txt"),
        ("bac-giang", "004_cf8283d54f2ec700.txt"),
        ("bac-kan", "003_e2543b0db50729a7.txt"),
    ]
    bac_kan = Organisation.objects.get(slug="bac-kan")
    assert bac_kan.parent_body == "UBND TỈNH BẮC KẠN"
    assert bac_kan.people.filter(user__username="backan.vanphong").exists()
    assert Path(__file__).exists()
