"""The task endpoints, as a machine client of each kind of role uses them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from dieuhanh.tasks.models import Extension, Task
from dieuhanh.tasks.services import extension_request, task_create
from tests.factories import AssignerFactory, DocumentFactory, TaskFactory

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def directive(world):
    return DocumentFactory(org=world.org, number_raw="181/UBND-KGVX", issuer="UBND tỉnh")


@pytest.fixture
def task(world, directive):
    return task_create(
        scope=world.scope("office"),
        content="Tham mưu xây dựng kế hoạch chuyển đổi số của Tỉnh ủy",
        assigned_on=D(2024, 1, 10),
        deadline=D(2024, 3, 31),
        lead_unit=world.unit_a,
        coordinating_units=[world.unit_b],
        officer=world.people["officer"],
        source_document=directive,
    )


# --- list -----------------------------------------------------------------------------------


def test_list_shows_status_at_a_date_with_days_overdue(world, as_role, task):
    body = as_role("office").get("/tasks", {"status_on": "2024-04-10"}).body
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["status"], item["status_label"]) == ("not_started", "Chưa thực hiện")
    assert (item["deadline_at"], item["days_overdue"]) == ("2024-03-31", 10)
    assert item["lead_unit"]["name"] == "Phòng Quản lý khoa học"
    assert [u["id"] for u in item["coordinating_units"]] == [world.unit_b.pk]
    assert item["source_document"]["number_raw"] == "181/UBND-KGVX"


def test_list_search_ignores_diacritics(as_role, task):
    assert as_role("office").get("/tasks", {"q": "tinh uy"}).body["count"] == 1
    assert as_role("office").get("/tasks", {"q": "181/ubnd"}).body["count"] == 1
    assert as_role("office").get("/tasks", {"q": "khong co"}).body["count"] == 0


def test_list_filters_by_status_unit_officer_assigner_document_and_deadline(world, as_role, task, directive):
    assigner = AssignerFactory(org=world.org)
    other = TaskFactory(org=world.org, lead_unit=world.unit_b, assigner=assigner, original_deadline=D(2024, 6, 30))
    office = as_role("office")

    def ids(**params):
        return [i["id"] for i in office.get("/tasks", params).body["items"]]

    assert ids(unit_id=world.unit_a.pk) == [task.pk]
    assert set(ids(unit_id=world.unit_b.pk)) == {task.pk, other.pk}  # lead or coordinating
    assert ids(officer_id=world.people["officer"].pk) == [task.pk]
    assert ids(assigner_id=assigner.pk) == [other.pk]
    assert ids(source_document_id=directive.pk) == [task.pk]
    assert ids(deadline_from="2024-04-01", deadline_to="2024-12-31") == [other.pk]
    assert ids(status="overdue", status_on="2024-04-01") == []
    assert set(ids(past_deadline="true", status_on="2024-04-01")) == {task.pk}


def test_list_refuses_a_deadline_range_the_wrong_way_round(as_role):
    response = as_role("office").get("/tasks", {"deadline_from": "2024-12-31", "deadline_to": "2024-01-01"})
    assert response.status == 422
    assert "deadline_to" in response.body["fields"]


def test_list_is_paginated_and_ordered(world, as_role):
    for day in range(1, 6):
        TaskFactory(org=world.org, assigned_on=D(2024, 1, day), original_deadline=D(2024, 2, 6 - day))
    office = as_role("office")
    page = office.get("/tasks", {"page": 2, "page_size": 2, "ordering": "deadline"}).body
    assert (page["count"], page["pages"], page["page"]) == (5, 3, 2)
    assert [i["deadline"] for i in page["items"]] == ["2024-02-03", "2024-02-04"]
    assert office.get("/tasks", {"page": 9}).body["items"] == []


def test_a_unit_role_lists_only_its_units_tasks(world, as_role, task):
    TaskFactory(org=world.org, lead_unit=world.office_unit)
    assert [i["id"] for i in as_role("unit_head").get("/tasks").body["items"]] == [task.pk]
    assert as_role("other_officer").get("/tasks", {"unit_id": world.unit_a.pk}).body["count"] == 1  # coordinates


# --- detail ---------------------------------------------------------------------------------


def test_detail_has_notes_extensions_subtasks_and_what_the_caller_may_do(world, as_role, task):
    officer = as_role("officer")
    officer.post(f"/tasks/{task.pk}/notes", {"text": "Đã có dự thảo", "noted_on": "2024-01-20"})
    officer.post(f"/tasks/{task.pk}/extensions", {"requested_deadline": "2024-05-31", "reason": "Chờ ý kiến Bộ"})
    as_role("office").post(f"/tasks/{task.pk}/split", {"assigned_on": "2024-01-25", "parts": [{"content": "Phần 1"}]})
    body = officer.get(f"/tasks/{task.pk}").body
    assert [n["text"] for n in body["notes"]] == ["Đã có dự thảo"]
    assert body["started_on"] == "2024-01-20"
    assert body["extensions"][0]["status"] == "pending"
    assert body["extensions"][0]["requested_by"] == world.people["officer"].full_name
    assert [s["content"] for s in body["subtasks"]] == ["Phần 1"]
    assert body["can"] == {"edit": False, "work_on": True, "decide_extensions": False}
    assert as_role("office").get(f"/tasks/{task.pk}").body["can"]["decide_extensions"] is True


def test_detail_names_the_parent_only_when_the_caller_sees_it(world, as_role):
    parent = TaskFactory(org=world.org, lead_unit=world.unit_b)
    child = TaskFactory(org=world.org, lead_unit=world.unit_b, parent=parent, officer=world.people["officer"])
    body = as_role("officer").get(f"/tasks/{child.pk}").body
    assert body["parent_id"] == parent.pk
    assert body["parent"] is None
    assert as_role("office").get(f"/tasks/{child.pk}").body["parent"]["id"] == parent.pk


# --- create ---------------------------------------------------------------------------------


def test_office_assigns_a_task_from_a_directive(world, as_role, directive):
    assigner = AssignerFactory(org=world.org, name="UBND tỉnh")
    response = as_role("office").post(
        "/tasks",
        {
            "content": "Tham mu\u031bu ke\u0302\u0301 hoa\u0323ch",  # decomposed Unicode, as some keyboards send
            "assigned_on": "2024-01-10",
            "deadline": "2024-06-30",
            "deadline_text": "Quý II/2024",
            "lead_unit_id": world.unit_a.pk,
            "coordinating_unit_ids": [world.unit_b.pk],
            "officer_id": world.people["officer"].pk,
            "deputy_id": world.people["leader"].pk,
            "assigner_id": assigner.pk,
            "source_document_id": directive.pk,
        },
    )
    assert response.status == 201
    task = Task.objects.get(pk=response.body["id"])
    assert task.content == "Tham mưu kế hoạch"
    assert (task.original_deadline, task.deadline_text, task.assigner) == (D(2024, 6, 30), "Quý II/2024", assigner)
    assert response.body["deputy"]["id"] == world.people["leader"].pk
    assert response.body["version"] == 1


def test_assigned_on_defaults_to_today(as_role):
    response = as_role("office").post("/tasks", {"content": "Việc hôm nay"})
    assert response.body["assigned_on"] == timezone.localdate().isoformat()


def test_a_unit_head_assigns_within_the_unit_only(world, as_role):
    head = as_role("unit_head")
    assert head.post("/tasks", {"content": "Việc của phòng", "lead_unit_id": world.unit_a.pk}).status == 201
    assert head.post("/tasks", {"content": "Việc phòng khác", "lead_unit_id": world.unit_b.pk}).status == 403


def test_a_deadline_before_assignment_is_refused_with_nothing_created(world, as_role):
    response = as_role("office").post("/tasks", {"content": "X", "assigned_on": "2024-03-01", "deadline": "2024-02-01"})
    assert response.status == 422
    assert response.body["fields"] == {"deadline": ["Thời hạn không thể trước ngày giao."]}
    assert not world.org.tasks.exists()


def test_a_document_the_caller_cannot_see_is_not_found(world, as_role):
    hidden = DocumentFactory(org=world.org)
    response = as_role("unit_head").post(
        "/tasks", {"content": "X", "lead_unit_id": world.unit_a.pk, "source_document_id": hidden.pk}
    )
    assert response.status == 422
    assert "source_document_id" in response.body["fields"]


# --- update and lost updates ----------------------------------------------------------------


def test_update_changes_only_the_fields_sent(world, as_role, task):
    response = as_role("office").patch(
        f"/tasks/{task.pk}", {"version": task.version, "deadline": "2024-04-30", "officer_id": None}
    )
    assert response.status == 200
    task.refresh_from_db()
    assert (task.deadline, task.original_deadline, task.officer) == (D(2024, 4, 30), D(2024, 4, 30), None)
    assert task.content.startswith("Tham mưu")
    assert response.body["version"] == task.version == 2


def test_the_second_of_two_concurrent_edits_gets_409_and_overwrites_nothing(world, as_role, task):
    read_by_office = as_role("office").get(f"/tasks/{task.pk}").body
    read_by_head = as_role("unit_head").get(f"/tasks/{task.pk}").body
    first = as_role("office").patch(
        f"/tasks/{task.pk}", {"version": read_by_office["version"], "content": "Bản của Văn phòng"}
    )
    second = as_role("unit_head").patch(
        f"/tasks/{task.pk}", {"version": read_by_head["version"], "content": "Bản của trưởng phòng"}
    )
    assert first.status == 200
    assert second.status == 409
    assert second.body["code"] == "conflict"
    assert "chưa có gì được lưu" in second.body["message"]
    task.refresh_from_db()
    assert (task.content, task.version) == ("Bản của Văn phòng", 2)


def test_update_needs_a_version(as_role, task):
    response = as_role("office").patch(f"/tasks/{task.pk}", {"content": "Không có version"})
    assert response.status == 422
    assert response.body["fields"] == {"version": ["Thiếu thông tin bắt buộc."]}


def test_after_an_extension_the_deadline_changes_only_by_another_extension(world, as_role, task):
    extension = extension_request(
        scope=world.scope("officer"), task=task, requested_deadline=D(2024, 5, 31), reason="Chờ"
    )
    as_role("office").post(f"/tasks/{task.pk}/extensions/{extension.pk}/decision", {"approve": True})
    task.refresh_from_db()
    response = as_role("office").patch(f"/tasks/{task.pk}", {"version": task.version, "deadline": "2024-12-31"})
    assert response.status == 422
    assert "deadline" in response.body["fields"]


# --- work on a task -------------------------------------------------------------------------


def test_officer_marks_started_and_notes_progress(as_role, task):
    officer = as_role("officer")
    started = officer.post(f"/tasks/{task.pk}/start", {"started_on": "2024-01-15"})
    assert started.status == 200
    assert started.body["started_on"] == "2024-01-15"
    note = officer.post(f"/tasks/{task.pk}/notes", {"text": "Đã gửi xin ý kiến các sở"})
    assert note.status == 201
    assert note.body["noted_on"] == timezone.localdate().isoformat()


def test_a_start_in_the_future_is_refused(as_role, task):
    response = as_role("officer").post(f"/tasks/{task.pk}/start", {"started_on": "2999-01-01"})
    assert response.status == 422
    assert response.body["fields"] == {"started_on": ["Ngày bắt đầu không thể ở tương lai."]}


def test_officer_completes_with_a_result_document(world, as_role, task):
    result = DocumentFactory(org=world.org, number_raw="199/KHCN-QLKH", created_by=world.people["officer"].user)
    response = as_role("officer").post(
        f"/tasks/{task.pk}/complete",
        {"completed_on": "2024-03-20", "result_document_id": result.pk, "result_text": "Đã ban hành kế hoạch"},
    )
    assert response.status == 200
    assert (response.body["status"], response.body["result_document"]["id"]) == ("done_on_time", result.pk)


@pytest.mark.parametrize(
    ("completed_on", "message"),
    [
        ("2024-01-09", "Ngày hoàn thành không thể trước ngày giao."),
        ("2999-01-01", "Ngày hoàn thành không thể ở tương lai."),
    ],
)
def test_impossible_completion_dates_are_refused(as_role, task, completed_on, message):
    response = as_role("officer").post(f"/tasks/{task.pk}/complete", {"completed_on": completed_on})
    assert response.status == 422
    assert response.body["fields"] == {"completed_on": [message]}
    task.refresh_from_db()
    assert task.completed_on is None


def test_completion_with_a_stale_version_is_409(as_role, task):
    response = as_role("officer").post(f"/tasks/{task.pk}/complete", {"completed_on": "2024-03-01", "version": 99})
    assert response.status == 409


def test_reopen_needs_a_reason(as_role, task):
    as_role("office").post(f"/tasks/{task.pk}/complete", {"completed_on": "2024-03-01"})
    assert as_role("office").post(f"/tasks/{task.pk}/reopen", {"reason": " "}).status == 422
    reopened = as_role("office").post(f"/tasks/{task.pk}/reopen", {"reason": "Kết quả chưa đạt"})
    assert reopened.status == 200
    assert reopened.body["completed_on"] is None


# --- extensions -----------------------------------------------------------------------------


def test_an_approved_extension_keeps_the_original_deadline(world, as_role, task):
    requested = as_role("officer").post(
        f"/tasks/{task.pk}/extensions", {"requested_deadline": "2024-05-31", "reason": "Chờ ý kiến Bộ"}
    )
    assert requested.status == 201
    assert requested.body["previous_deadline"] == "2024-03-31"
    approving = DocumentFactory(org=world.org, number_raw="55/UBND-KGVX")
    decided = as_role("leader").post(
        f"/tasks/{task.pk}/extensions/{requested.body['id']}/decision",
        {"approve": True, "approved_deadline": "2024-05-15", "approving_document_id": approving.pk, "note": "Đồng ý"},
    )
    assert decided.status == 200
    assert (decided.body["status"], decided.body["approved_deadline"]) == ("approved", "2024-05-15")
    assert decided.body["approving_document"]["number_raw"] == "55/UBND-KGVX"
    detail = as_role("officer").get(f"/tasks/{task.pk}").body
    assert (detail["original_deadline"], detail["deadline"], detail["has_extensions"]) == (
        "2024-03-31",
        "2024-05-15",
        True,
    )


def test_a_second_pending_request_is_refused(as_role, task):
    body = {"requested_deadline": "2024-05-31", "reason": "Chờ"}
    assert as_role("officer").post(f"/tasks/{task.pk}/extensions", body).status == 201
    second = as_role("officer").post(f"/tasks/{task.pk}/extensions", body)
    assert second.status == 422
    assert second.body["fields"] == {"requested_deadline": ["Nhiệm vụ đang có một đề nghị gia hạn chờ duyệt."]}


def test_a_refused_extension_changes_no_deadline(as_role, task):
    requested = as_role("officer").post(
        f"/tasks/{task.pk}/extensions", {"requested_deadline": "2024-05-31", "reason": "Chờ"}
    )
    decided = as_role("office").post(
        f"/tasks/{task.pk}/extensions/{requested.body['id']}/decision", {"approve": False, "note": "Không đồng ý"}
    )
    assert decided.body["status"] == "rejected"
    task.refresh_from_db()
    assert task.deadline == D(2024, 3, 31)


def test_an_extension_of_another_task_is_not_found_under_this_one(world, as_role, task):
    other = TaskFactory(org=world.org, lead_unit=world.unit_a)
    extension = Extension.objects.create(
        org=world.org, task=other, requested_on=D(2024, 1, 11), reason="x", requested_deadline=D(2024, 9, 1)
    )
    response = as_role("office").post(f"/tasks/{task.pk}/extensions/{extension.pk}/decision", {"approve": True})
    assert response.status == 404


# --- split ----------------------------------------------------------------------------------


def test_split_creates_subtasks_and_starts_the_parent(world, as_role, task):
    response = as_role("unit_head").post(
        f"/tasks/{task.pk}/split",
        {
            "assigned_on": "2024-01-20",
            "parts": [
                {"content": "Dự thảo kế hoạch", "officer_id": world.people["officer"].pk, "deadline": "2024-02-29"},
                {"content": "Lấy ý kiến các sở"},
            ],
        },
    )
    assert response.status == 201
    assert [p["content"] for p in response.body] == ["Dự thảo kế hoạch", "Lấy ý kiến các sở"]
    assert {p["parent_id"] for p in response.body} == {task.pk}
    assert response.body[1]["deadline"] == "2024-03-31"  # the parent's
    task.refresh_from_db()
    assert task.started_on == D(2024, 1, 20)


def test_a_part_due_after_the_parent_is_refused_and_nothing_is_created(world, as_role, task):
    response = as_role("office").post(
        f"/tasks/{task.pk}/split",
        {"assigned_on": "2024-01-20", "parts": [{"content": "A"}, {"content": "B", "deadline": "2024-12-31"}]},
    )
    assert response.status == 422
    assert not task.subtasks.exists()


def test_split_needs_at_least_one_part(as_role, task):
    response = as_role("office").post(f"/tasks/{task.pk}/split", {"parts": []})
    assert response.status == 422
    assert response.body["fields"] == {"parts": ["Cần ít nhất 1 phần tử."]}
