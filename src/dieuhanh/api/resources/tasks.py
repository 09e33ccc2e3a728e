"""Tasks (nhiệm vụ): list, detail, create, update, and what happens to a task.

    GET  /tasks                                   list, filtered as `TaskFilter`, paginated
    POST /tasks                                   create (assign) a task
    GET  /tasks/{id}                              detail: status today, notes, extensions, sub-tasks
    PATCH /tasks/{id}                             update; `version` required, 409 when stale
    POST /tasks/{id}/start                        mark started
    POST /tasks/{id}/notes                        add a progress note
    POST /tasks/{id}/complete                     mark done with date and result
    POST /tasks/{id}/reopen                       reopen a done task
    POST /tasks/{id}/extensions                   request an extension (gia hạn)
    POST /tasks/{id}/extensions/{ext}/decision    approve or refuse it
    POST /tasks/{id}/split                        split into sub-tasks (giao tiếp)

Reads go through `tasks.selectors` / `tasks.queries`, writes through `tasks.services`; who
may do what is decided there. A task outside the caller's scope is a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from dieuhanh.api import lookups
from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import error_responses, not_found
from dieuhanh.api.schemas import (
    AssignerRef,
    DocumentRef,
    Input,
    IsoDate,
    OptionalDate,
    PageMeta,
    PageParams,
    PersonRef,
    TaskRef,
    UnitRef,
    assigner_ref,
    document_ref,
    page_of,
    person_ref,
    task_ref,
    unit_ref,
)
from dieuhanh.core import clock
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks import services
from dieuhanh.tasks.models import Extension, ProgressNote, Task
from dieuhanh.tasks.queries import ORDERINGS, TaskFilter, annotate_status, filter_tasks
from dieuhanh.tasks.selectors import can_edit, can_work_on, task_get, tasks_visible
from dieuhanh.tasks.status import Status as TaskStatus

router = Router(tags=["Nhiệm vụ"])

TaskOrdering = Literal[tuple(ORDERINGS)]  # type: ignore[valid-type]


# --- output ---------------------------------------------------------------------------------


class TaskItem(Schema):
    id: int
    content: str
    status: TaskStatus | None = Field(description="Tình trạng tại ngày `status_on`")
    status_label: str
    status_on: dt.date
    deadline_at: dt.date | None = Field(description="Thời hạn đang áp dụng tại `status_on` (sau các lần gia hạn)")
    days_overdue: int = Field(description="Số ngày quá hạn tại `status_on` (0 nếu không quá hạn)")
    assigned_on: dt.date
    original_deadline: dt.date | None = Field(description="Thời hạn ban đầu")
    deadline: dt.date | None = Field(description="Thời hạn hiện hành")
    deadline_text: str = Field(description="Thời hạn như văn bản ghi")
    started_on: dt.date | None
    completed_on: dt.date | None
    lead_unit: UnitRef | None
    coordinating_units: list[UnitRef]
    officer: PersonRef | None
    assigner: AssignerRef | None
    source_document: DocumentRef | None
    result_document: DocumentRef | None
    parent_id: int | None
    has_extensions: bool
    version: int = Field(description="Gửi lại khi sửa; sai thì bị từ chối (409)")


class TaskPage(PageMeta):
    items: list[TaskItem]


class NoteOut(Schema):
    id: int
    noted_on: dt.date
    text: str
    author_name: str
    created_at: dt.datetime


class ExtensionOut(Schema):
    id: int
    requested_on: dt.date
    requested_by: str
    reason: str
    previous_deadline: dt.date | None
    requested_deadline: dt.date
    status: str
    status_label: str
    decided_on: dt.date | None
    decided_by: str
    approved_deadline: dt.date | None
    approving_document: DocumentRef | None
    decision_note: str


class TaskAbilities(Schema):
    edit: bool = Field(description="Sửa nội dung, đơn vị, thời hạn; giao tiếp")
    work_on: bool = Field(description="Ghi tiến độ, hoàn thành, đề nghị gia hạn")
    decide_extensions: bool


class TaskDetail(TaskItem):
    deputy: PersonRef | None
    result_text: str
    parent: TaskRef | None
    notes: list[NoteOut]
    extensions: list[ExtensionOut]
    subtasks: list[TaskItem]
    can: TaskAbilities


def _today() -> dt.date:
    return clock.today()


def _with_relations(tasks: QuerySet[Task]) -> QuerySet[Task]:
    return tasks.select_related(
        "lead_unit", "officer", "assigner", "source_document", "result_document"
    ).prefetch_related("coordinating_units")


def _item(task: Task, as_of: dt.date) -> dict[str, Any]:
    """A task annotated by `annotate_status` as the list shows it."""
    status_at: str | None = getattr(task, "status_at", None)
    deadline_at: dt.date | None = getattr(task, "deadline_at", None)
    status = TaskStatus(status_at) if status_at else None
    open_at = task.completed_on is None or task.completed_on > as_of
    overdue_days = (as_of - deadline_at).days if open_at and deadline_at and as_of > deadline_at else 0
    return {
        "id": task.pk,
        "content": task.content,
        "status": status,
        "status_label": status.label if status else "Chưa giao",
        "status_on": as_of,
        "deadline_at": deadline_at,
        "days_overdue": overdue_days,
        "assigned_on": task.assigned_on,
        "original_deadline": task.original_deadline,
        "deadline": task.deadline,
        "deadline_text": task.deadline_text,
        "started_on": task.started_on,
        "completed_on": task.completed_on,
        "lead_unit": unit_ref(task.lead_unit),
        "coordinating_units": [unit_ref(u) for u in task.coordinating_units.all()],
        "officer": person_ref(task.officer),
        "assigner": assigner_ref(task.assigner),
        "source_document": document_ref(task.source_document),
        "result_document": document_ref(task.result_document),
        "parent_id": task.parent_id,
        "has_extensions": task.has_extensions,
        "version": task.version,
    }


def _user_name(user: Any) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.full_name if person else user.get_username()


def _note(note: ProgressNote) -> dict[str, Any]:
    return {
        "id": note.pk,
        "noted_on": note.noted_on,
        "text": note.text,
        "author_name": note.author_name,
        "created_at": note.created_at,
    }


def _extension(ext: Extension) -> dict[str, Any]:
    return {
        "id": ext.pk,
        "requested_on": ext.requested_on,
        "requested_by": _user_name(ext.requested_by),
        "reason": ext.reason,
        "previous_deadline": ext.previous_deadline,
        "requested_deadline": ext.requested_deadline,
        "status": ext.status,
        "status_label": ext.get_status_display(),
        "decided_on": ext.decided_on,
        "decided_by": _user_name(ext.decided_by),
        "approved_deadline": ext.approved_deadline,
        "approving_document": document_ref(ext.approving_document),
        "decision_note": ext.decision_note,
    }


def _extensions(task: Task) -> QuerySet[Extension]:
    return task.extensions.select_related("approving_document", "requested_by__person", "decided_by__person")


def _detail(scope: Scope, pk: int) -> dict[str, Any]:
    today = _today()
    task = _with_relations(annotate_status(tasks_visible(scope).filter(pk=pk), today)).select_related("deputy").first()
    if task is None:
        raise not_found("nhiệm vụ", pk)
    visible = tasks_visible(scope)
    subtasks = _with_relations(annotate_status(visible.filter(parent=task), today)).order_by("assigned_on", "id")
    parent = visible.filter(pk=task.parent_id).first() if task.parent_id else None
    return {
        **_item(task, today),
        "deputy": person_ref(task.deputy),
        "result_text": task.result_text,
        "parent": task_ref(parent),
        "notes": [_note(n) for n in task.notes.all()],
        "extensions": [_extension(e) for e in _extensions(task)],
        "subtasks": [_item(t, today) for t in subtasks],
        "can": {
            "edit": can_edit(scope, task),
            "work_on": can_work_on(scope, task),
            "decide_extensions": scope.can_assign,
        },
    }


def _task(scope: Scope, pk: int) -> Task:
    try:
        return task_get(scope, pk)
    except Task.DoesNotExist:
        raise not_found("nhiệm vụ", pk) from None


# --- list and detail ------------------------------------------------------------------------


class TaskQuery(Schema):
    q: str = Field("", description="Tìm không dấu trong nội dung, số văn bản chỉ đạo, thời hạn, kết quả")
    unit_id: int | None = Field(None, description="Đơn vị chủ trì hoặc phối hợp")
    status: TaskStatus | None = Field(None, description="Tình trạng tại ngày `status_on`")
    status_on: OptionalDate = Field(None, description="Ngày lấy tình trạng (mặc định hôm nay)")
    past_deadline: bool | None = Field(None, description="Chưa xong và đã quá hạn tại `status_on`")
    assigner_id: int | None = None
    source_document_id: int | None = None
    result_document_id: int | None = None
    officer_id: int | None = None
    parent_id: int | None = None
    deadline_from: OptionalDate = None
    deadline_to: OptionalDate = None
    top_level_only: bool = Field(False, description="Bỏ qua nhiệm vụ con")
    ordering: TaskOrdering = Field("-assigned", description="Sắp xếp")  # type: ignore[valid-type]


@router.get(
    "/tasks",
    response={200: TaskPage, **error_responses(403, 422)},
    summary="Danh sách nhiệm vụ",
    description="Nhiệm vụ người gọi được xem (toàn cơ quan với Văn phòng, Lãnh đạo, quản trị, người chỉ xem; "
    "đơn vị mình với trưởng phòng và chuyên viên), lọc theo đơn vị, tình trạng tại một ngày, nơi giao, văn bản, "
    "khoảng thời hạn, cán bộ; tìm không dấu (“tinh uy” tìm được “Tỉnh ủy”); phân trang.",
)
def task_list(request: HttpRequest, filters: Query[TaskQuery], paging: Query[PageParams]) -> dict:
    scope = scope_of(request)
    as_of = filters.status_on or _today()
    if filters.deadline_from and filters.deadline_to and filters.deadline_from > filters.deadline_to:
        raise ValidationError({"deadline_to": "“Thời hạn đến” không thể trước “thời hạn từ”."})
    task_filter = TaskFilter(
        text=filters.q,
        unit_id=filters.unit_id,
        status=filters.status,
        status_on=as_of,
        past_deadline=filters.past_deadline,
        assigner_id=filters.assigner_id,
        source_document_id=filters.source_document_id,
        result_document_id=filters.result_document_id,
        deadline_from=filters.deadline_from,
        deadline_to=filters.deadline_to,
        officer_id=filters.officer_id,
        parent_id=filters.parent_id,
        top_level_only=filters.top_level_only,
        ordering=filters.ordering,
    )
    meta, rows = page_of(_with_relations(filter_tasks(scope, task_filter)), paging)
    return {**meta, "items": [_item(t, as_of) for t in rows]}


@router.get(
    "/tasks/{task_id}",
    response={200: TaskDetail, **error_responses(403, 404)},
    summary="Chi tiết nhiệm vụ",
    description="Nhiệm vụ với tình trạng hôm nay, tiến độ, các lần gia hạn (giữ cả thời hạn ban đầu), nhiệm vụ "
    "con và các thao tác người gọi được làm. Nhiệm vụ ngoài phạm vi được xem: 404.",
)
def task_detail(request: HttpRequest, task_id: int) -> dict:
    return _detail(scope_of(request), task_id)


# --- create and update ----------------------------------------------------------------------


class TaskCreateIn(Input):
    content: str = Field(description="Nội dung công việc")
    assigned_on: OptionalDate = Field(None, description="Ngày giao (mặc định hôm nay)")
    deadline: OptionalDate = None
    deadline_text: str = Field("", description="Thời hạn như văn bản ghi, ví dụ “Quý II/2024”")
    lead_unit_id: int | None = Field(None, description="Đơn vị chủ trì")
    coordinating_unit_ids: list[int] = Field([], description="Đơn vị phối hợp")
    officer_id: int | None = Field(None, description="Cán bộ thực hiện")
    deputy_id: int | None = Field(None, description="Lãnh đạo Sở phụ trách")
    assigner_id: int | None = Field(None, description="Nơi giao")
    source_document_id: int | None = Field(None, description="Văn bản chỉ đạo")
    parent_id: int | None = Field(None, description="Nhiệm vụ cha (khi giao tiếp)")


@router.post(
    "/tasks",
    response={201: TaskDetail, **error_responses(400, 403, 422)},
    summary="Giao nhiệm vụ",
    description="Tạo nhiệm vụ (từ văn bản chỉ đạo hoặc không). Văn phòng và Lãnh đạo giao cho mọi đơn vị; "
    "trưởng phòng giao trong đơn vị mình. Mã đơn vị, cán bộ, văn bản phải thuộc phạm vi người gọi.",
)
def task_create(request: HttpRequest, payload: TaskCreateIn) -> Status[dict]:
    scope = scope_of(request)
    task = services.task_create(
        scope=scope,
        content=payload.content,
        assigned_on=payload.assigned_on or _today(),
        deadline=payload.deadline,
        deadline_text=payload.deadline_text,
        lead_unit=lookups.unit(scope, payload.lead_unit_id, "lead_unit_id"),
        coordinating_units=lookups.units(scope, payload.coordinating_unit_ids, "coordinating_unit_ids"),
        officer=lookups.person(scope, payload.officer_id, "officer_id"),
        deputy=lookups.person(scope, payload.deputy_id, "deputy_id"),
        assigner=lookups.assigner(scope, payload.assigner_id, "assigner_id"),
        source_document=lookups.document(scope, payload.source_document_id, "source_document_id"),
        parent=lookups.task(scope, payload.parent_id, "parent_id"),
    )
    return Status(201, _detail(scope, task.pk))


class TaskUpdateIn(Input):
    version: int = Field(description="`version` đọc được lần trước")
    content: str | None = None
    assigned_on: OptionalDate = None
    deadline: OptionalDate = None
    deadline_text: str | None = None
    lead_unit_id: int | None = None
    coordinating_unit_ids: list[int] | None = None
    officer_id: int | None = None
    deputy_id: int | None = None
    assigner_id: int | None = None
    source_document_id: int | None = None
    result_text: str | None = None


RELATED_INPUTS = {
    "lead_unit_id": ("lead_unit", lookups.unit),
    "officer_id": ("officer", lookups.person),
    "deputy_id": ("deputy", lookups.person),
    "assigner_id": ("assigner", lookups.assigner),
    "source_document_id": ("source_document", lookups.document),
}


@router.patch(
    "/tasks/{task_id}",
    response={200: TaskDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Sửa nhiệm vụ",
    description="Chỉ gửi các trường cần sửa, kèm `version`. Nếu người khác đã sửa sau khi bạn đọc (version cũ): "
    "409 và không có gì bị ghi đè. Văn phòng, Lãnh đạo, trưởng phòng của đơn vị chủ trì được sửa. "
    "Thời hạn đã gia hạn chỉ đổi được bằng một lần gia hạn mới.",
)
def task_update(request: HttpRequest, task_id: int, payload: TaskUpdateIn) -> dict:
    scope = scope_of(request)
    task = _task(scope, task_id)
    data = payload.model_dump(exclude_unset=True)
    version = data.pop("version")
    fields: dict[str, Any] = {}
    for name, value in data.items():
        if name in RELATED_INPUTS:
            field, lookup = RELATED_INPUTS[name]
            fields[field] = lookup(scope, value, name)
        elif name == "coordinating_unit_ids":
            fields["coordinating_units"] = lookups.units(scope, value or [], name)
        elif name in {"content", "deadline_text", "result_text"}:
            fields[name] = value or ""
        else:
            fields[name] = value
    services.task_update(scope=scope, task=task, version=version, **fields)
    return _detail(scope, task.pk)


# --- work on a task -------------------------------------------------------------------------


class StartIn(Input):
    started_on: OptionalDate = Field(None, description="Ngày bắt đầu (mặc định hôm nay)")
    version: int | None = Field(None, description="Nếu gửi: từ chối (409) khi nhiệm vụ đã bị sửa")


@router.post(
    "/tasks/{task_id}/start",
    response={200: TaskDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Đánh dấu bắt đầu thực hiện",
    description="Ghi nhận nhiệm vụ đã bắt đầu (từ ngày đó trở đi không còn “chưa thực hiện”). Người được cập nhật "
    "nhiệm vụ: Văn phòng, Lãnh đạo, trưởng phòng chủ trì hoặc phối hợp, cán bộ thực hiện.",
)
def task_start(request: HttpRequest, task_id: int, payload: StartIn) -> dict:
    scope = scope_of(request)
    task = _task(scope, task_id)
    services.task_mark_started(
        scope=scope, task=task, started_on=payload.started_on or _today(), version=payload.version
    )
    return _detail(scope, task.pk)


class NoteIn(Input):
    text: str = Field(description="Nội dung tiến độ")
    noted_on: OptionalDate = Field(None, description="Ngày (mặc định hôm nay)")


@router.post(
    "/tasks/{task_id}/notes",
    response={201: NoteOut, **error_responses(400, 403, 404, 422)},
    summary="Ghi tiến độ",
    description="Thêm một ghi chép tiến độ; nhiệm vụ chưa bắt đầu thì được tính là đã bắt đầu từ ngày đó. "
    "Người được cập nhật nhiệm vụ (xem “Đánh dấu bắt đầu thực hiện”).",
)
def task_note_add(request: HttpRequest, task_id: int, payload: NoteIn) -> Status[dict]:
    scope = scope_of(request)
    note = services.progress_note_add(
        scope=scope, task=_task(scope, task_id), text=payload.text, noted_on=payload.noted_on
    )
    return Status(201, _note(note))


class CompleteIn(Input):
    completed_on: IsoDate = Field(description="Ngày hoàn thành")
    result_document_id: int | None = Field(None, description="Văn bản kết quả")
    result_text: str = Field("", description="Kết quả xử lý")
    version: int | None = Field(None, description="Nếu gửi: từ chối (409) khi nhiệm vụ đã bị sửa")


@router.post(
    "/tasks/{task_id}/complete",
    response={200: TaskDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Hoàn thành nhiệm vụ",
    description="Ghi ngày hoàn thành và văn bản, kết quả. Ngày hoàn thành không trước ngày giao, không ở tương lai. "
    "Người được cập nhật nhiệm vụ (xem “Đánh dấu bắt đầu thực hiện”).",
)
def task_complete(request: HttpRequest, task_id: int, payload: CompleteIn) -> dict:
    scope = scope_of(request)
    task = _task(scope, task_id)
    services.task_complete(
        scope=scope,
        task=task,
        completed_on=payload.completed_on,
        result_document=lookups.document(scope, payload.result_document_id, "result_document_id"),
        result_text=payload.result_text,
        version=payload.version,
    )
    return _detail(scope, task.pk)


class ReopenIn(Input):
    reason: str = Field(description="Lý do mở lại")
    version: int | None = Field(None, description="Nếu gửi: từ chối (409) khi nhiệm vụ đã bị sửa")


@router.post(
    "/tasks/{task_id}/reopen",
    response={200: TaskDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Mở lại nhiệm vụ đã hoàn thành",
    description="Bỏ ngày hoàn thành, ghi lý do vào lịch sử. Văn phòng, Lãnh đạo, trưởng phòng của đơn vị chủ trì.",
)
def task_reopen(request: HttpRequest, task_id: int, payload: ReopenIn) -> dict:
    scope = scope_of(request)
    task = _task(scope, task_id)
    services.task_reopen(scope=scope, task=task, reason=payload.reason, version=payload.version)
    return _detail(scope, task.pk)


# --- extensions (gia hạn) -------------------------------------------------------------------


class ExtensionRequestIn(Input):
    requested_deadline: IsoDate = Field(description="Thời hạn đề nghị")
    reason: str = Field(description="Lý do")
    requested_on: OptionalDate = Field(None, description="Ngày đề nghị (mặc định hôm nay)")


@router.post(
    "/tasks/{task_id}/extensions",
    response={201: ExtensionOut, **error_responses(400, 403, 404, 422)},
    summary="Đề nghị gia hạn",
    description="Đề nghị thời hạn mới (sau thời hạn hiện tại), có lý do; mỗi lúc chỉ một đề nghị chờ duyệt. "
    "Người được cập nhật nhiệm vụ (xem “Đánh dấu bắt đầu thực hiện”).",
)
def extension_request(request: HttpRequest, task_id: int, payload: ExtensionRequestIn) -> Status[dict]:
    scope = scope_of(request)
    extension = services.extension_request(
        scope=scope,
        task=_task(scope, task_id),
        requested_deadline=payload.requested_deadline,
        reason=payload.reason,
        requested_on=payload.requested_on,
    )
    return Status(201, _extension(_extensions(extension.task).get(pk=extension.pk)))


class ExtensionDecisionIn(Input):
    approve: bool = Field(description="true: đồng ý; false: không đồng ý")
    decided_on: OptionalDate = Field(None, description="Ngày quyết định (mặc định hôm nay)")
    approved_deadline: OptionalDate = Field(None, description="Thời hạn được duyệt (mặc định: thời hạn đề nghị)")
    approving_document_id: int | None = Field(None, description="Văn bản đồng ý gia hạn")
    note: str = Field("", description="Ý kiến")


@router.post(
    "/tasks/{task_id}/extensions/{extension_id}/decision",
    response={200: ExtensionOut, **error_responses(400, 403, 404, 422)},
    summary="Quyết định gia hạn",
    description="Đồng ý hoặc không đồng ý một đề nghị gia hạn đang chờ. Thời hạn ban đầu vẫn được giữ; "
    "“đúng hạn” tính theo thời hạn được duyệt gần nhất. Chỉ Văn phòng và Lãnh đạo Sở.",
)
def extension_decide(request: HttpRequest, task_id: int, extension_id: int, payload: ExtensionDecisionIn) -> dict:
    scope = scope_of(request)
    task = _task(scope, task_id)
    extension = task.extensions.filter(pk=extension_id).first()
    if extension is None:
        raise not_found("đề nghị gia hạn", extension_id)
    services.extension_decide(
        scope=scope,
        extension=extension,
        approve=payload.approve,
        decided_on=payload.decided_on,
        approved_deadline=payload.approved_deadline,
        approving_document=lookups.document(scope, payload.approving_document_id, "approving_document_id"),
        note=payload.note,
    )
    return _extension(_extensions(task).get(pk=extension.pk))


# --- split (giao tiếp) ----------------------------------------------------------------------


class SplitPartIn(Input):
    content: str = Field(description="Nội dung phần việc")
    lead_unit_id: int | None = Field(None, description="Đơn vị chủ trì (mặc định: của nhiệm vụ cha)")
    officer_id: int | None = Field(None, description="Cán bộ thực hiện")
    deadline: OptionalDate = Field(None, description="Thời hạn (không sau thời hạn nhiệm vụ cha)")


class SplitIn(Input):
    parts: list[SplitPartIn] = Field(min_length=1, description="Các phần việc")
    assigned_on: OptionalDate = Field(None, description="Ngày giao (mặc định hôm nay)")


@router.post(
    "/tasks/{task_id}/split",
    response={201: list[TaskItem], **error_responses(400, 403, 404, 422)},
    summary="Giao tiếp nhiệm vụ cho đơn vị, cán bộ",
    description="Tạo các nhiệm vụ con; nhiệm vụ cha được tính là đã bắt đầu và được đóng riêng, với kết quả "
    "của nó. Văn phòng, Lãnh đạo, trưởng phòng của đơn vị chủ trì (giao trong đơn vị mình).",
)
def task_split(request: HttpRequest, task_id: int, payload: SplitIn) -> Status[list[dict]]:
    scope = scope_of(request)
    task = _task(scope, task_id)
    parts = [
        services.SplitPart(
            content=part.content,
            lead_unit=lookups.unit(scope, part.lead_unit_id, f"parts.{i}.lead_unit_id"),
            officer=lookups.person(scope, part.officer_id, f"parts.{i}.officer_id"),
            deadline=part.deadline,
        )
        for i, part in enumerate(payload.parts)
    ]
    children = services.task_split(scope=scope, task=task, parts=parts, assigned_on=payload.assigned_on)
    today = _today()
    created = _with_relations(annotate_status(Task.objects.filter(pk__in=[c.pk for c in children]), today))
    return Status(201, [_item(t, today) for t in created.order_by("id")])
