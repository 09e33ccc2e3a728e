"""Periodic report pages.

- `report_home`: report types, the periods opened and their completeness, the appendix form.
- `report_appendix`: the appendix of assigned tasks of a period as Word or Excel.
- `report_type_create`, `report_type_edit`: a report type, its sections (fields of work) and
  contributing units; `report_open`: open a period.
- `report_template`, `report_template_download`, `report_template_reset`: a clerk's own Word template.
- `period_report_detail`: who submitted, on time, late or missing (DHIS2); reminders, lock.
- `period_report_edit`, `period_report_remind_view`, `period_report_lock_view`,
  `period_report_unlock_view`, `period_report_download` (docx, pdf, html print view).
- `submission_edit`: a unit's form; `submission_approve_view`.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from dieuhanh.core import clock
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.selectors import audit_events_for
from dieuhanh.orgs.models import Unit
from dieuhanh.orgs.selectors import units_visible
from dieuhanh.reports.appendix import AppendixError, appendix_file, build_appendix, resolve_assigners
from dieuhanh.reports.assembly import assemble, report_file
from dieuhanh.reports.models import PeriodReport, ReportType, UnitSubmission
from dieuhanh.reports.render import TemplateKind, default_template
from dieuhanh.reports.selectors import (
    can_manage_reports,
    can_read_full_report,
    can_submit_for,
    completeness,
    period_report_get,
    period_reports_visible,
    report_type_get,
    report_types_visible,
    submission_statuses,
)
from dieuhanh.reports.services import (
    SectionSpec,
    period_report_lock,
    period_report_open,
    period_report_remind,
    period_report_unlock,
    period_report_update,
    report_type_create,
    report_type_template_reset,
    report_type_template_set,
    report_type_update,
    submission_approve,
    submission_save,
)
from dieuhanh.web.forms.fields import apply_errors
from dieuhanh.web.forms.reports import (
    AppendixForm,
    OpenPeriodForm,
    PeriodReportForm,
    ReportTypeForm,
    SectionForm,
    SubmissionForm,
    TemplateUploadForm,
    UnlockForm,
)
from dieuhanh.web.history import history_rows
from dieuhanh.web.views.base import get_or_404, render_form, require, scoped

NOT_MANAGER = "Chỉ Văn phòng và Lãnh đạo Sở được làm việc này."


def _file_response(content: bytes, filename: str, content_type: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _home_context(request: HttpRequest, form: AppendixForm) -> dict:
    scope = request.scope  # type: ignore[attr-defined]
    reports = period_reports_visible(scope).annotate(
        submitted=Count("submissions", filter=~Q(submissions__state=UnitSubmission.State.DRAFT)),
        expected=Count("report_type__contributing_units", distinct=True),
    )
    return {
        "types": report_types_visible(scope).filter(is_active=True),
        "reports": reports[:50],
        "form": form,
        "can_manage": can_manage_reports(scope),
    }


@scoped
@require_GET
def report_home(request: HttpRequest) -> HttpResponse:
    form = AppendixForm(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "web/reports/home.html", _home_context(request, form))


@scoped
@require_GET
def report_appendix(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    data = request.GET.copy()
    form = AppendixForm(scope=scope)
    data.setdefault("ky", form.fields["ky"].initial)
    form = AppendixForm(data, scope=scope)
    if form.is_valid():
        try:
            choice = resolve_assigners(scope, form.cleaned_data["noi_giao"] or "upstream")
            result = build_appendix(scope, form.cleaned_data["ky"], choice)
            generated = appendix_file(result, form.cleaned_data["dinh_dang"] or "docx")
        except AppendixError as exc:
            form.add_error("noi_giao", str(exc))
        else:
            return _file_response(generated.content, generated.filename, generated.content_type)
    return render(request, "web/reports/home.html", _home_context(request, form), status=400)


def _sections_forms(request: HttpRequest, report_type: ReportType) -> list[SectionForm]:
    scope = request.scope  # type: ignore[attr-defined]
    data = request.POST if request.method == "POST" else None
    return [
        SectionForm(data, scope=scope, section=s)
        for s in report_type.sections.prefetch_related("units").order_by("order", "id")
    ]


@scoped
def report_type_create_view(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    form = ReportTypeForm(request.POST or None, scope=scope, initial={"period_kind": "quarter", "code": "quy"})
    if request.method == "POST" and form.is_valid():
        try:
            report_type = report_type_create(scope=scope, **form.service_kwargs())
        except ValidationError as exc:
            apply_errors(cast(forms.Form, form), exc)
        else:
            messages.success(request, f"Đã tạo loại báo cáo “{report_type.name}” với các mục mặc định.")
            return redirect("web:report_type_edit", pk=report_type.pk)
    return render_form(request, "web/reports/type_form.html", {"form": form, "sections": [], "report_type": None})


@scoped
def report_type_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report_type = get_or_404(report_type_get, scope, pk)
    form = ReportTypeForm(request.POST or None, instance=report_type, scope=scope)
    sections = _sections_forms(request, report_type)
    conflict = False
    if request.method == "POST" and form.is_valid() and all(s.is_valid() for s in sections):
        specs = [
            SectionSpec(
                s.section.field,
                s.cleaned_data["title"],
                s.cleaned_data["order"],
                s.cleaned_data["is_active"],
                tuple(s.cleaned_data["units"]),
            )
            for s in sections
        ]
        try:
            report_type_update(
                scope=scope,
                report_type=report_type,
                version=form.cleaned_data["version"],
                sections=specs,
                **form.service_kwargs(),
            )
        except ValidationError as exc:
            apply_errors(cast(forms.Form, form), exc)
        except ConflictError as exc:
            form.add_error(None, exc.message)
            conflict = True
        else:
            messages.success(request, "Đã lưu loại báo cáo.")
            return redirect("web:report_type_edit", pk=report_type.pk)
    context = {
        "form": form,
        "sections": sections,
        "report_type": report_type,
        "conflict": conflict,
        "open_form": OpenPeriodForm(),
        "reports": report_type.reports.order_by("-end")[:20],
        "history": history_rows(audit_events_for(scope, report_type), ReportType),
    }
    return render_form(request, "web/reports/type_form.html", context)


@scoped
@require_POST
def report_open(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report_type = get_or_404(report_type_get, scope, pk)
    form = OpenPeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Cần ghi kỳ báo cáo, ví dụ 2024-Q1.")
        return redirect("web:report_type_edit", pk=pk)
    try:
        report = period_report_open(scope=scope, report_type=report_type, period_key=form.cleaned_data["ky"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("web:report_type_edit", pk=pk)
    messages.success(request, f"Đã mở kỳ báo cáo {report.period.label}; các đơn vị có thể nhập báo cáo.")
    return redirect("web:period_report_detail", pk=report.pk)


@scoped
def report_template(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report_type = get_or_404(report_type_get, scope, pk)
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            warnings = report_type_template_set(
                scope=scope, report_type=report_type, data=upload.read(), name=upload.name or ""
            )
        except ValidationError as exc:
            apply_errors(form, exc, {"template": "file"})
        else:
            messages.success(request, "Đã dùng mẫu mới: dữ liệu mẫu trộn vào mẫu thành công.")
            for warning in warnings:
                messages.warning(request, warning)
            return redirect("web:report_template", pk=pk)
    return render_form(request, "web/reports/template.html", {"form": form, "report_type": report_type})


@scoped
@require_GET
def report_template_download(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report_type = get_or_404(report_type_get, scope, pk)
    if report_type.template and request.GET.get("mac_dinh") != "1":
        data, name = bytes(report_type.template), report_type.template_name or "mau-bao-cao.docx"
    else:
        data, name = default_template(TemplateKind.REPORT), "mau-bao-cao-mac-dinh.docx"
    return _file_response(data, name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@scoped
@require_POST
def report_template_reset(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report_type = get_or_404(report_type_get, scope, pk)
    report_type_template_reset(scope=scope, report_type=report_type)
    messages.success(request, "Đã dùng lại mẫu mặc định.")
    return redirect("web:report_template", pk=pk)


@scoped
@require_GET
def period_report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    report = get_or_404(period_report_get, scope, pk)
    statuses = submission_statuses(report, clock.today())
    rows: list[dict[str, Any]] = [
        {"s": s, "may": can_submit_for(scope, s.unit) and not report.is_locked} for s in statuses
    ]
    summary = completeness(statuses)
    rate = summary.reporting_rate
    context = {
        "report": report,
        "period": report.period,
        "rows": rows,
        "own_unit": next((r for r in rows if r["s"].unit.pk == scope.unit_id), None),
        "summary": summary,
        "rate_text": "" if rate is None else f"{rate * 100:.0f}%",
        "can_manage": can_manage_reports(scope),
        "can_read_full": can_read_full_report(scope),
        "can_unlock": scope.role == "leader",
        "unlock_form": UnlockForm(),
        "history": history_rows(audit_events_for(scope, report), PeriodReport) if can_manage_reports(scope) else [],
    }
    return render(request, "web/reports/period.html", context)


@scoped
def period_report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report = get_or_404(period_report_get, scope, pk)
    require(not report.is_locked, "Báo cáo kỳ này đã khóa: chỉ xem, không sửa được.")
    form = PeriodReportForm(request.POST or None, instance=report, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        try:
            period_report_update(
                scope=scope, report=report, version=form.cleaned_data["version"], **form.service_kwargs()
            )
        except ValidationError as exc:
            apply_errors(cast(forms.Form, form), exc)
        except ConflictError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Đã lưu.")
            return redirect("web:period_report_detail", pk=pk)
    return render_form(request, "web/reports/period_form.html", {"form": form, "report": report})


@scoped
@require_POST
def period_report_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report = get_or_404(period_report_get, scope, pk)
    unit_ids = [int(x) for x in request.POST.getlist("don_vi") if x.isdigit()]
    units = list(units_visible(scope).filter(pk__in=unit_ids)) if unit_ids else None
    try:
        sent = period_report_remind(scope=scope, report=report, units=units)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        if sent:
            messages.success(request, f"Đã gửi {sent} thông báo nhắc nộp báo cáo.")
        else:
            messages.info(request, "Không có ai cần nhắc (các đơn vị đã nộp, hoặc hôm nay đã nhắc rồi).")
    return redirect("web:period_report_detail", pk=pk)


@scoped
@require_POST
def period_report_lock_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report = get_or_404(period_report_get, scope, pk)
    period_report_lock(scope=scope, report=report)
    messages.success(request, "Đã khóa báo cáo: từ nay chỉ xem, không sửa.")
    return redirect("web:period_report_detail", pk=pk)


@scoped
@require_POST
def period_report_unlock_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    report = get_or_404(period_report_get, scope, pk)
    require(scope.role == "leader", "Chỉ Lãnh đạo Sở được mở khóa báo cáo.")
    form = UnlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Cần ghi lý do mở khóa.")
    else:
        period_report_unlock(scope=scope, report=report, reason=form.cleaned_data["reason"])
        messages.success(request, "Đã mở khóa báo cáo.")
    return redirect("web:period_report_detail", pk=pk)


@scoped
@require_GET
def period_report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    report = get_or_404(period_report_get, scope, pk)
    require(can_read_full_report(scope), "Báo cáo toàn Sở chỉ dành cho Văn phòng, Lãnh đạo Sở.")
    if fmt not in ("docx", "pdf", "html"):
        raise Http404("Không có định dạng này.")
    generated = report_file(assemble(scope, report), report, fmt)
    if generated is None:
        messages.error(request, "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản Word.")
        return redirect("web:period_report_detail", pk=pk)
    return _file_response(generated.content, generated.filename, generated.content_type, inline=fmt != "docx")


def _unit_of(scope: object, pk: int) -> Unit:
    try:
        return units_visible(scope).get(pk=pk)  # type: ignore[arg-type]
    except Unit.DoesNotExist:
        raise Http404("Không có đơn vị này.") from None


@scoped
def submission_edit(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    report = get_or_404(period_report_get, scope, pk)
    unit = _unit_of(scope, unit_pk)
    require(can_submit_for(scope, unit), "Bạn chỉ được nhập báo cáo của đơn vị mình.")
    submission = UnitSubmission.objects.filter(report=report, unit=unit).prefetch_related("entries").first()
    entries = {e.field: e for e in submission.entries.all()} if submission else {}
    sections = list(
        report.report_type.sections.filter(is_active=True).prefetch_related("units").order_by("order", "id")
    )
    # the unit's own fields of work first
    sections.sort(key=lambda s: 0 if unit in s.units.all() else 1)
    form = SubmissionForm(
        request.POST or None,
        sections=sections,
        entries=entries,
        initial={"version": submission.version if submission else 0},
    )
    if request.method == "POST" and form.is_valid():
        if report.is_locked:
            form.add_error(None, "Báo cáo kỳ này đã khóa: chỉ xem, không sửa được.")
        else:
            submit = "nop" in request.POST
            try:
                submission_save(
                    scope=scope,
                    report=report,
                    unit=unit,
                    entries=form.entries(),
                    submit=submit,
                    version=form.cleaned_data["version"] or None,
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            except ConflictError as exc:
                form.add_error(None, exc.message)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Đã nộp báo cáo." if submit else "Đã lưu bản nháp (chưa nộp).")
                return redirect("web:period_report_detail", pk=pk)
    context = {
        "form": form,
        "report": report,
        "unit": unit,
        "submission": submission,
        "due_on": report.due_on,
        "locked": report.is_locked,
    }
    return render_form(request, "web/reports/submission.html", context)


@scoped
@require_POST
def submission_approve_view(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(can_manage_reports(scope), NOT_MANAGER)
    report = get_or_404(period_report_get, scope, pk)
    unit = _unit_of(scope, unit_pk)
    submission = UnitSubmission.objects.filter(report=report, unit=unit).first()
    if submission is None:
        messages.error(request, f"{unit.name} chưa nhập báo cáo.")
        return redirect("web:period_report_detail", pk=pk)
    try:
        submission_approve(scope=scope, submission=submission)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, f"Đã duyệt báo cáo của {unit.name}.")
    return redirect("web:period_report_detail", pk=pk)
