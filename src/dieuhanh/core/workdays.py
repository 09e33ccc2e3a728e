"""Working days (ngày làm việc) for deadlines of administrative procedures. Pure: no database.

A working day is a weekday that is not a Vietnamese public holiday (Tết included, as the
`holidays` package knows them, with the official make-up Saturdays as working days), corrected
by the organisation's own calendar: extra days off and extra working days decided each year.

Counting follows the practice of administrative procedures: the day the dossier is received
does not count; the deadline of N working days is the N-th working day after it.

Public: `WorkCalendar` (`is_working_day`, `add_working_days`, `working_days_between`,
`next_working_day`), `VIETNAM` (the calendar without local exceptions).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _public_calendar(year: int) -> holidays.HolidayBase:
    return holidays.Vietnam(years=year)


@dataclass(frozen=True)
class WorkCalendar:
    extra_days_off: frozenset[dt.date] = field(default_factory=frozenset)
    extra_working_days: frozenset[dt.date] = field(default_factory=frozenset)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        return bool(_public_calendar(day.year).is_working_day(day))

    def holiday_name(self, day: dt.date) -> str | None:
        return _public_calendar(day.year).get(day)

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The `days`-th working day after `start` (`start` itself never counts); 0 gives `start`."""
        if days < 0:
            raise ValueError("days must not be negative")
        day = start
        remaining = days
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: how many of the allowed days have been used by `end`."""
        if end <= start:
            return 0
        return sum(1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + dt.timedelta(days=n)))


VIETNAM = WorkCalendar()
