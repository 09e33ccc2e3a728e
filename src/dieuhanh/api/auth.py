"""Who is calling the API: a machine with an API token, or a person's browser session.

Both give the endpoint the caller's `Scope` as `request.auth` (`scope_of(request)`), built by
`Scope.for_user`, so a token acts exactly as its person and a session exactly as the pages do.

- `TokenAuth`: `Authorization: Bearer dh_...`. A token that opens nothing is refused with 401
  at once (it never falls back to the session): the client meant the token.
- `SessionAuth`: the Django session cookie; unsafe methods need the CSRF token
  (`X-CSRFToken` header), as any form of the site does. Demo accounts' sessions end outside
  demo mode through `dieuhanh.orgs.backends`, their tokens through `dieuhanh.api.tokens`.
- `TOKEN_OR_SESSION`, `SESSION_ONLY`: the auth lists endpoints use. Managing tokens takes a
  session, so a leaked token cannot mint new ones or keep itself alive.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from dieuhanh.api.errors import ApiError
from dieuhanh.api.tokens import TokenRefused, token_authenticate
from dieuhanh.orgs.scope import Scope


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Scope:
        try:
            api_token = token_authenticate(token)
        except TokenRefused as exc:
            raise ApiError(401, "unauthenticated", str(exc)) from None
        request.user = api_token.user
        request.api_token = api_token  # type: ignore[attr-defined]
        return Scope.for_user(api_token.user)


class SessionAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None  # 401, not a CSRF complaint, for a caller who is not signed in at all
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise ApiError(
                403,
                "csrf_failed",
                "Thiếu mã chống giả mạo (CSRF) trong tiêu đề X-CSRFToken. Hãy tải lại trang rồi thử lại; "
                "máy khác gọi API thì dùng mã truy cập (Authorization: Bearer).",
            )
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Scope | None:
        if not request.user.is_authenticated:
            return None
        return Scope.for_user(request.user)


TOKEN_OR_SESSION: list[Any] = [TokenAuth(), SessionAuth()]
SESSION_ONLY: list[Any] = [SessionAuth()]


def scope_of(request: HttpRequest) -> Scope:
    scope = getattr(request, "auth", None)
    assert isinstance(scope, Scope), "endpoint without authentication"
    return scope
