"""Signing in and out, and the organisation admin's pages."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from dieuhanh.orgs.models import Person, Unit
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-thu-nghiem"


def test_sign_in_follows_a_local_next_only(world, client):
    user = world.people["office"].user
    data = {"username": user.username, "password": PASSWORD}
    local = client.post(reverse("web:sign_in") + "?next=/nhiem-vu/", {**data, "next": "/nhiem-vu/"})
    assert local["Location"] == "/nhiem-vu/"
    client.logout()
    evil = client.post(reverse("web:sign_in"), {**data, "next": "https://evil.example/"})
    assert evil["Location"] == "/"


def test_wrong_password_gets_a_clear_message(world, client):
    response = client.post(reverse("web:sign_in"), {"username": "khong-co", "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.text


def test_a_page_asks_to_sign_in_and_comes_back(world, client):
    response = client.get(reverse("web:task_list"))
    assert response["Location"] == reverse("web:sign_in") + "?next=/nhiem-vu/"


def test_sign_out_is_post_only(world):
    client = client_for(world, "office")
    assert client.get(reverse("web:sign_out")).status_code == 405
    assert client.post(reverse("web:sign_out")).status_code == 302
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_csrf_is_enforced(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.people["office"].user)
    response = client.post(reverse("web:document_register"), {"summary": "x"})
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.text


def test_an_account_without_a_person_gets_a_clear_page(world):
    response = client_for(world, "no_person").get(reverse("web:dashboard"))
    assert response.status_code == 403
    assert "Tài khoản chưa được gắn với cán bộ nào" in response.text


def test_admin_creates_a_person_with_a_login(world):
    admin = client_for(world, "admin")
    response = admin.post(
        reverse("web:person_create"),
        {
            "full_name": "Trần Thị Mai",
            "title": "Chuyên viên",
            "unit": world.unit_a.pk,
            "role": "officer",
            "username": "tranthimai",
            "password": "Mat-khau-that-dai-2024",
            "password2": "Mat-khau-that-dai-2024",
        },
    )
    assert response.status_code == 302
    assert authenticate(username="tranthimai", password="Mat-khau-that-dai-2024") is not None


def test_mismatched_or_weak_passwords_are_explained(world):
    admin = client_for(world, "admin")
    person = world.people["leader"]
    response = admin.post(
        reverse("web:person_login", args=[person.pk]), {"username": "x1", "password": "abc", "password2": "abd"}
    )
    assert response.status_code == 400
    assert "Hai lần nhập mật khẩu không khớp." in response.text


def test_deactivation_asks_first_then_locks_the_account(world):
    admin = client_for(world, "admin")
    person = world.people["officer"]
    confirm = admin.get(reverse("web:person_deactivate", args=[person.pk]))
    assert "Xác nhận thôi công tác" in confirm.text
    assert Person.objects.get(pk=person.pk).is_active
    admin.post(reverse("web:person_deactivate", args=[person.pk]))
    assert not Person.objects.get(pk=person.pk).is_active
    assert client_for(world, "officer").get(reverse("web:dashboard")).status_code == 302  # signed out: inactive


def test_admin_adds_and_renames_a_unit(world):
    admin = client_for(world, "admin")
    admin.post(reverse("web:unit_create"), {"name": "Thanh tra Sở", "code": "TTr", "kind": "inspectorate"})
    unit = Unit.objects.get(org=world.org, name="Thanh tra Sở")
    response = admin.post(
        reverse("web:unit_edit", args=[unit.pk]),
        {"name": "Thanh tra", "code": "TTr", "kind": "inspectorate", "is_active": "on"},
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.name == "Thanh tra"


def test_another_organisations_people_and_units_are_404(world, other_world):
    admin = client_for(world, "admin")
    theirs = other_world.people["officer"]
    for name in ("person_edit", "person_login", "person_deactivate"):
        assert admin.get(reverse(f"web:{name}", args=[theirs.pk])).status_code == 404
    assert admin.post(reverse("web:person_deactivate", args=[theirs.pk])).status_code == 404
    assert Person.objects.get(pk=theirs.pk).is_active
    assert admin.get(reverse("web:unit_edit", args=[other_world.unit_a.pk])).status_code == 404
