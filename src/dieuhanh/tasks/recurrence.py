"""Recurring duties (nhiệm vụ định kỳ): the due dates a rule produces. Pure: no database.

Rules seen in the seeds and DOMAIN §4:
    MONTHLY(day=15)                  "tiếp dân vào ngày 15 hàng tháng"
    QUARTERLY(day=10, month=3)       a quarterly report due on the 10th of the quarter's last month
    YEARLY(month=1, day=10)          "báo cáo ... trước ngày 10/01 hằng năm"
    MONTHLY_WORKDAY(n=5)             "trước ngày làm việc thứ 5 hằng tháng"
    AFTER_EVENT(n=5)                 N working days after each event (a meeting, a receipt)

A day beyond the month's end is clamped (day 31 in February -> 28/29). When `shift=True`, a
due date on a day off moves to the next working day: Bộ luật Dân sự 2015, Art. 148(5) ends a
time limit falling on a day off at the end of the next working day.

Public: `Frequency`, `Rule`, `due_dates(rule, start, end, calendar)`, `after_event(...)`.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from dieuhanh.core.workdays import VIETNAM, WorkCalendar


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    MONTHLY_WORKDAY = "monthly_workday"
    AFTER_EVENT = "after_event"

    @property
    def label(self) -> str:
        return {
            Frequency.MONTHLY: "Hằng tháng",
            Frequency.QUARTERLY: "Hằng quý",
            Frequency.YEARLY: "Hằng năm",
            Frequency.MONTHLY_WORKDAY: "Ngày làm việc thứ N hằng tháng",
            Frequency.AFTER_EVENT: "N ngày làm việc sau sự kiện",
        }[self]


@dataclass(frozen=True)
class Rule:
    frequency: Frequency
    day: int = 1  # day of month (MONTHLY, QUARTERLY, YEARLY) or N (MONTHLY_WORKDAY, AFTER_EVENT)
    month: int = 1  # month of year (YEARLY) or month within the quarter, 1-3 (QUARTERLY)
    shift: bool = True  # move a due date on a day off to the next working day

    def __post_init__(self) -> None:
        if self.frequency in (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY) and not 1 <= self.day <= 31:
            raise ValueError("Ngày trong tháng phải từ 1 đến 31.")
        if self.frequency in (Frequency.MONTHLY_WORKDAY, Frequency.AFTER_EVENT) and not 1 <= self.day <= 60:
            raise ValueError("Số ngày làm việc phải từ 1 đến 60.")
        if self.frequency is Frequency.QUARTERLY and not 1 <= self.month <= 3:
            raise ValueError("Tháng trong quý phải từ 1 đến 3.")
        if self.frequency is Frequency.YEARLY and not 1 <= self.month <= 12:
            raise ValueError("Tháng phải từ 1 đến 12.")
        if self.frequency is Frequency.YEARLY and self.day > cal.monthrange(2024, self.month)[1]:
            raise ValueError(f"Tháng {self.month} không có ngày {self.day}.")

    @property
    def label(self) -> str:
        match self.frequency:
            case Frequency.MONTHLY:
                return f"Ngày {self.day} hằng tháng"
            case Frequency.QUARTERLY:
                return f"Ngày {self.day} tháng thứ {self.month} mỗi quý"
            case Frequency.YEARLY:
                return f"Ngày {self.day:02d}/{self.month:02d} hằng năm"
            case Frequency.MONTHLY_WORKDAY:
                return f"Ngày làm việc thứ {self.day} hằng tháng"
            case Frequency.AFTER_EVENT:
                return f"{self.day} ngày làm việc sau mỗi sự kiện"
        raise AssertionError(self.frequency)


def _clamped(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, cal.monthrange(year, month)[1]))


def _months(start: dt.date, end: dt.date) -> Iterator[tuple[int, int]]:
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _nominal(rule: Rule, year: int, month: int, calendar: WorkCalendar) -> dt.date | None:
    match rule.frequency:
        case Frequency.MONTHLY:
            return _clamped(year, month, rule.day)
        case Frequency.QUARTERLY:
            return _clamped(year, month, rule.day) if (month - 1) % 3 + 1 == rule.month else None
        case Frequency.YEARLY:
            return _clamped(year, month, rule.day) if month == rule.month else None
        case Frequency.MONTHLY_WORKDAY:
            return calendar.add_working_days(dt.date(year, month, 1) - dt.timedelta(days=1), rule.day)
    raise ValueError(f"{rule.frequency} has no calendar dates; use after_event()")


def due_dates(rule: Rule, start: dt.date, end: dt.date, calendar: WorkCalendar = VIETNAM) -> list[dt.date]:
    """Due dates of the rule's occurrences whose nominal date lies in [start, end], in order."""
    dates = []
    for year, month in _months(start, end):
        nominal = _nominal(rule, year, month, calendar)
        if nominal is None or not start <= nominal <= end:
            continue
        due = calendar.next_working_day(nominal) if rule.shift else nominal
        dates.append(due)
    return dates


def after_event(event_on: dt.date, working_days: int, calendar: WorkCalendar = VIETNAM) -> dt.date:
    """The due date N working days after an event (the event's day does not count)."""
    return calendar.add_working_days(event_on, working_days)
