"""Writes to the document register.

- `document_register(...)`: add a document to the register (validated, audited, citations
  that were waiting for it get linked).
- `document_get_or_register(...)`: the registered document with that number and date, or a
  new one; for imports and seeds, where the same directive is met many times.
- `document_update(...)`: change a document, refused with `ConflictError` if someone else
  changed it since `version` was read.
- `citation_add(...)`: record that one document cites another, linking it when registered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from dieuhanh.core import audit
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.models import AuditEvent
from dieuhanh.core.symbols import KINDS, OTHER_KIND, parse_symbol, symbol_key
from dieuhanh.core.text import clean, nfc
from dieuhanh.documents.files import sha256_of, validate_upload
from dieuhanh.documents.models import Citation, Document
from dieuhanh.orgs.scope import Scope

EDITABLE_FIELDS = [
    "direction",
    "kind",
    "number_raw",
    "issued_on",
    "issuer",
    "summary",
    "signer",
    "received_on",
]


def _validate(doc: Document) -> None:
    errors: dict[str, str] = {}
    for field in ("issued_on", "received_on"):
        value = getattr(doc, field)
        if value is not None and not isinstance(value, dt.date):
            errors[field] = "Ngày không hợp lệ."
    if not errors and doc.issued_on and doc.received_on and doc.received_on < doc.issued_on:
        errors["received_on"] = "Ngày đến không thể trước ngày ban hành."
    if doc.kind not in KINDS and doc.kind != OTHER_KIND:
        errors["kind"] = "Loại văn bản không hợp lệ."
    if doc.direction not in Document.Direction.values:
        errors["direction"] = "Loại sổ không hợp lệ."
    if not (doc.number_raw or doc.summary):
        errors["summary"] = "Cần ít nhất số, ký hiệu hoặc trích yếu của văn bản."
    if not errors and doc.number_key and doc.issued_on:
        clash = Document.objects.filter(org=doc.org, number_key=doc.number_key, issued_on=doc.issued_on)
        if doc.pk:
            clash = clash.exclude(pk=doc.pk)
        if clash.exists():
            errors["number_raw"] = f"Văn bản số {doc.number_raw} ngày {doc.issued_on:%d/%m/%Y} đã có trong sổ."
    if errors:
        raise ValidationError(errors)


def _link_waiting_citations(doc: Document) -> None:
    if not doc.number_key:
        return
    date_matches = Q(cited_date__isnull=True) | Q(cited_date=doc.issued_on) if doc.issued_on else Q()
    Citation.objects.filter(org=doc.org, number_key=doc.number_key, cited__isnull=True).filter(date_matches).exclude(
        citing=doc
    ).update(cited=doc)


@transaction.atomic
def document_register(
    *,
    scope: Scope,
    direction: str = Document.Direction.INCOMING,
    number_raw: str = "",
    issued_on: dt.date | None = None,
    kind: str | None = None,
    issuer: str = "",
    summary: str = "",
    signer: str = "",
    received_on: dt.date | None = None,
    file: Any = None,
    file_name: str = "",
) -> Document:
    if not scope.can_register_documents:
        raise PermissionDenied("Vai trò của bạn không được vào sổ văn bản.")
    number_raw = clean(number_raw)
    if kind is None:
        parsed = parse_symbol(number_raw)
        kind = parsed.kind if parsed and parsed.kind else "CV"
    doc = Document(
        org=scope.org,
        direction=direction,
        kind=kind,
        number_raw=number_raw,
        issued_on=issued_on,
        issuer=clean(issuer),
        summary=nfc(summary).strip(),
        signer=clean(signer),
        received_on=received_on,
        created_by=scope.user,
    )
    doc.number_key = symbol_key(number_raw)
    _validate(doc)
    if file is not None:
        validate_upload(file, name=file_name or getattr(file, "name", ""))
        doc.file_sha256 = sha256_of(file)
        doc.file_name = clean(file_name or getattr(file, "name", ""))[:255]
        doc.file.save(_safe_name(doc.file_name), file, save=False)
    doc.save()
    _link_waiting_citations(doc)
    audit.record(scope=scope, obj=doc, action=AuditEvent.Action.CREATE, changes=audit.snapshot(doc, EDITABLE_FIELDS))
    return doc


def _safe_name(name: str) -> str:
    """A storage name without path parts; the original name is kept in `file_name`."""
    from django.utils.text import get_valid_filename

    base = name.replace("\\", "/").rsplit("/", 1)[-1] or "tep"
    try:
        return get_valid_filename(base)
    except Exception:  # a name of only punctuation
        return "tep"


def document_find(*, scope: Scope, number_raw: str, issued_on: dt.date | None) -> Document | None:
    key = symbol_key(number_raw)
    if not key:
        return None
    docs = Document.objects.filter(org=scope.org, number_key=key)
    if issued_on:
        return docs.filter(issued_on=issued_on).first()
    return docs.first() if docs.count() == 1 else None


def document_get_or_register(*, scope: Scope, number_raw: str, issued_on: dt.date | None, **fields: Any) -> Document:
    existing = document_find(scope=scope, number_raw=number_raw, issued_on=issued_on)
    if existing is not None:
        return existing
    return document_register(scope=scope, number_raw=number_raw, issued_on=issued_on, **fields)


@transaction.atomic
def document_update(*, scope: Scope, document: Document, version: int, **fields: Any) -> Document:
    if scope.is_read_only or not scope.can_register_documents:
        raise PermissionDenied("Vai trò của bạn không được sửa văn bản.")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    current = Document.objects.select_for_update().get(pk=document.pk, org=scope.org)
    if current.version != version:
        raise ConflictError()
    before = audit.snapshot(current, EDITABLE_FIELDS)
    for name, value in fields.items():
        setattr(current, name, clean(value) if name not in {"summary"} and isinstance(value, str) else value)
    current.number_key = symbol_key(current.number_raw)
    _validate(current)
    current.version += 1
    current.save()
    _link_waiting_citations(current)
    if before["number_raw"] != current.number_raw:
        for task in current.tasks.all():  # their search text carries the source number
            task.save(update_fields=["search_text"])
    changes = audit.diff(before, audit.snapshot(current, EDITABLE_FIELDS))
    if changes:
        audit.record(scope=scope, obj=current, action=AuditEvent.Action.UPDATE, changes=changes)
    return current


@transaction.atomic
def citation_add(
    *,
    scope: Scope,
    citing: Document,
    number_raw: str,
    cited_date: dt.date | None = None,
    kind: str | None = None,
    issuer: str = "",
    context: str = "",
) -> Citation:
    if citing.org_id != scope.org.pk:
        raise PermissionDenied("Văn bản không thuộc cơ quan của bạn.")
    # Linking citations edits the register: the roles that may edit a document, no others.
    if scope.is_read_only or not scope.can_register_documents:
        raise PermissionDenied("Vai trò của bạn không được liên kết văn bản.")
    key = symbol_key(number_raw)
    if not key:
        raise ValidationError({"number_raw": "Cần số, ký hiệu của văn bản được trích dẫn."})
    existing = Citation.objects.filter(citing=citing, number_key=key, cited_date=cited_date).first()
    if existing:
        return existing
    if kind is None:
        parsed = parse_symbol(number_raw)
        kind = parsed.kind if parsed and parsed.kind else ""
    cited = document_find(scope=scope, number_raw=number_raw, issued_on=cited_date)
    citation = Citation.objects.create(
        org=scope.org,
        citing=citing,
        cited=cited if cited and cited.pk != citing.pk else None,
        kind=kind,
        number_raw=clean(number_raw),
        cited_date=cited_date,
        issuer=clean(issuer),
        context=nfc(context).strip(),
    )
    audit.record(scope=scope, obj=citing, action=AuditEvent.Action.LINK, note=f"Trích dẫn {citation}", changes={})
    return citation
