"""The research register's figures for a periodic report (field of work "research", DOMAIN §5, §7).

For a period of year Y (the period's own year: Q1/2022 runs 15/12/2021 -> 14/03/2022, year 2022):

- **managed**: tasks whose start year is Y or earlier, that have reached the approved list (stage
  "listed" or beyond, or were entered further on), and that were neither accepted nor closed
  (liquidated, terminated) before the period began. Carried over (*chuyển tiếp*) when started
  before Y, new when started in Y; counted by group: the programme when there is one ("NTMN"),
  else the level (seed 003: "quản lý 40 nhiệm vụ ... (28 nhiệm vụ chuyển tiếp; 12 nhiệm vụ
  thực hiện từ năm 2022)", "23 nhiệm vụ cấp tỉnh, 03 nhiệm vụ NTMN (trong đó 02 dự án phối hợp
  quản lý), 02 nhiệm vụ cấp quốc gia").
- **accepted** in the period, with their ratings (seed 003: "nghiệm thu 01 dự án, xếp loại
  “Xuất sắc”"; seed 000: "01 nhiệm vụ đạt loại xuất sắc, 03 nhiệm vụ đạt yêu cầu").
- **terminated**, **registered** (certificates), **uploaded** to the national database in the
  period; and the tasks past their end date without products at the period's end.

Managed counts use the task's current stage, so a period long past is counted with today's
stages (a task still at "đề xuất" today was never on the approved list).

Public: `research_figures` (registered with `@provides("research", ...)`), `managed_groups`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import QuerySet

from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.contributions import Figure, provides, vi_count, vi_number
from dieuhanh.reports.periods import Period
from dieuhanh.research.chase import chase_items
from dieuhanh.research.lifecycle import RATING_LABELS, EventKind, Rating
from dieuhanh.research.models import Level, Management, ResearchEvent, ResearchTask, TaskType
from dieuhanh.research.selectors import managed_in, research_visible

UNIT = "nhiệm vụ"
RATING_ORDER = [Rating.EXCELLENT, Rating.GOOD, Rating.PASS, Rating.FAIL]


def managed_tasks(scope: Scope, period: Period) -> QuerySet[ResearchTask]:
    return managed_in(research_visible(scope), period.year, period.start)


def _group_key(task: ResearchTask) -> tuple[int, str]:
    """Report order: provincial, programmes, national, grassroots (as seed 003 writes them)."""
    if task.programme:
        return (1, task.programme)
    return ({Level.PROVINCIAL: 0, Level.NATIONAL: 2, Level.GRASSROOTS: 3}[Level(task.level)], task.level)


def _noun(tasks: list[ResearchTask]) -> str:
    """ "dự án" when every task is a project, "đề tài" when every one is a topic, else "nhiệm vụ"."""
    kinds = {t.task_type for t in tasks}
    if kinds == {TaskType.PROJECT}:
        return "dự án"
    if kinds == {TaskType.TOPIC}:
        return "đề tài"
    return UNIT


def _group_suffix(task: ResearchTask) -> str:
    """ " cấp tỉnh", " NTMN": what follows "dự án" or "nhiệm vụ" in a sentence."""
    return f" {task.programme}" if task.programme else f" {task.get_level_display().lower()}"


def _group_label(task: ResearchTask) -> str:
    return f"nhiệm vụ {task.programme}" if task.programme else f"nhiệm vụ {task.get_level_display().lower()}"


def managed_groups(tasks: list[ResearchTask]) -> str:
    """ "23 nhiệm vụ cấp tỉnh, 03 nhiệm vụ NTMN (trong đó 02 dự án phối hợp quản lý), 02 nhiệm vụ cấp quốc gia"."""
    groups: dict[tuple[int, str], list[ResearchTask]] = defaultdict(list)
    for task in tasks:
        groups[_group_key(task)].append(task)
    parts = []
    for key in sorted(groups):
        members = groups[key]
        text = f"{vi_count(len(members))} {_group_label(members[0])}"
        central = [t for t in members if t.management == Management.CENTRAL]
        if central and key[0] != 2:  # national tasks are all the ministry's; say it of programmes
            text += f" (trong đó {vi_count(len(central))} {_noun(central)} phối hợp quản lý)"
        parts.append(text)
    return ", ".join(parts)


def _events(scope: Scope, period: Period, kind: EventKind) -> list[ResearchEvent]:
    return list(
        ResearchEvent.objects.filter(
            task__in=research_visible(scope), kind=kind, date__gte=period.start, date__lte=period.end
        )
        .select_related("task")
        .order_by("date", "id")
    )


def _quoted(rating: Rating) -> str:
    return f"“{RATING_LABELS[rating]}”"


def _accepted_sentence(accepted: list[ResearchEvent], where: str = "") -> str:
    """ "Nghiệm thu 01 dự án, xếp loại “Xuất sắc”." / "Nghiệm thu 04 đề tài: 01 xếp loại “Xuất sắc”, 03 ..."."""
    if not accepted:
        return "Chưa nghiệm thu nhiệm vụ nào."
    ratings = Counter(Rating(e.rating) for e in accepted if e.rating)
    head = f"Nghiệm thu {vi_count(len(accepted))} {_noun([e.task for e in accepted])}{where}"
    if len(ratings) == 1 and sum(ratings.values()) == len(accepted):
        (only,) = ratings
        return f"{head}, xếp loại {_quoted(only)}."
    detail = ", ".join(f"{vi_count(ratings[r])} xếp loại {_quoted(r)}" for r in RATING_ORDER if ratings[r])
    return f"{head}: {detail}." if detail else f"{head}."


@provides("research", "research.register")
def research_figures(scope: Scope, period: Period) -> list[Figure]:
    year = period.year
    managed = list(managed_tasks(scope, period))
    carried = [t for t in managed if t.start_year < year]
    new = [t for t in managed if t.start_year == year]
    figures = [
        Figure(
            "research.managed",
            f"Nhiệm vụ KH&CN quản lý năm {year}",
            len(managed),
            UNIT,
            f"Năm {year}, {scope.org.header_name} quản lý {vi_count(len(managed))} nhiệm vụ khoa học và công nghệ "
            f"({vi_count(len(carried))} nhiệm vụ chuyển tiếp; {vi_count(len(new))} nhiệm vụ thực hiện từ năm {year}).",
        ),
        Figure(
            "research.carried_over",
            "Nhiệm vụ chuyển tiếp",
            len(carried),
            UNIT,
            f"Nhiệm vụ chuyển tiếp: {vi_count(len(carried))}"
            + (f". Trong đó: {managed_groups(carried)}." if carried else "."),
        ),
        Figure(
            "research.new",
            f"Nhiệm vụ thực hiện từ năm {year}",
            len(new),
            UNIT,
            f"Nhiệm vụ thực hiện từ năm {year}: {vi_count(len(new))}"
            + (f". Trong đó: {managed_groups(new)}." if new else "."),
        ),
    ]
    by_group: Counter[tuple[int, str]] = Counter(_group_key(t) for t in managed)
    labels = {_group_key(t): _group_label(t) for t in managed}
    for key in sorted(by_group):
        slug = key[1].lower()
        figures.append(Figure(f"research.managed.{slug}", labels[key].capitalize(), by_group[key], UNIT))

    accepted = _events(scope, period, EventKind.ACCEPTANCE)
    ratings = Counter(Rating(e.rating) for e in accepted if e.rating)
    if not accepted:
        sentence = "Chưa nghiệm thu nhiệm vụ nào."
    elif len(ratings) == 1:
        (only,) = ratings
        sentence = (
            f"Nghiệm thu {vi_count(len(accepted))} {_noun([e.task for e in accepted])}, xếp loại {_quoted(only)}."
        )
    else:
        detail = ", ".join(f"{vi_count(ratings[r])} xếp loại {_quoted(r)}" for r in RATING_ORDER if ratings[r])
        sentence = f"Nghiệm thu {vi_count(len(accepted))} {_noun([e.task for e in accepted])}: {detail}."
    figures.append(Figure("research.accepted", "Nhiệm vụ nghiệm thu", len(accepted), UNIT, sentence))
    # by level or programme, as the report's sub-sections write them (seed 000, 2.2: "Tổ chức
    # nghiệm thu 04 nhiệm vụ ... Kết quả 01 nhiệm vụ đạt loại xuất sắc, 03 nhiệm vụ đạt yêu cầu")
    accepted_groups: dict[tuple[int, str], list[ResearchEvent]] = defaultdict(list)
    for event in accepted:
        accepted_groups[_group_key(event.task)].append(event)
    for key in sorted(accepted_groups):
        events = accepted_groups[key]
        figures.append(
            Figure(
                f"research.accepted.by_group.{key[1].lower()}",
                f"Nghiệm thu — {_group_label(events[0].task)}",
                len(events),
                UNIT,
                _accepted_sentence(events, _group_suffix(events[0].task)),
            )
        )
    for rating in RATING_ORDER:
        figures.append(
            Figure(f"research.accepted.{rating.value}", f"Nghiệm thu xếp loại {rating.label}", ratings[rating], UNIT)
        )

    terminated = _events(scope, period, EventKind.TERMINATION)
    to_recover = sum((e.funds_to_recover or Decimal(0) for e in terminated), Decimal(0))
    recovered = sum((e.funds_recovered or Decimal(0) for e in terminated), Decimal(0))
    sentence = f"Chấm dứt hợp đồng {vi_count(len(terminated))} {_noun([e.task for e in terminated])}"
    if to_recover:
        sentence += (
            f"; kinh phí phải thu hồi {vi_number(to_recover)} triệu đồng, đã thu hồi {vi_number(recovered)} triệu đồng"
        )
    figures.append(Figure("research.terminated", "Nhiệm vụ chấm dứt hợp đồng", len(terminated), UNIT, sentence + "."))

    registered = _events(scope, period, EventKind.REGISTRATION)
    sentence = (
        f"Cấp {vi_count(len(registered))} Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ"
    )
    if len(registered) == 1:
        task = registered[0].task
        sentence += f" {task.get_task_type_display().lower()}: {task.title}"
    figures.append(
        Figure(
            "research.registered",
            "Giấy chứng nhận đăng ký kết quả đã cấp",
            len(registered),
            "giấy chứng nhận",
            sentence + ".",
        )
    )

    uploaded = _events(scope, period, EventKind.UPLOAD)
    figures.append(
        Figure(
            "research.uploaded",
            "Kết quả nhiệm vụ đưa lên CSDL quốc gia",
            len(uploaded),
            "kết quả",
            f"Biên tập đưa {vi_count(len(uploaded))} kết quả nhiệm vụ KH&CN lên cơ sở dữ liệu quốc gia về KH&CN."
            if uploaded
            else "Chưa đưa kết quả nhiệm vụ KH&CN nào lên cơ sở dữ liệu quốc gia.",
        )
    )

    late = [i for i in chase_items(scope, period.end) if i.reason == "products"]
    figures.append(
        Figure(
            "research.products_late",
            "Nhiệm vụ hết thời gian thực hiện chưa giao nộp sản phẩm",
            len(late),
            UNIT,
            f"Đôn đốc tổ chức chủ trì giao nộp sản phẩm {vi_count(len(late))} nhiệm vụ hết thời gian thực hiện."
            if late
            else "Không có nhiệm vụ hết thời gian thực hiện mà chưa giao nộp sản phẩm.",
        )
    )
    return figures
