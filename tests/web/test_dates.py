"""Dates typed on the pages: dd/mm/yyyy, with a message that says what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dieuhanh.web.dates import format_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08/02/2024", dt.date(2024, 2, 8)),
        ("8/2/2024", dt.date(2024, 2, 8)),
        (" 29/02/2024 ", dt.date(2024, 2, 29)),
        ("08-02-2024", dt.date(2024, 2, 8)),
        ("08.02.2024", dt.date(2024, 2, 8)),
        ("2024-02-08", dt.date(2024, 2, 8)),
        ("", None),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2024", "Ngày 31/02/2024 không có thật: tháng 02/2024 chỉ có 29 ngày."),
        ("29/02/2023", "Ngày 29/02/2023 không có thật: tháng 02/2023 chỉ có 28 ngày."),
        ("01/13/2024", "Tháng 13 không có thật: tháng chỉ từ 1 đến 12."),
        ("hôm qua", "“hôm qua” không phải một ngày: hãy viết ngày/tháng/năm (ví dụ 08/02/2024)."),
        ("08/02/24", "“08/02/24” không phải một ngày: hãy viết ngày/tháng/năm (ví dụ 08/02/2024)."),
    ],
)
def test_impossible_or_malformed_dates_say_why(text, message):
    with pytest.raises(ValidationError) as err:
        parse_date(text)
    assert err.value.messages == [message]


def test_format_is_zero_padded():
    assert format_date(dt.date(2024, 2, 8)) == "08/02/2024"
    assert format_date(None) == ""
