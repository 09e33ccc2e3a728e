"""Task figures of a reporting period or at an as-of date, in total and per lead unit.

Which tasks a period covers (DOMAIN §5): every task assigned by the period's end that was not
already completed before the period began, taken at its status on the period's end (or today,
while the period is still running: a deadline that has not come yet is not missed yet). At an
as-of date: every task assigned on or before it. Sub-tasks are pieces of their parent, which is
the task that was assigned: figures count top-level tasks unless asked otherwise.

- `period_task_queryset(scope, period)`, `as_of_task_queryset(scope, as_of)`: the tasks counted.
- `summarize(scope, period=..., as_of=...)`: a `Summary` with `StatusCounts` and per-unit rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from dieuhanh.core import clock
from dieuhanh.core.text import vi_sort_key
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import units_visible
from dieuhanh.reports.periods import Period
from dieuhanh.tasks.models import Task
from dieuhanh.tasks.selectors import facts_by_task, tasks_visible
from dieuhanh.tasks.status import StatusCounts, past_deadline, status_at

NO_UNIT_LABEL = "Chưa giao phòng, đơn vị (cấp Sở)"
STATUS_FIELDS = (
    "id",
    "assigned_on",
    "original_deadline",
    "started_on",
    "completed_on",
    "has_extensions",
    "lead_unit_id",
)


def _restrict(tasks: QuerySet[Task], include_subtasks: bool, assigner_level: str | None) -> QuerySet[Task]:
    if not include_subtasks:
        tasks = tasks.filter(parent__isnull=True)
    if assigner_level:
        tasks = tasks.filter(assigner__level=assigner_level)
    return tasks


def period_task_queryset(
    scope: Scope, period: Period, *, include_subtasks: bool = False, assigner_level: str | None = None
) -> QuerySet[Task]:
    tasks = tasks_visible(scope).filter(assigned_on__lte=period.end).exclude(completed_on__lt=period.start)
    return _restrict(tasks, include_subtasks, assigner_level)


def as_of_task_queryset(
    scope: Scope, as_of: dt.date, *, include_subtasks: bool = False, assigner_level: str | None = None
) -> QuerySet[Task]:
    return _restrict(tasks_visible(scope).filter(assigned_on__lte=as_of), include_subtasks, assigner_level)


@dataclass
class UnitRow:
    unit_id: int | None
    unit: str
    counts: StatusCounts = field(default_factory=StatusCounts)

    def as_dict(self) -> dict[str, Any]:
        return {"unit_id": self.unit_id, "unit": self.unit, **self.counts.as_dict()}


@dataclass
class Summary:
    period: Period | None
    as_of: dt.date
    counts: StatusCounts
    by_unit: list[UnitRow]

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.as_dict() if self.period else None,
            "as_of": self.as_of.isoformat(),
            **self.counts.as_dict(),
            "by_unit": [row.as_dict() for row in self.by_unit],
        }


def status_date(period: Period, today: dt.date | None = None) -> dt.date:
    """The date a period's statuses are taken at: its end, or today while it is running."""
    return min(period.end, today or clock.today())


def summarize(
    scope: Scope,
    *,
    period: Period | None = None,
    as_of: dt.date | None = None,
    include_subtasks: bool = False,
    assigner_level: str | None = None,
) -> Summary:
    """Counts of the period's (or the as-of date's) tasks; `assigner_level="upstream"` keeps
    the tasks assigned from outside the department (UBND tỉnh, Chủ tịch UBND tỉnh ...)."""
    if (period is None) == (as_of is None):
        raise ValueError("Give exactly one of period and as_of.")
    if period is not None:
        as_of = status_date(period)
        tasks = period_task_queryset(scope, period, include_subtasks=include_subtasks, assigner_level=assigner_level)
    else:
        assert as_of is not None
        tasks = as_of_task_queryset(scope, as_of, include_subtasks=include_subtasks, assigner_level=assigner_level)
    rows = list(tasks.only(*STATUS_FIELDS))
    facts = facts_by_task(rows)

    total = StatusCounts()
    per_unit: dict[int | None, StatusCounts] = defaultdict(StatusCounts)
    for task in rows:
        f = facts[task.pk]
        status = status_at(f, as_of)
        if status is None:
            continue
        extended = any(c.approved_on <= as_of for c in f.changes)
        past = past_deadline(f, as_of)
        total.add(status, past_deadline=past, extended=extended)
        per_unit[task.lead_unit_id].add(status, past_deadline=past, extended=extended)

    units = {u.pk: u for u in units_visible(scope).filter(pk__in=[k for k in per_unit if k])}
    by_unit = [
        UnitRow(unit_id=pk, unit=units[pk].name, counts=per_unit[pk])
        for pk in sorted((k for k in per_unit if k), key=lambda k: (units[k].order, vi_sort_key(units[k].name)))
    ]
    by_unit.append(UnitRow(unit_id=None, unit=NO_UNIT_LABEL, counts=per_unit.get(None, StatusCounts())))
    return Summary(period=period, as_of=as_of, counts=total, by_unit=by_unit)
