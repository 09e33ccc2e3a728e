"""Writes of report types, period reports and unit submissions.

Each service checks the scope's right (`selectors.can_manage_reports`, `can_submit_for`),
validates with Vietnamese messages, refuses to touch a locked report, and writes an audit
event in the same transaction. Records edited by several people carry a `version`.

- `report_type_create`, `report_type_update` (fields, units, assigners, sections),
  `report_type_template_set` (validated upload), `report_type_template_reset`.
- `period_report_open(scope, report_type, period_key)`: the report of a period (idempotent).
- `period_report_update`, `period_report_lock`, `period_report_unlock`.
- `submission_save(scope, report, unit, entries, submit)`: a unit's sections; `submit=True`
  records the submission date (the first one counts for timeliness).
- `submission_approve`, `period_report_remind` (notifies the heads of units that have not
  submitted, once a day per unit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from dieuhanh.core import audit, clock
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.models import AuditEvent
from dieuhanh.core.text import clean, nfc
from dieuhanh.notifications.services import notify
from dieuhanh.orgs.models import Person, Role, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.contributions import FIELDS_OF_WORK, field_title
from dieuhanh.reports.models import PeriodReport, ReportSection, ReportType, SubmissionEntry, UnitSubmission
from dieuhanh.reports.periods import PeriodError, PeriodKind
from dieuhanh.reports.render import TemplateError, TemplateKind, validate_template
from dieuhanh.reports.selectors import (
    Timeliness,
    can_manage_reports,
    can_submit_for,
    submission_statuses,
)
from dieuhanh.tasks.models import Assigner

TYPE_FIELDS = (
    "code",
    "name",
    "summary",
    "period_kind",
    "cutoff_day",
    "due_days",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recipients",
    "archive",
    "is_active",
)
REPORT_FIELDS = ("intro", "strengths", "weaknesses", "number", "issued_on")
LOCKED_MESSAGE = "Báo cáo kỳ này đã khóa: chỉ xem, không sửa được. Cần sửa thì đề nghị Lãnh đạo Sở mở khóa."


def _require_manager(scope: Scope) -> None:
    if not can_manage_reports(scope):
        raise PermissionDenied("Chỉ Văn phòng và Lãnh đạo Sở được làm việc này.")


def _check_unlocked(report: PeriodReport) -> None:
    if report.is_locked:
        raise PermissionDenied(LOCKED_MESSAGE)


@dataclass(frozen=True)
class SectionSpec:
    field: str
    title: str
    order: int
    is_active: bool = True
    units: tuple[Unit, ...] | None = None  # None: leave as they are


def default_sections() -> list[SectionSpec]:
    return [SectionSpec(key, title, i) for i, (key, title) in enumerate(FIELDS_OF_WORK, start=1)]


def _validate_type(rt: ReportType) -> None:
    errors: dict[str, str] = {}
    if not clean(rt.name):
        errors["name"] = "Cần tên loại báo cáo."
    if not rt.code:
        errors["code"] = "Cần mã (chữ thường, số, gạch ngang), ví dụ: quy."
    if rt.period_kind not in {k.value for k in PeriodKind}:
        errors["period_kind"] = "Kỳ báo cáo không hợp lệ."
    if rt.cutoff_day is not None and not 0 <= rt.cutoff_day <= 28:
        errors["cutoff_day"] = "Ngày chốt số liệu phải từ 1 đến 28 (hoặc 0 = cuối tháng)."
    if rt.due_days > 60:
        errors["due_days"] = "Hạn nộp tối đa 60 ngày sau ngày chốt số liệu."
    try:
        rt.summary.format(ky="x", ky_sau="y")
    except (KeyError, IndexError, ValueError):
        errors["summary"] = "Trích yếu chỉ dùng {ky} và {ky_sau} trong ngoặc nhọn."
    if ReportType.objects.filter(org_id=rt.org_id, code=rt.code).exclude(pk=rt.pk).exists():
        errors["code"] = f"Đã có loại báo cáo mã “{rt.code}”."
    if errors:
        raise ValidationError(errors)


def _set_relations(
    scope: Scope, rt: ReportType, units: Iterable[Unit] | None, assigners: Iterable[Assigner] | None
) -> None:
    if units is not None:
        units = list(units)
        if any(u.org_id != scope.org.pk for u in units):
            raise ValidationError({"contributing_units": "Đơn vị không thuộc cơ quan."})
        rt.contributing_units.set(units)
    if assigners is not None:
        assigners = list(assigners)
        if any(a.org_id != scope.org.pk for a in assigners):
            raise ValidationError({"appendix_assigners": "Nơi giao không thuộc cơ quan."})
        rt.appendix_assigners.set(assigners)


def _set_sections(rt: ReportType, sections: Sequence[SectionSpec]) -> None:
    known = {key for key, _ in FIELDS_OF_WORK}
    for spec in sections:
        if spec.field not in known:
            raise ValidationError({"sections": f"Lĩnh vực “{spec.field}” không có."})
        title = clean(spec.title) or field_title(spec.field)
        section, _ = ReportSection.objects.update_or_create(
            report_type=rt,
            field=spec.field,
            defaults={"org": rt.org, "title": title, "order": spec.order, "is_active": spec.is_active},
        )
        if spec.units is not None:
            if any(u.org_id != rt.org_id for u in spec.units):
                raise ValidationError({"sections": "Đơn vị không thuộc cơ quan."})
            section.units.set(spec.units)


@transaction.atomic
def report_type_create(
    *,
    scope: Scope,
    code: str,
    name: str,
    period_kind: str,
    units: Iterable[Unit] = (),
    assigners: Iterable[Assigner] = (),
    sections: Sequence[SectionSpec] | None = None,
    **fields: Any,
) -> ReportType:
    _require_manager(scope)
    unknown = set(fields) - set(TYPE_FIELDS)
    if unknown:
        raise ValueError(f"Not a report type field: {sorted(unknown)}")
    rt = ReportType(org=scope.org, code=clean(code).lower(), name=clean(name), period_kind=period_kind, **fields)
    _validate_type(rt)
    try:
        with transaction.atomic():
            rt.save()
    except IntegrityError:
        raise ValidationError({"code": f"Đã có loại báo cáo mã “{rt.code}”."}) from None
    _set_relations(scope, rt, units, assigners)
    _set_sections(rt, default_sections() if sections is None else sections)
    audit.record(scope=scope, obj=rt, action=AuditEvent.Action.CREATE, changes=audit.snapshot(rt, TYPE_FIELDS))
    return rt


def _locked_type(scope: Scope, rt: ReportType, version: int | None) -> ReportType:
    current = ReportType.objects.select_for_update().get(pk=rt.pk, org=scope.org)
    if version is not None and current.version != version:
        raise ConflictError()
    return current


@transaction.atomic
def report_type_update(
    *,
    scope: Scope,
    report_type: ReportType,
    version: int,
    units: Iterable[Unit] | None = None,
    assigners: Iterable[Assigner] | None = None,
    sections: Sequence[SectionSpec] | None = None,
    **fields: Any,
) -> ReportType:
    _require_manager(scope)
    unknown = set(fields) - set(TYPE_FIELDS)
    if unknown:
        raise ValueError(f"Not a report type field: {sorted(unknown)}")
    current = _locked_type(scope, report_type, version)
    before = audit.snapshot(current, TYPE_FIELDS)
    before_units = sorted(current.contributing_units.values_list("name", flat=True))
    for name, value in fields.items():
        setattr(current, name, clean(value) if isinstance(value, str) and name != "recipients" else value)
    current.code = current.code.lower()
    _validate_type(current)
    current.version += 1
    current.save()
    _set_relations(scope, current, units, assigners)
    if sections is not None:
        _set_sections(current, sections)
    changes = audit.diff(before, audit.snapshot(current, TYPE_FIELDS))
    after_units = sorted(current.contributing_units.values_list("name", flat=True))
    if after_units != before_units:
        changes["contributing_units"] = [before_units, after_units]
    audit.record(scope=scope, obj=current, action=AuditEvent.Action.UPDATE, changes=changes)
    return current


@transaction.atomic
def report_type_template_set(*, scope: Scope, report_type: ReportType, data: bytes, name: str) -> list[str]:
    """Validate an uploaded Word template (renders the sample report through it) and keep it.
    Returns warnings; raises `ValidationError` on the field "template" with the problems."""
    _require_manager(scope)
    try:
        warnings = validate_template(data, TemplateKind.REPORT)
    except TemplateError as exc:
        raise ValidationError({"template": [m for m in (exc.message, *exc.details) if m]}) from None
    current = _locked_type(scope, report_type, None)
    current.template = data
    current.template_name = clean(name)[:255] or "mau-bao-cao.docx"
    current.template_uploaded_at = timezone.now()
    current.template_uploaded_by = scope.actor_name
    current.version += 1
    current.save()
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes={"template": ["", current.template_name]},
        note="Tải lên mẫu Word",
    )
    return warnings


@transaction.atomic
def report_type_template_reset(*, scope: Scope, report_type: ReportType) -> ReportType:
    _require_manager(scope)
    current = _locked_type(scope, report_type, None)
    old = current.template_name
    current.template = None
    current.template_name = ""
    current.template_uploaded_at = None
    current.template_uploaded_by = ""
    current.version += 1
    current.save()
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes={"template": [old, ""]},
        note="Dùng lại mẫu mặc định",
    )
    return current


@transaction.atomic
def period_report_open(*, scope: Scope, report_type: ReportType, period_key: str) -> PeriodReport:
    """The report of `report_type` for the period `period_key`; created on first call."""
    _require_manager(scope)
    if report_type.org_id != scope.org.pk:
        raise PermissionDenied("Loại báo cáo không thuộc cơ quan.")
    try:
        period = report_type.period(period_key)
    except PeriodError as exc:
        raise ValidationError({"period_key": str(exc)}) from None
    existing = PeriodReport.objects.filter(report_type=report_type, period_key=period.key).first()
    if existing is not None:
        return existing
    report = PeriodReport.objects.create(
        org=scope.org,
        report_type=report_type,
        period_key=period.key,
        start=period.start,
        end=period.end,
        due_on=report_type.due_on(period),
    )
    audit.record(
        scope=scope,
        obj=report,
        action=AuditEvent.Action.CREATE,
        changes={"period_key": [None, period.key], "due_on": [None, report.due_on.isoformat()]},
    )
    return report


def _locked_report(scope: Scope, report: PeriodReport, version: int | None) -> PeriodReport:
    current = PeriodReport.objects.select_for_update().select_related("report_type").get(pk=report.pk, org=scope.org)
    if version is not None and current.version != version:
        raise ConflictError()
    return current


@transaction.atomic
def period_report_update(*, scope: Scope, report: PeriodReport, version: int, **fields: Any) -> PeriodReport:
    _require_manager(scope)
    unknown = set(fields) - set(REPORT_FIELDS)
    if unknown:
        raise ValueError(f"Not a period report field: {sorted(unknown)}")
    current = _locked_report(scope, report, version)
    _check_unlocked(current)
    before = audit.snapshot(current, REPORT_FIELDS)
    for name, value in fields.items():
        if isinstance(value, str):
            value = clean(value) if name == "number" else nfc(value).strip()
        setattr(current, name, value)
    if current.number and not current.number.isdigit():
        raise ValidationError({"number": "Số văn bản chỉ gồm chữ số, ví dụ 12 (ký hiệu BC-… thêm tự động)."})
    if current.issued_on is not None and current.issued_on < current.start:
        raise ValidationError({"issued_on": "Ngày ký không thể trước ngày đầu kỳ báo cáo."})
    current.version += 1
    current.save()
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes=audit.diff(before, audit.snapshot(current, REPORT_FIELDS)),
    )
    return current


@transaction.atomic
def period_report_lock(*, scope: Scope, report: PeriodReport) -> PeriodReport:
    _require_manager(scope)
    current = _locked_report(scope, report, None)
    if current.is_locked:
        return current
    current.locked_at = timezone.now()
    current.locked_by = scope.actor_name
    current.version += 1
    current.save()
    audit.record(
        scope=scope, obj=current, action=AuditEvent.Action.UPDATE, changes={"locked": [False, True]}, note="Khóa"
    )
    return current


@transaction.atomic
def period_report_unlock(*, scope: Scope, report: PeriodReport, reason: str) -> PeriodReport:
    """Only a leader (or an operator) reopens a locked report, with a reason on record."""
    if not (scope.is_operator or scope.role == Role.LEADER):
        raise PermissionDenied("Chỉ Lãnh đạo Sở được mở khóa báo cáo.")
    if not clean(reason):
        raise ValidationError({"reason": "Cần ghi lý do mở khóa."})
    current = _locked_report(scope, report, None)
    if not current.is_locked:
        return current
    current.locked_at = None
    current.locked_by = ""
    current.version += 1
    current.save()
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes={"locked": [True, False]},
        note=f"Mở khóa: {clean(reason)}",
    )
    return current


ENTRY_FIELDS = ("results", "figures", "next_tasks")


def _clean_lines(text: str) -> str:
    return "\n".join(line.strip() for line in nfc(text or "").splitlines() if line.strip())


def parse_figure_line(line: str) -> tuple[str, str] | None:
    """ "Phương tiện đo được kiểm định: 1.291 phương tiện" -> (label, value and unit)."""
    label, sep, value = line.partition(":")
    if not sep or not label.strip() or not value.strip():
        return None
    return label.strip(), value.strip()


@transaction.atomic
def submission_save(
    *,
    scope: Scope,
    report: PeriodReport,
    unit: Unit,
    entries: Mapping[str, Mapping[str, str]],
    submit: bool = False,
    version: int | None = None,
    on: dt.date | None = None,
) -> UnitSubmission:
    """Save a unit's sections ({field: {"results": ..., "figures": ..., "next_tasks": ...}}).
    `on`: the day it was submitted on paper, for an operator entering it afterwards."""
    if on is not None and not scope.is_operator:
        raise PermissionDenied("Chỉ nhập lại ngày nộp khi chuyển dữ liệu cũ (dòng lệnh).")
    if not can_submit_for(scope, unit):
        raise PermissionDenied("Bạn chỉ được nhập báo cáo của đơn vị mình.")
    current_report = _locked_report(scope, report, None)
    _check_unlocked(current_report)
    fields = set(current_report.report_type.sections.values_list("field", flat=True))
    unknown = set(entries) - fields
    if unknown:
        raise ValidationError({"entries": f"Mục không có trong loại báo cáo này: {', '.join(sorted(unknown))}."})
    errors = []
    for field, values in entries.items():
        for line in _clean_lines(values.get("figures", "")).splitlines():
            if parse_figure_line(line) is None:
                errors.append(f"{field_title(field)}: dòng số liệu “{line}” cần dạng “Tên số liệu: giá trị”.")
    if errors:
        raise ValidationError({"figures": errors})
    submission, created = UnitSubmission.objects.select_for_update().get_or_create(
        report=current_report, unit=unit, defaults={"org": scope.org}
    )
    if not created and version is not None and submission.version != version:
        raise ConflictError()
    before = {e.field: {k: getattr(e, k) for k in ENTRY_FIELDS} for e in submission.entries.all()}
    for field, values in entries.items():
        cleaned = {k: _clean_lines(values.get(k, "")) for k in ENTRY_FIELDS}
        SubmissionEntry.objects.update_or_create(
            submission=submission, field=field, defaults={"org": scope.org, **cleaned}
        )
    after = {e.field: {k: getattr(e, k) for k in ENTRY_FIELDS} for e in submission.entries.all()}
    changes: dict[str, Any] = {f: [before.get(f), after[f]] for f in after if before.get(f) != after[f]}
    note = ""
    if submit and submission.state == UnitSubmission.State.DRAFT:
        submission.state = UnitSubmission.State.SUBMITTED
        if submission.submitted_on is None:  # timeliness counts the first submission
            submission.submitted_on = on or clock.today()
        submission.submitted_by = scope.actor_name
        changes["state"] = [UnitSubmission.State.DRAFT, UnitSubmission.State.SUBMITTED]
        note = "Nộp báo cáo"
    submission.version += 0 if created else 1
    submission.updated_by = scope.user
    submission.save()
    action = AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE
    audit.record(scope=scope, obj=submission, action=action, changes=changes, note=note)
    return submission


@transaction.atomic
def submission_approve(*, scope: Scope, submission: UnitSubmission) -> UnitSubmission:
    _require_manager(scope)
    current = UnitSubmission.objects.select_for_update().select_related("report").get(pk=submission.pk, org=scope.org)
    _check_unlocked(current.report)
    if current.state == UnitSubmission.State.DRAFT:
        raise ValidationError({"state": "Đơn vị chưa nộp báo cáo: chưa duyệt được."})
    if current.state == UnitSubmission.State.APPROVED:
        return current
    current.state = UnitSubmission.State.APPROVED
    current.approved_on = clock.today()
    current.approved_by = scope.actor_name
    current.version += 1
    current.save()
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes={"state": [UnitSubmission.State.SUBMITTED, UnitSubmission.State.APPROVED]},
        note="Duyệt",
    )
    return current


def unit_recipients(unit: Unit) -> list[Person]:
    """Who is reminded for a unit: its head(s), or its people when it has no head with a login."""
    people = list(Person.objects.filter(unit=unit, is_active=True).order_by("full_name"))
    heads = [p for p in people if p.role == Role.UNIT_HEAD]
    return heads or people


def report_link(report: PeriodReport, unit: Unit | None = None) -> str:
    if unit is None:
        return reverse("web:period_report_detail", kwargs={"pk": report.pk})
    return reverse("web:submission_edit", kwargs={"pk": report.pk, "unit_pk": unit.pk})


@transaction.atomic
def period_report_remind(
    *, scope: Scope, report: PeriodReport, units: Iterable[Unit] | None = None, today: dt.date | None = None
) -> int:
    """Remind the units that have not submitted (or `units`); once a day per person and unit."""
    _require_manager(scope)
    _check_unlocked(report)
    today = today or clock.today()
    wanted = {u.pk for u in units} if units is not None else None
    sent = 0
    for status in submission_statuses(report, today):
        if status.submitted or (wanted is not None and status.unit.pk not in wanted):
            continue
        period = report.period
        late = status.timeliness is Timeliness.MISSING
        title = (
            f"{'Đã quá hạn' if late else 'Nhắc'} nộp báo cáo {report.report_type.name.lower()} {period.label}: "
            f"{status.unit.name}"
        )
        body = (
            f"Văn phòng đề nghị {status.unit.name} nhập và nộp báo cáo {period.label} "
            f"(hạn nộp {report.due_on:%d/%m/%Y})."
        )
        for person in unit_recipients(status.unit):
            note = notify(
                recipient=person,
                key=f"report:{report.pk}:unit:{status.unit.pk}:remind:{today.isoformat()}",
                kind="report_submission",
                title=title,
                body=body,
                link=report_link(report, status.unit),
            )
            sent += note is not None
    audit.record(scope=scope, obj=report, action=AuditEvent.Action.OTHER, note=f"Nhắc nộp báo cáo: {sent} thông báo")
    return sent
