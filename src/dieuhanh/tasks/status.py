"""The status of a task at an as-of date, and the rates built on it (DOMAIN §4). Pure: no database.

Five disjoint buckets at an as-of date D, as in the appendix of a periodic report:

    done on time   completed by D, on or before its deadline at D (or it has none)
    done late      completed by D, after its deadline at D
    in progress    open at D, started by D, D <= deadline (or no deadline)
    overdue        open at D, started by D, D > deadline
    not started    open at D, not started by D (whatever the deadline; `past_deadline` tells
                   whether it is past it, which reports count beside the bucket)

A task completed after D is open at D. Its deadline at D is the last one approved on or before
D (an extension approved later does not count yet); the original deadline otherwise.

Rates, as the Government Office publishes them:
    completion rate = completed / (completed + open past deadline, started or not)
    on-time rate    = done on time / completed
Both are None when their denominator is 0.

Public: `Status`, `DeadlineChange`, `TaskFacts`, `deadline_at`, `status_at`, `past_deadline`,
`days_overdue`, `StatusCounts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    NOT_STARTED = "not_started"

    @property
    def label(self) -> str:
        return LABELS[self]

    @property
    def is_done(self) -> bool:
        return self in (Status.DONE_ON_TIME, Status.DONE_LATE)


LABELS = {
    Status.DONE_ON_TIME: "Hoàn thành đúng hạn",
    Status.DONE_LATE: "Hoàn thành quá hạn",
    Status.IN_PROGRESS: "Đang thực hiện trong hạn",
    Status.OVERDUE: "Đang thực hiện quá hạn",
    Status.NOT_STARTED: "Chưa thực hiện",
}


@dataclass(frozen=True)
class DeadlineChange:
    """An approved extension (gia hạn): from `approved_on`, the deadline is `deadline`."""

    approved_on: dt.date
    deadline: dt.date | None


@dataclass(frozen=True)
class TaskFacts:
    assigned_on: dt.date
    deadline: dt.date | None  # the original deadline, as assigned
    started_on: dt.date | None = None
    completed_on: dt.date | None = None
    changes: tuple[DeadlineChange, ...] = ()


def deadline_at(facts: TaskFacts, as_of: dt.date) -> dt.date | None:
    deadline = facts.deadline
    # Stable sort: two approvals on one day apply in the order they were recorded.
    for change in sorted(facts.changes, key=lambda c: c.approved_on):
        if change.approved_on <= as_of:
            deadline = change.deadline
    return deadline


def status_at(facts: TaskFacts, as_of: dt.date) -> Status | None:
    """The bucket of the task at `as_of`; None when it was not yet assigned then."""
    if facts.assigned_on > as_of:
        return None
    deadline = deadline_at(facts, as_of)
    if facts.completed_on is not None and facts.completed_on <= as_of:
        on_time = deadline is None or facts.completed_on <= deadline
        return Status.DONE_ON_TIME if on_time else Status.DONE_LATE
    if facts.started_on is None or facts.started_on > as_of:
        return Status.NOT_STARTED
    return Status.IN_PROGRESS if deadline is None or as_of <= deadline else Status.OVERDUE


def past_deadline(facts: TaskFacts, as_of: dt.date) -> bool:
    """Open at `as_of` and past its deadline at that date."""
    if facts.completed_on is not None and facts.completed_on <= as_of:
        return False
    deadline = deadline_at(facts, as_of)
    return deadline is not None and as_of > deadline


def days_overdue(facts: TaskFacts, as_of: dt.date) -> int:
    """Days an open task has been past its deadline at `as_of` (0 when it is not)."""
    if not past_deadline(facts, as_of):
        return 0
    deadline = deadline_at(facts, as_of)
    assert deadline is not None
    return (as_of - deadline).days


@dataclass
class StatusCounts:
    done_on_time: int = 0
    done_late: int = 0
    in_progress: int = 0
    overdue: int = 0
    not_started: int = 0
    not_started_overdue: int = 0
    extended: int = field(default=0)

    def add(self, status: Status, *, past_deadline: bool = False, extended: bool = False) -> None:
        setattr(self, status.value, getattr(self, status.value) + 1)
        if status is Status.NOT_STARTED and past_deadline:
            self.not_started_overdue += 1
        if extended:
            self.extended += 1

    @classmethod
    def of(cls, facts: Iterable[TaskFacts], as_of: dt.date) -> StatusCounts:
        counts = cls()
        for f in facts:
            status = status_at(f, as_of)
            if status is not None:
                counts.add(
                    status,
                    past_deadline=past_deadline(f, as_of),
                    extended=any(c.approved_on <= as_of for c in f.changes),
                )
        return counts

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.in_progress + self.overdue + self.not_started

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def completion_rate(self) -> float | None:
        denominator = self.done + self.overdue + self.not_started_overdue
        return self.done / denominator if denominator else None

    @property
    def on_time_rate(self) -> float | None:
        return self.done_on_time / self.done if self.done else None

    def as_dict(self) -> dict[str, int | float | None]:
        return {
            "total": self.total,
            "done_on_time": self.done_on_time,
            "done_late": self.done_late,
            "in_progress": self.in_progress,
            "overdue": self.overdue,
            "not_started": self.not_started,
            "not_started_overdue": self.not_started_overdue,
            "extended": self.extended,
            "completion_rate": self.completion_rate,
            "on_time_rate": self.on_time_rate,
        }

    def __iadd__(self, other: StatusCounts) -> StatusCounts:
        for name in ("done_on_time", "done_late", "in_progress", "overdue", "not_started"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.not_started_overdue += other.not_started_overdue
        self.extended += other.extended
        return self
