"""Dates, periods and deadlines as Vietnamese administrative documents write them (DOMAIN §4, §9).

Pure functions on NFC text; every date returned is a `datetime.date`.

- `find_dates(text)`: every date written "15/3/2022", "15-03-2022", "15.3.2022" or
  "ngày 15 tháng 3 năm 2022", with its position.
- `parse_date(text)`: the first such date, or None.
- `date_line(text)`: place and date of the line under the national motto ("Bắc Giang, ngày 05
  tháng 02 năm 2024"); a missing day ("ngày tháng 02 năm 2024") gives no date but keeps month
  and year.
- `Period`, `find_period(text, year)`: the first period a text names ("quý II/2024", "tháng 3
  năm 2022", "6 tháng cuối năm", "năm 2021"), `Period.end` its last day.
- `next_period(period)`: the period after it, of the same kind.
- `deadline_in_text(text, ref_date, ref_year)`: the deadline a sentence sets ("trước ngày
  08/02/2024", "xong trước 28/02/2024", "trong quý II", "hoàn thành năm 2024", "trong 10 ngày
  làm việc"), or None. A year that only names what the task is about is not a deadline.
- `parse_deadline_cell(text, ref_year)`: a table's deadline cell ("28/02/2024", "Tháng 3 năm
  2022", "Quý II", "Thường xuyên" -> None).
- `add_working_days(start, n)`: n working days after start, skipping weekends and Vietnamese
  public holidays (Tết included).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dieuhanh.core.text import fold_chars

_NUM_DATE = re.compile(r"(?<![\d/.])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?((?:19|20)\d\d)(?!\d)")
_WORD_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of every well-formed date in the text, in order."""
    folded = fold_chars(text)
    found: list[tuple[int, int, dt.date]] = []
    for m in _NUM_DATE.finditer(folded):
        d = make_date(int(m[4]), int(m[3]), int(m[1]))
        if d:
            found.append((m.start(), m.end(), d))
    for m in _WORD_DATE.finditer(folded):
        d = make_date(int(m[3]), int(m[2]), int(m[1]))
        if d:
            found.append((m.start(), m.end(), d))
    return sorted(found, key=lambda x: x[0])


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    dates = find_dates(text)
    return dates[0][2] if dates else None


@dataclass(frozen=True)
class DateLine:
    place: str
    date: dt.date | None
    month: int | None
    year: int | None


_DATE_LINE = re.compile(
    r"^\s*(?P<place>[^,\d]{2,40}?)\s*,\s*ngay\s*(?P<day>\d{0,2})[\s./]*thang\s*(?P<month>\d{0,2})"
    r"[\s./]*nam\s*(?P<year>(?:19|20)\d\d)?"
)


def date_line(text: str) -> DateLine | None:
    """`Bắc Kạn, ngày 15 tháng 3 năm 2022` -> place, date; None when the line is not one."""
    folded = fold_chars(text.replace("*", "").replace("_", " "))
    m = _DATE_LINE.match(folded)
    if not m:
        return None
    place = text.replace("*", "").replace("_", " ")[m.start("place") : m.end("place")].strip(" -")
    year = int(m["year"]) if m["year"] else None
    month = int(m["month"]) if m["month"] else None
    if month is not None and not 1 <= month <= 12:
        month = None
    day = int(m["day"]) if m["day"] else None
    date = make_date(year, month, day) if (year and month and day) else None
    return DateLine(place=place, date=date, month=month, year=year)


@dataclass(frozen=True)
class Period:
    kind: str  # "month", "quarter", "half", "nine_months", "year"
    year: int
    index: int = 1

    @property
    def start(self) -> dt.date:
        if self.kind == "month":
            return dt.date(self.year, self.index, 1)
        if self.kind == "quarter":
            return dt.date(self.year, 3 * self.index - 2, 1)
        if self.kind == "half":
            return dt.date(self.year, 1 if self.index == 1 else 7, 1)
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        if self.kind == "month":
            return month_end(self.year, self.index)
        if self.kind == "quarter":
            return month_end(self.year, 3 * self.index)
        if self.kind == "half":
            return month_end(self.year, 6 if self.index == 1 else 12)
        if self.kind == "nine_months":
            return dt.date(self.year, 9, 30)
        return dt.date(self.year, 12, 31)


def next_period(p: Period) -> Period:
    if p.kind == "month":
        return Period("month", p.year + (p.index == 12), p.index % 12 + 1)
    if p.kind == "quarter":
        return Period("quarter", p.year + (p.index == 4), p.index % 4 + 1)
    if p.kind == "half":
        return Period("half", p.year + (p.index == 2), 2 if p.index == 1 else 1)
    if p.kind == "nine_months":
        return Period("quarter", p.year, 4)
    return Period("year", p.year + 1)


_YEAR = r"(?:\s*(?:/|-|nam)?\s*((?:19|20)\d\d)(?!\d))?"
_PERIODS: list[tuple[str, re.Pattern[str]]] = [
    ("half", re.compile(r"\b(?:6|sau) thang (dau|cuoi) nam" + _YEAR)),
    ("nine_months", re.compile(r"\b9 thang(?: dau nam)?" + _YEAR)),
    ("q1", re.compile(r"\b(?:3|ba) thang dau nam" + _YEAR)),
    ("quarter", re.compile(r"\bquy\s*(iv|iii|ii|i|[1-4])\b" + _YEAR)),
    ("month", re.compile(r"\bthang\s*(\d{1,2})\b(?!\s*/\s*\d{1,2}\s*/)" + _YEAR)),
    ("year", re.compile(r"\bnam\s*((?:19|20)\d\d)\b")),
]


def _period_from(kind: str, m: re.Match[str], year: int | None) -> tuple[Period | None, bool]:
    """The period of one match and whether its year was written."""
    groups = m.groups()
    written = groups[-1] if kind != "year" else groups[0]
    y = int(written) if written else year
    if y is None:
        return None, False
    if kind == "half":
        return Period("half", y, 1 if groups[0] == "dau" else 2), bool(written)
    if kind == "nine_months":
        return Period("nine_months", y), bool(written)
    if kind == "q1":
        return Period("quarter", y, 1), bool(written)
    if kind == "quarter":
        return Period("quarter", y, _ROMAN[groups[0]]), bool(written)
    if kind == "month":
        month = int(groups[0])
        if not 1 <= month <= 12:
            return None, False
        return Period("month", y, month), bool(written)
    return Period("year", y), True


def find_periods(text: str, year: int | None = None) -> list[tuple[int, Period, bool]]:
    """(position, period, year written?) of every period the text names, in order.

    A period without its year takes `year` (the year of the programme or report, DOMAIN §4);
    without one it is skipped. A year written a little later in the same phrase ("quý II của
    năm 2024") is not looked for: real documents write it next to the period.
    """
    folded = fold_chars(text)
    found: list[tuple[int, Period, bool]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PERIODS:
        for m in pattern.finditer(folded):
            if any(s <= m.start() < e for s, e in taken):
                continue
            p, written = _period_from(kind, m, year)
            if p is not None:
                found.append((m.start(), p, written))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x[0])


def find_period(text: str, year: int | None = None) -> Period | None:
    periods = find_periods(text, year)
    return periods[0][1] if periods else None


# Deadline phrases (DOMAIN §4). Each needs a word that makes the date a limit: "trước",
# "chậm nhất", "hạn", "hoàn thành ... trong". A bare year or month names a subject, not a limit.
_D = r"(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?((?:19|20)\d\d))?(?![\d/])"
_DW = r"(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+((?:19|20)\d\d))?"
_BEFORE = (
    r"(?:truoc|cham nhat(?: la)?(?: vao)?|khong (?:qua|muon hon|cham hon)|han (?:chot |cuoi )?(?:la )?|"
    r"thoi han(?: hoan thanh)?(?: la)?|xong truoc|den het|trong)"
)
_EXACT = re.compile(_BEFORE + r"\s*(?:ngay\s*)?(?:" + _D + r"|" + _DW + r")")
_LIMIT = r"(?:truoc|trong|het|cuoi|hoan thanh(?: trong)?|xong trong|xong|den het|truoc het)"
_MONTH = re.compile(_LIMIT + r"\s+thang\s*(\d{1,2})\b(?!\s*/\s*\d{1,2}\s*/)" + _YEAR)
_QUARTER = re.compile(_LIMIT + r"\s+quy\s*(iv|iii|ii|i|[1-4])\b" + _YEAR)
_HALF = re.compile(_LIMIT + r"\s+(?:6|sau) thang (dau|cuoi) nam" + _YEAR)
_YEAR_LIMIT = re.compile(r"(?:trong|hoan thanh(?: trong)?|xong trong|truoc het|den het|het)\s+nam\s*((?:19|20)\d\d)\b")
_RELATIVE = re.compile(r"trong (?:vong |thoi han |thoi gian )?(\d{1,3}) ngay( lam viec)?")


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    text: str  # the phrase as written
    exact: bool = False  # a day was written, not only a month, quarter or year


def _year_for(month: int, day: int, ref_date: dt.date | None, ref_year: int | None) -> int | None:
    if ref_year:
        return ref_year
    if ref_date:
        # "trước ngày 15/01" written in December means next January.
        candidate = make_date(ref_date.year, month, day)
        if candidate and candidate < ref_date - dt.timedelta(days=31):
            return ref_date.year + 1
        return ref_date.year
    return None


def deadline_in_text(text: str, ref_date: dt.date | None = None, ref_year: int | None = None) -> Deadline | None:
    """The first deadline the text sets, relative to the document's date or year."""
    if not text:
        return None
    folded = fold_chars(text)
    found: list[tuple[int, int, dt.date]] = []
    exact: set[int] = set()
    for m in _EXACT.finditer(folded):
        if m[1]:
            day, month, year = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
        else:
            day, month, year = int(m[4]), int(m[5]), int(m[6]) if m[6] else None
        if year is None:
            year = _year_for(month, day, ref_date, ref_year)
        d = make_date(year, month, day) if year else None
        if d:
            found.append((m.start(), m.end(), d))
            exact.add(m.start())
    for pattern, kind in ((_MONTH, "month"), (_QUARTER, "quarter"), (_HALF, "half")):
        for m in pattern.finditer(folded):
            p, _ = _period_from(kind, m, ref_year or (ref_date.year if ref_date else None))
            if p:
                found.append((m.start(), m.end(), p.end))
    for m in _YEAR_LIMIT.finditer(folded):
        found.append((m.start(), m.end(), dt.date(int(m[1]), 12, 31)))
    if ref_date:
        for m in _RELATIVE.finditer(folded):
            n = int(m[1])
            d = add_working_days(ref_date, n) if m[2] else ref_date + dt.timedelta(days=n)
            found.append((m.start(), m.end(), d))
            exact.add(m.start())
    if not found:
        return None
    start, end, date = min(found, key=lambda x: x[0])
    return Deadline(date=date, text=text[start:end].strip(), exact=start in exact)


_NO_DEADLINE = re.compile(
    r"^(thuong xuyen|hang (ngay|tuan|thang|quy|nam)|theo yeu cau|khi co yeu cau|dinh ky|lien tuc)"
)


def parse_deadline_cell(text: str, ref_year: int | None = None, ref_date: dt.date | None = None) -> dt.date | None:
    """A deadline column: a date, a month, quarter, half or year; "Thường xuyên" -> None."""
    if not text or not text.strip():
        return None
    folded = fold_chars(text).strip()
    if _NO_DEADLINE.match(folded):
        return None
    dates = find_dates(text)
    if dates:
        return dates[-1][2] if re.match(r"^(tu|bat dau)", folded) else dates[0][2]
    m = re.search(r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})(?![\d/])", folded)
    if m and (ref_year or ref_date):
        y = _year_for(int(m[2]), int(m[1]), ref_date, ref_year)
        d = make_date(y, int(m[2]), int(m[1])) if y else None
        if d:
            return d
    periods = find_periods(text, ref_year or (ref_date.year if ref_date else None))
    if periods:
        # "Tháng 3 - tháng 6/2022": the task ends with the last period named.
        return max(p.end for _, p, _ in periods)
    bare = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", folded)
    if bare:
        return dt.date(int(bare[1]), 12, 31)
    return None


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[dt.date]:
    try:
        import holidays

        return frozenset(holidays.country_holidays("VN", years=year).keys())
    except Exception:  # the package is optional for pure extraction: weekends still count
        return frozenset()


def is_working_day(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in _holidays(d.year)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after `start` (administrative procedures count ngày làm việc)."""
    d = start
    counted = 0
    while counted < n:
        d += dt.timedelta(days=1)
        if is_working_day(d):
            counted += 1
    return d
