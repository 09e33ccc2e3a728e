"""Reporting periods with the Nghị định 09/2019 cut-offs (DOMAIN §5)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dieuhanh.reports.periods import (
    PeriodError,
    PeriodKind,
    make_period,
    next_period,
    parse_period,
    period_containing,
)

D = dt.date


@pytest.mark.parametrize(
    ("key", "start", "end"),
    [
        ("2024-Q1", D(2023, 12, 15), D(2024, 3, 14)),
        ("2024-Q2", D(2024, 3, 15), D(2024, 6, 14)),
        ("2024-Q4", D(2024, 9, 15), D(2024, 12, 14)),
        ("2024-01", D(2023, 12, 15), D(2024, 1, 14)),
        ("2024-03", D(2024, 2, 15), D(2024, 3, 14)),
        ("2024-12", D(2024, 11, 15), D(2024, 12, 14)),
        ("2024-H1", D(2023, 12, 15), D(2024, 6, 14)),
        ("2024-9M", D(2023, 12, 15), D(2024, 9, 14)),
        ("2024", D(2023, 12, 15), D(2024, 12, 14)),
    ],
)
def test_default_cutoffs_of_decree_09_2019(key, start, end):
    period = parse_period(key)
    assert (period.start, period.end) == (start, end)
    assert period.key == key


def test_period_as_the_json_contract_writes_it():
    assert parse_period("2024-Q1").as_dict() == {"key": "2024-Q1", "start": "2023-12-15", "end": "2024-03-14"}


def test_keys_are_case_insensitive_and_months_may_drop_the_zero():
    assert parse_period("2024-q1").key == "2024-Q1"
    assert parse_period("2024-3").key == "2024-03"


def test_calendar_periods_with_cutoff_zero():
    period = parse_period("2024-Q1", cutoff_day=0)
    assert (period.start, period.end) == (D(2024, 1, 1), D(2024, 3, 31))
    assert parse_period("2024-02", cutoff_day=0).end == D(2024, 2, 29)


def test_another_cutoff_day():
    period = parse_period("2024-Q2", cutoff_day=20)
    assert (period.start, period.end) == (D(2024, 3, 21), D(2024, 6, 20))


@pytest.mark.parametrize(
    "key", ["2024-Q5", "2024-Q0", "2024-13", "2024-00", "2024-H2", "24-Q1", "Q1-2024", "", "2024-Q1x"]
)
def test_malformed_keys_raise_a_readable_error(key):
    with pytest.raises(PeriodError) as err:
        parse_period(key)
    assert str(err.value)  # a message for the operator


@pytest.mark.parametrize("cutoff", [-1, 29, 31])
def test_cutoff_must_be_a_day_every_month_has(cutoff):
    with pytest.raises(PeriodError):
        make_period(PeriodKind.QUARTER, 2024, 1, cutoff)


def test_labels_as_reports_write_them():
    assert parse_period("2024-Q1").label == "Quý I/2024"
    assert parse_period("2024-03").label == "Tháng 3/2024"
    assert parse_period("2024-H1").label == "6 tháng đầu năm 2024"
    assert parse_period("2024").label == "Năm 2024"


def test_calendar_end_is_the_due_date_of_the_period_s_planned_work():
    assert parse_period("2024-Q2").calendar_end == D(2024, 6, 30)


@pytest.mark.parametrize(
    ("day", "kind", "key"),
    [
        (D(2023, 12, 15), PeriodKind.QUARTER, "2024-Q1"),
        (D(2023, 12, 14), PeriodKind.QUARTER, "2023-Q4"),
        (D(2024, 3, 14), PeriodKind.QUARTER, "2024-Q1"),
        (D(2024, 3, 15), PeriodKind.QUARTER, "2024-Q2"),
        (D(2024, 12, 20), PeriodKind.YEAR, "2025"),
        (D(2024, 1, 31), PeriodKind.MONTH, "2024-02"),
        (D(2024, 5, 1), PeriodKind.HALF, "2024-H1"),
    ],
)
def test_period_containing_a_day(day, kind, key):
    assert period_containing(day, kind).key == key


def test_half_year_does_not_cover_the_second_half():
    with pytest.raises(PeriodError):
        period_containing(D(2024, 8, 1), PeriodKind.HALF)


def test_next_period_wraps_the_year():
    assert next_period(parse_period("2024-Q4")).key == "2025-Q1"
    assert next_period(parse_period("2024-12")).key == "2025-01"


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)), st.sampled_from([0, 1, 14, 28]))
def test_months_and_quarters_tile_time(day, cutoff):
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
        period = period_containing(day, kind, cutoff)
        assert day in period
        following = next_period(period)
        assert following.start == period.end + dt.timedelta(days=1)
