"""The dashboard (Tổng quan): the signed-in person's scope as of today.

Counts per status (whole-organisation roles count the tasks that were assigned to the
department, as the reports do; a unit head or an officer counts every task they can see,
sub-tasks included, since those are what they work on), the open tasks past their deadline
with days overdue, and the open tasks due in the next 7 days.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dieuhanh.core import clock
from dieuhanh.reports.figures import summarize
from dieuhanh.tasks.queries import TaskFilter, filter_tasks
from dieuhanh.tasks.status import Status
from dieuhanh.web.views.base import scoped

LIST_LIMIT = 15
SOON_DAYS = 7
ROW_RELATED = ("lead_unit", "officer", "source_document")


@scoped
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    today = clock.today()
    summary = summarize(scope, as_of=today, include_subtasks=not scope.sees_whole_org)
    overdue = filter_tasks(scope, TaskFilter(past_deadline=True, ordering="deadline"), today=today)
    soon_end = today + dt.timedelta(days=SOON_DAYS)
    due_soon = filter_tasks(
        scope, TaskFilter(deadline_from=today, deadline_to=soon_end, ordering="deadline"), today=today
    ).filter(status_at__in=[Status.IN_PROGRESS.value, Status.NOT_STARTED.value])  # type: ignore[misc]  # annotation
    overdue_rows = list(overdue.select_related(*ROW_RELATED)[:LIST_LIMIT])
    for task in overdue_rows:
        task.days_overdue = (today - task.deadline_at).days  # type: ignore[attr-defined]  # annotated row
    cards = [
        (status, getattr(summary.counts, status.value))
        for status in (Status.OVERDUE, Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE_LATE, Status.DONE_ON_TIME)
    ]
    context = {
        "today": today,
        "soon_end": soon_end,
        "summary": summary,
        "cards": cards,
        "overdue_rows": overdue_rows,
        "overdue_total": overdue.count() if len(overdue_rows) == LIST_LIMIT else len(overdue_rows),
        "due_soon": list(due_soon.select_related(*ROW_RELATED)[:LIST_LIMIT]),
        "by_unit": [row for row in summary.by_unit if row.counts.total] if scope.sees_whole_org else [],
        "counts_top_level": scope.sees_whole_org,
        "completion_pct": _pct(summary.counts.completion_rate),
        "on_time_pct": _pct(summary.counts.on_time_rate),
    }
    return render(request, "web/dashboard.html", context)


def _pct(rate: float | None) -> int | None:
    return None if rate is None else round(rate * 100)
