"""Period figures: which tasks a period covers, their status at its end, per unit."""

from __future__ import annotations

import datetime as dt

import pytest

from dieuhanh.reports.figures import NO_UNIT_LABEL, summarize
from dieuhanh.reports.periods import parse_period
from dieuhanh.tasks.models import Extension
from tests.factories import TaskFactory

D = dt.date
Q1 = parse_period("2024-Q1")  # 15/12/2023 .. 14/03/2024


def make(world, **kw):
    kw.setdefault("org", world.org)
    kw.setdefault("deadline", kw.get("original_deadline"))
    return TaskFactory(**kw)


@pytest.mark.django_db
def test_task_completed_before_the_period_began_is_left_out(world):
    make(world, assigned_on=D(2023, 11, 1), completed_on=D(2023, 12, 14))
    assert summarize(world.operator, period=Q1).counts.total == 0


@pytest.mark.django_db
def test_task_completed_on_the_first_day_of_the_period_is_counted(world):
    make(world, assigned_on=D(2023, 11, 1), completed_on=D(2023, 12, 15))
    assert summarize(world.operator, period=Q1).counts.done_on_time == 1


@pytest.mark.django_db
def test_task_assigned_after_the_period_ended_is_left_out(world):
    make(world, assigned_on=D(2024, 3, 15))
    assert summarize(world.operator, period=Q1).counts.total == 0


@pytest.mark.django_db
def test_task_assigned_on_the_last_day_is_counted_at_the_period_end(world):
    make(world, assigned_on=D(2024, 3, 14), original_deadline=D(2024, 3, 20), started_on=D(2024, 3, 14))
    counts = summarize(world.operator, period=Q1).counts
    assert (counts.total, counts.in_progress) == (1, 1)


@pytest.mark.django_db
def test_completed_after_the_period_is_open_at_its_end(world):
    make(
        world,
        assigned_on=D(2024, 1, 5),
        original_deadline=D(2024, 3, 1),
        started_on=D(2024, 1, 5),
        completed_on=D(2024, 3, 20),
    )
    counts = summarize(world.operator, period=Q1).counts
    assert (counts.overdue, counts.done) == (1, 0)


@pytest.mark.django_db
def test_not_started_past_deadline_is_reported_beside_not_started(world):
    make(world, assigned_on=D(2024, 1, 5), original_deadline=D(2024, 2, 1))
    make(world, assigned_on=D(2024, 1, 5), original_deadline=D(2024, 6, 1))
    counts = summarize(world.operator, period=Q1).counts
    assert (counts.not_started, counts.not_started_overdue) == (2, 1)
    assert counts.completion_rate == 0.0


@pytest.mark.django_db
def test_extension_approved_after_the_period_end_does_not_save_it(world):
    task = make(
        world, assigned_on=D(2024, 1, 5), original_deadline=D(2024, 3, 1), started_on=D(2024, 1, 5), has_extensions=True
    )
    Extension.objects.create(
        org=world.org,
        task=task,
        requested_on=D(2024, 2, 25),
        reason="x",
        requested_deadline=D(2024, 4, 30),
        status=Extension.State.APPROVED,
        decided_on=D(2024, 3, 20),
        approved_deadline=D(2024, 4, 30),
    )
    assert summarize(world.operator, period=Q1).counts.overdue == 1
    assert summarize(world.operator, as_of=D(2024, 3, 20)).counts.in_progress == 1


@pytest.mark.django_db
def test_subtasks_are_not_counted_twice(world):
    parent = make(world, assigned_on=D(2024, 1, 5), started_on=D(2024, 1, 6))
    make(world, assigned_on=D(2024, 1, 6), parent=parent)
    assert summarize(world.operator, period=Q1).counts.total == 1
    assert summarize(world.operator, period=Q1, include_subtasks=True).counts.total == 2


@pytest.mark.django_db
def test_by_unit_has_a_row_per_lead_unit_and_one_for_none(world):
    make(world, assigned_on=D(2024, 1, 5), lead_unit=world.unit_a)
    make(world, assigned_on=D(2024, 1, 5), lead_unit=world.unit_a)
    make(world, assigned_on=D(2024, 1, 5))
    rows = {row.unit: row.counts.total for row in summarize(world.operator, period=Q1).by_unit}
    assert rows == {world.unit_a.name: 2, NO_UNIT_LABEL: 1}


@pytest.mark.django_db
def test_as_of_takes_every_task_assigned_by_then(world):
    make(world, assigned_on=D(2020, 1, 5), completed_on=D(2020, 2, 1))
    make(world, assigned_on=D(2024, 3, 27))
    assert summarize(world.operator, as_of=D(2024, 3, 26)).counts.total == 1


@pytest.mark.django_db
def test_running_period_takes_status_today_not_at_its_future_end(world, settings):
    settings.DIEUHANH_TODAY, settings.DEBUG = D(2024, 3, 1), True
    make(world, assigned_on=D(2024, 1, 5), original_deadline=D(2024, 3, 10), started_on=D(2024, 1, 5))
    summary = summarize(world.operator, period=Q1)
    assert summary.as_of == D(2024, 3, 1)
    assert summary.counts.in_progress == 1


@pytest.mark.django_db
def test_other_organisations_tasks_never_count(world, other_world):
    make(other_world, assigned_on=D(2024, 1, 5))
    assert summarize(world.operator, period=Q1).counts.total == 0
