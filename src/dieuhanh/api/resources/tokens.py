"""API tokens of the caller (and, for the organisation admin, of the organisation's people).

    GET    /tokens          list (never the secrets)
    POST   /tokens          create; the response carries the token, shown this once
    DELETE /tokens/{id}     revoke

These endpoints take a browser session only: a token cannot mint or manage tokens.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from dieuhanh.api import lookups
from dieuhanh.api.auth import SESSION_ONLY, scope_of
from dieuhanh.api.errors import error_responses, not_found
from dieuhanh.api.models import ApiToken
from dieuhanh.api.schemas import Input, PersonRef, person_ref
from dieuhanh.api.tokens import token_create, token_revoke, tokens_visible

router = Router(tags=["Mã truy cập API"], auth=SESSION_ONLY)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="Đầu mã, để nhận ra mã (phần còn lại không được lưu)")
    username: str
    person: PersonRef | None
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    active: bool


class IssuedTokenOut(TokenOut):
    token: str = Field(description="Mã truy cập: chỉ hiện một lần này, hãy lưu lại ngay")


def _token(token: ApiToken) -> dict[str, Any]:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "username": token.user.get_username(),
        "person": person_ref(getattr(token.user, "person", None)),
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
        "active": token.is_active,
    }


@router.get(
    "/tokens",
    response={200: list[TokenOut], **error_responses(403)},
    summary="Danh sách mã truy cập API",
    description="Mã truy cập của chính người gọi; quản trị cơ quan xem mã của mọi cán bộ trong cơ quan. "
    "Chỉ dùng phiên đăng nhập trình duyệt.",
)
def token_list(request: HttpRequest) -> list[dict]:
    return [_token(t) for t in tokens_visible(scope_of(request))]


class TokenCreateIn(Input):
    name: str = Field(description="Mã dùng để làm gì, ví dụ: đồng bộ với hệ thống một cửa")
    person_id: int | None = Field(None, description="Cấp cho cán bộ khác (chỉ quản trị cơ quan)")


@router.post(
    "/tokens",
    response={201: IssuedTokenOut, **error_responses(400, 403, 422)},
    summary="Tạo mã truy cập API",
    description="Tạo mã cho chính mình (mọi vai trò) hoặc, với quản trị cơ quan, cho một cán bộ của cơ quan. "
    "Mã có quyền đúng như người được cấp. Mã chỉ hiện trong phản hồi này. Chỉ dùng phiên đăng nhập trình duyệt.",
)
def token_create_endpoint(request: HttpRequest, payload: TokenCreateIn) -> Status[dict]:
    scope = scope_of(request)
    user = None
    if payload.person_id is not None:
        person = lookups.person(scope, payload.person_id, "person_id")
        if person.user is None:
            raise ValidationError({"person_id": "Cán bộ này chưa có tài khoản đăng nhập."})
        user = person.user
    issued = token_create(scope=scope, name=payload.name, user=user)
    return Status(201, {**_token(issued.token), "token": issued.key})


@router.delete(
    "/tokens/{token_id}",
    response={200: TokenOut, **error_responses(403, 404)},
    summary="Thu hồi mã truy cập API",
    description="Mã bị thu hồi không dùng được nữa (vẫn được giữ trong danh sách). Người được cấp mã, hoặc quản trị "
    "cơ quan. Chỉ dùng phiên đăng nhập trình duyệt.",
)
def token_revoke_endpoint(request: HttpRequest, token_id: int) -> dict:
    scope = scope_of(request)
    token = tokens_visible(scope).filter(pk=token_id).first()
    if token is None:
        raise not_found("mã truy cập", token_id)
    return _token(token_revoke(scope=scope, token=token))
