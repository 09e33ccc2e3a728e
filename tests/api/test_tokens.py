"""API tokens: issued once and stored hashed, named, revocable, last use recorded, demo-mode guard."""

from __future__ import annotations

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from dieuhanh.api.management.commands.token import Command
from dieuhanh.api.models import ApiToken
from dieuhanh.api.tokens import token_create, token_revoke, tokens_visible
from dieuhanh.core.models import AuditEvent
from tests.api.conftest import ApiClient, token_for
from tests.conftest import make_world

pytestmark = pytest.mark.django_db


# --- services -------------------------------------------------------------------------------


def test_a_person_creates_a_token_for_themselves_and_only_its_digest_is_stored(world):
    issued = token_create(scope=world.scope("officer"), name="  Đồng bộ   một cửa ")
    token = ApiToken.objects.get()
    assert issued.key.startswith("dh_")
    assert len(issued.key) > 40
    assert token.key_hash == hashlib.sha256(issued.key.encode()).hexdigest()
    assert issued.key not in {token.key_hash, token.prefix, token.name}
    assert issued.key.startswith(token.prefix)
    assert (token.name, token.user) == ("Đồng bộ một cửa", world.people["officer"].user)


def test_creating_a_token_is_in_the_audit_trail_without_the_secret(world):
    issued = token_create(scope=world.scope("officer"), name="Đồng bộ")
    event = AuditEvent.objects.get(object_type="apitoken")
    assert event.actor == world.people["officer"].user
    assert issued.key not in str(event.changes) + event.object_repr + event.note


def test_the_org_admin_creates_a_token_for_a_person_of_the_organisation(world):
    issued = token_create(scope=world.scope("admin"), name="Báo cáo", user=world.people["officer"].user)
    assert issued.token.user == world.people["officer"].user
    assert issued.token.created_by == world.people["admin"].user


@pytest.mark.parametrize("role", ["office", "leader", "unit_head", "viewer"])
def test_other_roles_cannot_create_tokens_for_someone_else(world, role):
    with pytest.raises(PermissionDenied):
        token_create(scope=world.scope(role), name="x", user=world.people["officer"].user)


def test_the_admin_cannot_create_a_token_for_another_organisation(world, other_world):
    with pytest.raises(ValidationError):
        token_create(scope=world.scope("admin"), name="x", user=other_world.people["officer"].user)


def test_a_token_needs_a_name(world):
    with pytest.raises(ValidationError) as err:
        token_create(scope=world.scope("officer"), name="   ")
    assert "name" in err.value.message_dict


def test_tokens_visible_are_ones_own_or_the_whole_organisations_for_the_admin(world, other_world):
    own = token_create(scope=world.scope("officer"), name="a").token
    theirs = token_create(scope=world.scope("office"), name="b").token
    token_create(scope=other_world.scope("officer"), name="c")
    assert list(tokens_visible(world.scope("officer"))) == [own]
    assert set(tokens_visible(world.scope("admin"))) == {own, theirs}


def test_revoking_is_for_the_owner_or_the_admin(world):
    token = token_create(scope=world.scope("officer"), name="a").token
    with pytest.raises(PermissionDenied):
        token_revoke(scope=world.scope("office"), token=token)
    revoked = token_revoke(scope=world.scope("admin"), token=token)
    assert revoked.revoked_at is not None
    assert revoked.revoked_by == world.people["admin"].user


# --- using a token --------------------------------------------------------------------------


def test_a_token_signs_in_and_its_last_use_is_recorded(world):
    key = token_for(world.people["officer"])
    response = ApiClient(token=key).get("/me")
    assert response.status == 200
    assert response.body["username"] == world.people["officer"].user.username
    assert response.body["via"] == "token"
    assert ApiToken.objects.get().last_used_at is not None


def test_last_use_is_written_at_most_once_a_minute(world):
    client = ApiClient(token=token_for(world.people["officer"]))
    client.get("/me")
    first = ApiToken.objects.get().last_used_at
    client.get("/me")
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=timezone.now() - dt.timedelta(minutes=2))
    client.get("/me")
    assert ApiToken.objects.get().last_used_at > first


def test_a_revoked_token_is_refused(world):
    key = token_for(world.people["officer"])
    token_revoke(scope=world.scope("officer"), token=ApiToken.objects.get())
    response = ApiClient(token=key).get("/me")
    assert response.status == 401
    assert response.body["message"] == "Mã truy cập API này đã bị thu hồi."


@pytest.mark.parametrize("key", ["dh_not-a-real-token", "abc", "dh_"])
def test_an_unknown_token_is_refused_and_never_falls_back_to_the_session(world, key):
    client = ApiClient(token=key, user=world.people["officer"].user)
    response = client.get("/me")
    assert response.status == 401
    assert response.raw["WWW-Authenticate"].startswith("Bearer")


def test_the_token_of_a_locked_account_is_refused(world):
    key = token_for(world.people["officer"])
    user = world.people["officer"].user
    user.is_active = False
    user.save()
    assert ApiClient(token=key).get("/me").status == 401


def test_the_token_of_a_person_who_left_is_refused(world):
    key = token_for(world.people["officer"])
    person = world.people["officer"]
    person.is_active = False
    person.save()
    assert ApiClient(token=key).get("/me").status == 403


@pytest.fixture
def demo_world(db, settings):
    settings.DEMO_MODE = True
    demo = make_world()
    demo.org.is_demo = True
    demo.org.save()
    return demo


def test_a_demo_token_works_only_in_demo_mode(demo_world, settings):
    key = token_for(demo_world.people["office"])
    client = ApiClient(token=key)
    assert client.get("/me").status == 200
    settings.DEMO_MODE = False
    response = client.get("/me")
    assert response.status == 401
    assert "chế độ mẫu" in response.body["message"]


def test_no_token_is_created_for_a_demo_account_outside_demo_mode(demo_world, settings):
    settings.DEMO_MODE = False
    with pytest.raises(ValidationError):
        token_create(scope=demo_world.scope("office"), name="x")


# --- the endpoints --------------------------------------------------------------------------


def test_create_through_the_api_shows_the_token_once(world):
    browser = ApiClient(user=world.people["officer"].user)
    created = browser.post("/tokens", {"name": "Đồng bộ"})
    assert created.status == 201
    key = created.body["token"]
    assert ApiClient(token=key).get("/me").status == 200
    listed = browser.get("/tokens").body
    assert [t["id"] for t in listed] == [created.body["id"]]
    assert "token" not in listed[0]
    assert key not in str(listed)


def test_the_admin_creates_one_for_a_colleague_through_the_api(world):
    browser = ApiClient(user=world.people["admin"].user)
    created = browser.post("/tokens", {"name": "Báo cáo", "person_id": world.people["officer"].pk})
    assert created.status == 201
    assert created.body["username"] == world.people["officer"].user.username


def test_an_officer_cannot_create_one_for_a_colleague(world):
    browser = ApiClient(user=world.people["officer"].user)
    response = browser.post("/tokens", {"name": "x", "person_id": world.people["office"].pk})
    assert response.status == 403


def test_the_admin_cannot_name_a_person_of_another_organisation(world, other_world):
    browser = ApiClient(user=world.people["admin"].user)
    response = browser.post("/tokens", {"name": "x", "person_id": other_world.people["officer"].pk})
    assert response.status == 422
    assert "person_id" in response.body["fields"]


def test_revoke_through_the_api(world):
    browser = ApiClient(user=world.people["officer"].user)
    created = browser.post("/tokens", {"name": "Đồng bộ"}).body
    revoked = browser.delete(f"/tokens/{created['id']}")
    assert revoked.status == 200
    assert revoked.body["active"] is False
    assert ApiClient(token=created["token"]).get("/me").status == 401


def test_token_endpoints_refuse_a_token(world):
    key = token_for(world.people["officer"])
    response = ApiClient(token=key).post("/tokens", {"name": "tự nhân bản"})
    assert response.status == 401
    assert ApiToken.objects.count() == 1


# --- the command ----------------------------------------------------------------------------


def test_command_creates_prints_lists_and_revokes(world):
    username = world.people["officer"].user.username
    out, err = StringIO(), StringIO()
    call_command("token", "create", "--user", username, "--name", "Đồng bộ một cửa", stdout=out, stderr=err)
    key = out.getvalue().strip()
    assert key.startswith("dh_")
    assert "chỉ hiện một lần" in err.getvalue()
    assert ApiClient(token=key).get("/me").status == 200

    listing = StringIO()
    call_command("token", "list", stdout=listing)
    assert "Đồng bộ một cửa" in listing.getvalue()
    assert key not in listing.getvalue()

    token = ApiToken.objects.get()
    call_command("token", "revoke", str(token.pk), stdout=StringIO())
    assert ApiClient(token=key).get("/me").status == 401


def test_command_refuses_an_unknown_user_with_a_clear_message(world, capsys):
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["dieuhanh", "token", "create", "--user", "khong-co", "--name", "x"])
    assert exit_info.value.code == 2
    assert "không có tài khoản “khong-co”" in capsys.readouterr().err
