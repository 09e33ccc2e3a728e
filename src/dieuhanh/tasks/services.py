"""Writes to tasks. Each service validates, checks the actor's right, saves and audits in one
transaction; bad input raises `ValidationError` with Vietnamese messages keyed by field.

- `task_create`: assign a task (from a document or not), also a sub-task with `parent`.
- `task_update`: change a task; `ConflictError` if it changed since `version` was read.
- `task_mark_started`, `progress_note_add`: record that work has started / how it goes.
- `task_complete`, `task_reopen`: close a task with its date and result, or reopen it.
- `extension_request`, `extension_decide`, `extension_grant`: gia hạn, keeping both deadlines.
- `task_split`: split a task into sub-tasks for units or officers (giao tiếp).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from dieuhanh.core import audit, clock
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.models import AuditEvent
from dieuhanh.core.text import clean, nfc
from dieuhanh.orgs.models import Person, Role, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.models import Extension, ProgressNote, Task
from dieuhanh.tasks.selectors import can_edit, can_work_on

AUDITED_FIELDS = [
    "content",
    "source_document",
    "assigner",
    "lead_unit",
    "coordinating_units",
    "officer",
    "deputy",
    "assigned_on",
    "original_deadline",
    "deadline",
    "deadline_text",
    "started_on",
    "completed_on",
    "result_document",
    "result_text",
    "parent",
]
UPDATABLE_FIELDS = {
    "content",
    "source_document",
    "assigner",
    "lead_unit",
    "coordinating_units",
    "officer",
    "deputy",
    "assigned_on",
    "deadline",
    "deadline_text",
    "result_text",
}


def _today() -> dt.date:
    return clock.today()


def _check_same_org(scope: Scope, objects: Iterable[models.Model | None], field: str) -> None:
    for obj in objects:
        if obj is not None and getattr(obj, "org_id", None) != scope.org.pk:
            raise ValidationError({field: "Chỉ chọn được trong danh mục của cơ quan mình."})


def _check_dates(**dates: Any) -> None:
    for field, value in dates.items():
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            raise ValidationError({field: "Ngày không hợp lệ."})


def _validate(task: Task, coordinating: Sequence[Unit]) -> None:
    errors: dict[str, str] = {}
    if not clean(task.content):
        errors["content"] = "Cần ghi nội dung công việc."
    if task.assigned_on is None:
        errors["assigned_on"] = "Cần ngày giao."
    else:
        if task.original_deadline and task.original_deadline < task.assigned_on:
            errors["deadline"] = "Thời hạn không thể trước ngày giao."
        if task.completed_on and task.completed_on < task.assigned_on:
            errors["completed_on"] = "Ngày hoàn thành không thể trước ngày giao."
        if task.started_on and task.started_on < task.assigned_on:
            errors["started_on"] = "Ngày bắt đầu không thể trước ngày giao."
    if task.completed_on and task.completed_on > _today():
        errors["completed_on"] = "Ngày hoàn thành không thể ở tương lai."
    if task.lead_unit_id and any(u.pk == task.lead_unit_id for u in coordinating):
        errors["coordinating_units"] = "Đơn vị chủ trì không đồng thời là đơn vị phối hợp."
    if task.parent_id and task.pk and task.parent_id == task.pk:
        errors["parent"] = "Nhiệm vụ không thể là nhiệm vụ cha của chính nó."
    if errors:
        raise ValidationError(errors)


def _may_create(scope: Scope, lead_unit: Unit | None, parent: Task | None) -> bool:
    if scope.is_read_only:
        return False
    if scope.can_assign:
        return True
    # A unit head assigns within their own unit (giao cho chuyên viên, chia nhỏ nhiệm vụ).
    if scope.role != Role.UNIT_HEAD or scope.unit_id is None or lead_unit is None:
        return False
    return lead_unit.pk == scope.unit_id and (parent is None or can_work_on(scope, parent))


@transaction.atomic
def task_create(
    *,
    scope: Scope,
    content: str,
    assigned_on: dt.date,
    source_document: Any = None,
    assigner: Any = None,
    lead_unit: Unit | None = None,
    coordinating_units: Sequence[Unit] = (),
    officer: Person | None = None,
    deputy: Person | None = None,
    deadline: dt.date | None = None,
    deadline_text: str = "",
    parent: Task | None = None,
    started_on: dt.date | None = None,
    completed_on: dt.date | None = None,
    result_document: Any = None,
    result_text: str = "",
) -> Task:
    if not _may_create(scope, lead_unit, parent):
        raise PermissionDenied("Vai trò của bạn không được giao nhiệm vụ này.")
    _check_dates(assigned_on=assigned_on, deadline=deadline, started_on=started_on, completed_on=completed_on)
    coordinating = list(coordinating_units)
    _check_same_org(scope, [lead_unit], "lead_unit")
    _check_same_org(scope, coordinating, "coordinating_units")
    _check_same_org(scope, [officer], "officer")
    _check_same_org(scope, [deputy], "deputy")
    _check_same_org(scope, [source_document, result_document], "source_document")
    _check_same_org(scope, [assigner], "assigner")
    _check_same_org(scope, [parent], "parent")
    task = Task(
        org=scope.org,
        content=nfc(content).strip(),
        source_document=source_document,
        assigner=assigner,
        lead_unit=lead_unit,
        officer=officer,
        deputy=deputy,
        assigned_on=assigned_on,
        original_deadline=deadline,
        deadline=deadline,
        deadline_text=clean(deadline_text),
        parent=parent,
        started_on=started_on,
        completed_on=completed_on,
        result_document=result_document,
        result_text=nfc(result_text).strip(),
        created_by=scope.user,
    )
    _validate(task, coordinating)
    task.save()
    if coordinating:
        task.coordinating_units.set(coordinating)
    if parent is not None and (parent.started_on is None or parent.started_on > assigned_on):
        # Splitting a task is work on it: the parent counts as started from then on.
        _start(scope, parent, max(assigned_on, parent.assigned_on), reason="Giao tiếp cho đơn vị, cán bộ")
    audit.record(scope=scope, obj=task, action=AuditEvent.Action.CREATE, changes=audit.snapshot(task, AUDITED_FIELDS))
    return task


def _locked(scope: Scope, task: Task, version: int | None) -> Task:
    current = Task.objects.select_for_update().get(pk=task.pk, org=scope.org)
    if version is not None and current.version != version:
        raise ConflictError()
    return current


def _save(scope: Scope, task: Task, before: dict[str, Any], action: str, note: str = "") -> Task:
    task.version += 1
    task.save()
    changes = audit.diff(before, audit.snapshot(task, AUDITED_FIELDS))
    audit.record(scope=scope, obj=task, action=action, changes=changes, note=note)
    return task


@transaction.atomic
def task_update(*, scope: Scope, task: Task, version: int, **fields: Any) -> Task:
    unknown = set(fields) - UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"Not updatable: {sorted(unknown)}")
    current = _locked(scope, task, version)
    if not can_edit(scope, current):
        raise PermissionDenied("Vai trò của bạn không được sửa nhiệm vụ này.")
    _check_dates(**{k: v for k, v in fields.items() if k in {"assigned_on", "deadline"}})
    before = audit.snapshot(current, AUDITED_FIELDS)
    coordinating = fields.pop("coordinating_units", None)
    for related in ("lead_unit", "officer", "deputy", "source_document", "assigner"):
        if related in fields:
            _check_same_org(scope, [fields[related]], related)
    if coordinating is not None:
        coordinating = list(coordinating)
        _check_same_org(scope, coordinating, "coordinating_units")
    if "deadline" in fields and fields["deadline"] != current.deadline:
        if current.extensions.filter(status=Extension.State.APPROVED).exists():
            raise ValidationError({"deadline": "Nhiệm vụ đã được gia hạn: thay đổi thời hạn bằng một lần gia hạn mới."})
        current.original_deadline = fields["deadline"]
    for name, value in fields.items():
        if name in {"content", "result_text"}:
            value = nfc(value).strip()
        elif name == "deadline_text":
            value = clean(value)
        setattr(current, name, value)
    _validate(current, coordinating if coordinating is not None else list(current.coordinating_units.all()))
    if coordinating is not None:
        current.coordinating_units.set(coordinating)
    return _save(scope, current, before, AuditEvent.Action.UPDATE)


def _start(scope: Scope, task: Task, on: dt.date, *, reason: str) -> None:
    before = audit.snapshot(task, AUDITED_FIELDS)
    task.started_on = on
    _save(scope, task, before, AuditEvent.Action.START, note=reason)


@transaction.atomic
def task_mark_started(*, scope: Scope, task: Task, started_on: dt.date, version: int | None = None) -> Task:
    current = _locked(scope, task, version)
    if not can_work_on(scope, current):
        raise PermissionDenied("Bạn không được cập nhật nhiệm vụ này.")
    _check_dates(started_on=started_on)
    if started_on < current.assigned_on:
        raise ValidationError({"started_on": "Ngày bắt đầu không thể trước ngày giao."})
    if started_on > _today():
        raise ValidationError({"started_on": "Ngày bắt đầu không thể ở tương lai."})
    if current.started_on is None or started_on < current.started_on:
        _start(scope, current, started_on, reason="Đánh dấu bắt đầu thực hiện")
    return current


@transaction.atomic
def progress_note_add(*, scope: Scope, task: Task, text: str, noted_on: dt.date | None = None) -> ProgressNote:
    current = _locked(scope, task, None)
    if not can_work_on(scope, current):
        raise PermissionDenied("Bạn không được cập nhật tiến độ nhiệm vụ này.")
    noted_on = noted_on or _today()
    _check_dates(noted_on=noted_on)
    text = nfc(text).strip()
    errors = {}
    if not text:
        errors["text"] = "Cần ghi nội dung tiến độ."
    if noted_on < current.assigned_on:
        errors["noted_on"] = "Ngày ghi tiến độ không thể trước ngày giao."
    elif noted_on > _today():
        errors["noted_on"] = "Ngày ghi tiến độ không thể ở tương lai."
    if errors:
        raise ValidationError(errors)
    note = ProgressNote.objects.create(
        org=scope.org, task=current, noted_on=noted_on, text=text, author=scope.user, author_name=scope.actor_name
    )
    if current.started_on is None or noted_on < current.started_on:
        _start(scope, current, noted_on, reason="Có tiến độ thực hiện")
    audit.record(scope=scope, obj=current, action=AuditEvent.Action.NOTE, note=text[:500])
    return note


@transaction.atomic
def task_complete(
    *,
    scope: Scope,
    task: Task,
    completed_on: dt.date,
    result_document: Any = None,
    result_text: str = "",
    version: int | None = None,
) -> Task:
    current = _locked(scope, task, version)
    if not can_work_on(scope, current):
        raise PermissionDenied("Bạn không được cập nhật kết quả nhiệm vụ này.")
    _check_dates(completed_on=completed_on)
    _check_same_org(scope, [result_document], "result_document")
    before = audit.snapshot(current, AUDITED_FIELDS)
    current.completed_on = completed_on
    if result_document is not None:
        current.result_document = result_document
    if result_text:
        current.result_text = nfc(result_text).strip()
    _validate(current, list(current.coordinating_units.all()))
    return _save(scope, current, before, AuditEvent.Action.COMPLETE)


@transaction.atomic
def task_reopen(*, scope: Scope, task: Task, reason: str, version: int | None = None) -> Task:
    current = _locked(scope, task, version)
    if not can_edit(scope, current):
        raise PermissionDenied("Bạn không được mở lại nhiệm vụ này.")
    if current.completed_on is None:
        raise ValidationError({"completed_on": "Nhiệm vụ chưa hoàn thành."})
    if not clean(reason):
        raise ValidationError({"reason": "Cần ghi lý do mở lại."})
    before = audit.snapshot(current, AUDITED_FIELDS)
    current.completed_on = None
    return _save(scope, current, before, AuditEvent.Action.REOPEN, note=clean(reason))


@transaction.atomic
def extension_request(
    *,
    scope: Scope,
    task: Task,
    requested_deadline: dt.date,
    reason: str,
    requested_on: dt.date | None = None,
) -> Extension:
    current = _locked(scope, task, None)
    if not can_work_on(scope, current):
        raise PermissionDenied("Bạn không được đề nghị gia hạn nhiệm vụ này.")
    requested_on = requested_on or _today()
    _check_dates(requested_deadline=requested_deadline, requested_on=requested_on)
    errors = {}
    if current.completed_on is not None:
        errors["requested_deadline"] = "Nhiệm vụ đã hoàn thành, không cần gia hạn."
    elif current.deadline is not None and requested_deadline <= current.deadline:
        errors["requested_deadline"] = f"Thời hạn đề nghị phải sau thời hạn hiện tại ({current.deadline:%d/%m/%Y})."
    elif requested_deadline < current.assigned_on:
        errors["requested_deadline"] = "Thời hạn đề nghị không thể trước ngày giao."
    if not clean(reason):
        errors["reason"] = "Cần ghi lý do đề nghị gia hạn."
    if current.extensions.filter(status=Extension.State.PENDING).exists():
        errors["requested_deadline"] = "Nhiệm vụ đang có một đề nghị gia hạn chờ duyệt."
    if errors:
        raise ValidationError(errors)
    extension = Extension.objects.create(
        org=scope.org,
        task=current,
        requested_on=requested_on,
        requested_by=scope.user,
        reason=nfc(reason).strip(),
        previous_deadline=current.deadline,
        requested_deadline=requested_deadline,
    )
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.EXTEND_REQUEST,
        changes={"requested_deadline": [audit._jsonable(current.deadline), requested_deadline.isoformat()]},
        note=extension.reason,
    )
    return extension


@transaction.atomic
def extension_decide(
    *,
    scope: Scope,
    extension: Extension,
    approve: bool,
    decided_on: dt.date | None = None,
    approved_deadline: dt.date | None = None,
    approving_document: Any = None,
    note: str = "",
) -> Extension:
    if not scope.can_assign:
        raise PermissionDenied("Chỉ Văn phòng và Lãnh đạo Sở được quyết định gia hạn.")
    current = Extension.objects.select_for_update().get(pk=extension.pk, org=scope.org)
    if current.status != Extension.State.PENDING:
        raise ValidationError({"status": "Đề nghị gia hạn này đã được quyết định."})
    decided_on = decided_on or _today()
    _check_dates(decided_on=decided_on, approved_deadline=approved_deadline)
    _check_same_org(scope, [approving_document], "approving_document")
    if decided_on < current.requested_on:
        raise ValidationError({"decided_on": "Ngày quyết định không thể trước ngày đề nghị."})
    task = _locked(scope, current.task, None)
    current.decided_on = decided_on
    current.decided_by = scope.user
    current.decision_note = nfc(note).strip()
    current.approving_document = approving_document
    before = audit.snapshot(task, AUDITED_FIELDS)
    if approve:
        deadline = approved_deadline or current.requested_deadline
        if deadline < task.assigned_on:
            raise ValidationError({"approved_deadline": "Thời hạn được duyệt không thể trước ngày giao."})
        current.status = Extension.State.APPROVED
        current.approved_deadline = deadline
        task.deadline = deadline
        task.has_extensions = True
    else:
        current.status = Extension.State.REJECTED
    current.save()
    _save(
        scope,
        task,
        before,
        AuditEvent.Action.EXTEND_DECIDE,
        note=f"{current.get_status_display()}: {current.decision_note}",
    )
    return current


def extension_grant(
    *,
    scope: Scope,
    task: Task,
    new_deadline: dt.date,
    reason: str,
    decided_on: dt.date | None = None,
    approving_document: Any = None,
) -> Extension:
    """Record an extension the assigner already approved (e.g. by a letter of UBND tỉnh)."""
    with transaction.atomic():
        extension = extension_request(
            scope=scope, task=task, requested_deadline=new_deadline, reason=reason, requested_on=decided_on
        )
        return extension_decide(
            scope=scope,
            extension=extension,
            approve=True,
            decided_on=decided_on,
            approving_document=approving_document,
        )


@dataclass(frozen=True)
class SplitPart:
    content: str
    lead_unit: Unit | None = None
    officer: Person | None = None
    deadline: dt.date | None = None


@transaction.atomic
def task_split(
    *, scope: Scope, task: Task, parts: Sequence[SplitPart], assigned_on: dt.date | None = None
) -> list[Task]:
    if not parts:
        raise ValidationError({"parts": "Cần ít nhất một phần việc để giao."})
    if not can_edit(scope, task):
        raise PermissionDenied("Bạn không được giao tiếp nhiệm vụ này.")
    assigned_on = assigned_on or max(_today(), task.assigned_on)
    children = []
    for part in parts:
        if task.deadline and part.deadline and part.deadline > task.deadline:
            raise ValidationError(
                {"deadline": f"Thời hạn phần việc không thể sau thời hạn nhiệm vụ ({task.deadline:%d/%m/%Y})."}
            )
        children.append(
            task_create(
                scope=scope,
                content=part.content,
                assigned_on=assigned_on,
                source_document=task.source_document,
                assigner=task.assigner,
                lead_unit=part.lead_unit or task.lead_unit,
                officer=part.officer,
                deputy=task.deputy,
                deadline=part.deadline or task.deadline,
                parent=task,
            )
        )
    return children
