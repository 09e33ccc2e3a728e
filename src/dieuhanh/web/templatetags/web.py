"""Template helpers: dates as dd/mm/yyyy, status badges, page links that keep the filters.

- `vndate` filter: `date` -> "08/02/2024" ("—" when empty).
- `status_label`, `status_class` filters: a `Status` value -> Vietnamese label, CSS class.
- `page_url` tag: the current filters with another page number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from dieuhanh.tasks.status import LABELS, Status

register = template.Library()


@register.filter
def vndate(value: Any, empty: str = "—") -> str:
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        return f"{timezone.localtime(value):%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return empty


@register.filter
def status_label(value: Any) -> str:
    try:
        return LABELS[Status(value)]
    except ValueError:
        return ""


@register.filter
def status_class(value: Any) -> str:
    return f"st-{value}".replace("_", "-") if value else ""


@register.simple_tag
def page_url(keep: str, number: int) -> str:
    return f"?{keep}&trang={number}" if keep else f"?trang={number}"
