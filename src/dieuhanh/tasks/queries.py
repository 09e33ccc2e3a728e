"""Task lists as the database computes them: status at a date in SQL, filters, search, order.

The status engine (`dieuhanh.tasks.status`) is the rule; `annotate_status` is the same rule as
an SQL expression so that lists can filter and count by status without loading every row. A
property test holds the two equal.

- `deadline_at_expression(as_of)`, `annotate_status(tasks, as_of)`: adds `status_at` (one of
  the `Status` values, NULL before assignment) and `deadline_at`.
- `TaskFilter`: what a list page or API call asks for (unit, status at a date, assigner,
  source document, deadline range, officer, text).
- `filter_tasks(scope, f)`: the visible tasks matching `f`, ordered.
- `search_condition(text)`: diacritic-insensitive search ("tinh uy" finds "Tỉnh ủy").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from dieuhanh.core import clock
from dieuhanh.core.search import search_q
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.models import Extension, Task
from dieuhanh.tasks.selectors import tasks_visible
from dieuhanh.tasks.status import Status


def deadline_at_expression(as_of: dt.date) -> Case:
    """The deadline in force at `as_of`: the last extension approved by then, else the original."""
    last_approved = (
        Extension.objects.filter(task=OuterRef("pk"), status=Extension.State.APPROVED, decided_on__lte=as_of)
        .order_by("-decided_on", "-id")
        .values("approved_deadline")[:1]
    )
    return Case(
        When(
            has_extensions=True,
            then=Coalesce(Subquery(last_approved, output_field=DateField()), F("original_deadline")),
        ),
        default=F("original_deadline"),
        output_field=DateField(),
    )


def annotate_status(tasks: QuerySet[Task], as_of: dt.date) -> QuerySet[Task]:
    tasks = tasks.annotate(deadline_at=deadline_at_expression(as_of))
    no_deadline = Q(deadline_at__isnull=True)
    done = Q(completed_on__isnull=False, completed_on__lte=as_of)
    started = Q(started_on__isnull=False, started_on__lte=as_of)
    return tasks.annotate(
        status_at=Case(
            When(assigned_on__gt=as_of, then=Value(None)),
            When(done & (no_deadline | Q(completed_on__lte=F("deadline_at"))), then=Value(Status.DONE_ON_TIME.value)),
            When(done, then=Value(Status.DONE_LATE.value)),
            When(~started, then=Value(Status.NOT_STARTED.value)),
            When(no_deadline | Q(deadline_at__gte=as_of), then=Value(Status.IN_PROGRESS.value)),
            default=Value(Status.OVERDUE.value),
            output_field=CharField(),
        )
    )


def search_condition(text: str) -> Q:
    """Every word of `text` begins a word of the task's text or its source document's number."""
    return search_q(text)


ORDERINGS = {
    "deadline": ("deadline", "id"),
    "-deadline": ("-deadline", "-id"),
    "assigned": ("assigned_on", "id"),
    "-assigned": ("-assigned_on", "-id"),
    "completed": ("completed_on", "id"),
    "-completed": ("-completed_on", "-id"),
    "unit": ("lead_unit__order", "lead_unit__name", "id"),
}
DEFAULT_ORDERING = "-assigned"


@dataclass(frozen=True)
class TaskFilter:
    text: str = ""
    unit_id: int | None = None  # lead or coordinating unit
    status: Status | None = None
    status_on: dt.date | None = None  # the date the status is taken at (today when None)
    past_deadline: bool | None = None  # open and past its deadline at `status_on`
    assigner_id: int | None = None
    source_document_id: int | None = None
    result_document_id: int | None = None
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    officer_id: int | None = None
    parent_id: int | None = None
    top_level_only: bool = False
    ordering: str = DEFAULT_ORDERING


def filter_tasks(scope: Scope, f: TaskFilter, *, today: dt.date | None = None) -> QuerySet[Task]:

    as_of = f.status_on or today or clock.today()
    tasks = annotate_status(tasks_visible(scope), as_of)
    if f.text.strip():
        tasks = tasks.filter(search_condition(f.text))
    if f.unit_id:
        coordinated = Task.coordinating_units.through.objects.filter(task_id=OuterRef("pk"), unit_id=f.unit_id)
        tasks = tasks.filter(Q(lead_unit_id=f.unit_id) | Q(Exists(coordinated)))
    # status_at is an annotation (annotate_status); the stubs cannot see it
    tasks = tasks.filter(status_at=f.status.value) if f.status else tasks.filter(assigned_on__lte=as_of)  # type: ignore[misc]
    if f.past_deadline is not None:
        open_past = Q(deadline_at__lt=as_of) & (Q(completed_on__isnull=True) | Q(completed_on__gt=as_of))
        tasks = tasks.filter(open_past) if f.past_deadline else tasks.exclude(open_past)
    for field, value in (
        ("assigner_id", f.assigner_id),
        ("source_document_id", f.source_document_id),
        ("result_document_id", f.result_document_id),
        ("officer_id", f.officer_id),
        ("parent_id", f.parent_id),
    ):
        if value:
            tasks = tasks.filter(**{field: value})
    if f.deadline_from:
        tasks = tasks.filter(deadline__gte=f.deadline_from)
    if f.deadline_to:
        tasks = tasks.filter(deadline__lte=f.deadline_to)
    if f.top_level_only:
        tasks = tasks.filter(parent__isnull=True)
    return tasks.order_by(*ORDERINGS.get(f.ordering, ORDERINGS[DEFAULT_ORDERING]))
