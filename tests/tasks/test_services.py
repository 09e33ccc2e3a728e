"""Task services: what a user notices — validation messages, roles, no lost updates, history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dieuhanh.core.errors import ConflictError
from dieuhanh.core.models import AuditEvent
from dieuhanh.tasks.models import Extension
from dieuhanh.tasks.services import (
    SplitPart,
    extension_decide,
    extension_grant,
    extension_request,
    progress_note_add,
    task_complete,
    task_create,
    task_reopen,
    task_split,
    task_update,
)
from dieuhanh.tasks.status import Status, status_at

D = dt.date
pytestmark = pytest.mark.django_db


def new_task(world, role="office", **kw):
    kw.setdefault("content", "Tham mưu xây dựng kế hoạch chuyển đổi số năm 2024")
    kw.setdefault("assigned_on", D(2024, 1, 10))
    return task_create(scope=world.scope(role), **kw)


def test_office_assigns_a_task_and_history_records_it(world):
    task = new_task(world, lead_unit=world.unit_a, coordinating_units=[world.unit_b], deadline=D(2024, 3, 31))
    assert task.original_deadline == task.deadline == D(2024, 3, 31)
    event = AuditEvent.objects.get(object_type="task", object_id=task.pk)
    assert event.action == "create"
    assert event.actor_name == world.people["office"].full_name
    assert event.changes["coordinating_units"] == [world.unit_b.name]


def test_text_is_nfc_normalised_on_the_way_in(world):
    decomposed = "Tham mu\u031bu"  # "ư" as u + combining horn
    task = new_task(world, content=decomposed)
    assert task.content == "Tham mưu"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"content": "   "}, "content", "Cần ghi nội dung công việc."),
        ({"deadline": D(2024, 1, 9)}, "deadline", "Thời hạn không thể trước ngày giao."),
        ({"completed_on": D(2024, 1, 9)}, "completed_on", "Ngày hoàn thành không thể trước ngày giao."),
        ({"completed_on": D(2999, 1, 1)}, "completed_on", "Ngày hoàn thành không thể ở tương lai."),
        ({"deadline": "2024-03-31"}, "deadline", "Ngày không hợp lệ."),
    ],
)
def test_bad_input_gets_a_vietnamese_message_and_creates_nothing(world, fields, field, message):
    with pytest.raises(ValidationError) as err:
        new_task(world, **fields)
    assert err.value.message_dict[field] == [message]
    assert not world.org.tasks.exists()


def test_a_unit_of_another_organisation_is_refused(world, other_world):
    with pytest.raises(ValidationError) as err:
        new_task(world, lead_unit=other_world.unit_a)
    assert "lead_unit" in err.value.message_dict


def test_lead_unit_cannot_also_coordinate(world):
    with pytest.raises(ValidationError):
        new_task(world, lead_unit=world.unit_a, coordinating_units=[world.unit_a])


@pytest.mark.parametrize("role", ["officer", "viewer", "admin"])
def test_roles_that_do_not_assign_cannot_create_tasks(world, role):
    with pytest.raises(PermissionDenied):
        new_task(world, role=role, lead_unit=world.unit_a)


def test_unit_head_assigns_within_own_unit_only(world):
    new_task(world, role="unit_head", lead_unit=world.unit_a, officer=world.people["officer"])
    with pytest.raises(PermissionDenied):
        new_task(world, role="unit_head", lead_unit=world.unit_b)


def test_second_save_of_a_stale_version_is_refused_and_nothing_is_overwritten(world):
    task = new_task(world)
    first = task_update(scope=world.scope("office"), task=task, version=task.version, content="Nội dung A")
    with pytest.raises(ConflictError):
        task_update(scope=world.scope("leader"), task=task, version=task.version, content="Nội dung B")
    task.refresh_from_db()
    assert task.content == "Nội dung A"
    assert task.version == first.version


def test_update_records_what_changed(world):
    task = new_task(world, deadline=D(2024, 3, 31))
    task_update(scope=world.scope("office"), task=task, version=task.version, deadline=D(2024, 4, 15))
    event = AuditEvent.objects.filter(object_id=task.pk, action="update").get()
    assert event.changes["deadline"] == ["2024-03-31", "2024-04-15"]
    assert event.changes["original_deadline"] == ["2024-03-31", "2024-04-15"]


def test_officer_in_charge_reports_progress_and_it_marks_the_task_started(world):
    task = new_task(world, lead_unit=world.unit_a, officer=world.people["officer"], deadline=D(2024, 3, 31))
    progress_note_add(scope=world.scope("officer"), task=task, text="Đã dự thảo kế hoạch", noted_on=D(2024, 2, 1))
    task.refresh_from_db()
    assert task.started_on == D(2024, 2, 1)
    assert status_at(task.facts(), D(2024, 2, 1)) is Status.IN_PROGRESS
    assert status_at(task.facts(), D(2024, 1, 31)) is Status.NOT_STARTED


def test_officer_cannot_touch_another_unit_s_task(world):
    task = new_task(world, lead_unit=world.unit_b)
    with pytest.raises(PermissionDenied):
        progress_note_add(scope=world.scope("officer"), task=task, text="x", noted_on=D(2024, 2, 1))


def test_unit_head_marks_own_unit_task_done_with_result(world):
    task = new_task(world, lead_unit=world.unit_a, deadline=D(2024, 3, 31))
    done = task_complete(
        scope=world.scope("unit_head"), task=task, completed_on=D(2024, 3, 30), result_text="Báo cáo số 12/BC-KHCN"
    )
    assert status_at(done.facts(), D(2024, 4, 1)) is Status.DONE_ON_TIME
    assert AuditEvent.objects.filter(object_id=task.pk, action="complete").exists()


def test_completion_before_assignment_is_refused(world):
    task = new_task(world, lead_unit=world.unit_a)
    with pytest.raises(ValidationError) as err:
        task_complete(scope=world.scope("office"), task=task, completed_on=D(2024, 1, 1))
    assert err.value.message_dict["completed_on"] == ["Ngày hoàn thành không thể trước ngày giao."]
    task.refresh_from_db()
    assert task.completed_on is None


def test_reopen_needs_a_reason(world):
    task = new_task(world, completed_on=D(2024, 2, 1))
    with pytest.raises(ValidationError):
        task_reopen(scope=world.scope("office"), task=task, reason=" ")
    reopened = task_reopen(scope=world.scope("office"), task=task, reason="Kết quả chưa đạt yêu cầu")
    assert reopened.completed_on is None


def test_extension_keeps_the_original_deadline_and_counts_from_approval(world):
    task = new_task(world, lead_unit=world.unit_a, deadline=D(2024, 3, 20), started_on=D(2024, 1, 10))
    request = extension_request(
        scope=world.scope("unit_head"),
        task=task,
        requested_deadline=D(2024, 4, 30),
        reason="Chờ ý kiến các sở",
        requested_on=D(2024, 3, 18),
    )
    extension_decide(scope=world.scope("office"), extension=request, approve=True, decided_on=D(2024, 3, 25))
    task.refresh_from_db()
    assert (task.original_deadline, task.deadline) == (D(2024, 3, 20), D(2024, 4, 30))
    assert status_at(task.facts(), D(2024, 3, 22)) is Status.OVERDUE
    assert status_at(task.facts(), D(2024, 3, 26)) is Status.IN_PROGRESS


def test_only_the_assigning_side_decides_extensions(world):
    task = new_task(world, lead_unit=world.unit_a, deadline=D(2024, 3, 20))
    request = extension_request(
        scope=world.scope("unit_head"),
        task=task,
        requested_deadline=D(2024, 4, 30),
        reason="x",
        requested_on=D(2024, 3, 1),
    )
    with pytest.raises(PermissionDenied):
        extension_decide(scope=world.scope("unit_head"), extension=request, approve=True)


def test_extension_must_move_the_deadline_later(world):
    task = new_task(world, deadline=D(2024, 3, 20))
    with pytest.raises(ValidationError) as err:
        extension_request(scope=world.scope("office"), task=task, requested_deadline=D(2024, 3, 20), reason="x")
    assert "requested_deadline" in err.value.message_dict


def test_rejected_extension_leaves_the_deadline(world):
    task = new_task(world, deadline=D(2024, 3, 20))
    request = extension_request(
        scope=world.scope("office"), task=task, requested_deadline=D(2024, 4, 1), reason="x", requested_on=D(2024, 3, 1)
    )
    extension_decide(
        scope=world.scope("leader"), extension=request, approve=False, decided_on=D(2024, 3, 2), note="Không đủ căn cứ"
    )
    task.refresh_from_db()
    assert task.deadline == D(2024, 3, 20)
    assert not task.has_extensions
    assert Extension.objects.get(pk=request.pk).status == Extension.State.REJECTED


def test_direct_update_of_deadline_after_extension_is_refused(world):
    task = new_task(world, deadline=D(2024, 3, 20))
    extension_grant(
        scope=world.scope("office"),
        task=task,
        new_deadline=D(2024, 4, 30),
        reason="UBND đồng ý",
        decided_on=D(2024, 3, 15),
    )
    task.refresh_from_db()
    with pytest.raises(ValidationError):
        task_update(scope=world.scope("office"), task=task, version=task.version, deadline=D(2024, 5, 1))


def test_split_creates_tracked_subtasks_and_starts_the_parent(world):
    parent = new_task(world, lead_unit=world.unit_a, deadline=D(2024, 3, 31))
    children = task_split(
        scope=world.scope("unit_head"),
        task=parent,
        parts=[SplitPart("Dự thảo", officer=world.people["officer"], deadline=D(2024, 3, 15)), SplitPart("Lấy ý kiến")],
        assigned_on=D(2024, 1, 15),
    )
    parent.refresh_from_db()
    assert [c.parent_id for c in children] == [parent.pk, parent.pk]
    assert children[1].deadline == D(2024, 3, 31)
    assert parent.started_on == D(2024, 1, 15)


def test_split_part_cannot_outlast_its_parent(world):
    parent = new_task(world, lead_unit=world.unit_a, deadline=D(2024, 3, 31))
    with pytest.raises(ValidationError):
        task_split(scope=world.scope("office"), task=parent, parts=[SplitPart("x", deadline=D(2024, 4, 30))])


def test_audit_events_cannot_be_edited(world):
    task = new_task(world)
    event = AuditEvent.objects.get(object_id=task.pk)
    event.note = "sửa"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
