"""Writes to units and people (the organisation admin's work). Each service checks the actor's
right (`Scope.can_manage_org`), validates with Vietnamese messages keyed by field, saves and
audits in one transaction.

- `unit_create(...)`, `unit_update(...)`: the organisation's units (phòng, đơn vị).
- `person_create(...)`, `person_update(...)`: its people, optionally with a sign-in account.
- `person_set_login(...)`: give a person a sign-in account, or a new password. The password is
  chosen by the admin and checked by the password validators: there is no default password.
- `person_deactivate(...)`: a person leaves; their account can no longer sign in. Their tasks
  and history stay.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dieuhanh.core import audit
from dieuhanh.core.models import AuditEvent
from dieuhanh.core.text import clean
from dieuhanh.orgs.models import Person, Role, Unit
from dieuhanh.orgs.scope import Scope

UNIT_FIELDS = ["name", "code", "kind", "parent", "order", "is_active"]
PERSON_FIELDS = ["full_name", "title", "unit", "role", "email", "phone", "is_active"]


def _check_admin(scope: Scope) -> None:
    if not scope.can_manage_org:
        raise PermissionDenied("Chỉ quản trị cơ quan được quản lý phòng, đơn vị và cán bộ.")


def _validate_unit(scope: Scope, unit: Unit) -> None:
    errors: dict[str, str] = {}
    if not unit.name:
        errors["name"] = "Cần tên phòng, đơn vị."
    elif Unit.objects.filter(org=scope.org, name__iexact=unit.name).exclude(pk=unit.pk).exists():
        errors["name"] = f"Đã có phòng, đơn vị tên “{unit.name}”."
    if unit.kind not in Unit.Kind.values:
        errors["kind"] = "Loại đơn vị không hợp lệ."
    if unit.parent is not None:
        if unit.parent.org_id != scope.org.pk:
            errors["parent"] = "Chỉ chọn được trong danh mục của cơ quan mình."
        else:
            ancestor: Unit | None = unit.parent
            while ancestor is not None:
                if unit.pk and ancestor.pk == unit.pk:
                    errors["parent"] = "Đơn vị không thể trực thuộc chính nó."
                    break
                ancestor = ancestor.parent
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def unit_create(
    *,
    scope: Scope,
    name: str,
    code: str = "",
    kind: str = Unit.Kind.DIVISION,
    parent: Unit | None = None,
    order: int = 0,
) -> Unit:
    _check_admin(scope)
    unit = Unit(org=scope.org, name=clean(name), code=clean(code), kind=kind, parent=parent, order=order or 0)
    _validate_unit(scope, unit)
    unit.save()
    audit.record(scope=scope, obj=unit, action=AuditEvent.Action.CREATE, changes=audit.snapshot(unit, UNIT_FIELDS))
    return unit


@transaction.atomic
def unit_update(*, scope: Scope, unit: Unit, **fields: Any) -> Unit:
    _check_admin(scope)
    unknown = set(fields) - set(UNIT_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    current = Unit.objects.select_for_update().get(pk=unit.pk, org=scope.org)
    before = audit.snapshot(current, UNIT_FIELDS)
    for name, value in fields.items():
        setattr(current, name, clean(value) if isinstance(value, str) and name != "kind" else value)
    _validate_unit(scope, current)
    if before["is_active"] and not current.is_active and current.people.filter(is_active=True).exists():
        raise ValidationError({"is_active": "Đơn vị còn cán bộ đang công tác: chuyển họ sang đơn vị khác trước."})
    current.save()
    changes = audit.diff(before, audit.snapshot(current, UNIT_FIELDS))
    if changes:
        audit.record(scope=scope, obj=current, action=AuditEvent.Action.UPDATE, changes=changes)
    return current


def _validate_person(scope: Scope, person: Person) -> None:
    errors: dict[str, str] = {}
    if not person.full_name:
        errors["full_name"] = "Cần họ và tên."
    if person.role not in Role.values:
        errors["role"] = "Vai trò không hợp lệ."
    if person.unit is not None and person.unit.org_id != scope.org.pk:
        errors["unit"] = "Chỉ chọn được trong danh mục của cơ quan mình."
    elif person.role in {Role.UNIT_HEAD, Role.OFFICER} and person.unit is None:
        errors["unit"] = "Trưởng phòng và chuyên viên cần thuộc một phòng, đơn vị."
    if errors:
        raise ValidationError(errors)


def _validate_login(username: str, password: str, person: Person) -> None:
    errors: dict[str, list[str]] = {}
    user_model = get_user_model()
    if not username:
        errors["username"] = ["Cần tên đăng nhập."]
    elif user_model.objects.filter(username__iexact=username).exclude(pk=person.user_id or 0).exists():
        errors["username"] = [f"Tên đăng nhập “{username}” đã có người dùng."]
    if not password:
        errors["password"] = ["Cần đặt mật khẩu."]
    else:
        probe = user_model(username=username, first_name=person.full_name, email=person.email)
        try:
            password_validation.validate_password(password, probe)
        except ValidationError as exc:
            errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def person_create(
    *,
    scope: Scope,
    full_name: str,
    role: str = Role.OFFICER,
    title: str = "",
    unit: Unit | None = None,
    email: str = "",
    phone: str = "",
    username: str = "",
    password: str = "",
) -> Person:
    """A new person; with `username` (and a password the admin chose) also their sign-in account."""
    _check_admin(scope)
    person = Person(
        org=scope.org,
        full_name=clean(full_name),
        title=clean(title),
        unit=unit,
        role=role,
        email=clean(email),
        phone=clean(phone),
    )
    _validate_person(scope, person)
    username = clean(username)
    if username or password:
        _validate_login(username, password, person)
    person.save()
    if username:
        person.user = get_user_model().objects.create_user(
            username=username, password=password, email=person.email, first_name=person.full_name
        )
        person.save(update_fields=["user"])
    changes = audit.snapshot(person, PERSON_FIELDS)
    if username:
        changes["username"] = username
    audit.record(scope=scope, obj=person, action=AuditEvent.Action.CREATE, changes=changes)
    return person


@transaction.atomic
def person_update(*, scope: Scope, person: Person, **fields: Any) -> Person:
    _check_admin(scope)
    unknown = set(fields) - set(PERSON_FIELDS) - {"is_active"}
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    current = Person.objects.select_for_update().get(pk=person.pk, org=scope.org)
    before = audit.snapshot(current, PERSON_FIELDS)
    for name, value in fields.items():
        setattr(current, name, clean(value) if isinstance(value, str) and name != "role" else value)
    _validate_person(scope, current)
    if scope.person_id == current.pk and current.role != Role.ADMIN:
        raise ValidationError({"role": "Bạn không thể tự bỏ vai trò quản trị của mình."})
    if scope.person_id == current.pk and not current.is_active:
        raise ValidationError({"is_active": "Bạn không thể tự khóa tài khoản của mình."})
    current.save()
    user = current.user
    if user is not None and not current.is_active and user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    changes = audit.diff(before, audit.snapshot(current, PERSON_FIELDS))
    if changes:
        audit.record(scope=scope, obj=current, action=AuditEvent.Action.UPDATE, changes=changes)
    return current


@transaction.atomic
def person_set_login(*, scope: Scope, person: Person, username: str, password: str) -> Person:
    """Create the person's account, or set a new password (and user name) on the existing one."""
    _check_admin(scope)
    current = Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk, org=scope.org)
    if not current.is_active:
        raise ValidationError({"username": "Cán bộ đã thôi công tác: kích hoạt lại trước khi cấp tài khoản."})
    username = clean(username)
    _validate_login(username, password, current)
    user = current.user
    created = user is None
    if user is None:
        user = get_user_model().objects.create_user(
            username=username, password=password, email=current.email, first_name=current.full_name
        )
        current.user = user
        current.save(update_fields=["user"])
    else:
        user.username = username
        user.set_password(password)
        user.is_active = True
        user.save()
    # The password itself never goes into the history.
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes={"username": [None if created else username, username]},
        note="Cấp tài khoản đăng nhập" if created else "Đặt lại mật khẩu",
    )
    return current


@transaction.atomic
def person_deactivate(*, scope: Scope, person: Person) -> Person:
    """The person leaves: marked inactive and their account can no longer sign in."""
    _check_admin(scope)
    current = Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk, org=scope.org)
    if scope.person_id == current.pk:
        raise ValidationError({"is_active": "Bạn không thể tự khóa tài khoản của mình."})
    if not current.is_active:
        return current
    current.is_active = False
    current.save(update_fields=["is_active"])
    if current.user is not None and current.user.is_active:
        current.user.is_active = False
        current.user.save(update_fields=["is_active"])
    audit.record(
        scope=scope,
        obj=current,
        action=AuditEvent.Action.UPDATE,
        changes={"is_active": [True, False]},
        note="Thôi công tác, khóa tài khoản",
    )
    return current
