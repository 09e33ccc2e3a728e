"""`GET /people`: the people (cán bộ) of the caller's organisation, to name officers and deputies."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import error_responses
from dieuhanh.api.schemas import UnitRef, unit_ref
from dieuhanh.orgs.selectors import people_visible

router = Router(tags=["Cán bộ"])


class PersonOut(Schema):
    id: int
    full_name: str
    title: str
    unit: UnitRef | None
    role: str
    role_label: str
    is_active: bool


class PeopleFilter(Schema):
    active_only: bool = False
    unit_id: int | None = None


@router.get(
    "/people",
    response={200: list[PersonOut], **error_responses(403, 422)},
    summary="Danh sách cán bộ",
    description="Cán bộ của cơ quan người gọi (để chọn cán bộ thực hiện, lãnh đạo phụ trách). "
    "Mọi vai trò đều xem được.",
)
def person_list(request: HttpRequest, filters: Query[PeopleFilter]) -> list[dict]:
    people = people_visible(scope_of(request), active_only=filters.active_only)
    if filters.unit_id:
        people = people.filter(unit_id=filters.unit_id)
    return [
        {
            "id": p.pk,
            "full_name": p.full_name,
            "title": p.title,
            "unit": unit_ref(p.unit),
            "role": p.role,
            "role_label": p.get_role_display(),
            "is_active": p.is_active,
        }
        for p in people
    ]
