"""The `NinjaAPI` of dieuhanh: version 1, its routers, error handlers and documentation.

- `api`: mounted at /api/v1/ (`dieuhanh.api.urls`); OpenAPI at /api/v1/openapi.json.
- `docs_view`: the interactive documentation (Swagger UI, served from vendored files) at /api/docs.
- `not_found_view`: JSON 404 for any other path under /api/.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from dieuhanh.api.auth import TOKEN_OR_SESSION
from dieuhanh.api.errors import ERROR_STATUSES, error_json, install_handlers
from dieuhanh.api.resources import assigners, documents, imports, me, people, reports, research, tasks, tokens, units

DESCRIPTION = """\
API của hệ thống điều hành Sở Khoa học và Công nghệ: sổ văn bản, nhiệm vụ, phòng đơn vị, cán bộ,
số liệu kỳ báo cáo. Quyền đúng như trên giao diện web: mỗi vai trò chỉ thấy và chỉ sửa được những gì
vai trò đó được phép; bản ghi ngoài phạm vi (kể cả của cơ quan khác) trả về 404.

**Xác thực**: máy gọi API gửi mã truy cập trong tiêu đề `Authorization: Bearer dh_…` (tạo bằng
`POST /api/v1/tokens` khi đã đăng nhập, hoặc lệnh `dieuhanh token create --user … --name …`);
trình duyệt dùng phiên đăng nhập, thao tác ghi cần tiêu đề `X-CSRFToken`.

**Lỗi** luôn là JSON `{"code", "message", "fields"}` với thông báo tiếng Việt; `fields` ghi lỗi theo
từng trường. Sửa bản ghi phải gửi `version` đã đọc; nếu người khác đã sửa trước: 409, không gì bị
ghi đè. Ngày luôn theo dạng `YYYY-MM-DD`.
"""


class Utf8JSONRenderer(JSONRenderer):
    # Vietnamese text as itself, not \\u escapes: readable with curl, and smaller.
    json_dumps_params = {"ensure_ascii": False}


class DieuhanhAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        return operation.view_func.__name__

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        # Name what each error status means, once for every operation that can return it.
        for methods in schema.get("paths", {}).values():
            for operation in methods.values():
                for status, response in operation.get("responses", {}).items():
                    if int(status) in ERROR_STATUSES:
                        response["description"] = ERROR_STATUSES[int(status)]
        return schema


api = DieuhanhAPI(
    title="dieuhanh — API điều hành Sở KH&CN",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=TOKEN_OR_SESSION,
    renderer=Utf8JSONRenderer(),
    docs_url="/docs",
)
install_handlers(api)
for module in (me, units, people, assigners, documents, imports, tasks, research, reports, tokens):
    api.add_router("", module.router)


def docs_view(request: HttpRequest) -> HttpResponse:
    return api.docs.render_page(request, api)


def not_found_view(request: HttpRequest, rest: str = "") -> JsonResponse:
    return error_json(404, "not_found", f"Không có địa chỉ API “{request.path}”. Xem danh sách tại /api/docs.")
