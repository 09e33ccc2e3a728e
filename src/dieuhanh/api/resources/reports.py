"""Reports: period figures, the appendix of assigned tasks, periodic reports and submissions.

- `GET /reports/summary`: the task figures of a period or at a date; the body is
  `Summary.as_dict()`, the same JSON as `dieuhanh report summary --json`, computed over the tasks
  the caller may see (the whole organisation for the Office and the leaders, the own unit for a
  unit head).
- `GET /reports/appendix`: the appendix of assigned tasks as DOCX or XLSX (the caller's tasks).
- `GET /reports/types`, `GET /reports/periods`, `GET /reports/periods/{id}`: report types, the
  periods opened, and who submitted (on time / late / missing, as DHIS2 reports them).
- `PUT /reports/periods/{id}/units/{unit_id}`: a unit's submission (its people, the Office).
- `POST /reports/periods/{id}/remind`, `POST /reports/periods/{id}/lock`: the Office.
- `GET /reports/periods/{id}/document`: the assembled report (DOCX, HTML, PDF).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import ApiError, error_responses, not_found
from dieuhanh.api.schemas import OptionalDate
from dieuhanh.core import clock
from dieuhanh.orgs.models import Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import units_visible
from dieuhanh.reports.appendix import AppendixError, appendix_file, build_appendix, resolve_assigners
from dieuhanh.reports.figures import summarize
from dieuhanh.reports.models import PeriodReport, UnitSubmission
from dieuhanh.reports.periods import parse_period
from dieuhanh.reports.selectors import (
    can_read_full_report,
    completeness,
    period_report_get,
    period_reports_visible,
    report_types_visible,
    submission_statuses,
)

router = Router(tags=["Báo cáo"])


class SummaryParams(Schema):
    period: str | None = Field(
        None, description="Kỳ báo cáo: 2024-03 (tháng), 2024-Q1 (quý), 2024-H1, 2024-9M hoặc 2024 (năm)"
    )
    as_of: OptionalDate = Field(None, description="Hoặc: tình trạng tại ngày YYYY-MM-DD")
    include_subtasks: bool = Field(False, description="Đếm cả nhiệm vụ con")


class PeriodOut(Schema):
    key: str
    start: dt.date
    end: dt.date


class CountsOut(Schema):
    total: int
    done_on_time: int = Field(description="Hoàn thành đúng hạn")
    done_late: int = Field(description="Hoàn thành quá hạn")
    in_progress: int = Field(description="Đang thực hiện trong hạn")
    overdue: int = Field(description="Đang thực hiện quá hạn")
    not_started: int = Field(description="Chưa thực hiện")
    not_started_overdue: int = Field(description="Chưa thực hiện, đã quá hạn")
    extended: int = Field(description="Đã được gia hạn")
    completion_rate: float | None = Field(description="Hoàn thành ÷ (hoàn thành + chưa xong đã quá hạn)")
    on_time_rate: float | None = Field(description="Đúng hạn ÷ hoàn thành")


class UnitRowOut(CountsOut):
    unit_id: int | None
    unit: str


class SummaryOut(CountsOut):
    period: PeriodOut | None
    as_of: dt.date = Field(description="Ngày lấy tình trạng (cuối kỳ, hoặc hôm nay khi kỳ đang chạy)")
    by_unit: list[UnitRowOut]


@router.get(
    "/reports/summary",
    response={200: SummaryOut, **error_responses(403, 422)},
    summary="Số liệu nhiệm vụ của kỳ báo cáo",
    description="Số nhiệm vụ theo 5 tình trạng, tỷ lệ hoàn thành, tỷ lệ đúng hạn, theo đơn vị chủ trì — cùng "
    "số liệu với lệnh `dieuhanh report summary --json`. Kỳ cắt số liệu theo NĐ 09/2019 (ngày 14). "
    "Cần đúng một trong `period` hoặc `as_of`. Mọi vai trò đều gọi được; số liệu tính trên các "
    "nhiệm vụ người gọi được xem.",
)
def report_summary(request: HttpRequest, params: Query[SummaryParams]) -> dict:
    scope = scope_of(request)
    if (params.period is None) == (params.as_of is None):
        message = "Cần đúng một trong hai: period (kỳ báo cáo, ví dụ 2024-Q1) hoặc as_of (ngày, ví dụ 2024-03-26)."
        raise ApiError(422, "validation_error", message, {"period": [message]})
    if params.period is not None:
        period = parse_period(params.period, cutoff_day=scope.org.period_cutoff_day)
        return summarize(scope, period=period, include_subtasks=params.include_subtasks).as_dict()
    return summarize(scope, as_of=params.as_of, include_subtasks=params.include_subtasks).as_dict()


# --- the appendix of assigned tasks ---------------------------------------------------------

FILE_RESPONSE = {
    200: {
        "description": "Tệp Word, Excel, HTML hoặc PDF",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


def _file(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class AppendixParams(Schema):
    period: str = Field(description="Kỳ báo cáo: 2024-Q1, 2024-03, 2024-H1, 2024-9M, 2024")
    assigner: str = Field(
        "upstream",
        description="upstream (cấp trên giao), internal (Lãnh đạo Sở giao), all, hoặc tên nơi giao, "
        "cách nhau bằng dấu phẩy: “UBND tỉnh,Chủ tịch UBND tỉnh”",
    )
    format: Literal["docx", "xlsx"] = Field("docx", description="docx (Word) hoặc xlsx (Excel)")


@router.get(
    "/reports/appendix",
    response=error_responses(403, 422),
    summary="Phụ lục nhiệm vụ được giao (Word, Excel)",
    description="Bảng nhiệm vụ của kỳ theo mẫu báo cáo: I. Đã thực hiện, II. Đang thực hiện (trong hạn, quá hạn), "
    "III. Chưa thực hiện; trang ngang. Tính trên các nhiệm vụ người gọi được xem.",
    openapi_extra={"responses": FILE_RESPONSE},
)
def report_appendix(request: HttpRequest, params: Query[AppendixParams]) -> HttpResponse:
    scope = scope_of(request)
    period = parse_period(params.period, cutoff_day=scope.org.period_cutoff_day)
    try:
        result = build_appendix(scope, period, resolve_assigners(scope, params.assigner))
    except AppendixError as exc:
        raise ApiError(422, "validation_error", str(exc), {"assigner": [str(exc)]}) from None
    generated = appendix_file(result, params.format)
    return _file(generated.content, generated.filename, generated.content_type)


# --- report types, periods, submissions ------------------------------------------------------


class SectionOut(Schema):
    field: str
    title: str
    order: int
    is_active: bool


class ReportTypeOut(Schema):
    id: int
    code: str
    name: str
    period_kind: str
    due_days: int = Field(description="Đơn vị nộp chậm nhất bao nhiêu ngày sau ngày chốt số liệu")
    contributing_unit_ids: list[int]
    sections: list[SectionOut]
    has_custom_template: bool


@router.get(
    "/reports/types",
    response={200: list[ReportTypeOut], **error_responses(403)},
    summary="Loại báo cáo định kỳ",
    description="Các loại báo cáo của cơ quan: kỳ, các mục (lĩnh vực), đơn vị phải nộp, hạn nộp.",
)
def report_type_list(request: HttpRequest) -> list[dict]:
    scope = scope_of(request)
    types = report_types_visible(scope).prefetch_related("sections", "contributing_units")
    return [
        {
            "id": t.pk,
            "code": t.code,
            "name": t.name,
            "period_kind": t.period_kind,
            "due_days": t.due_days,
            "contributing_unit_ids": [u.pk for u in t.contributing_units.all()],
            "sections": [
                {"field": s.field, "title": s.title, "order": s.order, "is_active": s.is_active}
                for s in t.sections.all()
            ],
            "has_custom_template": t.has_custom_template,
        }
        for t in types
    ]


class CompletenessOut(Schema):
    expected: int
    submitted: int
    on_time: int = Field(description="Nộp đúng hạn")
    late: int = Field(description="Nộp muộn")
    missing: int = Field(description="Chưa nộp, đã quá hạn")
    pending: int = Field(description="Chưa nộp, còn hạn")
    reporting_rate: float | None = Field(description="Đã nộp ÷ phải nộp (DHIS2: reporting rate)")
    on_time_rate: float | None = Field(description="Nộp đúng hạn ÷ phải nộp (DHIS2: reporting rate on time)")


class PeriodReportOut(Schema):
    id: int
    report_type_id: int
    report_type: str
    period: PeriodOut
    label: str
    due_on: dt.date
    locked: bool
    version: int
    completeness: CompletenessOut


class UnitStatusOut(Schema):
    unit_id: int
    unit: str
    timeliness: Literal["on_time", "late", "missing", "pending"]
    state: str | None = Field(description="draft, submitted, approved; null khi chưa nhập")
    submitted_on: dt.date | None
    sections_filled: int
    version: int | None


class PeriodReportDetail(PeriodReportOut):
    units: list[UnitStatusOut]


def _period_report(scope: Scope, pk: int) -> PeriodReport:
    try:
        return period_report_get(scope, pk)
    except PeriodReport.DoesNotExist:
        raise not_found("báo cáo kỳ", pk) from None


def _report_out(report: PeriodReport, *, units: bool = False) -> dict[str, Any]:
    statuses = submission_statuses(report, clock.today())
    out: dict[str, Any] = {
        "id": report.pk,
        "report_type_id": report.report_type_id,
        "report_type": report.report_type.name,
        "period": {"key": report.period_key, "start": report.start, "end": report.end},
        "label": report.period.label,
        "due_on": report.due_on,
        "locked": report.is_locked,
        "version": report.version,
        "completeness": completeness(statuses).as_dict(),
    }
    if units:
        out["units"] = [
            {
                "unit_id": s.unit.pk,
                "unit": s.unit.name,
                "timeliness": s.timeliness.value,
                "state": s.submission.state if s.submission else None,
                "submitted_on": s.submission.submitted_on if s.submission else None,
                "sections_filled": s.filled,
                "version": s.submission.version if s.submission else None,
            }
            for s in statuses
        ]
    return out


@router.get(
    "/reports/periods",
    response={200: list[PeriodReportOut], **error_responses(403)},
    summary="Các kỳ báo cáo đã mở",
    description="Mỗi kỳ của mỗi loại báo cáo, với số đơn vị đã nộp đúng hạn, muộn, chưa nộp.",
)
def period_report_list(request: HttpRequest) -> list[dict]:
    scope = scope_of(request)
    return [_report_out(r) for r in period_reports_visible(scope)[:100]]


@router.get(
    "/reports/periods/{report_id}",
    response={200: PeriodReportDetail, **error_responses(403, 404)},
    summary="Một kỳ báo cáo: đơn vị nào đã nộp",
    description="Từng đơn vị phải nộp: nộp đúng hạn, muộn, chưa nộp (quá hạn hoặc còn hạn), trạng thái, số mục đã ghi.",
)
def period_report_detail(request: HttpRequest, report_id: int) -> dict:
    scope = scope_of(request)
    return _report_out(_period_report(scope, report_id), units=True)


class EntryIn(Schema):
    results: str = Field("", description="Kết quả trong kỳ, mỗi dòng một ý")
    figures: str = Field("", description="Số liệu, mỗi dòng “Tên số liệu: giá trị”")
    next_tasks: str = Field("", description="Nhiệm vụ kỳ sau, mỗi dòng một ý")


class SubmissionIn(Schema):
    entries: dict[str, EntryIn] = Field(description="Theo mã lĩnh vực của loại báo cáo (research, standards ...)")
    submit: bool = Field(False, description="true: nộp (ngày nộp đầu tiên tính đúng hạn / muộn); false: lưu nháp")
    version: int | None = Field(None, description="version đã đọc (lần sửa sau)")


class SubmissionOut(Schema):
    unit_id: int
    state: str
    submitted_on: dt.date | None
    version: int


def _unit(scope: Scope, pk: int) -> Unit:
    try:
        return units_visible(scope).get(pk=pk)
    except Unit.DoesNotExist:
        raise not_found("đơn vị", pk) from None


@router.put(
    "/reports/periods/{report_id}/units/{unit_id}",
    response={200: SubmissionOut, **error_responses(403, 404, 409, 422)},
    summary="Đơn vị nhập, nộp báo cáo của kỳ",
    description="Người của đơn vị (và Văn phòng, Lãnh đạo Sở) ghi nội dung theo từng mục; `submit` để nộp. "
    "Kỳ đã khóa: 403.",
)
def submission_put(request: HttpRequest, report_id: int, unit_id: int, payload: SubmissionIn) -> dict:
    from dieuhanh.reports.services import submission_save

    scope = scope_of(request)
    report = _period_report(scope, report_id)
    unit = _unit(scope, unit_id)
    submission: UnitSubmission = submission_save(
        scope=scope,
        report=report,
        unit=unit,
        entries={k: v.dict() for k, v in payload.entries.items()},
        submit=payload.submit,
        version=payload.version,
    )
    return {
        "unit_id": unit.pk,
        "state": submission.state,
        "submitted_on": submission.submitted_on,
        "version": submission.version,
    }


class RemindOut(Schema):
    sent: int = Field(description="Số thông báo đã gửi (mỗi người, mỗi đơn vị một lần một ngày)")


@router.post(
    "/reports/periods/{report_id}/remind",
    response={200: RemindOut, **error_responses(403, 404)},
    summary="Nhắc các đơn vị chưa nộp",
    description="Văn phòng, Lãnh đạo Sở: gửi thông báo cho trưởng các đơn vị chưa nộp báo cáo của kỳ.",
)
def period_report_remind(request: HttpRequest, report_id: int) -> dict:
    from dieuhanh.reports.services import period_report_remind as remind

    scope = scope_of(request)
    return {"sent": remind(scope=scope, report=_period_report(scope, report_id))}


@router.post(
    "/reports/periods/{report_id}/lock",
    response={200: PeriodReportOut, **error_responses(403, 404)},
    summary="Khóa báo cáo kỳ",
    description="Văn phòng, Lãnh đạo Sở: từ đó báo cáo và các báo cáo đơn vị chỉ đọc. Mở khóa: Lãnh đạo Sở, trên web.",
)
def period_report_lock(request: HttpRequest, report_id: int) -> dict:
    from dieuhanh.reports.services import period_report_lock as lock

    scope = scope_of(request)
    return _report_out(lock(scope=scope, report=_period_report(scope, report_id)))


class DocumentParams(Schema):
    format: Literal["docx", "html", "pdf"] = Field("docx", description="docx, html (bản in) hoặc pdf (cần LibreOffice)")


@router.get(
    "/reports/periods/{report_id}/document",
    response=error_responses(403, 404, 422),
    summary="Tải báo cáo tổng hợp của kỳ",
    description="Báo cáo đầy đủ theo thể thức NĐ 30/2020 kèm phụ lục (trang ngang): Văn phòng, Lãnh đạo Sở, "
    "quản trị, người chỉ xem. PDF khi máy chủ có LibreOffice (không có: 422).",
    openapi_extra={"responses": FILE_RESPONSE},
)
def period_report_document(request: HttpRequest, report_id: int, params: Query[DocumentParams]) -> HttpResponse:
    from django.core.exceptions import PermissionDenied

    from dieuhanh.reports.assembly import assemble, report_file

    scope = scope_of(request)
    report = _period_report(scope, report_id)
    if not can_read_full_report(scope):
        raise PermissionDenied("Báo cáo toàn Sở chỉ dành cho Văn phòng, Lãnh đạo Sở.")
    generated = report_file(assemble(scope, report), report, params.format)
    if generated is None:
        message = "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; dùng format=docx."
        raise ApiError(422, "validation_error", message, {"format": [message]})
    return _file(generated.content, generated.filename, generated.content_type)
