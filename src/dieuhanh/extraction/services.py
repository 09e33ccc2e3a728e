"""Import with review: the only writers of import batches. The web page and the API of the
review (issue of the web) are thin layers on these, as is `dieuhanh import`.

- `import_propose(scope=, file=, file_name=)`: read and extract the file, register it as a
  document, store the proposed tasks (with their unit matches) in a pending `ImportBatch`.
  The same file (SHA-256) in the same organisation returns its existing batch and creates
  nothing; an unreadable file raises `ValidationError` with the reader's Vietnamese message
  and creates nothing either.
- `review_rows(batch)`: the editable rows of the review table (content, units with their
  matches, deadline, source, status), what a page or the command shows.
- `import_confirm(scope=, batch=, edited_rows=None)`: create the tasks, their source and result
  documents and the citations, all in ONE transaction, linked to the imported document; unit
  names are matched to the organisation's units; the names that match none are reported in
  `batch.report["unmatched"]`, never silently dropped. Confirming twice creates nothing new.
- `import_discard(scope=, batch=)`: set a batch aside without creating anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from dieuhanh.core import clock
from dieuhanh.documents.models import Document
from dieuhanh.documents.services import (
    citation_add,
    document_find,
    document_get_or_register,
    document_register,
)
from dieuhanh.extraction.errors import ReadError
from dieuhanh.extraction.matching import match_units
from dieuhanh.extraction.models import ImportBatch
from dieuhanh.orgs.models import Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.services import task_create

OPEN_STATUSES = {"in_progress", "overdue"}


def _read(file: Any) -> bytes:
    if isinstance(file, bytes | bytearray):
        return bytes(file)
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read()
    return data if isinstance(data, bytes) else data.encode()


def _units(scope: Scope) -> list[tuple[int, str]]:
    return list(Unit.objects.filter(org=scope.org, is_active=True).values_list("id", "name"))


def _with_matches(proposals: dict[str, Any], units: list[tuple[int, str]]) -> dict[str, Any]:
    for row in proposals.get("tasks", []):
        row["unit_matches"] = [
            {"name": m.name, "unit_id": m.unit_id, "unit_name": m.unit_name, "score": m.score}
            for m in match_units(row.get("units") or [], units)
        ]
        row.setdefault("include", True)
    return proposals


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"“{value}” không phải một ngày (YYYY-MM-DD).") from None


@transaction.atomic
def import_propose(*, scope: Scope, file: Any, file_name: str = "") -> ImportBatch:
    if scope.is_read_only or not scope.can_register_documents:
        raise PermissionDenied("Vai trò của bạn không được nhập văn bản.")
    from dieuhanh.extraction.extractors import extract
    from dieuhanh.extraction.readers import read_bytes

    name = file_name or getattr(file, "name", "") or "van-ban"
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    data = _read(file)
    digest = hashlib.sha256(data).hexdigest()
    existing = ImportBatch.objects.filter(org=scope.org, file_sha256=digest).first()
    if existing is not None:
        existing.just_created = False  # type: ignore[attr-defined]
        return existing
    try:
        result = extract(read_bytes(data, name))
    except ReadError as exc:
        raise ValidationError(exc.message, code=exc.kind) from None
    info = result.document
    document = Document.objects.filter(org=scope.org, file_sha256=digest).first()
    if document is None and info.number and info.date:
        document = document_find(scope=scope, number_raw=info.number, issued_on=info.date)
    if document is None:
        document = document_register(
            scope=scope,
            direction=Document.Direction.INCOMING,
            number_raw=info.number,
            issued_on=info.date,
            kind=info.kind or "CV",
            issuer=info.issuer or info.parent_body,
            summary=info.title or info.summary or name,
            signer=info.signer,
            file=ContentFile(data, name=name),
            file_name=name,
        )
    proposals = _with_matches(result.as_json(), _units(scope))
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.create(
                org=scope.org,
                document=document,
                file_name=name[:255],
                file_sha256=digest,
                proposals=proposals,
                created_by=scope.user,
            )
    except IntegrityError:  # the same file proposed at the same moment by someone else
        batch = ImportBatch.objects.get(org=scope.org, file_sha256=digest)
        batch.just_created = False  # type: ignore[attr-defined]
        return batch
    batch.just_created = True  # type: ignore[attr-defined]
    return batch


def review_rows(batch: ImportBatch) -> list[dict[str, Any]]:
    """The rows a person reviews and edits: one per proposed task, in document order."""
    rows = []
    for i, row in enumerate(batch.task_rows):
        rows.append(
            {
                "row": i,
                "include": row.get("include", True),
                "content": row.get("content", ""),
                "units": row.get("units", []),
                "unit_matches": row.get("unit_matches", []),
                "deadline": row.get("deadline"),
                "deadline_text": row.get("deadline_text", ""),
                "source_number": row.get("source_number"),
                "source_date": row.get("source_date"),
                "completed_on": row.get("completed_on"),
                "result_number": row.get("result_number"),
                "status": row.get("status"),
                "section": row.get("section", ""),
            }
        )
    return rows


def _resolve_units(row: dict[str, Any], units: list[tuple[int, str]]) -> tuple[list[int], list[str]]:
    """Unit ids for a row (explicit ids win over names), and the names that matched none."""
    if row.get("unit_ids"):
        known = {u for u, _ in units}
        chosen = [int(u) for u in row["unit_ids"] if int(u) in known]
        return list(dict.fromkeys(chosen)), []
    ids: list[int] = []
    unmatched: list[str] = []
    for m in match_units(row.get("units") or [], units):
        if m.unit_id is None:
            unmatched.append(m.name)
        elif m.unit_id not in ids:
            ids.append(m.unit_id)
    return ids, unmatched


@transaction.atomic
def import_confirm(*, scope: Scope, batch: ImportBatch, edited_rows: list[dict[str, Any]] | None = None) -> ImportBatch:
    if not scope.can_assign or scope.is_read_only:
        raise PermissionDenied("Vai trò của bạn không được giao nhiệm vụ từ văn bản nhập.")
    current = ImportBatch.objects.select_for_update().get(pk=batch.pk, org=scope.org)
    if current.state == ImportBatch.State.CONFIRMED:
        return current
    if current.state == ImportBatch.State.DISCARDED:
        raise ValidationError("Lô nhập này đã bị bỏ; hãy nhập lại tệp nếu cần.")
    document = current.document
    rows = edited_rows if edited_rows is not None else current.task_rows
    units = _units(scope)
    unit_by_id = {u.pk: u for u in Unit.objects.filter(org=scope.org)}
    today = clock.today()
    doc_date = document.issued_on if document else None
    info = current.proposals.get("document", {})
    if doc_date is None and info.get("date_year") and info.get("date_month"):
        doc_date = dt.date(info["date_year"], info["date_month"], 1)
    created: list[int] = []
    unmatched: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        if not row.get("include", True) or not (row.get("content") or "").strip():
            continue
        try:
            ids, missing = _resolve_units(row, units)
            unmatched.extend({"row": i, "name": name} for name in missing)
            deadline = _date(row.get("deadline"))
            source_date = _date(row.get("source_date"))
            completed_on = _date(row.get("completed_on"))
            source = document
            if row.get("source_number"):
                source = document_get_or_register(
                    scope=scope,
                    number_raw=row["source_number"],
                    issued_on=source_date,
                    direction=Document.Direction.INCOMING,
                    summary=row["content"][:500],
                )
            result = None
            if row.get("result_number"):
                result = document_get_or_register(
                    scope=scope,
                    number_raw=row["result_number"],
                    issued_on=_date(row.get("result_date")),
                    direction=Document.Direction.OUTGOING,
                    summary=(row.get("result_text") or row["content"])[:500],
                )
            candidates = [d for d in (source_date, doc_date) if d]
            assigned_on = candidates[0] if candidates else today
            # A task cannot be assigned after its own deadline or completion.
            for limit in (deadline, completed_on):
                if limit and limit < assigned_on:
                    assigned_on = limit
            assigned_on = min(assigned_on, today)
            # "Đang thực hiện" in an imported table records that work has started (DOMAIN §4).
            started_on = assigned_on if row.get("status") in OPEN_STATUSES and not completed_on else None
            task = task_create(
                scope=scope,
                content=row["content"],
                assigned_on=assigned_on,
                source_document=source,
                lead_unit=unit_by_id[ids[0]] if ids else None,
                coordinating_units=[unit_by_id[u] for u in ids[1:]],
                deadline=deadline,
                deadline_text=(row.get("deadline_text") or "")[:255],
                started_on=started_on,
                completed_on=completed_on,
                result_document=result,
                result_text=row.get("result_text") or "",
            )
        except ValidationError as exc:
            raise ValidationError(
                f"Dòng {i + 1} (“{row.get('content', '')[:60]}”): {'; '.join(exc.messages)}"
            ) from None
        created.append(task.pk)
    citations = 0
    if document is not None:
        for ref in current.proposals.get("references", []):
            citation_add(
                scope=scope,
                citing=document,
                number_raw=ref["number"],
                cited_date=_date(ref.get("date")),
                kind=ref.get("kind") or None,
                issuer=ref.get("issuer") or "",
                context=ref.get("context") or "",
            )
            citations += 1
    current.state = ImportBatch.State.CONFIRMED
    current.decided_by = scope.user
    current.decided_at = timezone.now()
    current.report = {"created_tasks": created, "unmatched": unmatched, "citations": citations}
    if edited_rows is not None:
        current.proposals = {**current.proposals, "tasks": list(edited_rows)}
    current.save()
    return current


@transaction.atomic
def import_discard(*, scope: Scope, batch: ImportBatch) -> ImportBatch:
    if not scope.can_register_documents or scope.is_read_only:
        raise PermissionDenied("Vai trò của bạn không được bỏ lô nhập.")
    current = ImportBatch.objects.select_for_update().get(pk=batch.pk, org=scope.org)
    if current.state == ImportBatch.State.CONFIRMED:
        raise ValidationError("Lô nhập đã được xác nhận, không bỏ được.")
    current.state = ImportBatch.State.DISCARDED
    current.decided_by = scope.user
    current.decided_at = timezone.now()
    current.save()
    return current
