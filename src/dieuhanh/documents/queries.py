"""Document lists: the register filtered, searched and ordered, for pages and the API.

- `DocumentFilter`: what a list asks for (book, kind, issue-date range, text).
- `filter_documents(scope, f)`: the visible documents matching `f`, ordered.
- `search_condition(text)`: diacritic-insensitive search in number, issuer and summary
  ("tinh uy" finds "Tỉnh ủy", "181/ubnd" finds "181/UBND-KGVX").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from dieuhanh.core.search import search_q
from dieuhanh.documents.models import Document
from dieuhanh.documents.selectors import documents_visible
from dieuhanh.orgs.scope import Scope

ORDERINGS = {
    "issued": ("issued_on", "id"),
    "-issued": ("-issued_on", "-id"),
    "received": ("received_on", "id"),
    "-received": ("-received_on", "-id"),
    "created": ("created_at", "id"),
    "-created": ("-created_at", "-id"),
}
DEFAULT_ORDERING = "-issued"


@dataclass(frozen=True)
class DocumentFilter:
    text: str = ""
    direction: str | None = None  # Document.Direction value
    kind: str | None = None  # type code: KH, QĐ, CV ...
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None
    ordering: str = DEFAULT_ORDERING


def search_condition(text: str) -> Q:
    """Every word of `text` begins a word of the document's number, issuer or summary."""
    return search_q(text)


def filter_documents(scope: Scope, f: DocumentFilter) -> QuerySet[Document]:
    documents = documents_visible(scope)
    if f.text.strip():
        documents = documents.filter(search_condition(f.text))
    if f.direction:
        documents = documents.filter(direction=f.direction)
    if f.kind:
        documents = documents.filter(kind=f.kind)
    if f.issued_from:
        documents = documents.filter(issued_on__gte=f.issued_from)
    if f.issued_to:
        documents = documents.filter(issued_on__lte=f.issued_to)
    return documents.order_by(*ORDERINGS.get(f.ordering, ORDERINGS[DEFAULT_ORDERING]))
