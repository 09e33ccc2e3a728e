"""Writing the audit trail (nhật ký thay đổi).

- `snapshot(obj, fields)`: the values of some fields, JSON-ready, for a later diff.
- `diff(before, after)`: `{field: [old, new]}` for the fields that changed.
- `record(...)`: append one `AuditEvent`. Called by services inside their transaction, so an
  event exists exactly when its change was committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import models

from dieuhanh.core.models import AuditEvent

if TYPE_CHECKING:
    from dieuhanh.orgs.scope import Scope


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set):
        return sorted(str(v) for v in value)
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(v) for v in getattr(obj, name).all()) if obj.pk else []
        else:
            values[name] = _jsonable(getattr(obj, name))
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def record(
    *,
    scope: Scope,
    obj: models.Model,
    action: str,
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEvent:
    return AuditEvent.objects.create(
        org=scope.org,
        actor=scope.user,
        actor_name=scope.actor_name,
        action=action,
        object_type=obj._meta.model_name or "",
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        changes=changes or {},
        note=note,
    )
