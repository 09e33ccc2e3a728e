"""Shared fixtures: an organisation with units and one person per role."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dieuhanh.orgs.models import Organisation, Person, Role, Unit
from dieuhanh.orgs.scope import Scope
from tests.factories import OrganisationFactory, PersonFactory, UnitFactory


@dataclass
class OrgWorld:
    org: Organisation
    office_unit: Unit
    unit_a: Unit
    unit_b: Unit
    people: dict[str, Person]

    def scope(self, role: str) -> Scope:
        return Scope.for_user(self.people[role].user)

    @property
    def operator(self) -> Scope:
        return Scope.operator(self.org)


def make_world(**org_fields) -> OrgWorld:
    org = OrganisationFactory(**org_fields)
    office = UnitFactory(org=org, name="Văn phòng Sở", code="VP", kind=Unit.Kind.OFFICE, order=1)
    unit_a = UnitFactory(org=org, name="Phòng Quản lý khoa học", code="QLKH", order=2)
    unit_b = UnitFactory(org=org, name="Chi cục Tiêu chuẩn Đo lường Chất lượng", code="TĐC", order=3)
    people = {
        "admin": PersonFactory(org=org, role=Role.ADMIN, unit=office),
        "leader": PersonFactory(org=org, role=Role.LEADER, title="Phó Giám đốc"),
        "office": PersonFactory(org=org, role=Role.OFFICE, unit=office, title="Chánh Văn phòng"),
        "unit_head": PersonFactory(org=org, role=Role.UNIT_HEAD, unit=unit_a, title="Trưởng phòng"),
        "officer": PersonFactory(org=org, role=Role.OFFICER, unit=unit_a),
        "other_officer": PersonFactory(org=org, role=Role.OFFICER, unit=unit_b),
        "viewer": PersonFactory(org=org, role=Role.VIEWER, unit=office),
    }
    return OrgWorld(org, office, unit_a, unit_b, people)


@pytest.fixture
def world(db) -> OrgWorld:
    return make_world()


@pytest.fixture
def other_world(db) -> OrgWorld:
    return make_world()
