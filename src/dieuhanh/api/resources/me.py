"""`GET /me`: who the caller is and what their role may do (to show or hide actions)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import error_responses
from dieuhanh.api.schemas import PersonRef, UnitRef, person_ref, unit_ref

router = Router(tags=["Tài khoản"])


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str


class AbilitiesOut(Schema):
    assign: bool
    register_documents: bool
    manage_org: bool
    read_only: bool


class MeOut(Schema):
    username: str
    person: PersonRef | None
    role: str
    role_label: str
    organisation: OrganisationOut
    unit: UnitRef | None
    can: AbilitiesOut
    via: str


@router.get(
    "/me",
    response={200: MeOut, **error_responses(403)},
    summary="Tôi là ai",
    description="Tài khoản, cán bộ, cơ quan, vai trò và các quyền của người gọi. Mọi vai trò đều gọi được.",
)
def me(request: HttpRequest) -> dict:
    scope = scope_of(request)
    person = scope.person
    return {
        "username": request.user.get_username(),
        "person": person_ref(person),
        "role": scope.role.value,
        "role_label": scope.role.label,
        "organisation": {"id": scope.org.pk, "name": scope.org.name, "slug": scope.org.slug},
        "unit": unit_ref(person.unit if person else None),
        "can": {
            "assign": scope.can_assign,
            "register_documents": scope.can_register_documents and not scope.is_read_only,
            "manage_org": scope.can_manage_org,
            "read_only": scope.is_read_only,
        },
        "via": "token" if getattr(request, "api_token", None) else "session",
    }
