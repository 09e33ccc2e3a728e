"""The document register (sổ văn bản): list, detail, register with a file, update, citations.

    GET   /documents                      list, filtered as `DocumentFilter`, paginated
    POST  /documents                      register (multipart/form-data, optional `file`)
    GET   /documents/{id}                 detail: citations both ways, tasks from it and answered by it
    PATCH /documents/{id}                 update; `version` required, 409 when stale
    GET   /documents/{id}/file            the stored file
    GET   /documents/{id}/citations       the documents it cites
    POST  /documents/{id}/citations       record that it cites another document

Reads go through `documents.selectors` / `documents.queries`, writes through
`documents.services`. A document outside the caller's scope is a 404.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any, Literal

from django.conf import settings
from django.http import FileResponse, HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.decorators import decorate_view

from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import error_json, error_responses, not_found
from dieuhanh.api.schemas import (
    DocumentRef,
    FormInput,
    Input,
    OptionalDate,
    PageMeta,
    PageParams,
    UnitRef,
    document_ref,
    page_of,
    unit_ref,
)
from dieuhanh.documents import services
from dieuhanh.documents.models import Citation, Document
from dieuhanh.documents.queries import ORDERINGS, DocumentFilter, filter_documents
from dieuhanh.documents.selectors import citations_to, document_get, documents_visible
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.selectors import tasks_visible

router = Router(tags=["Văn bản"])

Direction = Literal["in", "out", "internal"]
DocumentOrdering = Literal[tuple(ORDERINGS)]  # type: ignore[valid-type]


# --- output ---------------------------------------------------------------------------------


class DocumentItem(Schema):
    id: int
    direction: str = Field(description="in: văn bản đến; out: văn bản đi; internal: nội bộ")
    direction_label: str
    kind: str = Field(description="Mã loại văn bản: KH, QĐ, BC ...; CV là công văn")
    kind_name: str
    number_raw: str = Field(description="Số, ký hiệu như văn bản ghi")
    issued_on: dt.date | None
    received_on: dt.date | None
    issuer: str
    summary: str = Field(description="Trích yếu")
    signer: str
    file_name: str
    has_file: bool
    version: int = Field(description="Gửi lại khi sửa; sai thì bị từ chối (409)")


class DocumentPage(PageMeta):
    items: list[DocumentItem]


class FileOut(Schema):
    name: str
    size: int | None
    sha256: str
    url: str


class CitationOut(Schema):
    id: int
    number_raw: str
    kind: str
    cited_date: dt.date | None
    issuer: str
    context: str
    cited: DocumentRef | None = Field(description="Văn bản được trích dẫn, khi đã có trong sổ và bạn được xem")


class CitedByOut(Schema):
    citation_id: int
    citing: DocumentRef
    context: str


class TaskLink(Schema):
    id: int
    content: str
    lead_unit: UnitRef | None
    deadline: dt.date | None
    completed_on: dt.date | None
    result_document: DocumentRef | None


class DocumentDetail(DocumentItem):
    file: FileOut | None
    citations: list[CitationOut]
    cited_by: list[CitedByOut]
    tasks: list[TaskLink] = Field(description="Nhiệm vụ giao từ văn bản này, và văn bản kết quả của chúng")
    answered_tasks: list[TaskLink] = Field(description="Nhiệm vụ mà văn bản này là kết quả")
    can_edit: bool


def _item(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.pk,
        "direction": doc.direction,
        "direction_label": doc.get_direction_display(),
        "kind": doc.kind,
        "kind_name": doc.kind_name,
        "number_raw": doc.number_raw,
        "issued_on": doc.issued_on,
        "received_on": doc.received_on,
        "issuer": doc.issuer,
        "summary": doc.summary,
        "signer": doc.signer,
        "file_name": doc.file_name,
        "has_file": bool(doc.file),
        "version": doc.version,
    }


def _file(request: HttpRequest, doc: Document) -> dict[str, Any] | None:
    if not doc.file:
        return None
    try:
        size: int | None = doc.file.size
    except OSError:
        size = None
    return {
        "name": doc.file_name,
        "size": size,
        "sha256": doc.file_sha256,
        "url": request.build_absolute_uri(reverse("api-v1:document_file", kwargs={"document_id": doc.pk})),
    }


def _citation(citation: Citation, visible_ids: set[int]) -> dict[str, Any]:
    cited = citation.cited if citation.cited_id in visible_ids else None
    return {
        "id": citation.pk,
        "number_raw": citation.number_raw,
        "kind": citation.kind,
        "cited_date": citation.cited_date,
        "issuer": citation.issuer,
        "context": citation.context,
        "cited": document_ref(cited),
    }


def _citations(scope: Scope, doc: Document) -> list[dict[str, Any]]:
    citations = list(doc.citations.select_related("cited"))
    cited_ids = {c.cited_id for c in citations if c.cited_id}
    visible_ids = (
        set(documents_visible(scope).filter(pk__in=cited_ids).values_list("pk", flat=True)) if cited_ids else set()
    )
    return [_citation(c, visible_ids) for c in citations]


def _task_link(task: Any) -> dict[str, Any]:
    return {
        "id": task.pk,
        "content": task.content,
        "lead_unit": unit_ref(task.lead_unit),
        "deadline": task.deadline,
        "completed_on": task.completed_on,
        "result_document": document_ref(task.result_document),
    }


def _detail(request: HttpRequest, scope: Scope, doc: Document) -> dict[str, Any]:
    tasks = tasks_visible(scope).select_related("lead_unit", "result_document").order_by("assigned_on", "id")
    return {
        **_item(doc),
        "file": _file(request, doc),
        "citations": _citations(scope, doc),
        "cited_by": [
            {"citation_id": c.pk, "citing": document_ref(c.citing), "context": c.context}
            for c in citations_to(scope, doc)
        ],
        "tasks": [_task_link(t) for t in tasks.filter(source_document=doc)],
        "answered_tasks": [_task_link(t) for t in tasks.filter(result_document=doc)],
        "can_edit": scope.can_register_documents and not scope.is_read_only,
    }


def _document(scope: Scope, pk: int) -> Document:
    try:
        return document_get(scope, pk)
    except Document.DoesNotExist:
        raise not_found("văn bản", pk) from None


# --- list and detail ------------------------------------------------------------------------


class DocumentQuery(Schema):
    q: str = Field("", description="Tìm không dấu trong số, ký hiệu, cơ quan ban hành, trích yếu")
    direction: Direction | None = Field(None, description="Sổ: in (đến), out (đi), internal (nội bộ)")
    kind: str | None = Field(None, description="Mã loại văn bản: KH, QĐ, BC, CV ...")
    issued_from: OptionalDate = None
    issued_to: OptionalDate = None
    ordering: DocumentOrdering = Field("-issued", description="Sắp xếp")  # type: ignore[valid-type]


@router.get(
    "/documents",
    response={200: DocumentPage, **error_responses(403, 422)},
    summary="Sổ văn bản",
    description="Văn bản người gọi được xem (cả sổ với Văn phòng, Lãnh đạo, quản trị, người chỉ xem; với đơn vị: "
    "văn bản của các nhiệm vụ mình được xem và văn bản mình vào sổ), lọc theo sổ, loại, ngày ban hành; "
    "tìm không dấu; phân trang.",
)
def document_list(request: HttpRequest, filters: Query[DocumentQuery], paging: Query[PageParams]) -> dict:
    scope = scope_of(request)
    document_filter = DocumentFilter(
        text=filters.q,
        direction=filters.direction,
        kind=filters.kind,
        issued_from=filters.issued_from,
        issued_to=filters.issued_to,
        ordering=filters.ordering,
    )
    meta, rows = page_of(filter_documents(scope, document_filter), paging)
    return {**meta, "items": [_item(d) for d in rows]}


@router.get(
    "/documents/{document_id}",
    response={200: DocumentDetail, **error_responses(403, 404)},
    summary="Chi tiết văn bản",
    description="Văn bản, tệp, các văn bản nó trích dẫn và được trích dẫn, nhiệm vụ giao từ nó (với văn bản kết "
    "quả) và nhiệm vụ nó trả lời. Văn bản ngoài phạm vi được xem: 404.",
)
def document_detail(request: HttpRequest, document_id: int) -> dict:
    scope = scope_of(request)
    return _detail(request, scope, _document(scope, document_id))


@router.get(
    "/documents/{document_id}/file",
    response=error_responses(403, 404),
    summary="Tải tệp văn bản",
    description="Tệp gốc của văn bản (404 nếu văn bản chưa có tệp hoặc ngoài phạm vi được xem).",
    openapi_extra={
        "responses": {
            200: {
                "description": "Tệp gốc",
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def document_file(request: HttpRequest, document_id: int) -> FileResponse:
    doc = _document(scope_of(request), document_id)
    if not doc.file:
        raise not_found("tệp của văn bản", document_id)
    try:
        handle = doc.file.open("rb")
    except OSError:
        raise not_found("tệp của văn bản", document_id) from None
    return FileResponse(handle, as_attachment=True, filename=doc.file_name or doc.file.name.rsplit("/", 1)[-1])


# --- register and update --------------------------------------------------------------------

UPLOAD_OVERHEAD = 1024 * 1024  # the form's other fields and the multipart boundaries


def refuse_oversized_uploads(run: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """413 before the body is read, when its announced length is already over the limit: a
    2 GB upload is refused at once instead of being spooled to disk and refused afterwards.
    (An upload without Content-Length is still refused by `validate_upload` once read.)"""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.UPLOAD_MAX_BYTES
        if length > limit + UPLOAD_OVERHEAD:
            message = (
                f"Tệp tải lên ({length / 1024 / 1024:.1f} MB) vượt giới hạn {limit / 1024 / 1024:.0f} MB. "
                "Hãy nén hoặc tách tệp rồi tải lên lại."
            )
            return error_json(413, "too_large", message, {"file": [message]})
        return run(request, *args, **kwargs)

    return wrapper


class DocumentRegisterIn(FormInput):
    direction: Direction = Field("in", description="in: văn bản đến; out: văn bản đi; internal: nội bộ")
    number_raw: str = Field("", description="Số, ký hiệu như văn bản ghi, ví dụ 181/UBND-KGVX")
    issued_on: OptionalDate = Field(None, description="Ngày ban hành")
    kind: str | None = Field(None, description="Mã loại văn bản; bỏ trống để suy ra từ ký hiệu")
    issuer: str = Field("", description="Cơ quan ban hành")
    summary: str = Field("", description="Trích yếu")
    signer: str = Field("", description="Người ký")
    received_on: OptionalDate = Field(None, description="Ngày đến")


@router.post(
    "/documents",
    response={201: DocumentDetail, **error_responses(400, 403, 413, 415, 422)},
    summary="Vào sổ văn bản",
    description="Gửi dạng multipart/form-data; `file` (tùy chọn) là PDF, DOCX, DOC, XLSX, ODT, TXT hoặc ảnh, "
    "không quá giới hạn dung lượng (mặc định 50 MB). Số và ngày trùng văn bản đã có: 422. "
    "Văn phòng, Lãnh đạo, trưởng phòng, chuyên viên được vào sổ; quản trị và người chỉ xem thì không.",
)
@decorate_view(refuse_oversized_uploads)
def document_register(
    request: HttpRequest, payload: Form[DocumentRegisterIn], file: File[UploadedFile | None] = None
) -> Status[dict]:
    scope = scope_of(request)
    doc = services.document_register(
        scope=scope,
        direction=payload.direction,
        number_raw=payload.number_raw,
        issued_on=payload.issued_on,
        kind=payload.kind or None,
        issuer=payload.issuer,
        summary=payload.summary,
        signer=payload.signer,
        received_on=payload.received_on,
        file=file,
        file_name=(file.name or "") if file is not None else "",
    )
    return Status(201, _detail(request, scope, doc))


class DocumentUpdateIn(Input):
    version: int = Field(description="`version` đọc được lần trước")
    direction: Direction | None = None
    kind: str | None = None
    number_raw: str | None = None
    issued_on: OptionalDate = None
    issuer: str | None = None
    summary: str | None = None
    signer: str | None = None
    received_on: OptionalDate = None


@router.patch(
    "/documents/{document_id}",
    response={200: DocumentDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Sửa thông tin văn bản",
    description="Chỉ gửi các trường cần sửa, kèm `version`. Nếu người khác đã sửa sau khi bạn đọc: 409 và không "
    "có gì bị ghi đè. Những vai trò được vào sổ thì được sửa.",
)
def document_update(request: HttpRequest, document_id: int, payload: DocumentUpdateIn) -> dict:
    scope = scope_of(request)
    doc = _document(scope, document_id)
    data = payload.model_dump(exclude_unset=True)
    version = data.pop("version")
    for name in ("number_raw", "issuer", "summary", "signer"):
        if name in data and data[name] is None:
            data[name] = ""
    for name in ("direction", "kind"):
        if name in data and data[name] is None:
            data.pop(name)
    updated = services.document_update(scope=scope, document=doc, version=version, **data)
    return _detail(request, scope, updated)


# --- citations ------------------------------------------------------------------------------


@router.get(
    "/documents/{document_id}/citations",
    response={200: list[CitationOut], **error_responses(403, 404)},
    summary="Văn bản được trích dẫn",
    description="Các văn bản mà văn bản này trích dẫn (“Kế hoạch số 114-KH/TU ngày 05/01/2024 …”), nối với văn "
    "bản trong sổ khi đã có.",
)
def citation_list(request: HttpRequest, document_id: int) -> list[dict]:
    scope = scope_of(request)
    return _citations(scope, _document(scope, document_id))


class CitationIn(Input):
    number_raw: str = Field(description="Số, ký hiệu của văn bản được trích dẫn")
    cited_date: OptionalDate = Field(None, description="Ngày của văn bản được trích dẫn")
    kind: str | None = Field(None, description="Mã loại; bỏ trống để suy ra từ ký hiệu")
    issuer: str = Field("", description="Cơ quan ban hành")
    context: str = Field("", description="Câu trích dẫn")


@router.post(
    "/documents/{document_id}/citations",
    response={201: CitationOut, **error_responses(400, 403, 404, 422)},
    summary="Thêm trích dẫn",
    description="Ghi nhận văn bản này trích dẫn một văn bản khác; nối ngay nếu văn bản đó đã có trong sổ, hoặc khi "
    "nó được vào sổ sau. Trích dẫn trùng (cùng số và ngày) trả về trích dẫn đã có. Những vai trò được sửa văn bản.",
)
def citation_add(request: HttpRequest, document_id: int, payload: CitationIn) -> Status[dict]:
    scope = scope_of(request)
    doc = _document(scope, document_id)
    citation = services.citation_add(
        scope=scope,
        citing=doc,
        number_raw=payload.number_raw,
        cited_date=payload.cited_date,
        kind=payload.kind or None,
        issuer=payload.issuer,
        context=payload.context,
    )
    cited_ids = [citation.cited_id] if citation.cited_id else []
    visible = set(documents_visible(scope).filter(pk__in=cited_ids).values_list("pk", flat=True))
    return Status(201, _citation(citation, visible))
