"""Reads of the document register, scoped by role.

- `documents_visible(scope)`: whole-organisation roles read the whole register; a unit head or
  an officer reads the documents behind the tasks they can see (source, result, approving an
  extension) and those they registered themselves.
- `document_get(scope, pk)`: one visible document or `Document.DoesNotExist`.
- `citations_to(scope, document)`: the citations of `document` made in documents the scope sees.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from dieuhanh.documents.models import Citation, Document
from dieuhanh.orgs.scope import Scope


def documents_visible(scope: Scope) -> QuerySet[Document]:
    documents = Document.objects.filter(org=scope.org)
    if scope.sees_whole_org:
        return documents
    from dieuhanh.tasks.models import Extension
    from dieuhanh.tasks.selectors import tasks_visible

    tasks = tasks_visible(scope)
    linked = (
        Q(Exists(tasks.filter(source_document=OuterRef("pk"))))
        | Q(Exists(tasks.filter(result_document=OuterRef("pk"))))
        | Q(Exists(Extension.objects.filter(task__in=tasks, approving_document=OuterRef("pk"))))
    )
    if scope.user is not None:
        linked |= Q(created_by=scope.user)
    return documents.filter(linked)


def document_get(scope: Scope, pk: int) -> Document:
    return documents_visible(scope).get(pk=pk)


def citations_to(scope: Scope, document: Document) -> QuerySet[Citation]:
    return (
        Citation.objects.filter(org=scope.org, cited=document, citing__in=documents_visible(scope))
        .select_related("citing")
        .order_by("citing__issued_on", "id")
    )
