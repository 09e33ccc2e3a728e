"""Task pages: list filters and search, detail, assigning, editing (no lost update), actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from dieuhanh.core.models import AuditEvent
from dieuhanh.tasks.models import Extension, Task
from dieuhanh.tasks.services import task_create, task_update
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db
D = dt.date


def test_search_ignores_diacritics(pages, as_role):
    response = as_role("office").get(reverse("web:task_list"), {"q": "tinh uy"})
    assert "Tham mưu triển khai nhiệm vụ theo chỉ đạo của Tỉnh ủy" in response.text
    assert "Kiểm định phương tiện đo" not in response.text


def test_filters_survive_pagination(pages, as_role):
    office = pages.world.scope("office")
    for i in range(30):
        task_create(scope=office, content=f"Việc số {i}", assigned_on=D(2024, 1, 2), lead_unit=pages.world.unit_b)
    response = as_role("office").get(reverse("web:task_list"), {"don_vi": pages.world.unit_b.pk})
    assert "31 nhiệm vụ, trang 1/2" in response.text
    assert f"?don_vi={pages.world.unit_b.pk}&amp;trang=2" in response.text
    page2 = as_role("office").get(reverse("web:task_list"), {"don_vi": pages.world.unit_b.pk, "trang": 2})
    assert "31 nhiệm vụ, trang 2/2" in page2.text


def test_htmx_gets_only_the_results(pages, as_role):
    headers = {"HX-Request": "true", "HX-Target": "task-results"}
    response = as_role("office").get(reverse("web:task_list"), {"q": "kiem dinh"}, headers=headers)
    assert "<html" not in response.text
    assert "Kiểm định phương tiện đo" in response.text
    restore = as_role("office").get(reverse("web:task_list"), headers={**headers, "HX-History-Restore-Request": "true"})
    assert "<html" in restore.text


def test_status_filter_at_a_date(pages, as_role):
    # task_a: deadline 28/02/2024 (extension pending), not started: overdue at 15/03/2024
    response = as_role("office").get(reverse("web:task_list"), {"trang_thai": "qua_han", "ngay": "15/03/2024"})
    assert "Tham mưu triển khai" in response.text
    assert "quá hạn 16 ngày" in response.text
    done = as_role("office").get(reverse("web:task_list"), {"trang_thai": "done_on_time", "ngay": "15/03/2024"})
    assert "0 nhiệm vụ" in done.text


def test_a_bad_filter_date_is_explained_and_other_filters_still_apply(pages, as_role):
    response = as_role("office").get(reverse("web:task_list"), {"ngay": "31/02/2024", "q": "kiem dinh"})
    assert response.status_code == 200
    assert "Ngày 31/02/2024 không có thật" in response.text
    assert "Kiểm định phương tiện đo" in response.text
    assert "Tham mưu triển khai" not in response.text


def test_officer_sees_only_own_unit_tasks_and_another_unit_task_is_404(pages, as_role):
    officer = as_role("officer")
    assert "Kiểm định phương tiện đo" not in officer.get(reverse("web:task_list")).text
    assert officer.get(reverse("web:task_detail", args=[pages.task_b.pk])).status_code == 404


def test_another_organisations_ids_are_404(pages, other_world):
    theirs = task_create(scope=other_world.scope("office"), content="Việc của sở khác", assigned_on=D(2024, 1, 2))
    office = client_for(pages.world, "office")
    for name in ("task_detail", "task_edit", "task_note", "task_complete", "task_split", "extension_request"):
        assert office.get(reverse(f"web:{name}", args=[theirs.pk])).status_code == 404, name
    assert office.post(reverse("web:task_note", args=[theirs.pk]), {"text": "x"}).status_code == 404
    assert not theirs.notes.exists()


def test_detail_shows_history_with_readable_labels(pages, as_role):
    task = pages.task_a
    task_update(scope=pages.world.scope("office"), task=task, version=task.version, deadline_text="trước 28/02/2024")
    response = as_role("unit_head").get(reverse("web:task_detail", args=[task.pk]))
    text = response.text
    assert "Lịch sử thay đổi" in text
    assert "Thời hạn (như văn bản ghi)" in text
    assert "trước 28/02/2024" in text
    assert "Đề nghị gia hạn" in text  # the audit action label
    assert "Chờ duyệt" in text  # the pending extension


def test_office_assigns_from_a_document(pages, as_role):
    world = pages.world
    data = {
        "content": "Báo cáo kết quả thực hiện",
        "source_document": pages.doc_a.pk,
        "lead_unit": world.unit_b.pk,
        "coordinating_units": [world.unit_a.pk],
        "assigned_on": "20/01/2024",
        "deadline": "31/3/2024",
    }
    response = as_role("office").post(reverse("web:task_create") + f"?van_ban={pages.doc_a.pk}", data)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:document_detail", args=[pages.doc_a.pk])
    task = Task.objects.get(content="Báo cáo kết quả thực hiện")
    assert (task.deadline, task.lead_unit, task.source_document) == (D(2024, 3, 31), world.unit_b, pages.doc_a)
    assert list(task.coordinating_units.all()) == [world.unit_a]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("deadline", "31/02/2024", "Ngày 31/02/2024 không có thật"),
        ("deadline", "10/01/2024", "Thời hạn không thể trước ngày giao."),
        ("assigned_on", "", "Cần ngày giao."),
        ("content", "", "Cần ghi nội dung công việc."),
    ],
)
def test_bad_task_input_is_explained_and_nothing_is_saved(pages, as_role, field, value, message):
    data = {"content": "Việc mới", "assigned_on": "20/01/2024", "lead_unit": pages.world.unit_a.pk, field: value}
    before = Task.objects.count()
    response = as_role("office").post(reverse("web:task_create"), data)
    assert response.status_code == 400
    assert message in response.text
    assert Task.objects.count() == before


def test_a_unit_of_another_organisation_is_refused_by_the_form(pages, other_world, as_role):
    data = {"content": "Việc mới", "assigned_on": "20/01/2024", "lead_unit": other_world.unit_a.pk}
    response = as_role("office").post(reverse("web:task_create"), data)
    assert response.status_code == 400
    assert "không thuộc cơ quan của bạn" in response.text
    assert not Task.objects.filter(content="Việc mới").exists()


def test_unit_head_is_offered_only_own_unit(pages, as_role):
    response = as_role("unit_head").get(reverse("web:task_create"))
    lead = response.context["form"].fields["lead_unit"]
    assert list(lead.queryset) == [pages.world.unit_a]


def edit_data(task, **changes):
    data = {
        "content": task.content,
        "lead_unit": task.lead_unit_id or "",
        "assigned_on": f"{task.assigned_on:%d/%m/%Y}",
        "deadline": f"{task.deadline:%d/%m/%Y}" if task.deadline else "",
        "version": task.version,
    }
    return {**data, **changes}


def test_stale_save_is_refused_keeps_the_input_and_shows_the_saved_values(pages, as_role):
    task = pages.task_b
    stale = edit_data(task, content="Nội dung của trưởng phòng")
    task_update(scope=pages.world.scope("leader"), task=task, version=task.version, content="Nội dung của lãnh đạo")
    response = as_role("office").post(reverse("web:task_edit", args=[task.pk]), stale)
    assert response.status_code == 400
    assert "Bản ghi đã được người khác sửa" in response.text
    assert "Nội dung của trưởng phòng" in response.text  # the user's input is still in the form
    assert "Nội dung của lãnh đạo" in response.text  # and what the other person saved is shown
    task.refresh_from_db()
    assert task.content == "Nội dung của lãnh đạo"
    # saving again on purpose works: the form now carries the current version
    again = as_role("office").post(
        reverse("web:task_edit", args=[task.pk]), edit_data(task, content="Nội dung của trưởng phòng")
    )
    assert again.status_code == 302


def test_progress_note_marks_started_and_is_audited(pages, as_role):
    response = as_role("officer").post(
        reverse("web:task_note", args=[pages.task_a.pk]), {"text": "Đã dự thảo", "noted_on": "01/02/2024"}
    )
    assert response.status_code == 302
    pages.task_a.refresh_from_db()
    assert pages.task_a.started_on == D(2024, 2, 1)
    assert AuditEvent.objects.filter(object_id=pages.task_a.pk, action="note").exists()


def test_completion_before_assignment_is_explained(pages, as_role):
    response = as_role("unit_head").post(
        reverse("web:task_complete", args=[pages.task_a.pk]), {"completed_on": "01/01/2024"}
    )
    assert response.status_code == 400
    assert "Ngày hoàn thành không thể trước ngày giao." in response.text
    pages.task_a.refresh_from_db()
    assert pages.task_a.completed_on is None


def test_complete_with_an_outgoing_document_registered_inline(pages, as_role):
    response = as_role("unit_head").post(
        reverse("web:task_complete", args=[pages.task_a.pk]),
        {"completed_on": "26/02/2024", "new_number": "16/KH-UBND", "new_issued_on": "26/02/2024", "new_summary": "KH"},
    )
    assert response.status_code == 302
    pages.task_a.refresh_from_db()
    assert pages.task_a.completed_on == D(2024, 2, 26)
    assert pages.task_a.result_document.number_raw == "16/KH-UBND"
    assert pages.task_a.result_document.direction == "out"


def test_a_refused_completion_registers_no_document(pages, as_role):
    before = pages.world.org.documents.count()
    response = as_role("unit_head").post(
        reverse("web:task_complete", args=[pages.task_a.pk]),
        {"completed_on": "01/01/2024", "new_number": "17/KH-UBND", "new_issued_on": "01/01/2024"},
    )
    assert response.status_code == 400
    assert pages.world.org.documents.count() == before


def test_extension_approved_keeps_the_original_deadline_on_the_page(pages, as_role):
    response = as_role("leader").post(
        reverse("web:extension_decide", args=[pages.extension.pk]), {"decision": "approve", "decided_on": "05/02/2024"}
    )
    assert response.status_code == 302
    assert Extension.objects.get(pk=pages.extension.pk).status == "approved"
    detail = as_role("officer").get(reverse("web:task_detail", args=[pages.task_a.pk])).text
    assert "Thời hạn ban đầu" in detail
    assert "28/02/2024" in detail
    assert "31/03/2024" in detail


def test_split_to_officers(pages, as_role):
    officer = pages.world.people["officer"]
    data = {
        "ngay_giao": "15/01/2024",
        "phan-TOTAL_FORMS": "3",
        "phan-INITIAL_FORMS": "0",
        "phan-0-content": "Dự thảo kế hoạch",
        "phan-0-officer": officer.pk,
        "phan-0-deadline": "20/02/2024",
        "phan-1-content": "",
        "phan-2-content": "",
    }
    response = as_role("unit_head").post(reverse("web:task_split", args=[pages.task_a.pk]), data)
    assert response.status_code == 302
    child = pages.task_a.subtasks.get()
    assert (child.officer, child.deadline) == (officer, D(2024, 2, 20))


def test_buttons_follow_the_role(pages, as_role):
    url = reverse("web:task_detail", args=[pages.task_a.pk])
    assert "Báo cáo hoàn thành" in as_role("officer").get(url).text
    assert "Sửa nhiệm vụ" not in as_role("officer").get(url).text
    viewer = as_role("viewer").get(url).text
    assert "Bạn chỉ được xem nhiệm vụ này." in viewer
    assert "Báo cáo hoàn thành" not in viewer


def test_dashboard_counts_and_overdue_days(pages, as_role):
    today = timezone.localdate()
    office = pages.world.scope("office")
    task_create(
        scope=office,
        content="Sắp đến hạn",
        assigned_on=today,
        lead_unit=pages.world.unit_a,
        deadline=today + dt.timedelta(days=3),
    )
    response = as_role("office").get(reverse("web:dashboard"))
    text = response.text
    days = (today - D(2024, 2, 28)).days
    assert f"{days} ngày" in text  # task_a is overdue since 28/02/2024
    assert "Sắp đến hạn" in text
    assert response.context["summary"].counts.not_started == 3
