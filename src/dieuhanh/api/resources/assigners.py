"""`GET /assigners`: who assigns tasks to the organisation (UBND tỉnh, Giám đốc Sở ...)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from dieuhanh.api.auth import scope_of
from dieuhanh.api.errors import error_responses
from dieuhanh.tasks.selectors import assigners_visible

router = Router(tags=["Nơi giao nhiệm vụ"])


class AssignerOut(Schema):
    id: int
    name: str
    level: str
    level_label: str


@router.get(
    "/assigners",
    response={200: list[AssignerOut], **error_responses(403)},
    summary="Danh sách nơi giao nhiệm vụ",
    description="Cơ quan, người giao nhiệm vụ cho cơ quan người gọi (để lọc và giao nhiệm vụ). "
    "Mọi vai trò đều xem được.",
)
def assigner_list(request: HttpRequest) -> list[dict]:
    return [
        {"id": a.pk, "name": a.name, "level": a.level, "level_label": a.get_level_display()}
        for a in assigners_visible(scope_of(request))
    ]
