"""Every error of the API as one JSON shape with a Vietnamese message.

    {"code": "validation_error",
     "message": "Dữ liệu chưa hợp lệ ở trường “deadline”: Thời hạn không thể trước ngày giao.",
     "fields": {"deadline": ["Thời hạn không thể trước ngày giao."]}}

| status | code | raised by |
|---|---|---|
| 400 | bad_request | a body that is not JSON |
| 401 | unauthenticated | no session and no token, or a token that opens nothing |
| 403 | forbidden, csrf_failed | the services' `PermissionDenied`; a browser request without CSRF token |
| 404 | not_found | any id outside the caller's scope (another organisation's records look absent) |
| 409 | conflict | the services' `ConflictError`: a stale `version`, nothing saved |
| 413 | too_large | an upload over the limit (`DIEUHANH_UPLOAD_MAX_MB`) |
| 415 | unsupported_type | an upload that is not PDF/DOCX/DOC/XLSX/ODT/TXT/image |
| 422 | validation_error | fields that do not parse (dates that are not dates ...) and the services'
|     |                  | `ValidationError`, keyed by the request's field names |
| 500 | server_error | anything unexpected (logged) |

- `ApiError(status, code, message, fields)`: raise it from an endpoint for any of the above.
- `not_found(label, pk)`: the 404 for a record that is absent or outside the scope.
- `error_json(status, code, message)`: the same body outside ninja's handlers (URL not found,
  an upload refused before it is read).
- `install_handlers(api)`: turns every exception above into its response.
- `ERROR_STATUSES`, `error_responses(*statuses)`: the error part of an operation's OpenAPI
  responses.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from dieuhanh.core.errors import ConflictError
from dieuhanh.reports.periods import PeriodError

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger(__name__)

INVALID_DATE = "Ngày không hợp lệ: cần một ngày có thật, dạng YYYY-MM-DD (ví dụ 2024-03-14)."
CONFLICT = (
    "Bản ghi đã được người khác sửa sau khi bạn đọc (version bạn gửi đã cũ). Hãy đọc lại bản ghi rồi sửa lại; "
    "chưa có gì được lưu."
)
UNAUTHENTICATED = "Bạn cần đăng nhập, hoặc gửi mã truy cập API trong tiêu đề “Authorization: Bearer <mã>”."


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


ERROR_STATUSES: dict[int, str] = {
    400: "Yêu cầu sai dạng (ví dụ nội dung không phải JSON).",
    401: "Chưa đăng nhập, hoặc mã truy cập API không hợp lệ / đã thu hồi.",
    403: "Vai trò của bạn không được làm thao tác này.",
    404: "Không có bản ghi này trong phạm vi bạn được xem.",
    409: "Bản ghi đã được người khác sửa sau khi bạn đọc (version cũ); chưa có gì được lưu.",
    413: "Tệp vượt giới hạn dung lượng.",
    415: "Loại tệp không được nhận.",
    422: "Dữ liệu chưa hợp lệ; chi tiết theo từng trường trong `fields`.",
}


def error_responses(*statuses: int) -> dict[int, Any]:
    return dict.fromkeys((401, *statuses), ErrorOut)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or {}


def not_found(label: str, pk: object) -> ApiError:
    return ApiError(404, "not_found", f"Không tìm thấy {label} mã {pk} (hoặc bạn không được xem).")


def error_json(status: int, code: str, message: str, fields: dict[str, list[str]] | None = None) -> JsonResponse:
    return JsonResponse(
        {"code": code, "message": message, "fields": fields or {}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def _respond(api: NinjaAPI, request: HttpRequest, err: ApiError) -> HttpResponse:
    body = {"code": err.code, "message": err.message, "fields": err.fields}
    response = api.create_response(request, body, status=err.status)
    if err.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="dieuhanh"'
    return response


# pydantic error type -> Vietnamese message (ctx values are filled in).
PYDANTIC_MESSAGES = {
    "missing": "Thiếu thông tin bắt buộc.",
    "date_type": INVALID_DATE,
    "date_parsing": INVALID_DATE,
    "date_from_datetime_parsing": INVALID_DATE,
    "date_from_datetime_inexact": INVALID_DATE,
    "date_invalid": INVALID_DATE,
    "int_type": "Cần một số nguyên.",
    "int_parsing": "Cần một số nguyên.",
    "int_from_float": "Cần một số nguyên.",
    "bool_type": "Cần true hoặc false.",
    "bool_parsing": "Cần true hoặc false.",
    "string_type": "Cần một chuỗi ký tự.",
    "string_too_short": "Không được để trống.",
    "string_too_long": "Dài quá {max_length} ký tự.",
    "list_type": "Cần một danh sách.",
    "dict_type": "Cần một đối tượng JSON.",
    "model_type": "Cần một đối tượng JSON.",
    "model_attributes_type": "Cần một đối tượng JSON.",
    "greater_than_equal": "Giá trị phải từ {ge} trở lên.",
    "less_than_equal": "Giá trị không được lớn hơn {le}.",
    "greater_than": "Giá trị phải lớn hơn {gt}.",
    "enum": "Giá trị không hợp lệ; chọn một trong: {expected}.",
    "literal_error": "Giá trị không hợp lệ; chọn một trong: {expected}.",
    "extra_forbidden": "Trường này không được nhận.",
    "json_invalid": "Nội dung không phải JSON hợp lệ.",
    "too_short": "Cần ít nhất {min_length} phần tử.",
    "too_long": "Nhiều nhất {max_length} phần tử.",
}


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in {"body", "query", "path", "form", "file", "header", "cookie"}:
        source = parts.pop(0)
        # a JSON body is one parameter (named like `payload`) whose fields are the real names
        if source == "body" and parts:
            parts.pop(0)
    return ".".join(str(p) for p in parts) or "__all__"


def _pydantic_message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in {"value_error", "assertion_error"} and "error" in ctx:
        return str(ctx["error"]).removeprefix("Value error, ")
    template = PYDANTIC_MESSAGES.get(kind)
    if template is None:
        return "Giá trị không hợp lệ."
    if "expected" in ctx:
        ctx = {**ctx, "expected": str(ctx["expected"]).replace("' or '", "', '")}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template


def validation_fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        message = _pydantic_message(error)
        messages = fields.setdefault(_field_name(error.get("loc", ())), [])
        if message not in messages:
            messages.append(message)
    return fields


# Services key errors by model field; the API's inputs name related records by id.
API_FIELD_NAMES = {
    "lead_unit": "lead_unit_id",
    "coordinating_units": "coordinating_unit_ids",
    "officer": "officer_id",
    "deputy": "deputy_id",
    "assigner": "assigner_id",
    "source_document": "source_document_id",
    "result_document": "result_document_id",
    "approving_document": "approving_document_id",
    "parent": "parent_id",
}


def _from_django_validation(exc: DjangoValidationError) -> ApiError:
    if not hasattr(exc, "error_dict"):
        # validate_upload raises a bare error about the file, coded by what is wrong with it
        code = exc.error_list[0].code if exc.error_list else None
        status, api_code = {"too_large": (413, "too_large"), "bad_type": (415, "unsupported_type")}.get(
            code or "", (422, "validation_error")
        )
        return ApiError(status, api_code, " ".join(exc.messages), {"file": list(exc.messages)})
    fields = {API_FIELD_NAMES.get(name, name): list(messages) for name, messages in exc.message_dict.items()}
    return ApiError(422, "validation_error", _summary(fields), fields)


def _summary(fields: dict[str, list[str]]) -> str:
    """The first problem, named by its field, as the one-line message."""
    for name, messages in fields.items():
        if messages:
            return messages[0] if name == "__all__" else f"Dữ liệu chưa hợp lệ ở trường “{name}”: {messages[0]}"
    return "Dữ liệu chưa hợp lệ."


def to_api_error(exc: Exception) -> ApiError:
    """The `ApiError` an exception means to a client."""
    match exc:
        case ApiError():
            return exc
        case NinjaValidationError():
            fields = validation_fields(exc.errors)
            return ApiError(422, "validation_error", _summary(fields), fields)
        case DjangoValidationError():
            return _from_django_validation(exc)
        case PeriodError():
            message = str(exc)
            if message[:1].islower():  # the CLI prints "Lỗi: " before it; the API says what is wrong
                message = f"Kỳ báo cáo không hợp lệ: {message}"
            return ApiError(422, "validation_error", message, {"period": [message]})
        case ConflictError():
            # the services' default speaks of reloading a page; an API client re-reads the record
            message = CONFLICT if exc.message == ConflictError.default_message else exc.message
            return ApiError(409, "conflict", message)
        case PermissionDenied():
            return ApiError(403, "forbidden", str(exc) or "Bạn không được làm thao tác này.")
        case ObjectDoesNotExist() | Http404():
            return ApiError(404, "not_found", "Không tìm thấy bản ghi (hoặc bạn không được xem).")
        case AuthenticationError():
            message = exc.message if exc.message != "Unauthorized" else UNAUTHENTICATED
            return ApiError(401, "unauthenticated", message)
        case RequestDataTooBig():
            return ApiError(413, "too_large", "Nội dung yêu cầu quá lớn.")
        case HttpError() if isinstance(exc.__cause__, RequestDataTooBig):
            return ApiError(413, "too_large", "Nội dung yêu cầu quá lớn.")
        case HttpError() if exc.status_code == 400:
            return ApiError(400, "bad_request", "Nội dung yêu cầu không phải JSON hợp lệ.")
        case HttpError():
            return ApiError(exc.status_code, "error", str(exc))
    logger.exception("Unexpected error in the API", exc_info=exc)
    return ApiError(500, "server_error", "Lỗi hệ thống; thao tác chưa được thực hiện. Hãy thử lại hoặc báo quản trị.")


def install_handlers(api: NinjaAPI) -> None:
    def handle(request: HttpRequest, exc: Any) -> HttpResponse:
        return _respond(api, request, to_api_error(exc))

    # ninja registers its own handlers for these; the lookup walks each exception's MRO, so
    # overriding them and `Exception` sends every error through `to_api_error`.
    for exc_class in (Exception, Http404, HttpError, NinjaValidationError):
        api.add_exception_handler(exc_class, handle)
