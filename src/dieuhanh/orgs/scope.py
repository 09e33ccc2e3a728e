"""Who is acting, in which organisation, with which role: the one input of every selector.

A `Scope` is built once per request (from the signed-in user or API token) or per command (an
operator acting for an organisation) and passed to selectors and services. Selectors decide
what rows a scope sees; services decide what it may change. Nothing else filters by role.

- `Scope.for_user(user)`: the scope of a signed-in person; `PermissionDenied` without one.
- `Scope.operator(org)`: a command-line operator with whole-organisation reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.core.exceptions import PermissionDenied

from dieuhanh.orgs.models import Organisation, Person, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

WHOLE_ORG_ROLES = frozenset({Role.ADMIN, Role.LEADER, Role.OFFICE, Role.VIEWER})


@dataclass(frozen=True)
class Scope:
    org: Organisation
    role: Role
    person: Person | None = None
    user: User | None = None
    is_operator: bool = False

    @classmethod
    def for_user(cls, user: AbstractBaseUser | AnonymousUser | None) -> Scope:
        if user is None or not user.is_authenticated or not user.is_active:
            raise PermissionDenied("Bạn cần đăng nhập.")
        person = Person.objects.select_related("org", "unit").filter(user_id=user.pk).first()
        if person is None or not person.is_active or not person.org.is_active:
            raise PermissionDenied("Tài khoản chưa được gắn với cán bộ của cơ quan nào.")
        # the request's user is the person's user: no need to load it again
        return cls(org=person.org, role=Role(person.role), person=person, user=cast("User", user))

    @classmethod
    def operator(cls, org: Organisation) -> Scope:
        return cls(org=org, role=Role.ADMIN, is_operator=True)

    @property
    def unit_id(self) -> int | None:
        return self.person.unit_id if self.person else None

    @property
    def person_id(self) -> int | None:
        return self.person.pk if self.person else None

    @property
    def sees_whole_org(self) -> bool:
        return self.is_operator or self.role in WHOLE_ORG_ROLES

    @property
    def actor_name(self) -> str:
        if self.person:
            return self.person.full_name
        return "Hệ thống (dòng lệnh)" if self.is_operator else ""

    # What a role may change. Services ask these; pages use them only to hide buttons.
    @property
    def can_assign(self) -> bool:
        """Create tasks for any unit and decide extensions: the Office and the leaders."""
        return self.is_operator or self.role in {Role.LEADER, Role.OFFICE}

    @property
    def can_register_documents(self) -> bool:
        return self.is_operator or self.role in {Role.LEADER, Role.OFFICE, Role.UNIT_HEAD, Role.OFFICER}

    @property
    def can_manage_org(self) -> bool:
        return self.is_operator or self.role == Role.ADMIN

    @property
    def is_read_only(self) -> bool:
        return self.role == Role.VIEWER and not self.is_operator
