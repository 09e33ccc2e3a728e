"""Reads of research tasks, scoped by role. Pages, the API, the chase, the figures and the
exports all read through here.

Who sees what (kept simple on purpose): the Office, leaders, admins and viewers read the whole
organisation's register; a unit head reads the tasks their unit follows (`managing_unit`); an
officer reads the tasks they follow (`officer`) and those their unit follows.

- `research_visible(scope)`, `research_get(scope, pk)`.
- `may_create_research(scope)`: the Office and leaders, or a unit head (for their own unit).
- `can_edit_research(scope, task)`: change what the task is: the Office, leaders, the head of the
  unit following it.
- `can_record_event(scope, task)`: record a lifecycle step: the editors and the officer following it.
- `may_import_research(scope)`: import a register: the Office and leaders.
- `managed_in(tasks, year, since)`: the tasks managed in `year` (the figures' rule, see
  `dieuhanh.research.figures`), for a period that began on `since`.
- `research_filtered(scope, ...)`: the list pages' and API's filters over `research_visible`.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from dieuhanh.core.search import search_q
from dieuhanh.orgs.models import Role
from dieuhanh.orgs.scope import Scope
from dieuhanh.research.lifecycle import Stage
from dieuhanh.research.models import ResearchTask


def research_visible(scope: Scope) -> QuerySet[ResearchTask]:
    tasks = ResearchTask.objects.filter(org=scope.org)
    if scope.sees_whole_org:
        return tasks
    condition = Q(pk__in=[])
    if scope.person_id:
        condition |= Q(officer_id=scope.person_id)
    if scope.unit_id:
        condition |= Q(managing_unit_id=scope.unit_id)
    return tasks.filter(condition)


def research_get(scope: Scope, pk: int) -> ResearchTask:
    return research_visible(scope).get(pk=pk)


def may_create_research(scope: Scope) -> bool:
    if scope.is_read_only:
        return False
    return scope.can_assign or (scope.role == Role.UNIT_HEAD and scope.unit_id is not None)


def may_import_research(scope: Scope) -> bool:
    return scope.can_assign and not scope.is_read_only


def can_edit_research(scope: Scope, task: ResearchTask) -> bool:
    if scope.is_read_only or task.org_id != scope.org.pk:
        return False
    if scope.can_assign:
        return True
    return scope.role == Role.UNIT_HEAD and scope.unit_id is not None and task.managing_unit_id == scope.unit_id


def can_record_event(scope: Scope, task: ResearchTask) -> bool:
    if can_edit_research(scope, task):
        return True
    if scope.is_read_only or task.org_id != scope.org.pk:
        return False
    return scope.person_id is not None and task.officer_id == scope.person_id


def managed_in(tasks: QuerySet[ResearchTask], year: int, since: dt.date) -> QuerySet[ResearchTask]:
    """Started in `year` or before, on the approved list or beyond, not accepted or closed before `since`."""
    return (
        tasks.filter(start_year__lte=year)
        .exclude(stage__in=[Stage.PROPOSED, Stage.IDENTIFIED])
        .exclude(Q(accepted_on__lt=since) | Q(closed_on__lt=since))
    )


def research_filtered(
    scope: Scope,
    *,
    q: str = "",
    level: str = "",
    programme: str = "",
    stage: str = "",
    year: int | None = None,
    carried: str = "",
) -> QuerySet[ResearchTask]:
    """`carried`: "chuyen-tiep" (started before `year`) or "moi" (started in `year`)."""
    tasks = research_visible(scope).filter(search_q(q))
    if level:
        tasks = tasks.filter(level=level)
    if programme:
        tasks = tasks.filter(programme__iexact=programme.strip())
    if stage:
        tasks = tasks.filter(stage=stage)
    if year:
        from dieuhanh.reports.periods import PeriodKind, make_period

        period = make_period(PeriodKind.YEAR, year, cutoff_day=scope.org.period_cutoff_day)
        tasks = managed_in(tasks, year, period.start)
        if carried == "chuyen-tiep":
            tasks = tasks.filter(start_year__lt=year)
        elif carried == "moi":
            tasks = tasks.filter(start_year=year)
    return tasks
