"""Reads of the audit trail.

- `audit_events_for(scope, obj)`: the history of one record of the scope's organisation, newest
  first. The caller has already fetched `obj` through its own scoped selector, so whoever may
  read the record may read its history.
"""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

from dieuhanh.core.models import AuditEvent
from dieuhanh.orgs.scope import Scope


def audit_events_for(scope: Scope, obj: models.Model) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(org=scope.org, object_type=obj._meta.model_name or "", object_id=obj.pk).order_by(
        "-at", "-id"
    )
