"""Who sees which documents."""

from __future__ import annotations

import pytest

from dieuhanh.documents.models import Citation
from dieuhanh.documents.selectors import citations_to, documents_visible
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


def test_citations_to_a_document_come_only_from_documents_the_scope_sees(world):
    cited = DocumentFactory(org=world.org)
    seen = DocumentFactory(org=world.org)
    unseen = DocumentFactory(org=world.org)
    TaskFactory(org=world.org, lead_unit=world.unit_a, source_document=cited)
    TaskFactory(org=world.org, lead_unit=world.unit_a, source_document=seen)
    for citing in (seen, unseen):
        Citation.objects.create(org=world.org, citing=citing, cited=cited, number_raw=cited.number_raw)
    assert [c.citing for c in citations_to(world.scope("officer"), cited)] == [seen]
    assert {c.citing for c in citations_to(world.scope("office"), cited)} == {seen, unseen}
