"""Signing in to the API (session, CSRF) and the shape of every error."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.middleware.csrf import get_token
from django.test import RequestFactory

from dieuhanh.api.errors import to_api_error, validation_fields
from dieuhanh.core.errors import ConflictError
from tests.api.conftest import ApiClient, token_for
from tests.conftest import make_world
from tests.factories import TaskFactory, UserFactory

D = dt.date
pytestmark = pytest.mark.django_db


def test_the_browser_session_signs_in(world):
    response = ApiClient(user=world.people["unit_head"].user).get("/me")
    assert response.status == 200
    assert (response.body["role"], response.body["via"]) == ("unit_head", "session")
    assert response.body["unit"]["id"] == world.unit_a.pk


def test_no_session_and_no_token_is_401_with_a_vietnamese_message(anonymous):
    response = anonymous.get("/tasks")
    assert response.status == 401
    assert response.body == {
        "code": "unauthenticated",
        "message": "Bạn cần đăng nhập, hoặc gửi mã truy cập API trong tiêu đề “Authorization: Bearer <mã>”.",
        "fields": {},
    }
    assert response.raw["WWW-Authenticate"] == 'Bearer realm="dieuhanh"'


def test_an_account_without_a_person_is_403(db):
    response = ApiClient(user=UserFactory()).get("/me")
    assert response.status == 403
    assert response.body["message"] == "Tài khoản chưa được gắn với cán bộ của cơ quan nào."


def test_a_session_write_needs_the_csrf_token(world):
    browser = ApiClient(user=world.people["office"].user, enforce_csrf=True)
    body = {"content": "Tham mưu", "assigned_on": "2024-01-10"}
    refused = browser.post("/tasks", body)
    assert refused.status == 403
    assert refused.body["code"] == "csrf_failed"
    assert not world.org.tasks.exists()

    request = RequestFactory().get("/")
    token = get_token(request)
    browser.client.cookies["csrftoken"] = request.META["CSRF_COOKIE"]
    accepted = browser.post("/tasks", body, headers={"X-CSRFToken": token})
    assert accepted.status == 201


def test_a_session_read_needs_no_csrf_token(world):
    browser = ApiClient(user=world.people["office"].user, enforce_csrf=True)
    assert browser.get("/tasks").status == 200


def test_a_token_needs_no_csrf_token(world):
    client = ApiClient(token=token_for(world.people["office"]), enforce_csrf=True)
    assert client.post("/tasks", {"content": "Tham mưu", "assigned_on": "2024-01-10"}).status == 201


def test_a_demo_session_ends_outside_demo_mode(db, settings):
    settings.DEMO_MODE = True
    demo = make_world()
    demo.org.is_demo = True
    demo.org.save()
    browser = ApiClient(user=demo.people["office"].user)
    assert browser.get("/me").status == 200
    settings.DEMO_MODE = False
    assert browser.get("/me").status == 401


# --- error shape ----------------------------------------------------------------------------


def test_a_body_that_is_not_json_is_400(as_role):
    client = as_role("office")
    raw = client.client.post(
        "/api/v1/tasks", "{không phải json", content_type="application/json", headers=client.headers
    )
    assert raw.status_code == 400
    assert raw.json()["code"] == "bad_request"


def test_json_that_is_not_an_object_is_422(as_role):
    response = as_role("office").post("/tasks", ["danh", "sách"])
    assert response.status == 422
    assert response.body["fields"] == {"__all__": ["Cần một đối tượng JSON."]}


@pytest.mark.parametrize("value", ["2024-02-30", "14/03/2024", "2024-3-14", "hôm nay", 1710000000, "2024-03-14T00:00"])
def test_a_date_that_is_not_a_date_is_422_on_its_field(world, as_role, value):
    response = as_role("office").post("/tasks", {"content": "Tham mưu", "deadline": value})
    assert response.status == 422
    assert response.body["fields"] == {
        "deadline": ["Ngày không hợp lệ: cần một ngày có thật, dạng YYYY-MM-DD (ví dụ 2024-03-14)."]
    }
    assert response.body["message"].startswith("Dữ liệu chưa hợp lệ ở trường “deadline”")
    assert not world.org.tasks.exists()


def test_a_misspelt_field_is_refused_not_ignored(world, as_role):
    response = as_role("office").post("/tasks", {"content": "Tham mưu", "dealine": "2024-03-31"})
    assert response.status == 422
    assert response.body["fields"] == {"dealine": ["Trường này không được nhận."]}


def test_a_missing_field_is_named(as_role):
    response = as_role("office").post("/tasks", {})
    assert response.body["fields"] == {"content": ["Thiếu thông tin bắt buộc."]}


def test_service_validation_errors_come_back_keyed_by_the_api_field(world, as_role, other_world):
    response = as_role("office").post(
        "/tasks",
        {"content": "Tham mưu", "lead_unit_id": world.unit_a.pk, "coordinating_unit_ids": [world.unit_a.pk]},
    )
    assert response.status == 422
    assert response.body["fields"] == {"coordinating_unit_ids": ["Đơn vị chủ trì không đồng thời là đơn vị phối hợp."]}


def test_a_unit_of_another_organisation_reads_as_absent(world, other_world, as_role):
    response = as_role("office").post("/tasks", {"content": "Tham mưu", "lead_unit_id": other_world.unit_a.pk})
    assert response.status == 422
    assert response.body["fields"] == {
        "lead_unit_id": [f"Không tìm thấy phòng, đơn vị mã {other_world.unit_a.pk} trong phạm vi của bạn."]
    }


def test_an_id_of_another_organisation_is_404_like_one_that_does_not_exist(world, other_world, as_role):
    theirs = TaskFactory(org=other_world.org)
    guessed = as_role("office").get(f"/tasks/{theirs.pk}")
    absent = as_role("office").get("/tasks/987654")
    assert guessed.status == absent.status == 404
    assert guessed.body["message"] == f"Không tìm thấy nhiệm vụ mã {theirs.pk} (hoặc bạn không được xem)."


def test_an_unknown_path_under_api_is_a_json_404(as_role):
    raw = as_role("office").client.get("/api/v1/khong-co")
    assert raw.status_code == 404
    assert raw.json()["code"] == "not_found"


def test_an_unknown_query_value_lists_the_accepted_ones(as_role):
    response = as_role("office").get("/tasks", {"status": "xong"})
    assert response.status == 422
    assert response.body["fields"]["status"] == [
        "Giá trị không hợp lệ; chọn một trong: 'done_on_time', 'done_late', 'in_progress', 'overdue', 'not_started'."
    ]


def test_page_size_is_bounded(as_role):
    response = as_role("office").get("/tasks", {"page_size": 1000})
    assert response.body["fields"] == {"page_size": ["Giá trị không được lớn hơn 200."]}


def test_json_keeps_vietnamese_letters_as_they_are(as_role):
    raw = as_role("office").client.get("/api/v1/me", headers=as_role("office").headers)
    assert "Văn phòng".encode() in raw.content


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (ConflictError(), 409, "conflict"),
        (ValidationError("Tệp quá lớn", code="too_large"), 413, "too_large"),
        (ValidationError("Sai loại", code="bad_type"), 415, "unsupported_type"),
        (ValidationError("Rỗng", code="empty"), 422, "validation_error"),
        (ValidationError({"deadline": "Sai"}), 422, "validation_error"),
        (RuntimeError("bug"), 500, "server_error"),
    ],
)
def test_exceptions_map_to_statuses(exc, status, code):
    err = to_api_error(exc)
    assert (err.status, err.code) == (status, code)
    assert err.message


def test_pydantic_errors_become_vietnamese_field_messages():
    fields = validation_fields(
        [
            {"type": "int_parsing", "loc": ("query", "unit_id")},
            {"type": "string_too_long", "loc": ("body", "payload", "name"), "ctx": {"max_length": 100}},
            {"type": "missing", "loc": ("body", "payload", "parts", 0, "content")},
            {"type": "something_new", "loc": ("form", "kind")},
        ]
    )
    assert fields == {
        "unit_id": ["Cần một số nguyên."],
        "name": ["Dài quá 100 ký tự."],
        "parts.0.content": ["Thiếu thông tin bắt buộc."],
        "kind": ["Giá trị không hợp lệ."],
    }
