"""`GET /units`: the units (phòng, đơn vị) of the caller's organisation."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import error_responses
from dieuhanh.orgs.selectors import units_visible

router = Router(tags=["Phòng, đơn vị"])


class UnitOut(Schema):
    id: int
    name: str
    code: str
    kind: str
    kind_label: str
    parent_id: int | None
    order: int
    is_active: bool


class UnitFilter(Schema):
    active_only: bool = False


@router.get(
    "/units",
    response={200: list[UnitOut], **error_responses(403, 422)},
    summary="Danh sách phòng, đơn vị",
    description="Các phòng, đơn vị của cơ quan người gọi, theo thứ tự. Mọi vai trò đều xem được.",
)
def unit_list(request: HttpRequest, filters: Query[UnitFilter]) -> list[dict]:
    units = units_visible(scope_of(request), active_only=filters.active_only).order_by("order", "name")
    return [
        {
            "id": u.pk,
            "name": u.name,
            "code": u.code,
            "kind": u.kind,
            "kind_label": u.get_kind_display(),
            "parent_id": u.parent_id,
            "order": u.order,
            "is_active": u.is_active,
        }
        for u in units
    ]
