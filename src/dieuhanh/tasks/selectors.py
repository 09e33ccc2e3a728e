"""Reads of tasks, scoped by role. Pages, the API and commands all read tasks through here.

- `tasks_visible(scope)`: every task the scope may read. The Office, leaders, admins and
  viewers read the whole organisation; a unit head and an officer read the tasks their unit
  leads or coordinates, and an officer also the tasks given to them personally.
- `task_get(scope, pk)`: one visible task or `Task.DoesNotExist`.
- `assigners_visible(scope)`: who assigns tasks to the organisation (UBND tỉnh, Giám đốc Sở ...);
  every role may see them.
- `facts_by_task(tasks)`: the status engine's view of many tasks in two queries.
- `can_work_on(scope, task)`, `can_edit(scope, task)`: may the scope change this task.
- `extension_get(scope, pk)`: one extension of a visible task or `Extension.DoesNotExist`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from dieuhanh.orgs.models import Role
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.models import Assigner, Extension, Task
from dieuhanh.tasks.status import DeadlineChange, TaskFacts


def _unit_condition(unit_id: int) -> Q:
    coordinated = Task.coordinating_units.through.objects.filter(task_id=OuterRef("pk"), unit_id=unit_id)
    return Q(lead_unit_id=unit_id) | Q(Exists(coordinated))


def tasks_visible(scope: Scope) -> QuerySet[Task]:
    tasks = Task.objects.filter(org=scope.org)
    if scope.sees_whole_org:
        return tasks
    condition = Q(pk__in=[])
    if scope.person_id:
        condition |= Q(officer_id=scope.person_id)
    if scope.unit_id:
        condition |= _unit_condition(scope.unit_id)
    return tasks.filter(condition)


def task_get(scope: Scope, pk: int) -> Task:
    return tasks_visible(scope).get(pk=pk)


def assigners_visible(scope: Scope) -> QuerySet[Assigner]:
    return Assigner.objects.filter(org=scope.org)


def facts_by_task(tasks: Iterable[Task]) -> dict[int, TaskFacts]:
    """Status-engine facts for tasks already loaded, fetching extensions only where there are some."""
    tasks = list(tasks)
    changes: dict[int, list[DeadlineChange]] = defaultdict(list)
    extended_ids = [t.pk for t in tasks if t.has_extensions]
    if extended_ids:
        approved = (
            Extension.objects.filter(task_id__in=extended_ids, status=Extension.State.APPROVED)
            .exclude(decided_on=None)
            .order_by("decided_on", "id")
            .values_list("task_id", "decided_on", "approved_deadline")
        )
        for task_id, decided_on, deadline in approved:
            if decided_on is not None:
                changes[task_id].append(DeadlineChange(approved_on=decided_on, deadline=deadline))
    return {t.pk: t.facts(tuple(changes.get(t.pk, ()))) for t in tasks}


def can_edit(scope: Scope, task: Task) -> bool:
    """Change what the task is (content, units, deadline): the assigning side, or the head of its lead unit."""
    if scope.is_read_only or task.org_id != scope.org.pk:
        return False
    if scope.can_assign:
        return True
    return scope.role == Role.UNIT_HEAD and scope.unit_id is not None and task.lead_unit_id == scope.unit_id


def can_work_on(scope: Scope, task: Task) -> bool:
    """Report on the task (progress, completion, extension request)."""
    if can_edit(scope, task):
        return True
    if scope.is_read_only or task.org_id != scope.org.pk:
        return False
    if scope.role == Role.UNIT_HEAD and scope.unit_id is not None:
        return task.coordinating_units.filter(pk=scope.unit_id).exists()
    return scope.person_id is not None and task.officer_id == scope.person_id


def extension_get(scope: Scope, pk: int) -> Extension:
    return Extension.objects.select_related("task").get(pk=pk, org=scope.org, task__in=tasks_visible(scope))
