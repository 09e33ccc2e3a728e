"""Recurring duties across month ends, leap years and Tết."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dieuhanh.core.workdays import VIETNAM, WorkCalendar
from dieuhanh.tasks.recurrence import Frequency, Rule, after_event, due_dates

D = dt.date


def test_citizen_reception_on_the_15th_of_each_month():
    rule = Rule(Frequency.MONTHLY, day=15, shift=False)
    assert due_dates(rule, D(2024, 1, 1), D(2024, 4, 30)) == [
        D(2024, 1, 15),
        D(2024, 2, 15),
        D(2024, 3, 15),
        D(2024, 4, 15),
    ]


def test_a_15th_on_a_sunday_moves_to_monday():
    # 15/09/2024 is a Sunday.
    assert due_dates(Rule(Frequency.MONTHLY, day=15), D(2024, 9, 1), D(2024, 9, 30)) == [D(2024, 9, 16)]


def test_day_31_is_clamped_to_the_month_end_including_leap_february():
    rule = Rule(Frequency.MONTHLY, day=31, shift=False)
    assert due_dates(rule, D(2024, 1, 1), D(2024, 4, 30)) == [
        D(2024, 1, 31),
        D(2024, 2, 29),
        D(2024, 3, 31),
        D(2024, 4, 30),
    ]
    assert due_dates(rule, D(2023, 2, 1), D(2023, 2, 28)) == [D(2023, 2, 28)]


def test_annual_plans_due_10_january_one_occurrence_a_year():
    rule = Rule(Frequency.YEARLY, month=1, day=10)
    assert due_dates(rule, D(2023, 1, 1), D(2025, 12, 31)) == [D(2023, 1, 10), D(2024, 1, 10), D(2025, 1, 10)]


def test_a_due_date_inside_tet_moves_after_it():
    # 10/02/2024 fell in the Tết Giáp Thìn break (08-14/02): due Thursday 15/02.
    assert due_dates(Rule(Frequency.YEARLY, month=2, day=10), D(2024, 1, 1), D(2024, 12, 31)) == [D(2024, 2, 15)]


def test_quarterly_on_the_10th_of_the_last_month():
    rule = Rule(Frequency.QUARTERLY, month=3, day=10, shift=False)
    assert due_dates(rule, D(2024, 1, 1), D(2024, 12, 31)) == [
        D(2024, 3, 10),
        D(2024, 6, 10),
        D(2024, 9, 10),
        D(2024, 12, 10),
    ]


def test_fifth_working_day_of_each_month_skips_new_year_and_tet():
    rule = Rule(Frequency.MONTHLY_WORKDAY, day=5)
    # January 2024: 1st is a holiday -> 2,3,4,5,8. February 2024: 1,2,5,6,7 (Tết starts 8th).
    assert due_dates(rule, D(2024, 1, 1), D(2024, 2, 29)) == [D(2024, 1, 8), D(2024, 2, 7)]


def test_working_days_after_an_event():
    # 06, 07 February, Tết 08-14 skipped, then 15, 16, 19 February
    assert after_event(D(2024, 2, 5), 5) == D(2024, 2, 19)


def test_local_make_up_day_counts():
    calendar = WorkCalendar(extra_working_days=frozenset({D(2024, 1, 6)}))
    assert after_event(D(2024, 1, 5), 1, calendar) == D(2024, 1, 6)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"frequency": Frequency.MONTHLY, "day": 0},
        {"frequency": Frequency.MONTHLY, "day": 32},
        {"frequency": Frequency.QUARTERLY, "day": 10, "month": 4},
        {"frequency": Frequency.YEARLY, "month": 2, "day": 30},
        {"frequency": Frequency.MONTHLY_WORKDAY, "day": 0},
    ],
)
def test_impossible_rules_are_refused_with_a_message(kwargs):
    with pytest.raises(ValueError, match=r"\w"):
        Rule(**kwargs)


def test_yearly_on_29_february_is_allowed_and_clamped():
    rule = Rule(Frequency.YEARLY, month=2, day=29, shift=False)
    assert due_dates(rule, D(2023, 1, 1), D(2024, 12, 31)) == [D(2023, 2, 28), D(2024, 2, 29)]


@given(
    st.sampled_from([Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY, Frequency.MONTHLY_WORKDAY]),
    st.integers(1, 28),
    st.integers(1, 3),
    st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 1, 1)),
    st.integers(0, 800),
)
def test_due_dates_are_sorted_unique_working_days(frequency, day, month, start, length):
    rule = Rule(frequency, day=day, month=month)
    dates = due_dates(rule, start, start + dt.timedelta(days=length))
    assert dates == sorted(set(dates))
    assert all(VIETNAM.is_working_day(d) for d in dates)
