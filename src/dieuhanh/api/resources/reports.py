"""`GET /reports/summary`: the task figures of a reporting period or at a date.

The body is `Summary.as_dict()`, the same JSON as `dieuhanh report summary --json`, computed
over the tasks the caller may see (the whole organisation for the Office and the leaders, the
own unit for a unit head).
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import ApiError, error_responses
from dieuhanh.api.schemas import OptionalDate
from dieuhanh.reports.figures import summarize
from dieuhanh.reports.periods import parse_period

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
