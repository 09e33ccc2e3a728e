"""The research endpoints: create, record steps with the lifecycle's refusals, figures."""

from __future__ import annotations

import pytest

from tests.api.conftest import ApiClient, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(world):
    return ApiClient(token=token_for(world.people["office"]))


def test_create_then_walk_to_acceptance(world, office):
    created = office.post(
        "/research",
        {
            "title": "Ứng dụng tiến bộ kỹ thuật cải tạo và phát triển vùng sản xuất chè hàng hóa tại tỉnh Bắc Kạn",
            "task_type": "du_an",
            "start_year": 2020,
            "stage": "in_progress",
            "funding": [{"year": 2020, "state_budget": "800", "counterpart": "200"}],
        },
    )
    assert created.status == 201
    pk = created.body["id"]
    assert created.body["next_steps"] == ["progress_check", "adjustment", "extension", "delivery", "termination"]

    refused = office.post(f"/research/{pk}/events", {"kind": "acceptance", "date": "2022-02-25", "rating": "excellent"})
    assert refused.status == 422
    assert refused.body["fields"]["kind"] == [
        "Không ghi được “Nghiệm thu” khi nhiệm vụ đang thực hiện: cần giao nộp sản phẩm trước khi nghiệm thu."
    ]

    assert office.post(f"/research/{pk}/events", {"kind": "delivery", "date": "2022-01-20"}).status == 201
    accepted = office.post(
        f"/research/{pk}/events",
        {"kind": "acceptance", "date": "2022-02-25", "rating": "excellent", "council_members": ["TS. A", "TS. B"]},
    )
    assert accepted.status == 201
    assert (accepted.body["stage"], accepted.body["rating"]) == ("accepted", "excellent")
    assert accepted.body["events"][-1]["council_members"] == ["TS. A", "TS. B"]

    figures = {f["key"]: f for f in office.get("/research/figures", {"period": "2022-Q1"}).body}
    assert figures["research.accepted"]["sentence"] == "Nghiệm thu 01 dự án, xếp loại “Xuất sắc”."


def test_stale_version_is_a_conflict(world, office):
    pk = office.post("/research", {"title": "Đề tài", "start_year": 2024}).body["id"]
    assert office.patch(f"/research/{pk}", {"version": 1, "field": "Nông nghiệp"}).status == 200
    assert office.patch(f"/research/{pk}", {"version": 1, "field": "Y tế"}).status == 409


def test_a_bad_period_is_a_422(world, office):
    assert office.get("/research/figures", {"period": "2024-Q5"}).status == 422
