"""API tokens: issue, list, revoke, and check one presented by a machine.

- `tokens_visible(scope)`: a person's own tokens; the organisation admin's view is every token
  of the organisation.
- `token_create(scope=..., name=..., user=None)`: an `IssuedToken` whose `key` is shown once.
  A person creates tokens for themselves; the organisation admin (or an operator on the command
  line) also for the organisation's people.
- `token_revoke(scope=..., token=...)`: stop a token working; the row stays, for the record.
- `token_authenticate(key)`: the active `ApiToken` for a presented key, or `TokenRefused`.

Tokens are 256-bit random strings, so a plain SHA-256 digest is enough to store them safely
(a slow password hash protects guessable secrets; these are not guessable).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from dieuhanh.api.models import ApiToken
from dieuhanh.core import audit
from dieuhanh.core.models import AuditEvent
from dieuhanh.core.text import clean
from dieuhanh.orgs.models import Person
from dieuhanh.orgs.scope import Scope

KEY_PREFIX = "dh_"
SHOWN_PREFIX_LENGTH = 10
# Recording every use would turn each API read into a write; a minute is precise enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


class TokenRefused(Exception):
    """The presented key opens nothing; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str  # the secret: shown once, never stored


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def tokens_visible(scope: Scope) -> QuerySet[ApiToken]:
    tokens = ApiToken.objects.select_related("user__person")
    if scope.can_manage_org:
        return tokens.filter(user__person__org=scope.org)
    return tokens.filter(user=scope.user) if scope.user is not None else tokens.none()


def _demo_blocked(person: Person | None) -> bool:
    # Demo accounts' passwords are printed on screen; their tokens must not open a real site either.
    return person is not None and person.org.is_demo and not settings.DEMO_MODE


@transaction.atomic
def token_create(*, scope: Scope, name: str, user: Any = None) -> IssuedToken:
    target = user if user is not None else scope.user
    if target is None:
        raise ValidationError({"user": "Cần chọn tài khoản được cấp mã."})
    for_self = scope.user is not None and target.pk == scope.user.pk
    if not for_self and not scope.can_manage_org:
        raise PermissionDenied("Chỉ quản trị cơ quan được cấp mã truy cập cho người khác.")
    person = Person.objects.select_related("org").filter(user=target, org=scope.org).first()
    if person is None:
        raise ValidationError({"user": "Tài khoản này không thuộc cán bộ nào của cơ quan."})
    if not person.is_active or not target.is_active:
        raise ValidationError({"user": "Cán bộ này không còn công tác hoặc tài khoản đã bị khóa."})
    if _demo_blocked(person):
        raise ValidationError({"user": "Tài khoản mẫu chỉ dùng được ở chế độ mẫu."})
    name = clean(name)
    if not name:
        raise ValidationError({"name": "Cần đặt tên cho mã truy cập (dùng để làm gì)."})
    if len(name) > 100:
        raise ValidationError({"name": "Tên mã truy cập dài quá 100 ký tự."})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=target, name=name, prefix=key[:SHOWN_PREFIX_LENGTH], key_hash=key_digest(key), created_by=scope.user
    )
    audit.record(
        scope=scope,
        obj=token,
        action=AuditEvent.Action.CREATE,
        changes={"name": [None, name], "user": [None, target.get_username()]},
        note="Cấp mã truy cập API",
    )
    return IssuedToken(token=token, key=key)


@transaction.atomic
def token_revoke(*, scope: Scope, token: ApiToken) -> ApiToken:
    # Lock the token row alone: PostgreSQL refuses FOR UPDATE across the outer join to a person.
    current = ApiToken.objects.select_for_update().get(pk=token.pk)
    owner = Person.objects.filter(user_id=current.user_id).first()
    own = scope.user is not None and current.user_id == scope.user.pk
    if not own and not (scope.can_manage_org and owner is not None and owner.org_id == scope.org.pk):
        raise PermissionDenied("Bạn không được thu hồi mã truy cập này.")
    if current.revoked_at is not None:
        return current
    current.revoked_at = timezone.now()
    current.revoked_by = scope.user
    current.save(update_fields=["revoked_at", "revoked_by"])
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes={"revoked_at": [None, current.revoked_at.isoformat()]},
        note="Thu hồi mã truy cập API",
    )
    return current


def token_authenticate(key: str) -> ApiToken:
    key = (key or "").strip()
    if not key.startswith(KEY_PREFIX):
        raise TokenRefused("Mã truy cập API không hợp lệ.")
    token = ApiToken.objects.select_related("user__person__org").filter(key_hash=key_digest(key)).first()
    if token is None:
        raise TokenRefused("Mã truy cập API không hợp lệ.")
    if token.revoked_at is not None:
        raise TokenRefused("Mã truy cập API này đã bị thu hồi.")
    if not token.user.is_active:
        raise TokenRefused("Tài khoản của mã truy cập này đã bị khóa.")
    if _demo_blocked(getattr(token.user, "person", None)):
        raise TokenRefused("Mã truy cập của tài khoản mẫu chỉ dùng được ở chế độ mẫu (DIEUHANH_DEMO=1).")
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
