"""Import with review (nhập văn bản): upload a file, read its proposed tasks, edit, confirm.

    GET   /imports                    batches the caller may review, newest first (filter by state)
    POST  /imports                    upload a DOCX/PDF/TXT/MD (multipart `file`): 201 a new batch,
                                      200 the existing one when the same file was imported before
    GET   /imports/{id}               the batch: document, proposed rows, citations, report
    PATCH /imports/{id}               save edited rows (`version` required; 409 when stale)
    POST  /imports/{id}/confirm       create the tasks in one transaction (Office, leaders)
    POST  /imports/{id}/discard       set the batch aside; nothing is created

Thin over `extraction.services` (`import_propose`, `import_edit`, `import_confirm`,
`import_discard`, `review_rows`) and `extraction.selectors`: the same rules as the pages and
`dieuhanh import`. A batch outside the caller's scope is a 404.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile
from ninja.decorators import decorate_view

from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import ApiError, error_responses, not_found
from dieuhanh.api.resources.documents import refuse_oversized_uploads
from dieuhanh.api.schemas import DocumentRef, Input, OptionalDate, PageMeta, PageParams, document_ref, page_of
from dieuhanh.extraction import services
from dieuhanh.extraction.models import ImportBatch
from dieuhanh.extraction.selectors import import_batch_get, import_batches_visible, may_confirm_import, may_import
from dieuhanh.extraction.services import ROW_STATUSES, review_rows
from dieuhanh.orgs.scope import Scope

router = Router(tags=["Nhập văn bản"])

State = Literal["pending", "confirmed", "discarded"]
RowStatus = Literal[tuple(ROW_STATUSES)]  # type: ignore[valid-type]
IMPORT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


# --- output ---------------------------------------------------------------------------------


class UnitMatchOut(Schema):
    name: str = Field(description="Tên đơn vị như văn bản ghi")
    unit_id: int | None = Field(description="Đơn vị của cơ quan khớp với tên đó; null: không khớp đơn vị nào")
    unit_name: str
    score: float


class RowOut(Schema):
    index: int = Field(description="Vị trí của dòng; gửi lại khi sửa để giữ những gì văn bản ghi")
    include: bool = Field(description="false: dòng bị bỏ, không tạo nhiệm vụ")
    content: str
    units: list[str] = Field(description="Tên đơn vị như văn bản ghi (chủ trì trước)")
    unit_matches: list[UnitMatchOut]
    unit_ids: list[int] = Field(description="Đơn vị sẽ được giao (chủ trì trước, rồi phối hợp)")
    unmatched: list[str] = Field(description="Tên đơn vị không khớp đơn vị nào: cần người chọn lại")
    deadline: dt.date | None
    deadline_text: str = Field(description="Thời hạn như văn bản ghi")
    source_number: str | None = Field(description="Số, ký hiệu văn bản chỉ đạo")
    source_date: dt.date | None
    completed_on: dt.date | None
    result_number: str | None
    status: str | None
    section: str = Field(description="Mục của văn bản chứa dòng này")


class ReferenceOut(Schema):
    number: str
    date: dt.date | None = None
    kind: str | None = None
    issuer: str = ""


class ImportItem(Schema):
    id: int
    file_name: str
    state: State
    state_label: str
    document: DocumentRef | None
    row_count: int
    created_at: dt.datetime
    decided_at: dt.datetime | None
    version: int = Field(description="Gửi lại khi sửa hoặc xác nhận; sai thì bị từ chối (409)")


class ImportPage(PageMeta):
    items: list[ImportItem]


class ReportOut(Schema):
    created_tasks: list[int] = Field(description="Mã các nhiệm vụ đã tạo")
    citations: int
    unmatched: list[dict[str, Any]] = Field(description="{row, name}: tên đơn vị không khớp, nhiệm vụ thiếu đơn vị đó")


class ImportDetail(ImportItem):
    rows: list[RowOut]
    references: list[ReferenceOut] = Field(description="Văn bản được trích dẫn: ghi thành trích dẫn khi xác nhận")
    warnings: list[str]
    report: ReportOut | None
    can_edit: bool
    can_confirm: bool


def _item(batch: ImportBatch) -> dict[str, Any]:
    return {
        "id": batch.pk,
        "file_name": batch.file_name,
        "state": batch.state,
        "state_label": batch.get_state_display(),
        "document": document_ref(batch.document),
        "row_count": len(batch.task_rows),
        "created_at": batch.created_at,
        "decided_at": batch.decided_at,
        "version": batch.version,
    }


def _detail(scope: Scope, batch: ImportBatch) -> dict[str, Any]:
    pending = batch.state == ImportBatch.State.PENDING
    return {
        **_item(batch),
        "rows": review_rows(batch),
        "references": batch.proposals.get("references", []),
        "warnings": batch.proposals.get("warnings", []),
        "report": batch.report or None,
        "can_edit": pending and may_import(scope),
        "can_confirm": pending and may_confirm_import(scope),
    }


def _batch(scope: Scope, pk: int) -> ImportBatch:
    if not may_import(scope):
        raise ApiError(403, "forbidden", "Vai trò của bạn không được nhập văn bản.")
    try:
        return import_batch_get(scope, pk)
    except ImportBatch.DoesNotExist:
        raise not_found("lô nhập", pk) from None


# --- list, upload, detail -------------------------------------------------------------------


class ImportQuery(Schema):
    state: State | None = Field(None, description="pending: chờ xem xét; confirmed: đã xác nhận; discarded: đã bỏ")


@router.get(
    "/imports",
    response={200: ImportPage, **error_responses(403, 422)},
    summary="Lô nhập văn bản",
    description="Văn phòng, Lãnh đạo: mọi lô của cơ quan; trưởng phòng, chuyên viên: lô mình tải lên. Quản trị và "
    "người chỉ xem không nhập văn bản (403).",
)
def import_list(request: HttpRequest, filters: Query[ImportQuery], paging: Query[PageParams]) -> dict:
    scope = scope_of(request)
    if not may_import(scope):
        raise ApiError(403, "forbidden", "Vai trò của bạn không được nhập văn bản.")
    batches = import_batches_visible(scope)
    if filters.state:
        batches = batches.filter(state=filters.state)
    meta, rows = page_of(batches, paging)
    return {**meta, "items": [_item(b) for b in rows]}


@router.post(
    "/imports",
    response={200: ImportDetail, 201: ImportDetail, **error_responses(403, 413, 415, 422)},
    summary="Tải lên văn bản để đề xuất nhiệm vụ",
    description="multipart/form-data, trường `file`: DOCX, PDF có lớp chữ, TXT hoặc Markdown, không quá giới hạn "
    "dung lượng. Văn bản được vào sổ văn bản đến và các nhiệm vụ đọc được chờ xem xét (201). Cùng một tệp đã nhập: "
    "trả về lô đã có (200), không tạo thêm gì. Tệp rỗng, có mật khẩu, hỏng, chỉ là ảnh quét hoặc không có nhiệm vụ "
    "nào: 422 với thông báo nói rõ đã thấy gì, và không có gì được tạo.",
)
@decorate_view(refuse_oversized_uploads)
def import_upload(request: HttpRequest, file: File[UploadedFile]) -> Status[dict]:
    scope = scope_of(request)
    name = PurePath(file.name or "").name
    if PurePath(name).suffix.lower() not in IMPORT_SUFFIXES:
        message = f"Không nhận tệp “{name}”: chỉ đọc được DOCX, PDF có lớp chữ, TXT và Markdown (.md)."
        raise ApiError(415, "unsupported_type", message, {"file": [message]})
    batch = services.import_propose(scope=scope, file=file, file_name=name)
    created = getattr(batch, "just_created", True)
    try:
        visible = import_batch_get(scope, batch.pk)
    except ImportBatch.DoesNotExist:  # the same file, uploaded before by someone the caller cannot see
        message = "Tệp này đã được người khác nhập trước đây; Văn phòng đang xem xét lô đó."
        raise ApiError(422, "validation_error", message, {"file": [message]}) from None
    return Status(201 if created else 200, _detail(scope, visible))


@router.get(
    "/imports/{import_id}",
    response={200: ImportDetail, **error_responses(403, 404)},
    summary="Chi tiết lô nhập",
    description="Văn bản, các dòng nhiệm vụ đề xuất (đơn vị như văn bản ghi và đơn vị khớp, tên không khớp), văn bản "
    "được trích dẫn, và sau khi xác nhận: các nhiệm vụ đã tạo.",
)
def import_detail(request: HttpRequest, import_id: int) -> dict:
    scope = scope_of(request)
    return _detail(scope, _batch(scope, import_id))


# --- edit, confirm, discard -----------------------------------------------------------------


class RowIn(Input):
    index: int | None = Field(None, description="`index` của dòng đề xuất; bỏ trống cho dòng thêm mới")
    include: bool = Field(True, description="false để bỏ dòng")
    content: str = Field("", description="Nội dung nhiệm vụ")
    unit_ids: list[int] | None = Field(
        None, description="Đơn vị (chủ trì trước, rồi phối hợp); null: giữ đơn vị khớp theo tên"
    )
    deadline: OptionalDate = None
    source_number: str | None = Field(None, description="Số, ký hiệu văn bản chỉ đạo")
    source_date: OptionalDate = None
    status: RowStatus = Field("", description="Trạng thái: rỗng (mới giao), in_progress, done_on_time ...")  # type: ignore[valid-type]
    completed_on: OptionalDate = Field(None, description="Bắt buộc khi trạng thái là đã hoàn thành")


def _rows(rows: list[RowIn]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        data = row.model_dump(exclude_unset=True)
        if row.index is None:
            data.pop("index", None)
        out.append(data)
    return out


class ImportEditIn(Input):
    version: int = Field(description="`version` đọc được lần trước")
    rows: list[RowIn] = Field(description="Toàn bộ các dòng sau khi sửa, theo thứ tự mong muốn")


@router.patch(
    "/imports/{import_id}",
    response={200: ImportDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Sửa các nhiệm vụ đề xuất",
    description="Gửi toàn bộ các dòng (dòng đề xuất kèm `index`, dòng thêm mới không có `index`, dòng bỏ với "
    "`include: false`) cùng `version`. Sai dòng nào: 422, `fields.rows` nói dòng đó; người khác đã sửa: 409.",
)
def import_edit(request: HttpRequest, import_id: int, payload: ImportEditIn) -> dict:
    scope = scope_of(request)
    batch = services.import_edit(
        scope=scope, batch=_batch(scope, import_id), rows=_rows(payload.rows), version=payload.version
    )
    return _detail(scope, batch)


class ImportConfirmIn(Input):
    version: int | None = Field(None, description="`version` đọc được lần trước (khuyến nghị)")
    rows: list[RowIn] | None = Field(None, description="Các dòng đã sửa; bỏ trống để xác nhận đúng như đang lưu")


@router.post(
    "/imports/{import_id}/confirm",
    response={200: ImportDetail, **error_responses(400, 403, 404, 409, 422)},
    summary="Xác nhận, tạo các nhiệm vụ",
    description="Tạo mọi nhiệm vụ, văn bản chỉ đạo và kết quả, trích dẫn trong một giao dịch, gắn với văn bản đã "
    "nhập; lỗi ở một dòng thì không có gì được tạo. Xác nhận lần nữa không tạo thêm gì. Chỉ Văn phòng và Lãnh đạo "
    "(người giao nhiệm vụ).",
)
def import_confirm(request: HttpRequest, import_id: int, payload: ImportConfirmIn) -> dict:
    scope = scope_of(request)
    rows = _rows(payload.rows) if payload.rows is not None else None
    batch = services.import_confirm(
        scope=scope, batch=_batch(scope, import_id), edited_rows=rows, version=payload.version
    )
    return _detail(scope, batch)


class ImportDiscardIn(Input):
    pass


@router.post(
    "/imports/{import_id}/discard",
    response={200: ImportDetail, **error_responses(400, 403, 404, 422)},
    summary="Bỏ lô nhập",
    description="Không tạo nhiệm vụ nào; văn bản vẫn ở trong sổ. Lô đã xác nhận thì không bỏ được (422).",
)
def import_discard(request: HttpRequest, import_id: int, payload: ImportDiscardIn) -> dict:
    scope = scope_of(request)
    return _detail(scope, services.import_discard(scope=scope, batch=_batch(scope, import_id)))
