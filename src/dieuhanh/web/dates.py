"""Dates as people write them on the pages: dd/mm/yyyy (DOMAIN §9).

- `parse_date(text)`: "08/02/2024", "8/2/2024", "08-02-2024", "08.02.2024" or ISO "2024-02-08"
  -> `datetime.date`; `None` for an empty string; a `ValidationError` with a Vietnamese message
  that says what is wrong otherwise ("31/02/2024": February 2024 has 29 days).
- `format_date(d)`: `date` -> "08/02/2024"; "" for None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from django.core.exceptions import ValidationError

_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
EXAMPLE = "ví dụ 08/02/2024"


def parse_date(text: str | None) -> dt.date | None:
    value = (text or "").strip()
    if not value:
        return None
    if m := _DMY.match(value):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO.match(value):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise ValidationError(
            f"“{value}” không phải một ngày: hãy viết ngày/tháng/năm ({EXAMPLE}).", code="invalid_date"
        )
    if not 1900 <= year <= 2100:
        raise ValidationError(f"Năm {year} không hợp lệ ({EXAMPLE}).", code="invalid_date")
    if not 1 <= month <= 12:
        raise ValidationError(f"Tháng {month} không có thật: tháng chỉ từ 1 đến 12.", code="invalid_date")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValidationError(
            f"Ngày {day:02d}/{month:02d}/{year} không có thật: tháng {month:02d}/{year} chỉ có {last} ngày.",
            code="invalid_date",
        )
    return dt.date(year, month, day)


def format_date(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""
