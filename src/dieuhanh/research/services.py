"""Writes to the research register. Each service validates (Vietnamese messages keyed by
field), checks the actor's right, saves and audits in one transaction.

- `research_create`: enter a task in the register, at the stage it has reached (a new proposal
  starts at "đề xuất"; a task carried over from an older register may start further on, up to
  delivery of products; a finished one from an older register at "accepted" or "recognised",
  with its acceptance date and, when known, its rating), with its funding by year.
- `research_update`: change what the task is; `ConflictError` if it changed since `version`.
- `research_event_add`: record one lifecycle step (`dieuhanh.research.lifecycle` decides whether
  it is allowed); keeps the task's stage, rating, dates, certificate and end date in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from dieuhanh.core import audit, clock
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.models import AuditEvent
from dieuhanh.core.text import clean, nfc
from dieuhanh.orgs.models import Person, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.research.lifecycle import (
    ACTIVE_STAGES,
    EventKind,
    Rating,
    Stage,
    TransitionError,
    apply,
)
from dieuhanh.research.models import Level, Management, ResearchEvent, ResearchFunding, ResearchTask, TaskType
from dieuhanh.research.selectors import can_edit_research, can_record_event, may_create_research

AUDITED_FIELDS = [
    "code",
    "title",
    "short_name",
    "level",
    "programme",
    "management",
    "task_type",
    "host_organisation",
    "principal_investigator",
    "field",
    "location",
    "start_year",
    "start_date",
    "original_end_date",
    "end_date",
    "managing_unit",
    "officer",
    "deputy",
    "notes",
    "stage",
    "rating",
    "certificate_number",
]
UPDATABLE_FIELDS = {
    "code",
    "title",
    "short_name",
    "level",
    "programme",
    "management",
    "task_type",
    "host_organisation",
    "principal_investigator",
    "field",
    "location",
    "start_year",
    "start_date",
    "original_end_date",
    "end_date",
    "managing_unit",
    "officer",
    "deputy",
    "notes",
}
# Stages a task may be entered at (a register kept elsewhere until now): up to delivery, or
# accepted / recognised (with the acceptance date) for tasks finished before the register began.
ENTRY_STAGES = [s for s in Stage if s in ACTIVE_STAGES]
FINISHED_ENTRY_STAGES = [Stage.ACCEPTED, Stage.RECOGNISED]


@dataclass(frozen=True)
class FundingYear:
    year: int
    state_budget: Decimal = Decimal(0)
    counterpart: Decimal = Decimal(0)


def _check_same_org(scope: Scope, objects: Iterable[models.Model | None], field: str) -> None:
    for obj in objects:
        if obj is not None and getattr(obj, "org_id", None) != scope.org.pk:
            raise ValidationError({field: "Chỉ chọn được trong danh mục của cơ quan mình."})


def _validate(task: ResearchTask) -> None:
    errors: dict[str, str] = {}
    if not clean(task.title):
        errors["title"] = "Cần ghi tên nhiệm vụ."
    if task.level not in Level.values:
        errors["level"] = "Cấp quản lý không hợp lệ."
    if task.task_type not in TaskType.values:
        errors["task_type"] = "Loại nhiệm vụ không hợp lệ."
    if task.management not in Management.values:
        errors["management"] = "Phương thức quản lý không hợp lệ."
    if not isinstance(task.start_year, int) or not 1990 <= task.start_year <= 2100:
        errors["start_year"] = "Năm bắt đầu thực hiện phải là một năm, ví dụ 2022."
    if task.start_date and task.original_end_date and task.original_end_date < task.start_date:
        errors["original_end_date"] = "Thời gian kết thúc không thể trước thời gian bắt đầu."
    if task.start_date and task.end_date and task.end_date < task.start_date:
        errors["end_date"] = "Thời gian kết thúc không thể trước thời gian bắt đầu."
    if errors:
        raise ValidationError(errors)


def _clean_funding(funding: Sequence[FundingYear]) -> list[FundingYear]:
    years = [f.year for f in funding]
    if len(set(years)) != len(years):
        raise ValidationError({"funding": "Mỗi năm chỉ ghi một dòng kinh phí."})
    for f in funding:
        if f.state_budget < 0 or f.counterpart < 0:
            raise ValidationError({"funding": "Kinh phí không thể âm."})
    return sorted(funding, key=lambda f: f.year)


def _set_funding(scope: Scope, task: ResearchTask, funding: Sequence[FundingYear]) -> None:
    task.funding.all().delete()
    ResearchFunding.objects.bulk_create(
        [
            ResearchFunding(
                org=scope.org, task=task, year=f.year, state_budget=f.state_budget, counterpart=f.counterpart
            )
            for f in _clean_funding(funding)
        ]
    )


def _funding_snapshot(task: ResearchTask) -> list[str]:
    return [f"{f.year}: {f.state_budget} + {f.counterpart}" for f in task.funding.order_by("year")]


@transaction.atomic
def research_create(
    *,
    scope: Scope,
    title: str,
    start_year: int,
    level: str = Level.PROVINCIAL,
    task_type: str = TaskType.TOPIC,
    programme: str = "",
    management: str = Management.LOCAL,
    code: str = "",
    short_name: str = "",
    host_organisation: str = "",
    principal_investigator: str = "",
    field: str = "",
    location: str = "",
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    managing_unit: Unit | None = None,
    officer: Person | None = None,
    deputy: Person | None = None,
    notes: str = "",
    stage: Stage | str = Stage.PROPOSED,
    accepted_on: dt.date | None = None,
    rating: Rating | str | None = None,
    funding: Sequence[FundingYear] = (),
) -> ResearchTask:
    if not may_create_research(scope):
        raise PermissionDenied("Vai trò của bạn không được thêm nhiệm vụ KH&CN.")
    if not scope.can_assign and (managing_unit is None or managing_unit.pk != scope.unit_id):
        raise PermissionDenied("Trưởng phòng chỉ thêm nhiệm vụ do phòng mình theo dõi.")
    _check_same_org(scope, [managing_unit], "managing_unit")
    _check_same_org(scope, [officer], "officer")
    _check_same_org(scope, [deputy], "deputy")
    try:
        initial = Stage(stage)
    except ValueError:
        raise ValidationError({"stage": "Bước hiện tại không hợp lệ."}) from None
    if initial not in ENTRY_STAGES and initial not in FINISHED_ENTRY_STAGES:
        raise ValidationError({"stage": "Chỉ nhập nhiệm vụ đến bước công nhận kết quả; các bước sau ghi bằng sự kiện."})
    if initial in FINISHED_ENTRY_STAGES and accepted_on is None:
        raise ValidationError({"accepted_on": "Nhiệm vụ đã nghiệm thu cần ngày nghiệm thu."})
    if initial not in FINISHED_ENTRY_STAGES and (accepted_on or rating):
        raise ValidationError({"rating": "Ngày nghiệm thu, xếp loại chỉ ghi cho nhiệm vụ đã nghiệm thu."})
    if accepted_on and accepted_on > clock.today():
        raise ValidationError({"accepted_on": "Ngày nghiệm thu không thể ở tương lai."})
    try:
        rating_value = Rating(rating) if rating else None
    except ValueError:
        raise ValidationError({"rating": "Xếp loại phải là Xuất sắc, Khá, Đạt hoặc Không đạt."}) from None
    if initial == Stage.RECOGNISED and rating_value == Rating.FAIL:
        raise ValidationError({"rating": "Nhiệm vụ nghiệm thu “Không đạt” không được công nhận kết quả."})
    task = ResearchTask(
        org=scope.org,
        code=clean(code),
        title=nfc(title).strip(),
        short_name=clean(short_name),
        level=level,
        programme=clean(programme).upper(),
        management=management,
        task_type=task_type,
        host_organisation=clean(host_organisation),
        principal_investigator=clean(principal_investigator),
        field=clean(field),
        location=clean(location),
        start_year=start_year,
        start_date=start_date,
        original_end_date=end_date,
        end_date=end_date,
        managing_unit=managing_unit,
        officer=officer,
        deputy=deputy,
        notes=nfc(notes).strip(),
        stage=initial.value,
        accepted_on=accepted_on,
        rating=rating_value.value if rating_value else "",
        created_by=scope.user,
    )
    _validate(task)
    funding = _clean_funding(funding)
    task.save()
    _set_funding(scope, task, funding)
    changes = audit.snapshot(task, AUDITED_FIELDS)
    changes["funding"] = _funding_snapshot(task)
    audit.record(scope=scope, obj=task, action=AuditEvent.Action.CREATE, changes=changes)
    return task


def _locked(scope: Scope, task: ResearchTask, version: int | None) -> ResearchTask:
    current = ResearchTask.objects.select_for_update().get(pk=task.pk, org=scope.org)
    if version is not None and current.version != version:
        raise ConflictError()
    return current


@transaction.atomic
def research_update(
    *,
    scope: Scope,
    task: ResearchTask,
    version: int,
    funding: Sequence[FundingYear] | None = None,
    **fields: Any,
) -> ResearchTask:
    unknown = set(fields) - UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"Not updatable: {sorted(unknown)}")
    current = _locked(scope, task, version)
    if not can_edit_research(scope, current):
        raise PermissionDenied("Vai trò của bạn không được sửa nhiệm vụ KH&CN này.")
    _check_same_org(scope, [fields.get("managing_unit")], "managing_unit")
    _check_same_org(scope, [fields.get("officer")], "officer")
    _check_same_org(scope, [fields.get("deputy")], "deputy")
    if not scope.can_assign and "managing_unit" in fields and fields["managing_unit"] != current.managing_unit:
        raise PermissionDenied("Trưởng phòng không chuyển nhiệm vụ sang phòng khác.")
    before = audit.snapshot(current, AUDITED_FIELDS)
    before_funding = _funding_snapshot(current)
    for name, value in fields.items():
        if isinstance(value, str):
            value = nfc(value).strip()
            if name == "programme":
                value = value.upper()
        setattr(current, name, value)
    _validate(current)
    current.version += 1
    current.save()
    changes = audit.diff(before, audit.snapshot(current, AUDITED_FIELDS))
    if funding is not None:
        _set_funding(scope, current, funding)
        after_funding = _funding_snapshot(current)
        if after_funding != before_funding:
            changes["funding"] = [before_funding, after_funding]
    audit.record(scope=scope, obj=current, action=AuditEvent.Action.UPDATE, changes=changes)
    return current


def _money(value: Any, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        raise ValidationError({field: "Số tiền không hợp lệ."}) from None
    if amount < 0:
        raise ValidationError({field: "Số tiền không thể âm."})
    return amount


@transaction.atomic
def research_event_add(
    *,
    scope: Scope,
    task: ResearchTask,
    kind: EventKind | str,
    date: dt.date,
    document: Any = None,
    document_text: str = "",
    council_members: str = "",
    council_meeting_on: dt.date | None = None,
    conclusion: str = "",
    rating: Rating | str | None = None,
    certificate_number: str = "",
    new_end_date: dt.date | None = None,
    funds_to_recover: Decimal | None = None,
    funds_recovered: Decimal | None = None,
    version: int | None = None,
) -> ResearchEvent:
    current = _locked(scope, task, version)
    if not can_record_event(scope, current):
        raise PermissionDenied("Vai trò của bạn không được ghi bước thực hiện của nhiệm vụ này.")
    try:
        kind = EventKind(kind)
    except ValueError:
        raise ValidationError({"kind": "Bước thực hiện không hợp lệ."}) from None
    try:
        rating_value = Rating(rating) if rating else None
    except ValueError:
        raise ValidationError({"rating": "Xếp loại phải là Xuất sắc, Khá, Đạt hoặc Không đạt."}) from None
    _check_same_org(scope, [document], "document")
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise ValidationError({"date": "Cần ngày của bước thực hiện."})
    if date > clock.today():
        raise ValidationError({"date": "Ngày của bước thực hiện không thể ở tương lai."})
    last = current.events.order_by("-date", "-id").first()
    if last is not None and date < last.date:
        raise ValidationError(
            {"date": f"Ngày không thể trước bước đã ghi gần nhất ({last.get_kind_display()}, {last.date:%d/%m/%Y})."}
        )
    if council_meeting_on and council_meeting_on > date:
        raise ValidationError({"council_meeting_on": "Ngày họp hội đồng không thể sau ngày của bước này."})
    to_recover = _money(funds_to_recover, "funds_to_recover")
    recovered = _money(funds_recovered, "funds_recovered")
    if kind == EventKind.TERMINATION and to_recover is not None and recovered is not None and recovered > to_recover:
        raise ValidationError({"funds_recovered": "Kinh phí đã thu hồi không thể lớn hơn kinh phí phải thu hồi."})
    if kind == EventKind.EXTENSION:
        if new_end_date is None:
            raise ValidationError({"new_end_date": "Gia hạn cần thời hạn mới."})
        if current.end_date and new_end_date <= current.end_date:
            raise ValidationError(
                {"new_end_date": f"Thời hạn mới phải sau thời hạn hiện tại ({current.end_date:%d/%m/%Y})."}
            )
    try:
        state = apply(current.state, kind, rating=rating_value, certificate_number=certificate_number)
    except TransitionError as exc:
        raise ValidationError({exc.field: exc.message}) from None

    before = audit.snapshot(current, AUDITED_FIELDS)
    event = ResearchEvent.objects.create(
        org=scope.org,
        task=current,
        kind=kind.value,
        date=date,
        document=document,
        document_text=clean(document_text),
        council_members=nfc(council_members).strip(),
        council_meeting_on=council_meeting_on,
        conclusion=nfc(conclusion).strip(),
        rating=rating_value.value if kind == EventKind.ACCEPTANCE and rating_value else "",
        certificate_number=clean(certificate_number) if kind == EventKind.REGISTRATION else "",
        new_end_date=new_end_date if kind == EventKind.EXTENSION else None,
        funds_to_recover=to_recover if kind == EventKind.TERMINATION else None,
        funds_recovered=recovered if kind == EventKind.TERMINATION else None,
        created_by=scope.user,
    )
    current.stage = state.stage.value
    current.rating = state.rating.value if state.rating else ""
    match kind:
        case EventKind.APPROVAL:
            current.approved_on = date
        case EventKind.CONTRACT:
            current.contracted_on = date
        case EventKind.EXTENSION:
            current.end_date = new_end_date
        case EventKind.DELIVERY:
            current.delivered_on = date
        case EventKind.ACCEPTANCE:
            current.accepted_on = date
        case EventKind.REGISTRATION:
            current.registered_on = date
            current.certificate_number = event.certificate_number
        case EventKind.UPLOAD:
            current.uploaded_on = date
        case EventKind.LIQUIDATION | EventKind.TERMINATION:
            current.closed_on = date
    current.version += 1
    current.save()
    changes = audit.diff(before, audit.snapshot(current, AUDITED_FIELDS))
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes=changes,
        note=f"{event.get_kind_display()} ngày {date:%d/%m/%Y}",
    )
    return event
