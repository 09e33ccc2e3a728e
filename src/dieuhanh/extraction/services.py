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
- `import_edit(scope=, batch=, rows=, version=)`: save the person's edits of a pending batch
  (content, unit ids, deadline, source, status, rows removed or added), checked row by row;
  a stale `version` raises `ConflictError` and saves nothing.
- `import_discard(scope=, batch=)`: set a batch aside without creating anything.

A file is refused before anything is saved when it is over `settings.UPLOAD_MAX_BYTES`, is not
DOCX/PDF/TXT/Markdown, is empty, encrypted, corrupt, a scan without text, or holds no task.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from dieuhanh.core import audit, clock
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.models import AuditEvent
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
# What a person may set as a row's status in the review table (labels for the pages).
ROW_STATUSES = {
    "": "Mới giao",
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "overdue": "Quá hạn",
    "done": "Đã hoàn thành",
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
}
DONE_STATUSES = {"done", "done_on_time", "done_late"}
# The fields of a row a person edits; anything else the extraction proposed is kept as it was.
EDITABLE_ROW_FIELDS = (
    "include",
    "content",
    "unit_ids",
    "deadline",
    "source_number",
    "source_date",
    "status",
    "completed_on",
    "result_number",
)
MAX_ROWS = 500


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


def _refuse_unreadable(data: bytes, name: str) -> Any:
    """The extraction of a file, or `ValidationError` saying what was found and what was not."""
    from dieuhanh.extraction.extractors import extract
    from dieuhanh.extraction.readers import read_bytes

    limit = settings.UPLOAD_MAX_BYTES
    if len(data) > limit:
        raise ValidationError(
            f"Tệp “{name}” nặng {len(data) / 1024 / 1024:.1f} MB, vượt giới hạn {limit / 1024 / 1024:.0f} MB. "
            "Hãy tách tệp rồi tải lên lại.",
            code="too_large",
        )
    try:
        blocks = read_bytes(data, name)
        result = extract(blocks)
    except ReadError as exc:
        raise ValidationError(exc.message, code=exc.kind) from None
    except Exception as exc:  # a reader library choking on a damaged file is a damaged file
        raise ValidationError(
            f"Tệp “{name}” bị hỏng hoặc không đúng định dạng, không đọc được ({type(exc).__name__}). "
            "Hãy mở tệp bằng Word hoặc trình đọc PDF, lưu lại rồi tải lên lại.",
            code="corrupt",
        ) from None
    if not result.tasks:
        info = result.document
        kind = info.kind_name[:1] + info.kind_name[1:].lower() if info.kind_name.isupper() else info.kind_name
        what = " ".join(x for x in (kind, f"số {info.number}" if info.number else "") if x) or "văn bản"
        raise ValidationError(
            f"Đã đọc được tệp “{name}” ({what}, {len(blocks.blocks)} đoạn, "
            f"{len(result.references)} văn bản được trích dẫn) nhưng không thấy nhiệm vụ nào để giao: "
            "không có mục “Đối với …”, câu “Giao … chủ trì …” hay bảng nhiệm vụ. Chưa có gì được tạo; "
            "hãy vào sổ văn bản này bằng trang Vào sổ văn bản nếu chỉ cần lưu nó.",
            code="no_tasks",
        )
    return result


@transaction.atomic
def import_propose(*, scope: Scope, file: Any, file_name: str = "") -> ImportBatch:
    if scope.is_read_only or not scope.can_register_documents:
        raise PermissionDenied("Vai trò của bạn không được nhập văn bản.")
    name = file_name or getattr(file, "name", "") or "van-ban"
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "van-ban"
    data = _read(file)
    digest = hashlib.sha256(data).hexdigest()
    existing = ImportBatch.objects.filter(org=scope.org, file_sha256=digest).first()
    if existing is not None:
        existing.just_created = False  # type: ignore[attr-defined]
        return existing
    result = _refuse_unreadable(data, name)
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


def _row_unit_ids(row: dict[str, Any]) -> list[int]:
    """The units of a row as the person chose them, or as matched (lead first)."""
    if row.get("unit_ids") is not None:
        return [int(u) for u in row["unit_ids"]]
    return list(dict.fromkeys(m["unit_id"] for m in row.get("unit_matches", []) if m.get("unit_id")))


def review_rows(batch: ImportBatch) -> list[dict[str, Any]]:
    """The rows a person reviews and edits: one per proposed task, in document order."""
    rows = []
    for i, row in enumerate(batch.task_rows):
        rows.append(
            {
                "row": i,
                "index": i,
                "include": row.get("include", True),
                "content": row.get("content", ""),
                "units": row.get("units", []),
                "unit_matches": row.get("unit_matches", []),
                "unit_ids": _row_unit_ids(row),
                "unmatched": [m["name"] for m in row.get("unit_matches", []) if not m.get("unit_id")],
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
    ids: list[int] = []
    unmatched: list[str] = []
    for m in match_units(row.get("units") or [], units):
        if m.unit_id is None:
            unmatched.append(m.name)
        elif m.unit_id not in ids:
            ids.append(m.unit_id)
    if row.get("unit_ids") is not None:  # the person's choice, even an empty one, wins
        known = {u for u, _ in units}
        ids = list(dict.fromkeys(int(u) for u in row["unit_ids"] if int(u) in known))
    return ids, unmatched


def _locked(scope: Scope, batch: ImportBatch, version: int | None) -> ImportBatch:
    current = ImportBatch.objects.select_for_update().get(pk=batch.pk, org=scope.org)
    if version is not None and current.version != version and current.state == ImportBatch.State.PENDING:
        raise ConflictError(
            "Người khác đã sửa các nhiệm vụ đề xuất này sau khi bạn mở. Hãy tải lại trang để xem thay đổi "
            "rồi sửa lại; chưa có gì được lưu."
        )
    return current


def _clean_rows(scope: Scope, current: ImportBatch, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The edited rows, checked: each keeps what the extraction proposed (units as written, their
    matches, deadline as written ...) and takes the person's values of `EDITABLE_ROW_FIELDS`.
    A row that names an `index` of the proposal starts from that proposed row; a new row from nothing."""
    if len(rows) > MAX_ROWS:
        raise ValidationError({"rows": f"Nhiều nhất {MAX_ROWS} dòng một lần."})
    proposed = current.task_rows
    unit_ids = set(Unit.objects.filter(org=scope.org, is_active=True).values_list("id", flat=True))
    cleaned: list[dict[str, Any]] = []
    errors: list[str] = []
    for i, row in enumerate(rows):
        index = row.get("index")
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(proposed):
            base = dict(proposed[index])
        else:  # a row added by the person, or a whole row as `review_rows` or `task_rows` gave it
            base = {"units": [], "unit_matches": [], "deadline_text": "", "layout": "manual", "section": "", **row}
        out = {**base, **{k: row[k] for k in EDITABLE_ROW_FIELDS if k in row}}
        out.pop("index", None)
        out.pop("row", None)
        problems: list[str] = []
        out["content"] = " ".join(str(out.get("content") or "").split()) if "content" in row else out.get("content", "")
        for name in ("deadline", "source_date", "completed_on"):
            try:
                value = _date(out.get(name))
            except ValidationError as exc:
                problems.extend(exc.messages)
                value = None
            out[name] = value.isoformat() if value else None
        if "deadline" in row and base.get("deadline") != out["deadline"]:
            out["deadline_text"] = ""  # the words of the document no longer say this deadline
        status = out.get("status") or ""
        if status not in ROW_STATUSES:
            problems.append(
                f"trạng thái “{status}” không có; chọn một trong: {', '.join(s for s in ROW_STATUSES if s)}."
            )
        out["status"] = status or None
        if out.get("unit_ids") is not None:
            try:
                chosen = [int(u) for u in out["unit_ids"]]
            except (TypeError, ValueError):
                chosen = []
                problems.append("đơn vị phải là mã số.")
            strangers = [u for u in chosen if u not in unit_ids]
            if strangers:
                problems.append(f"không có đơn vị mã {', '.join(map(str, strangers))} trong cơ quan.")
            out["unit_ids"] = list(dict.fromkeys(chosen))
        for name in ("source_number", "result_number"):
            out[name] = (str(out.get(name) or "").strip() or None) if name in out else None
        out["include"] = bool(out.get("include", True))
        if out["include"] and status in DONE_STATUSES and not out["completed_on"]:
            problems.append("đã hoàn thành thì cần ngày hoàn thành.")
        if out["include"] and not out["content"]:
            problems.append("thiếu nội dung nhiệm vụ (bỏ dòng nếu không cần).")
        if problems:
            errors.append(f"Dòng {i + 1}: {' '.join(problems)}")
        cleaned.append(out)
    if errors:
        raise ValidationError({"rows": errors})
    return cleaned


@transaction.atomic
def import_edit(
    *, scope: Scope, batch: ImportBatch, rows: list[dict[str, Any]], version: int | None = None
) -> ImportBatch:
    if not scope.can_register_documents or scope.is_read_only:
        raise PermissionDenied("Vai trò của bạn không được sửa nhiệm vụ đề xuất.")
    current = _locked(scope, batch, version)
    if current.state != ImportBatch.State.PENDING:
        raise ValidationError(f"Lô nhập đã {current.get_state_display().lower()}, không sửa được nữa.")
    cleaned = _clean_rows(scope, current, rows)
    before = len(current.task_rows)
    current.proposals = {**current.proposals, "tasks": cleaned}
    current.version += 1
    current.save()
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes={"rows": [before, len(cleaned)]},
        note=f"Sửa nhiệm vụ đề xuất của tệp {current.file_name}",
    )
    return current


@transaction.atomic
def import_confirm(
    *,
    scope: Scope,
    batch: ImportBatch,
    edited_rows: list[dict[str, Any]] | None = None,
    version: int | None = None,
) -> ImportBatch:
    if not scope.can_assign or scope.is_read_only:
        raise PermissionDenied("Vai trò của bạn không được giao nhiệm vụ từ văn bản nhập.")
    current = _locked(scope, batch, version)
    if current.state == ImportBatch.State.CONFIRMED:
        return current
    if current.state == ImportBatch.State.DISCARDED:
        raise ValidationError("Lô nhập này đã bị bỏ; hãy nhập lại tệp nếu cần.")
    if edited_rows is not None:
        edited_rows = _clean_rows(scope, current, edited_rows)
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
    if not created:
        raise ValidationError("Không còn nhiệm vụ nào để tạo: mọi dòng đều bị bỏ hoặc để trống nội dung.")
    current.report = {"created_tasks": created, "unmatched": unmatched, "citations": citations}
    if edited_rows is not None:
        current.proposals = {**current.proposals, "tasks": list(edited_rows)}
    current.version += 1
    current.save()
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.OTHER,
        changes={"state": [ImportBatch.State.PENDING, ImportBatch.State.CONFIRMED]},
        note=f"Xác nhận {len(created)} nhiệm vụ từ tệp {current.file_name}",
    )
    return current


@transaction.atomic
def import_discard(*, scope: Scope, batch: ImportBatch) -> ImportBatch:
    if not scope.can_register_documents or scope.is_read_only:
        raise PermissionDenied("Vai trò của bạn không được bỏ lô nhập.")
    current = ImportBatch.objects.select_for_update().get(pk=batch.pk, org=scope.org)
    if current.state == ImportBatch.State.CONFIRMED:
        raise ValidationError("Lô nhập đã được xác nhận, không bỏ được.")
    if current.state == ImportBatch.State.DISCARDED:
        return current
    current.state = ImportBatch.State.DISCARDED
    current.decided_by = scope.user
    current.decided_at = timezone.now()
    current.version += 1
    current.save()
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.OTHER,
        changes={"state": [ImportBatch.State.PENDING, ImportBatch.State.DISCARDED]},
        note=f"Bỏ lô nhập tệp {current.file_name}",
    )
    return current
