"""The audit trail as people read it: field names and values in Vietnamese.

`history_rows(events, model)` turns `AuditEvent`s into rows of (label, old, new) with dates as
dd/mm/yyyy, lists joined and empty values shown as "—". A creation event holds a snapshot
(`{field: value}`), a change holds `{field: [old, new]}`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from dieuhanh.core.models import AuditEvent

EXTRA_LABELS = {
    "requested_deadline": "Thời hạn đề nghị gia hạn",
    "username": "Tên đăng nhập",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EMPTY = "—"


def _label(model: type[models.Model], name: str) -> str:
    if name in EXTRA_LABELS:
        return EXTRA_LABELS[name]
    try:
        return str(getattr(model._meta.get_field(name), "verbose_name", name)).capitalize()
    except FieldDoesNotExist:
        return name


def _choice(model: type[models.Model], name: str, value: Any) -> Any:
    """A stored choice code ("in", "CV") as its Vietnamese label ("Văn bản đến", "Công văn")."""
    try:
        choices = dict(getattr(model._meta.get_field(name), "flatchoices", ()))
    except (FieldDoesNotExist, AttributeError):
        return value
    return choices.get(value, value) if isinstance(value, str) else value


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, list):
        return "; ".join(_value(v) for v in value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        return f"{dt.date.fromisoformat(value):%d/%m/%Y}"
    return str(value)


@dataclass
class HistoryRow:
    event: AuditEvent
    changes: list[tuple[str, str, str | None]] = field(default_factory=list)


def history_rows(events: Iterable[AuditEvent], model: type[models.Model]) -> list[HistoryRow]:
    rows = []
    for event in events:
        row = HistoryRow(event)
        for name, change in (event.changes or {}).items():
            if event.action == AuditEvent.Action.CREATE:
                same_as_deadline = name == "original_deadline" and change == event.changes.get("deadline")
                if change not in (None, "", []) and not same_as_deadline:
                    row.changes.append((_label(model, name), _value(_choice(model, name, change)), None))
            elif isinstance(change, list) and len(change) == 2:
                old, new = (_value(_choice(model, name, v)) for v in change)
                row.changes.append((_label(model, name), old, new))
        rows.append(row)
    return rows
