"""Units and people, managed by the organisation admin: roles, validation, accounts, history."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError

from dieuhanh.core.models import AuditEvent
from dieuhanh.orgs.models import Role
from dieuhanh.orgs.services import (
    person_create,
    person_deactivate,
    person_set_login,
    person_update,
    unit_create,
    unit_update,
)

pytestmark = pytest.mark.django_db
GOOD_PASSWORD = "Mat-khau-dai-2024!"


def test_admin_adds_a_unit_and_history_records_it(world):
    unit = unit_create(scope=world.scope("admin"), name="Thanh tra Sở", code="TTr", kind="inspectorate")
    assert unit.org == world.org
    assert AuditEvent.objects.filter(object_type="unit", object_id=unit.pk, action="create").exists()


@pytest.mark.parametrize("role", ["leader", "office", "unit_head", "officer", "viewer"])
def test_only_the_admin_manages_units_and_people(world, role):
    with pytest.raises(PermissionDenied):
        unit_create(scope=world.scope(role), name="Phòng mới")
    with pytest.raises(PermissionDenied):
        person_create(scope=world.scope(role), full_name="Trần Văn A", role=Role.LEADER)


def test_unit_names_are_unique_within_the_organisation(world):
    with pytest.raises(ValidationError) as err:
        unit_create(scope=world.scope("admin"), name="phòng quản lý khoa học")
    assert "name" in err.value.message_dict


def test_a_unit_cannot_be_its_own_parent(world):
    with pytest.raises(ValidationError) as err:
        unit_update(scope=world.scope("admin"), unit=world.unit_a, parent=world.unit_a)
    assert err.value.message_dict["parent"] == ["Đơn vị không thể trực thuộc chính nó."]


def test_a_unit_of_another_organisation_is_refused(world, other_world):
    with pytest.raises(ValidationError) as err:
        person_create(scope=world.scope("admin"), full_name="Lê Văn B", role=Role.OFFICER, unit=other_world.unit_a)
    assert "unit" in err.value.message_dict


def test_person_with_login_can_sign_in_with_the_password_the_admin_chose(world):
    person_create(
        scope=world.scope("admin"),
        full_name="Phạm Thị C",
        role=Role.OFFICER,
        unit=world.unit_a,
        username="phamthic",
        password=GOOD_PASSWORD,
    )
    assert authenticate(username="phamthic", password=GOOD_PASSWORD) is not None


def test_a_weak_password_is_refused_and_nothing_is_created(world):
    with pytest.raises(ValidationError) as err:
        person_create(
            scope=world.scope("admin"),
            full_name="Phạm Thị D",
            role=Role.OFFICER,
            unit=world.unit_a,
            username="phamthid",
            password="123456",
        )
    assert "password" in err.value.message_dict
    assert not world.org.people.filter(full_name="Phạm Thị D").exists()


def test_an_officer_needs_a_unit(world):
    with pytest.raises(ValidationError) as err:
        person_create(scope=world.scope("admin"), full_name="Không Đơn Vị", role=Role.OFFICER)
    assert "unit" in err.value.message_dict


def test_set_login_creates_an_account_then_resets_its_password(world):
    person = person_create(scope=world.scope("admin"), full_name="Ngô Văn E", role=Role.LEADER)
    person_set_login(scope=world.scope("admin"), person=person, username="ngovane", password=GOOD_PASSWORD)
    person_set_login(scope=world.scope("admin"), person=person, username="ngovane", password=GOOD_PASSWORD + "x")
    assert authenticate(username="ngovane", password=GOOD_PASSWORD + "x") is not None
    notes = list(AuditEvent.objects.filter(object_type="person", object_id=person.pk).values_list("note", flat=True))
    assert "Cấp tài khoản đăng nhập" in notes
    assert "Đặt lại mật khẩu" in notes
    assert all(GOOD_PASSWORD not in str(e.changes) for e in AuditEvent.objects.all())


def test_deactivated_person_can_no_longer_sign_in(world):
    officer = world.people["officer"]
    person_deactivate(scope=world.scope("admin"), person=officer)
    officer.refresh_from_db()
    officer.user.refresh_from_db()
    assert not officer.is_active
    assert not officer.user.is_active


def test_the_admin_cannot_lock_themselves_out(world):
    admin = world.people["admin"]
    with pytest.raises(ValidationError):
        person_deactivate(scope=world.scope("admin"), person=admin)
    with pytest.raises(ValidationError):
        person_update(scope=world.scope("admin"), person=admin, role=Role.OFFICER)


def test_a_unit_with_active_people_cannot_be_closed(world):
    with pytest.raises(ValidationError) as err:
        unit_update(scope=world.scope("admin"), unit=world.unit_a, is_active=False)
    assert "is_active" in err.value.message_dict
