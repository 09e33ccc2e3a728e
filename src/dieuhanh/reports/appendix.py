"""The appendix of assigned tasks (phụ lục nhiệm vụ được giao) of a period, from the register.

Seed 000's appendix lists the tasks UBND tỉnh and its Chairman assigned, in three sections
taken at the period's end (DOMAIN §4-5): I. ĐÃ THỰC HIỆN (done, on time or late), II. ĐANG
THỰC HIỆN (open and started: in time, then overdue), III. Chưa thực hiện (not started). The
tasks are those `figures.period_task_queryset` counts, so the appendix always agrees with the
summary figures; rows keep the order in which the tasks were registered, as the Office's
tracking table lists them.

- `AssignerChoice`, `resolve_assigners(scope, text)`: which assigners an appendix covers ("upstream",
  "internal", or names: "UBND tỉnh, Chủ tịch UBND tỉnh").
- `appendix_title(label, period)`: "Báo cáo kết quả thực hiện nhiệm vụ, kết luận, chỉ đạo UBND tỉnh,
  Chủ tịch UBND tỉnh giao quý I năm 2024".
- `org_header(org, period, ...)`: the official header of the organisation's report of a period.
- `build_appendix(scope, period, choice)`: an `AppendixResult` (the renderers' `Appendix` and counts).
- `appendix_file(result, fmt)`: DOCX or XLSX bytes with their file name and content type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from dieuhanh.core import clock
from dieuhanh.core.text import clean, fold
from dieuhanh.orgs.models import Organisation
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.figures import period_task_queryset, status_date
from dieuhanh.reports.periods import Period, PeriodKind
from dieuhanh.reports.render import (
    Appendix,
    OfficialHeader,
    TaskRow,
    assigned_tasks_sections,
    render_appendix_docx,
    render_appendix_xlsx,
)
from dieuhanh.reports.render.text import roman
from dieuhanh.tasks.models import Assigner, Task
from dieuhanh.tasks.selectors import assigners_visible, facts_by_task
from dieuhanh.tasks.status import Status, StatusCounts, deadline_at, past_deadline, status_at

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"docx": DOCX, "xlsx": XLSX}


class AppendixError(ValueError):
    """Bad input for an appendix (unknown assigner, format); the message is for users."""


@dataclass(frozen=True)
class AssignerChoice:
    """Tasks of one assigner level, or of named assigners. `label` names them in the title."""

    level: str | None = None
    ids: tuple[int, ...] = ()
    label: str = ""
    key: str = ""  # how it was asked for: "upstream", or the names as given

    def restrict(self, tasks: QuerySet[Task]) -> QuerySet[Task]:
        if self.ids:
            return tasks.filter(assigner_id__in=self.ids)
        if self.level:
            return tasks.filter(assigner__level=self.level)
        return tasks


LEVEL_LABELS = {Assigner.Level.UPSTREAM: "cấp trên", Assigner.Level.INTERNAL: "Lãnh đạo Sở"}


def resolve_assigners(scope: Scope, text: str | None) -> AssignerChoice:
    """ "upstream" (default), "internal", "all", or assigner names separated by commas."""
    text = clean(text or "") or Assigner.Level.UPSTREAM
    if text in (Assigner.Level.UPSTREAM, Assigner.Level.INTERNAL):
        level = Assigner.Level(text)
        return AssignerChoice(level=level, label=LEVEL_LABELS[level], key=text)
    if text == "all":
        return AssignerChoice(label="", key=text)
    known = list(assigners_visible(scope))
    by_name = {fold(a.name): a for a in known}
    chosen: list[Assigner] = []
    for name in (n.strip() for n in text.split(",")):
        if not name:
            continue
        assigner = by_name.get(fold(name))
        if assigner is None:
            names = "; ".join(a.name for a in known) or "chưa có"
            raise AppendixError(
                f"Không có nơi giao “{name}”. Dùng upstream (cấp trên giao), internal (Lãnh đạo Sở giao) "
                f"hoặc tên nơi giao, cách nhau bằng dấu phẩy: {names}."
            )
        if assigner not in chosen:
            chosen.append(assigner)
    if not chosen:
        raise AppendixError("Chưa chọn nơi giao nhiệm vụ.")
    return AssignerChoice(
        ids=tuple(a.pk for a in chosen), label=", ".join(a.name for a in chosen), key=", ".join(a.name for a in chosen)
    )


def period_words(period: Period) -> str:
    """ "quý I năm 2024", "tháng 3 năm 2024", "6 tháng đầu năm 2024", "năm 2024"."""
    match period.kind:
        case PeriodKind.QUARTER:
            return f"quý {roman(period.index)} năm {period.year}"
        case PeriodKind.MONTH:
            return f"tháng {period.index} năm {period.year}"
        case PeriodKind.HALF:
            return f"6 tháng đầu năm {period.year}"
        case PeriodKind.NINE_MONTHS:
            return f"9 tháng đầu năm {period.year}"
        case _:
            return f"năm {period.year}"


def appendix_title(label: str, period: Period) -> str:
    """Seed 000's title, broken after the first assigner as the seed breaks it."""
    who = f" {label}" if label else ""
    title = f"Báo cáo kết quả thực hiện nhiệm vụ, kết luận, chỉ đạo{who} giao {period_words(period)}"
    if ", " in label:
        head, _, tail = title.partition(label)
        first, _, rest = label.partition(", ")
        title = f"{head}{first},\n{rest}{tail}"
    return title


def org_header(
    org: Organisation,
    period: Period,
    *,
    summary: str = "",
    number: int | str | None = None,
    date: dt.date | None = None,
    symbol: str = "",
    doc_type: str = "Báo cáo",
) -> OfficialHeader:
    """The organisation's header for a report of `period`: a draft dated in the period's last
    month ("Bắc Giang, ngày      tháng 3 năm 2024") until it has a number and date."""
    return OfficialHeader(
        issuing_body=org.header_name or org.name,
        parent_body=org.parent_body,
        symbol=symbol or f"BC-{org.code}",
        number=number,
        place=org.place,
        date=date,
        draft_month=period.last_month,
        draft_year=period.year,
        doc_type=doc_type,
        summary=summary,
    )


@dataclass
class AppendixResult:
    appendix: Appendix
    header: OfficialHeader
    counts: StatusCounts
    period: Period
    as_of: dt.date
    choice: AssignerChoice
    rows_by_status: dict[Status, list[TaskRow]] = field(default_factory=dict)

    @property
    def task_count(self) -> int:
        return self.appendix.task_count


def _progress(status: Status, task: Task, deadline: dt.date | None, as_of: dt.date, past: bool) -> str:
    match status:
        case Status.DONE_ON_TIME:
            return "Đúng hạn"
        case Status.DONE_LATE:
            assert task.completed_on is not None
            assert deadline is not None
            return f"Chậm {(task.completed_on - deadline).days} ngày"
        case Status.IN_PROGRESS:
            return "Chưa đến hạn"
        case Status.OVERDUE:
            assert deadline is not None
            return f"Quá hạn {(as_of - deadline).days} ngày"
        case _:
            if past and deadline is not None:
                return f"Quá hạn {(as_of - deadline).days} ngày"
            return "Chưa thực hiện"


def build_appendix(
    scope: Scope,
    period: Period,
    choice: AssignerChoice | None = None,
    *,
    header: OfficialHeader | None = None,
    today: dt.date | None = None,
    label: str = "Phụ lục",
) -> AppendixResult:
    choice = choice or resolve_assigners(scope, None)
    as_of = status_date(period, today or clock.today())
    tasks = choice.restrict(period_task_queryset(scope, period))
    rows = list(
        tasks.select_related("source_document", "result_document")
        .only(
            "id",
            "content",
            "assigned_on",
            "original_deadline",
            "deadline",
            "deadline_text",
            "started_on",
            "completed_on",
            "has_extensions",
            "result_text",
            "source_document__number_raw",
            "source_document__issued_on",
            "result_document__number_raw",
            "result_document__issued_on",
        )
        .order_by("id")
    )
    facts = facts_by_task(rows)
    buckets: dict[Status, list[TaskRow]] = {s: [] for s in Status}
    counts = StatusCounts()
    for task in rows:
        f = facts[task.pk]
        status = status_at(f, as_of)
        if status is None:
            continue
        past = past_deadline(f, as_of)
        counts.add(status, past_deadline=past, extended=any(c.approved_on <= as_of for c in f.changes))
        deadline = deadline_at(f, as_of)
        source = task.source_document
        result = task.result_document if status.is_done else None
        buckets[status].append(
            TaskRow(
                content=task.content,
                source_number=source.number_raw if source else "",
                source_date=source.issued_on if source else None,
                deadline=deadline,
                deadline_text="" if deadline else task.deadline_text,
                completed_on=task.completed_on if status.is_done else None,
                progress=_progress(status, task, deadline, as_of, past),
                result=(result.number_raw if result else task.result_text) if status.is_done else "",
                result_date=result.issued_on if result else None,
            )
        )
    header = header or org_header(scope.org, period)
    appendix = Appendix(
        title=appendix_title(choice.label, period),
        sections=assigned_tasks_sections(
            buckets[Status.DONE_ON_TIME] + buckets[Status.DONE_LATE],
            buckets[Status.IN_PROGRESS],
            buckets[Status.OVERDUE],
            buckets[Status.NOT_STARTED],
        ),
        label=label,
    )
    return AppendixResult(appendix, header, counts, period, as_of, choice, buckets)


@dataclass(frozen=True)
class GeneratedFile:
    content: bytes
    filename: str
    content_type: str


def appendix_file(result: AppendixResult, fmt: str) -> GeneratedFile:
    fmt = fmt.lower().lstrip(".")
    name = f"phu-luc-nhiem-vu-{result.period.key}.{fmt}"
    if fmt == "docx":
        return GeneratedFile(render_appendix_docx(result.appendix, header=result.header), name, DOCX)
    if fmt == "xlsx":
        return GeneratedFile(render_appendix_xlsx(result.appendix, header=result.header), name, XLSX)
    raise AppendixError(f"Định dạng “{fmt}” không hỗ trợ; dùng docx (Word) hoặc xlsx (Excel).")
