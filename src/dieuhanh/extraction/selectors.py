"""Reads of import batches (lô nhập), scoped by role.

- `import_batches_visible(scope)`: the Office, leaders and the command line see every batch of
  the organisation; a unit head or an officer sees the batches they uploaded; the admin and
  viewers, who may not import, see none.
- `import_batch_get(scope, pk)`: one visible batch or `ImportBatch.DoesNotExist`.
- `may_import(scope)`, `may_confirm_import(scope)`: what the pages use to show buttons (the
  services check again).
"""

from __future__ import annotations

from django.db.models import QuerySet

from dieuhanh.extraction.models import ImportBatch
from dieuhanh.orgs.scope import Scope


def may_import(scope: Scope) -> bool:
    return scope.can_register_documents and not scope.is_read_only


def may_confirm_import(scope: Scope) -> bool:
    return scope.can_assign and not scope.is_read_only


def import_batches_visible(scope: Scope) -> QuerySet[ImportBatch]:
    batches = ImportBatch.objects.filter(org=scope.org).select_related("document", "created_by")
    if not may_import(scope):
        return batches.none()
    if scope.can_assign:
        return batches
    if scope.user is None:
        return batches.none()
    return batches.filter(created_by=scope.user)


def import_batch_get(scope: Scope, pk: int) -> ImportBatch:
    return import_batches_visible(scope).get(pk=pk)
