"""Reporting periods and their cut-off dates (DOMAIN §5). Pure: no database.

Nghị định 09/2019/NĐ-CP, Article 12: the data of a periodic report are cut off on the 14th,
not at the calendar boundary:
    monthly      15th of the previous month -> 14th of the month
    quarterly    15th of the month before the quarter -> 14th of the quarter's last month
    six-monthly  15/12 of the previous year -> 14/06
    nine-monthly 15/12 of the previous year -> 14/09
    annual       15/12 of the previous year -> 14/12
The cut-off day is configurable (1-28); 0 means calendar periods (1st to month end).

Keys: "2024-03", "2024-Q1", "2024-H1", "2024-9M", "2024".

Public: `PeriodKind`, `Period`, `PeriodError`, `parse_period`, `make_period`,
`period_containing`, `next_period`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_CUTOFF_DAY = 14
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"

    @property
    def label(self) -> str:
        return {
            PeriodKind.MONTH: "Tháng",
            PeriodKind.QUARTER: "Quý",
            PeriodKind.HALF: "6 tháng",
            PeriodKind.NINE_MONTHS: "9 tháng",
            PeriodKind.YEAR: "Năm",
        }[self]


class PeriodError(ValueError):
    """A period key or cut-off that does not name a period; the message is for users."""


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    year: int
    index: int  # month 1-12, quarter 1-4, half 1, 1 for nine months and year
    start: dt.date
    end: dt.date
    cutoff_day: int = DEFAULT_CUTOFF_DAY

    @property
    def key(self) -> str:
        match self.kind:
            case PeriodKind.MONTH:
                return f"{self.year}-{self.index:02d}"
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.index}"
            case PeriodKind.HALF:
                return f"{self.year}-H{self.index}"
            case PeriodKind.NINE_MONTHS:
                return f"{self.year}-9M"
            case PeriodKind.YEAR:
                return f"{self.year}"
        raise AssertionError(self.kind)

    @property
    def label(self) -> str:
        """As written in a report title: "Quý I/2024", "Tháng 3/2024", "6 tháng đầu năm 2024"."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"Tháng {self.index}/{self.year}"
            case PeriodKind.QUARTER:
                return f"Quý {ROMAN[self.index]}/{self.year}"
            case PeriodKind.HALF:
                return f"6 tháng đầu năm {self.year}"
            case PeriodKind.NINE_MONTHS:
                return f"9 tháng đầu năm {self.year}"
            case PeriodKind.YEAR:
                return f"Năm {self.year}"
        raise AssertionError(self.kind)

    @property
    def first_month(self) -> int:
        return {
            PeriodKind.MONTH: self.index,
            PeriodKind.QUARTER: 3 * self.index - 2,
        }.get(self.kind, 1)

    @property
    def last_month(self) -> int:
        return {
            PeriodKind.MONTH: self.index,
            PeriodKind.QUARTER: 3 * self.index,
            PeriodKind.HALF: 6,
            PeriodKind.NINE_MONTHS: 9,
            PeriodKind.YEAR: 12,
        }[self.kind]

    @property
    def calendar_end(self) -> dt.date:
        """The last calendar day of the period's last month (30/06 for Q2): the due date of
        work planned for the period, as opposed to the data cut-off `end`."""
        return _month_end(self.year, self.last_month)

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "start": self.start.isoformat(), "end": self.end.isoformat()}

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _cutoff(year: int, month: int, cutoff_day: int) -> dt.date:
    """The last day of the data of `month`: its cut-off day, or its last day for calendar periods."""
    if cutoff_day == 0:
        return _month_end(year, month)
    return dt.date(year, month, cutoff_day)


def _previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _check_cutoff(cutoff_day: int) -> None:
    if not isinstance(cutoff_day, int) or not 0 <= cutoff_day <= 28:
        raise PeriodError(f"Ngày chốt số liệu phải từ 1 đến 28 (hoặc 0 = cuối tháng), không phải {cutoff_day!r}.")


def make_period(kind: PeriodKind, year: int, index: int = 1, cutoff_day: int = DEFAULT_CUTOFF_DAY) -> Period:
    _check_cutoff(cutoff_day)
    if not 1900 <= year <= 2999:
        raise PeriodError(f"Năm {year} không hợp lệ.")
    limits = {
        PeriodKind.MONTH: 12,
        PeriodKind.QUARTER: 4,
        PeriodKind.HALF: 1,
        PeriodKind.NINE_MONTHS: 1,
        PeriodKind.YEAR: 1,
    }
    if not 1 <= index <= limits[kind]:
        raise PeriodError(f"không có {kind.label.lower()} {index} (chỉ từ 1 đến {limits[kind]}).")
    probe = Period(kind, year, index, dt.date(year, 1, 1), dt.date(year, 1, 1), cutoff_day)
    first, last = probe.first_month, probe.last_month
    if kind in (PeriodKind.HALF, PeriodKind.NINE_MONTHS, PeriodKind.YEAR):
        first = 1  # cumulative periods run from the start of the year
    end = _cutoff(year, last, cutoff_day)
    start = _cutoff(*_previous_month(year, first), cutoff_day) + dt.timedelta(days=1)
    return Period(kind, year, index, start, end, cutoff_day)


_KEY = re.compile(r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{1,2})|[Qq](?P<quarter>\d)|[Hh](?P<half>\d)|(?P<nine>9[Mm])))?$")


def parse_period(key: str, cutoff_day: int = DEFAULT_CUTOFF_DAY) -> Period:
    """ "2024-Q1" -> Period(2023-12-15 .. 2024-03-14); `PeriodError` with a Vietnamese message otherwise."""
    match = _KEY.match((key or "").strip())
    if not match:
        raise PeriodError(
            f"Kỳ báo cáo “{key}” không hợp lệ. Dùng dạng 2024-03 (tháng), 2024-Q1 (quý), "
            "2024-H1 (6 tháng), 2024-9M (9 tháng) hoặc 2024 (năm)."
        )
    year = int(match["year"])
    if match["month"]:
        return make_period(PeriodKind.MONTH, year, int(match["month"]), cutoff_day)
    if match["quarter"]:
        return make_period(PeriodKind.QUARTER, year, int(match["quarter"]), cutoff_day)
    if match["half"]:
        if match["half"] != "1":
            raise PeriodError("Kỳ 6 tháng là 6 tháng đầu năm (H1); nửa cuối năm nằm trong báo cáo năm.")
        return make_period(PeriodKind.HALF, year, 1, cutoff_day)
    if match["nine"]:
        return make_period(PeriodKind.NINE_MONTHS, year, 1, cutoff_day)
    return make_period(PeriodKind.YEAR, year, 1, cutoff_day)


def period_containing(day: dt.date, kind: PeriodKind, cutoff_day: int = DEFAULT_CUTOFF_DAY) -> Period:
    """The period of `kind` whose data include `day` (15/12/2023 is in 2024-Q1 with the 14th cut-off)."""
    _check_cutoff(cutoff_day)
    year, month = day.year, day.month
    if day > _cutoff(year, month, cutoff_day):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    match kind:
        case PeriodKind.MONTH:
            return make_period(kind, year, month, cutoff_day)
        case PeriodKind.QUARTER:
            return make_period(kind, year, (month - 1) // 3 + 1, cutoff_day)
        case _:
            period = make_period(kind, year, 1, cutoff_day)
            if day not in period:  # H1 and 9M do not cover the whole year
                raise PeriodError(f"Ngày {day:%d/%m/%Y} không thuộc kỳ {kind.label} nào.")
            return period


def next_period(period: Period) -> Period:
    match period.kind:
        case PeriodKind.MONTH:
            year, month = (period.year + 1, 1) if period.index == 12 else (period.year, period.index + 1)
            return make_period(period.kind, year, month, period.cutoff_day)
        case PeriodKind.QUARTER:
            year, quarter = (period.year + 1, 1) if period.index == 4 else (period.year, period.index + 1)
            return make_period(period.kind, year, quarter, period.cutoff_day)
        case _:
            return make_period(period.kind, period.year + 1, period.index, period.cutoff_day)
