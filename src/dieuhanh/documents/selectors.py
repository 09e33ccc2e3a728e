"""Reads of the document register, scoped by role.

- `documents_visible(scope)`: whole-organisation roles read the whole register; a unit head or
  an officer reads the documents behind the tasks they can see (source, result, approving an
  extension) and those they registered themselves.
- `document_get(scope, pk)`: one visible document or `Document.DoesNotExist`.
- `citations_of(scope, document)`: what a visible document cites, with the cited document
  attached only where the scope may read it.
- `citing_documents(scope, document)`: the visible documents that cite it.
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


def citations_of(scope: Scope, document: Document) -> list[Citation]:
    citations = list(Citation.objects.filter(org=scope.org, citing=document).select_related("cited"))
    cited_ids = {c.cited_id for c in citations if c.cited_id}
    readable = (
        set(documents_visible(scope).filter(pk__in=cited_ids).values_list("pk", flat=True)) if cited_ids else set()
    )
    for citation in citations:
        if citation.cited_id not in readable:
            citation.cited = None  # the text of the citation stays; the link needs read access
    return citations


def citing_documents(scope: Scope, document: Document) -> QuerySet[Document]:
    return documents_visible(scope).filter(citations__cited=document).distinct()


def citations_to(scope: Scope, document: Document) -> QuerySet[Citation]:
    return (
        Citation.objects.filter(org=scope.org, cited=document, citing__in=documents_visible(scope))
        .select_related("citing")
        .order_by("citing__issued_on", "id")
    )
