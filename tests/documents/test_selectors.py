"""Who sees which documents."""

from __future__ import annotations

import pytest

from dieuhanh.documents.selectors import documents_visible
from tests.factories import DocumentFactory, TaskFactory

pytestmark = pytest.mark.django_db


def test_unit_roles_see_documents_behind_their_tasks_only(world, other_world):
    mine = DocumentFactory(org=world.org)
    result = DocumentFactory(org=world.org)
    other = DocumentFactory(org=world.org)
    TaskFactory(org=world.org, lead_unit=world.unit_a, source_document=mine, result_document=result)
    TaskFactory(org=world.org, lead_unit=world.unit_b, source_document=other)
    foreign = DocumentFactory(org=other_world.org)
    for role in ("unit_head", "officer"):
        assert set(documents_visible(world.scope(role))) == {mine, result}
    for role in ("office", "leader", "viewer", "admin"):
        assert set(documents_visible(world.scope(role))) == {mine, result, other}
    assert foreign not in documents_visible(world.scope("office"))


def test_a_person_sees_what_they_registered(world):
    doc = DocumentFactory(org=world.org, created_by=world.people["officer"].user)
    assert doc in documents_visible(world.scope("officer"))
