"""The research register (nhiệm vụ KH&CN): list, detail, create, update, lifecycle steps, the
chase and the report figures.

    GET   /research                       list, filtered, paginated
    POST  /research                       enter a task in the register (at the stage it reached)
    GET   /research/chase                 what is late: products, contracts, registration
    GET   /research/figures?period=KEY    the figures of the report's research section
    GET   /research/{id}                  detail: funding by year, steps, steps allowed next
    PATCH /research/{id}                  update; `version` required, 409 when stale
    POST  /research/{id}/events           record one lifecycle step (422 with the reason if not allowed)

Reads go through `research.selectors`, writes through `research.services`; the same roles as
the pages. A task outside the caller's scope is a 404.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from dieuhanh.api import lookups
from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import error_responses, not_found
from dieuhanh.api.schemas import (
    DocumentRef,
    Input,
    IsoDate,
    OptionalDate,
    PageMeta,
    PageParams,
    PersonRef,
    UnitRef,
    document_ref,
    page_of,
    person_ref,
    unit_ref,
)
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.contributions import figures_for
from dieuhanh.reports.periods import parse_period
from dieuhanh.research import services
from dieuhanh.research.chase import chase_items
from dieuhanh.research.lifecycle import EventKind, allowed_kinds
from dieuhanh.research.models import Level, Management, ResearchEvent, ResearchTask, TaskType
from dieuhanh.research.selectors import can_edit_research, can_record_event, research_filtered, research_get

router = Router(tags=["Nhiệm vụ KH&CN"])

LevelIn = Literal[tuple(Level.values)]  # type: ignore[valid-type]
TypeIn = Literal[tuple(TaskType.values)]  # type: ignore[valid-type]
ManagementIn = Literal[tuple(Management.values)]  # type: ignore[valid-type]
KindIn = Literal[tuple(k.value for k in EventKind)]  # type: ignore[valid-type]


# --- output ---------------------------------------------------------------------------------


class ResearchItem(Schema):
    id: int
    code: str
    title: str
    short_name: str
    level: str = Field(description="national, provincial, grassroots")
    level_label: str
    programme: str = Field(description="Chương trình, ví dụ NTMN")
    management: str = Field(description="local: Sở quản lý; central: Trung ương quản lý, Sở phối hợp theo dõi")
    task_type: str
    task_type_label: str
    host_organisation: str
    principal_investigator: str
    field: str
    location: str
    start_year: int = Field(description="Năm bắt đầu thực hiện: chuyển tiếp khi trước năm báo cáo")
    start_date: dt.date | None
    original_end_date: dt.date | None
    end_date: dt.date | None = Field(description="Thời hạn kết thúc sau gia hạn")
    managing_unit: UnitRef | None
    officer: PersonRef | None
    deputy: PersonRef | None
    stage: str
    stage_label: str
    rating: str = Field(description="excellent, good, pass, fail; trống khi chưa nghiệm thu")
    certificate_number: str
    version: int


class ResearchPage(PageMeta):
    items: list[ResearchItem]


class FundingOut(Schema):
    year: int
    state_budget: Decimal = Field(description="Ngân sách nhà nước, triệu đồng")
    counterpart: Decimal = Field(description="Đối ứng, triệu đồng")


class EventOut(Schema):
    id: int
    kind: str
    kind_label: str
    date: dt.date
    document: DocumentRef | None
    document_text: str
    council_members: list[str]
    council_meeting_on: dt.date | None
    conclusion: str
    rating: str
    certificate_number: str
    new_end_date: dt.date | None
    funds_to_recover: Decimal | None
    funds_recovered: Decimal | None


class ResearchDetail(ResearchItem):
    notes: str
    funding: list[FundingOut]
    events: list[EventOut]
    next_steps: list[str] = Field(description="Các bước được phép ghi tiếp (kind)")
    can_edit: bool
    can_record_event: bool


def _item(task: ResearchTask) -> dict[str, Any]:
    return {
        "id": task.pk,
        "code": task.code,
        "title": task.title,
        "short_name": task.short_name,
        "level": task.level,
        "level_label": task.get_level_display(),
        "programme": task.programme,
        "management": task.management,
        "task_type": task.task_type,
        "task_type_label": task.get_task_type_display(),
        "host_organisation": task.host_organisation,
        "principal_investigator": task.principal_investigator,
        "field": task.field,
        "location": task.location,
        "start_year": task.start_year,
        "start_date": task.start_date,
        "original_end_date": task.original_end_date,
        "end_date": task.end_date,
        "managing_unit": unit_ref(task.managing_unit),
        "officer": person_ref(task.officer),
        "deputy": person_ref(task.deputy),
        "stage": task.stage,
        "stage_label": task.stage_label,
        "rating": task.rating,
        "certificate_number": task.certificate_number,
        "version": task.version,
    }


def _event(event: ResearchEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "kind": event.kind,
        "kind_label": event.get_kind_display(),
        "date": event.date,
        "document": document_ref(event.document),
        "document_text": event.document_text,
        "council_members": [m.strip() for m in event.council_members.splitlines() if m.strip()],
        "council_meeting_on": event.council_meeting_on,
        "conclusion": event.conclusion,
        "rating": event.rating,
        "certificate_number": event.certificate_number,
        "new_end_date": event.new_end_date,
        "funds_to_recover": event.funds_to_recover,
        "funds_recovered": event.funds_recovered,
    }


def _detail(scope: Scope, task: ResearchTask) -> dict[str, Any]:
    task = ResearchTask.objects.select_related("managing_unit", "officer", "deputy").get(pk=task.pk)
    return {
        **_item(task),
        "notes": task.notes,
        "funding": [
            {"year": f.year, "state_budget": f.state_budget, "counterpart": f.counterpart} for f in task.funding.all()
        ],
        "events": [_event(e) for e in task.events.select_related("document").order_by("date", "id")],
        "next_steps": [k.value for k in allowed_kinds(task.state)],
        "can_edit": can_edit_research(scope, task),
        "can_record_event": can_record_event(scope, task),
    }


def _task(scope: Scope, pk: int) -> ResearchTask:
    try:
        return research_get(scope, pk)
    except ResearchTask.DoesNotExist:
        raise not_found("nhiệm vụ KH&CN", pk) from None


# --- list, chase, figures ---------------------------------------------------------------------


class ResearchQuery(Schema):
    q: str = Field("", description="Tìm không dấu trong tên, tên gọi tắt, tổ chức chủ trì, chủ nhiệm")
    level: LevelIn | None = None  # type: ignore[valid-type]
    programme: str = Field("", description="Chương trình, ví dụ NTMN")
    stage: str = Field("", description="Bước hiện tại, ví dụ in_progress")
    year: int | None = Field(None, ge=1990, le=2100, description="Chỉ các nhiệm vụ quản lý trong năm này")
    carried: Literal["", "chuyen-tiep", "moi"] = Field("", description="Với `year`: chuyển tiếp hoặc mới")


@router.get(
    "/research",
    response={200: ResearchPage, **error_responses(403, 422)},
    summary="Sổ nhiệm vụ KH&CN",
    description="Nhiệm vụ người gọi được xem (cả sổ với Văn phòng, Lãnh đạo, quản trị, người chỉ xem; với trưởng "
    "phòng: nhiệm vụ phòng mình theo dõi; với chuyên viên: thêm nhiệm vụ mình theo dõi), lọc, tìm không dấu, "
    "phân trang.",
)
def research_list(request: HttpRequest, filters: Query[ResearchQuery], paging: Query[PageParams]) -> dict:
    scope = scope_of(request)
    tasks = research_filtered(
        scope,
        q=filters.q,
        level=filters.level or "",
        programme=filters.programme,
        stage=filters.stage,
        year=filters.year,
        carried=filters.carried,
    ).select_related("managing_unit", "officer", "deputy")
    meta, rows = page_of(tasks, paging)
    return {**meta, "items": [_item(t) for t in rows]}


class ChaseOut(Schema):
    task: ResearchItem
    reason: str = Field(description="products, contract, registration")
    reason_label: str
    due_on: dt.date
    days_late: int


@router.get(
    "/research/chase",
    response={200: list[ChaseOut], **error_responses(403)},
    summary="Nhiệm vụ KH&CN cần đôn đốc",
    description="Hết thời gian thực hiện chưa giao nộp sản phẩm; phê duyệt quá 30 ngày chưa ký hợp đồng; nghiệm thu "
    "quá 30 ngày chưa đăng ký kết quả — với số ngày chậm, tại hôm nay.",
)
def research_chase(request: HttpRequest) -> list[dict]:
    return [
        {
            "task": _item(i.task),
            "reason": i.reason,
            "reason_label": i.reason_label,
            "due_on": i.due_on,
            "days_late": i.days_late,
        }
        for i in chase_items(scope_of(request))
    ]


class FigureOut(Schema):
    key: str
    label: str
    value: Decimal
    unit: str
    sentence: str


@router.get(
    "/research/figures",
    response={200: list[FigureOut], **error_responses(403, 422)},
    summary="Số liệu nhiệm vụ KH&CN của kỳ báo cáo",
    description="Số liệu cho mục “Hoạt động nghiên cứu khoa học và phát triển công nghệ” của báo cáo định kỳ: số "
    "nhiệm vụ quản lý (chuyển tiếp, mới, theo cấp và chương trình), nghiệm thu và xếp loại, chấm dứt, đăng ký "
    "kết quả — kèm câu văn như báo cáo viết.",
)
def research_figures(request: HttpRequest, period: str = Query(..., description="Ví dụ 2022-Q1")) -> list[dict]:
    scope = scope_of(request)
    parsed = parse_period(period, cutoff_day=scope.org.period_cutoff_day)
    return [
        {"key": f.key, "label": f.label, "value": f.value, "unit": f.unit, "sentence": f.sentence}
        for f in figures_for(scope, parsed, "research")
    ]


@router.get(
    "/research/{research_id}",
    response={200: ResearchDetail, **error_responses(403, 404)},
    summary="Chi tiết nhiệm vụ KH&CN",
    description="Thông tin, kinh phí theo năm, các bước đã ghi và các bước được phép ghi tiếp.",
)
def research_detail(request: HttpRequest, research_id: int) -> dict:
    scope = scope_of(request)
    return _detail(scope, _task(scope, research_id))


# --- writes ---------------------------------------------------------------------------------


class FundingIn(Input):
    year: int = Field(ge=1990, le=2100)
    state_budget: Decimal = Field(Decimal(0), ge=0, description="Triệu đồng")
    counterpart: Decimal = Field(Decimal(0), ge=0, description="Triệu đồng")


class ResearchCreateIn(Input):
    title: str
    start_year: int = Field(description="Năm bắt đầu thực hiện")
    level: LevelIn = "provincial"  # type: ignore[valid-type]
    task_type: TypeIn = "de_tai"  # type: ignore[valid-type]
    programme: str = ""
    management: ManagementIn = "local"  # type: ignore[valid-type]
    code: str = ""
    short_name: str = ""
    host_organisation: str = ""
    principal_investigator: str = ""
    field: str = ""
    location: str = ""
    start_date: OptionalDate = None
    end_date: OptionalDate = None
    managing_unit_id: int | None = None
    officer_id: int | None = None
    deputy_id: int | None = None
    notes: str = ""
    stage: str = Field("proposed", description="Bước đã đạt khi nhập, đến delivered")
    funding: list[FundingIn] = []


def _refs(scope: Scope, data: dict[str, Any]) -> dict[str, Any]:
    if "managing_unit_id" in data:
        data["managing_unit"] = lookups.unit(scope, data.pop("managing_unit_id"), "managing_unit_id")
    for name in ("officer", "deputy"):
        if f"{name}_id" in data:
            data[name] = lookups.person(scope, data.pop(f"{name}_id"), f"{name}_id")
    return data


def _funding(rows: list[dict[str, Any]]) -> list[services.FundingYear]:
    return [services.FundingYear(r["year"], r["state_budget"], r["counterpart"]) for r in rows]


@router.post(
    "/research",
    response={201: ResearchDetail, **error_responses(400, 403, 422)},
    summary="Thêm nhiệm vụ KH&CN",
    description="Văn phòng và Lãnh đạo; trưởng phòng cho phòng mình theo dõi.",
)
def research_create(request: HttpRequest, payload: ResearchCreateIn) -> Status[dict]:
    scope = scope_of(request)
    data = _refs(scope, payload.model_dump())
    data["funding"] = _funding(data["funding"])
    task = services.research_create(scope=scope, **data)
    return Status(201, _detail(scope, task))


class ResearchUpdateIn(Input):
    version: int = Field(description="`version` đọc được lần trước")
    title: str | None = None
    start_year: int | None = None
    level: LevelIn | None = None  # type: ignore[valid-type]
    task_type: TypeIn | None = None  # type: ignore[valid-type]
    programme: str | None = None
    management: ManagementIn | None = None  # type: ignore[valid-type]
    code: str | None = None
    short_name: str | None = None
    host_organisation: str | None = None
    principal_investigator: str | None = None
    field: str | None = None
    location: str | None = None
    start_date: OptionalDate = None
    end_date: OptionalDate = None
    managing_unit_id: int | None = None
    officer_id: int | None = None
    deputy_id: int | None = None
    notes: str | None = None
    funding: list[FundingIn] | None = Field(None, description="Thay cả bảng kinh phí theo năm")


@router.patch(
    "/research/{research_id}",
    response={200: ResearchDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Sửa nhiệm vụ KH&CN",
    description="Chỉ gửi các trường cần sửa, kèm `version`. Văn phòng, Lãnh đạo, trưởng phòng theo dõi nhiệm vụ.",
)
def research_update(request: HttpRequest, research_id: int, payload: ResearchUpdateIn) -> dict:
    scope = scope_of(request)
    task = _task(scope, research_id)
    data = _refs(scope, payload.model_dump(exclude_unset=True))
    version = data.pop("version")
    funding = data.pop("funding", None)
    for name in ("title", "start_year", "level", "task_type", "management"):
        if name in data and data[name] is None:
            data.pop(name)
    for name, value in list(data.items()):
        if value is None and name not in ("start_date", "end_date", "managing_unit", "officer", "deputy"):
            data[name] = ""
    updated = services.research_update(
        scope=scope, task=task, version=version, funding=_funding(funding) if funding is not None else None, **data
    )
    return _detail(scope, updated)


class EventIn(Input):
    kind: KindIn  # type: ignore[valid-type]
    date: IsoDate
    document_id: int | None = None
    document_text: str = ""
    council_members: list[str] = []
    council_meeting_on: OptionalDate = None
    conclusion: str = ""
    rating: Literal["excellent", "good", "pass", "fail"] | None = None
    certificate_number: str = ""
    new_end_date: OptionalDate = None
    funds_to_recover: Decimal | None = Field(None, ge=0)
    funds_recovered: Decimal | None = Field(None, ge=0)
    version: int | None = Field(None, description="Gửi `version` đã đọc để tránh ghi đè (409)")


@router.post(
    "/research/{research_id}/events",
    response={201: ResearchDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Ghi một bước thực hiện",
    description="Đề xuất, hội đồng xác định, danh mục, tuyển chọn / giao trực tiếp, thẩm định kinh phí, phê duyệt, "
    "hợp đồng, kiểm tra tiến độ, điều chỉnh, gia hạn, giao nộp sản phẩm, nghiệm thu (xếp loại), công nhận, đăng "
    "ký kết quả (số giấy chứng nhận), đưa lên CSDL quốc gia, thanh lý; hoặc chấm dứt hợp đồng (kinh phí thu hồi). "
    "Bước không được phép ở bước hiện tại: 422 với lý do. Văn phòng, Lãnh đạo, trưởng phòng theo dõi, cán bộ "
    "theo dõi nhiệm vụ.",
)
def research_event_add(request: HttpRequest, research_id: int, payload: EventIn) -> Status[dict]:
    scope = scope_of(request)
    task = _task(scope, research_id)
    data = payload.model_dump()
    data["document"] = lookups.document(scope, data.pop("document_id"), "document_id")
    data["council_members"] = "\n".join(data["council_members"])
    services.research_event_add(scope=scope, task=task, **data)
    return Status(201, _detail(scope, task))
