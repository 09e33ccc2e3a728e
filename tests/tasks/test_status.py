"""The status of a task at a date (DOMAIN §4): every boundary, then properties over random tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dieuhanh.tasks.status import (
    DeadlineChange,
    Status,
    StatusCounts,
    TaskFacts,
    days_overdue,
    deadline_at,
    past_deadline,
    status_at,
)

D = dt.date
ASSIGNED = D(2024, 3, 1)
DEADLINE = D(2024, 3, 20)


def task(**kw) -> TaskFacts:
    kw.setdefault("assigned_on", ASSIGNED)
    kw.setdefault("deadline", DEADLINE)
    return TaskFacts(**kw)


# --- done ---------------------------------------------------------------------------------


def test_completed_on_the_deadline_day_is_on_time():
    assert status_at(task(completed_on=DEADLINE), D(2024, 4, 1)) is Status.DONE_ON_TIME


def test_completed_the_day_after_the_deadline_is_late():
    assert status_at(task(completed_on=D(2024, 3, 21)), D(2024, 4, 1)) is Status.DONE_LATE


def test_completed_without_deadline_is_on_time():
    assert status_at(task(deadline=None, completed_on=D(2030, 1, 1)), D(2030, 1, 1)) is Status.DONE_ON_TIME


def test_completed_on_the_as_of_day_counts_as_done():
    assert status_at(task(completed_on=D(2024, 3, 10)), D(2024, 3, 10)) is Status.DONE_ON_TIME


def test_completed_after_the_as_of_date_is_still_open_then():
    facts = task(started_on=ASSIGNED, completed_on=D(2024, 3, 25))
    assert status_at(facts, D(2024, 3, 15)) is Status.IN_PROGRESS
    assert status_at(facts, D(2024, 3, 22)) is Status.OVERDUE
    assert status_at(facts, D(2024, 3, 25)) is Status.DONE_LATE


def test_completed_late_but_never_marked_started_is_done_late():
    assert status_at(task(completed_on=D(2024, 3, 30)), D(2024, 3, 30)) is Status.DONE_LATE


# --- open ---------------------------------------------------------------------------------


def test_as_of_on_the_deadline_day_is_still_in_progress():
    assert status_at(task(started_on=ASSIGNED), DEADLINE) is Status.IN_PROGRESS


def test_as_of_the_day_after_the_deadline_is_overdue():
    assert status_at(task(started_on=ASSIGNED), D(2024, 3, 21)) is Status.OVERDUE


def test_started_without_deadline_is_in_progress_forever():
    assert status_at(task(deadline=None, started_on=ASSIGNED), D(2099, 1, 1)) is Status.IN_PROGRESS


def test_not_started_past_its_deadline_stays_not_started_but_counts_as_past():
    facts = task()
    as_of = D(2024, 4, 1)
    assert status_at(facts, as_of) is Status.NOT_STARTED
    assert past_deadline(facts, as_of)
    assert days_overdue(facts, as_of) == 12


def test_not_started_within_deadline_is_not_past():
    assert not past_deadline(task(), DEADLINE)


def test_started_after_the_as_of_date_is_not_started_then():
    facts = task(started_on=D(2024, 3, 10))
    assert status_at(facts, D(2024, 3, 9)) is Status.NOT_STARTED
    assert status_at(facts, D(2024, 3, 10)) is Status.IN_PROGRESS


def test_assigned_after_the_as_of_date_has_no_status():
    assert status_at(task(), D(2024, 2, 29)) is None


def test_assigned_on_the_as_of_date_has_a_status():
    assert status_at(task(), ASSIGNED) is Status.NOT_STARTED


# --- extensions (gia hạn) -----------------------------------------------------------------

EXTENDED = task(started_on=ASSIGNED, changes=(DeadlineChange(approved_on=D(2024, 3, 25), deadline=D(2024, 4, 30)),))


def test_an_extension_counts_only_from_its_approval():
    assert deadline_at(EXTENDED, D(2024, 3, 24)) == DEADLINE
    assert status_at(EXTENDED, D(2024, 3, 24)) is Status.OVERDUE
    assert deadline_at(EXTENDED, D(2024, 3, 25)) == D(2024, 4, 30)
    assert status_at(EXTENDED, D(2024, 3, 25)) is Status.IN_PROGRESS


def test_on_time_is_judged_against_the_deadline_approved_by_then():
    facts = task(completed_on=D(2024, 4, 10), changes=EXTENDED.changes)
    assert status_at(facts, D(2024, 4, 10)) is Status.DONE_ON_TIME


def test_the_last_approved_extension_wins():
    facts = task(
        changes=(
            DeadlineChange(D(2024, 4, 20), D(2024, 6, 30)),
            DeadlineChange(D(2024, 3, 15), D(2024, 4, 30)),
        )
    )
    assert deadline_at(facts, D(2024, 4, 1)) == D(2024, 4, 30)
    assert deadline_at(facts, D(2024, 5, 1)) == D(2024, 6, 30)


# --- rates --------------------------------------------------------------------------------


def test_rates_follow_the_government_office_formula():
    counts = StatusCounts(done_on_time=6, done_late=2, in_progress=5, overdue=1, not_started=3, not_started_overdue=1)
    assert counts.total == 17
    # completed / (completed + open past deadline, started or not); within-deadline work left out
    assert counts.completion_rate == pytest.approx(8 / 10)
    assert counts.on_time_rate == pytest.approx(6 / 8)


def test_rates_are_none_without_a_denominator():
    counts = StatusCounts(in_progress=4)
    assert counts.completion_rate is None
    assert counts.on_time_rate is None


def test_counts_of_the_seed_worked_example():
    """Seed 000: 7 done by their deadlines, 13 started and within deadline at 14/03/2024."""
    as_of = D(2024, 3, 14)
    done = [task(assigned_on=D(2023, 6, 25), deadline=D(2024, 1, 15), completed_on=D(2023, 12, 29))] * 7
    open_ = [task(assigned_on=D(2024, 3, 13), deadline=D(2024, 3, 20), started_on=D(2024, 3, 13))] * 12
    open_.append(task(assigned_on=D(2023, 7, 10), deadline=None, started_on=D(2023, 7, 10)))
    counts = StatusCounts.of(done + open_, as_of)
    assert (
        counts.total,
        counts.done_on_time,
        counts.done_late,
        counts.in_progress,
        counts.overdue,
        counts.not_started,
    ) == (
        20,
        7,
        0,
        13,
        0,
        0,
    )


# --- properties ---------------------------------------------------------------------------

dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2026, 12, 31))


@st.composite
def facts_strategy(draw):
    assigned = draw(dates)
    later = st.dates(min_value=assigned, max_value=D(2027, 12, 31))
    changes = tuple(
        DeadlineChange(approved_on=draw(later), deadline=draw(later)) for _ in range(draw(st.integers(0, 3)))
    )
    return TaskFacts(
        assigned_on=assigned,
        deadline=draw(st.none() | later),
        started_on=draw(st.none() | later),
        completed_on=draw(st.none() | later),
        changes=changes,
    )


@given(facts_strategy(), dates)
def test_every_assigned_task_is_in_exactly_one_bucket(facts, as_of):
    status = status_at(facts, as_of)
    assert (status is None) == (facts.assigned_on > as_of)
    counts = StatusCounts.of([facts], as_of)
    assert counts.total == (0 if status is None else 1)


@given(facts_strategy(), dates, dates)
def test_once_done_a_task_stays_done(facts, d1, d2):
    early, late = sorted([d1, d2])
    if status_at(facts, early) is not None and status_at(facts, early).is_done:
        assert status_at(facts, late).is_done


@given(facts_strategy(), dates)
def test_past_deadline_only_for_open_tasks(facts, as_of):
    status = status_at(facts, as_of)
    if past_deadline(facts, as_of):
        assert status in (Status.OVERDUE, Status.NOT_STARTED)
        assert days_overdue(facts, as_of) > 0
    if status is Status.OVERDUE:
        assert past_deadline(facts, as_of)
