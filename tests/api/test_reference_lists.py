"""Who am I, and the lists a client needs to name units, people and assigners."""

from __future__ import annotations

import pytest

from tests.factories import AssignerFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_me_tells_the_role_and_what_it_may_do(world, as_role):
    body = as_role("unit_head").get("/me").body
    assert (body["role"], body["role_label"]) == ("unit_head", "Trưởng phòng, đơn vị")
    assert body["organisation"]["slug"] == world.org.slug
    assert body["can"] == {"assign": False, "register_documents": True, "manage_org": False, "read_only": False}
    assert as_role("viewer").get("/me").body["can"]["read_only"] is True
    assert as_role("admin").get("/me").body["can"]["manage_org"] is True


def test_units_in_their_order_and_only_the_own_organisations(world, other_world, as_role):
    UnitFactory(org=world.org, name="Thanh tra Sở", order=9, is_active=False)
    units = as_role("officer").get("/units").body
    assert [u["name"] for u in units] == [
        "Văn phòng Sở",
        "Phòng Quản lý khoa học",
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "Thanh tra Sở",
    ]
    assert units[0]["kind_label"] == "Văn phòng"
    assert len(as_role("officer").get("/units", {"active_only": "true"}).body) == 3


def test_people_of_the_organisation_by_unit(world, as_role):
    people = as_role("office").get("/people", {"unit_id": world.unit_a.pk}).body
    assert {p["id"] for p in people} == {world.people["unit_head"].pk, world.people["officer"].pk}
    assert people[0]["unit"]["code"] == "QLKH"


def test_assigners_of_the_organisation(world, other_world, as_role):
    AssignerFactory(org=world.org, name="UBND tỉnh")
    AssignerFactory(org=other_world.org, name="UBND tỉnh khác")
    assert [a["name"] for a in as_role("viewer").get("/assigners").body] == ["UBND tỉnh"]
