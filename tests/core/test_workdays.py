"""Working days: weekends, Vietnamese public holidays (Tết), make-up days, local exceptions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dieuhanh.core.workdays import VIETNAM, WorkCalendar
from dieuhanh.orgs.models import CalendarDay
from dieuhanh.orgs.selectors import work_calendar

D = dt.date


def test_weekends_are_not_working_days():
    assert VIETNAM.is_working_day(D(2024, 3, 15))  # Friday
    assert not VIETNAM.is_working_day(D(2024, 3, 16))  # Saturday
    assert not VIETNAM.is_working_day(D(2024, 3, 17))  # Sunday


def test_tet_2024_is_skipped():
    # Tết Giáp Thìn: the public service rested 08/02 to 14/02/2024.
    for day in range(8, 15):
        assert not VIETNAM.is_working_day(D(2024, 2, day))
    assert VIETNAM.is_working_day(D(2024, 2, 15))


def test_official_make_up_saturday_is_a_working_day():
    # 29/04/2024 off, made up on Saturday 04/05/2024.
    assert not VIETNAM.is_working_day(D(2024, 4, 29))
    assert VIETNAM.is_working_day(D(2024, 5, 4))


def test_the_receiving_day_does_not_count():
    # Received Friday 05/01/2024: 3 working days -> Wednesday 10/01/2024.
    assert VIETNAM.add_working_days(D(2024, 1, 5), 3) == D(2024, 1, 10)


def test_a_deadline_across_tet():
    # Received Wednesday 07/02/2024, 5 working days: 15, 16, 19, 20, 21 February.
    assert VIETNAM.add_working_days(D(2024, 2, 7), 5) == D(2024, 2, 21)


def test_zero_days_is_the_same_day_and_negative_is_refused():
    assert VIETNAM.add_working_days(D(2024, 2, 10), 0) == D(2024, 2, 10)
    with pytest.raises(ValueError):
        VIETNAM.add_working_days(D(2024, 2, 10), -1)


def test_local_extra_day_off_and_make_up_day():
    cal = WorkCalendar(extra_days_off=frozenset({D(2024, 1, 8)}), extra_working_days=frozenset({D(2024, 1, 13)}))
    assert not cal.is_working_day(D(2024, 1, 8))
    assert cal.is_working_day(D(2024, 1, 13))
    assert cal.add_working_days(D(2024, 1, 5), 2) == D(2024, 1, 10)


@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31)), st.integers(0, 40))
def test_counting_back_gives_the_number_of_days(start, days):
    end = VIETNAM.add_working_days(start, days)
    assert VIETNAM.working_days_between(start, end) == days
    assert days == 0 or VIETNAM.is_working_day(end)


@pytest.mark.django_db
def test_organisation_calendar_reads_its_exceptions(world):
    CalendarDay.objects.create(org=world.org, date=D(2024, 1, 8), kind=CalendarDay.Kind.DAY_OFF, note="Nghỉ bù")
    assert not work_calendar(world.org).is_working_day(D(2024, 1, 8))
    assert VIETNAM.is_working_day(D(2024, 1, 8))
