import datetime as dt

import pytest

from dieuhanh.extraction.dates import (
    Period,
    add_working_days,
    date_line,
    deadline_in_text,
    find_periods,
    next_period,
    parse_date,
    parse_deadline_cell,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 05/02/2024", dt.date(2024, 2, 5)),
        ("ngày 5/2/2024", dt.date(2024, 2, 5)),
        ("ngày 05-02-2024", dt.date(2024, 2, 5)),
        ("ngày 05.02.2024", dt.date(2024, 2, 5)),
        ("ngày 15 tháng 3 năm 2022", dt.date(2022, 3, 15)),
        ("ngày 31/02/2024", None),  # not a day
        ("đợt 2/2023", None),
    ],
)
def test_parse_date_reads_the_forms_documents_use(text, expected):
    assert parse_date(text) == expected


def test_date_line_with_a_day_gives_place_and_date():
    line = date_line("Hải Dương, ngày 09 tháng 10 năm 2023")
    assert (line.place, line.date) == ("Hải Dương", dt.date(2023, 10, 9))


def test_date_line_without_its_day_gives_no_date_but_keeps_month_and_year():
    line = date_line("Thái Nguyên, ngày   tháng 02 năm 2024")
    assert (line.place, line.date, line.month, line.year) == ("Thái Nguyên", None, 2, 2024)


def test_a_line_that_is_not_a_date_line_is_none():
    assert date_line("Căn cứ Luật Khoa học và Công nghệ năm 2013;") is None


@pytest.mark.parametrize(
    ("text", "year", "period"),
    [
        ("Nhiệm vụ trọng tâm quý III/2023", None, Period("quarter", 2023, 3)),
        ("Nhiệm vụ công tác quý IV", 2022, Period("quarter", 2022, 4)),
        ("Phương hướng 6 tháng cuối năm 2023", None, Period("half", 2023, 2)),
        ("Kết quả 3 tháng đầu năm 2021", None, Period("quarter", 2021, 1)),
        ("Tháng 11", 2019, Period("month", 2019, 11)),
        ("Chương trình công tác năm 2025", None, Period("year", 2025)),
    ],
)
def test_find_periods_names_the_period_and_its_year(text, year, period):
    assert find_periods(text, year)[0][1] == period


def test_a_period_without_a_year_and_no_context_is_skipped():
    assert find_periods("Nhiệm vụ quý II") == []


def test_period_ends_are_calendar_ends():
    assert Period("quarter", 2024, 2).end == dt.date(2024, 6, 30)
    assert Period("month", 2024, 2).end == dt.date(2024, 2, 29)
    assert Period("half", 2023, 1).end == dt.date(2023, 6, 30)
    assert Period("year", 2021).end == dt.date(2021, 12, 31)


def test_next_period_rolls_over_the_year():
    assert next_period(Period("quarter", 2023, 4)) == Period("quarter", 2024, 1)
    assert next_period(Period("month", 2023, 12)) == Period("month", 2024, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("báo cáo Sở Nội vụ trước ngày 10/5/2023", dt.date(2023, 5, 10)),
        ("hoàn thành xong trước 20/06/2023", dt.date(2023, 6, 20)),
        ("gửi về Văn phòng chậm nhất ngày 15 tháng 7 năm 2023", dt.date(2023, 7, 15)),
        ("trình UBND tỉnh trong tháng 9/2023", dt.date(2023, 9, 30)),
        ("hoàn thành trong quý III", dt.date(2023, 9, 30)),
        ("hoàn thành trong 6 tháng đầu năm 2024", dt.date(2024, 6, 30)),
        ("tổ chức thực hiện hoàn thành năm 2024", dt.date(2024, 12, 31)),
        ("triển khai xong trong năm 2023", dt.date(2023, 12, 31)),
        ("báo cáo kết quả trước ngày 25/5", dt.date(2023, 5, 25)),
    ],
)
def test_deadline_in_text_reads_the_limits_written_in_a_sentence(text, expected):
    found = deadline_in_text(text, dt.date(2023, 4, 3), 2023)
    assert found is not None
    assert found.date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Đẩy nhanh ký hợp đồng các đề tài cấp tỉnh năm 2024.",  # the year names the work
        "Tổng kết 5 năm thực hiện Nghị quyết số 12/NQ-HĐND ngày 10/7/2019.",  # a citation's date
        "Thực hiện thường xuyên theo yêu cầu.",
        "Tổ chức kỷ niệm ngày Khoa học và Công nghệ Việt Nam 18/5.",
    ],
)
def test_no_deadline_where_the_text_sets_no_limit(text):
    assert deadline_in_text(text, dt.date(2023, 4, 3), 2023) is None


def test_a_day_without_year_written_in_december_for_january_is_next_year():
    found = deadline_in_text("gửi trước ngày 15/01", dt.date(2023, 12, 20))
    assert found.date == dt.date(2024, 1, 15)


def test_working_days_skip_weekends_and_tet():
    # The Tết holiday of the Year of the Dragon ran from Thursday 8 to Wednesday 14 February 2024.
    assert add_working_days(dt.date(2024, 2, 7), 1) == dt.date(2024, 2, 15)
    assert add_working_days(dt.date(2023, 4, 7), 1) == dt.date(2023, 4, 10)  # Friday -> Monday


def test_relative_deadline_counts_from_the_document_date():
    found = deadline_in_text("trong thời hạn 05 ngày làm việc kể từ ngày nhận", dt.date(2023, 4, 3))
    assert found.date == dt.date(2023, 4, 10)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("30/6/2023", dt.date(2023, 6, 30)),
        ("Tháng 8 năm 2023", dt.date(2023, 8, 31)),
        ("Tháng 8", dt.date(2023, 8, 31)),
        ("Quý IV/2023", dt.date(2023, 12, 31)),
        ("Năm 2024", dt.date(2024, 12, 31)),
        ("2024", dt.date(2024, 12, 31)),
        ("Thường xuyên", None),
        ("Hằng năm", None),
        ("Theo yêu cầu", None),
        ("Tháng 3 - tháng 6/2023", dt.date(2023, 6, 30)),
        ("", None),
    ],
)
def test_deadline_cells(cell, expected):
    assert parse_deadline_cell(cell, 2023) == expected
