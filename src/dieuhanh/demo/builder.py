"""Build the demo data, from scratch, every time.

`build_demo()` deletes the demo organisations (and only them: `Organisation.is_demo`) with
their accounts, then runs each module of `STEP_MODULES` in order; each has a
`build(ctx: DemoContext)` that adds its part through the same services the pages use. Running
it twice gives the same demo, never a doubled one.

Demo accounts can sign in only while the app runs in demo mode (see
`dieuhanh.orgs.backends`): their password is printed on screen and must never open a real site.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from dieuhanh.orgs.models import Organisation, Person, Role, Unit

DEMO_PASSWORD = "demo2024"

# Each module has build(ctx). Later fields of work append theirs.
STEP_MODULES = [
    "dieuhanh.demo.bac_giang",
    "dieuhanh.demo.imports",
    "dieuhanh.demo.research",
    "dieuhanh.demo.reports",
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    title: str
    role: str
    org: str


@dataclass
class DemoContext:
    orgs: dict[str, Organisation] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add_person(
        self,
        org: Organisation,
        *,
        full_name: str,
        title: str,
        role: Role,
        unit: Unit | None = None,
        username: str | None = None,
        email: str = "",
    ) -> Person:
        user = None
        if username:
            if get_user_model().objects.filter(username=username).exists():
                raise DemoConflict(
                    f"Tên đăng nhập mẫu “{username}” trùng với một tài khoản thật; dữ liệu mẫu không được tạo."
                )
            user = get_user_model().objects.create_user(
                username=username, password=DEMO_PASSWORD, email=email, first_name=full_name
            )
            self.logins.append(DemoLogin(username, full_name, title, Role(role).label, org.slug))
        return Person.objects.create(
            org=org, user=user, full_name=full_name, title=title, unit=unit, role=role, email=email
        )


class DemoConflict(Exception):
    """A demo username is taken by a real account; the demo refuses to touch it."""


def reset_demo() -> None:
    users = get_user_model().objects
    demo_users = users.filter(person__org__is_demo=True)
    demo_users.delete()
    Organisation.objects.filter(is_demo=True).delete()


def build_demo() -> DemoContext:
    ctx = DemoContext()
    with transaction.atomic():
        reset_demo()
        for path in STEP_MODULES:
            importlib.import_module(path).build(ctx)
    return ctx
