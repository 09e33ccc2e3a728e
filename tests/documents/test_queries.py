"""Document lists: filters, diacritic-insensitive search, order, scope."""

from __future__ import annotations

import datetime as dt

import pytest

from dieuhanh.documents.models import Document
from dieuhanh.documents.queries import DocumentFilter, filter_documents
from tests.factories import DocumentFactory, TaskFactory

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def docs(world):
    return {
        "plan": DocumentFactory(
            org=world.org, number_raw="114-KH/TU", kind="KH", issuer="Ban Thường vụ Tỉnh uỷ", issued_on=D(2024, 1, 5)
        ),
        "letter": DocumentFactory(
            org=world.org, number_raw="181/UBND-KGVX", kind="CV", issuer="UBND tỉnh", issued_on=D(2024, 1, 12)
        ),
        "outgoing": DocumentFactory(
            org=world.org,
            number_raw="211/KHCN-VP",
            kind="CV",
            direction=Document.Direction.OUTGOING,
            issuer="Sở KH&CN",
            issued_on=D(2024, 2, 2),
        ),
    }


def found(world, role="office", **kw):
    return [d.number_raw for d in filter_documents(world.scope(role), DocumentFilter(**kw))]


def test_search_ignores_diacritics_and_tone_placement(world, docs):
    assert found(world, text="tinh ủy") == ["114-KH/TU"]


def test_search_finds_a_number_in_any_case(world, docs):
    assert found(world, text="181/ubnd") == ["181/UBND-KGVX"]


def test_filters_by_book_kind_and_issue_dates(world, docs):
    assert found(world, direction="out") == ["211/KHCN-VP"]
    assert found(world, kind="KH") == ["114-KH/TU"]
    assert found(world, issued_from=D(2024, 1, 6), issued_to=D(2024, 1, 31)) == ["181/UBND-KGVX"]


def test_newest_first_by_default_and_oldest_first_on_request(world, docs):
    assert found(world) == ["211/KHCN-VP", "181/UBND-KGVX", "114-KH/TU"]
    assert found(world, ordering="issued") == ["114-KH/TU", "181/UBND-KGVX", "211/KHCN-VP"]


def test_a_unit_role_lists_only_the_documents_it_may_see(world, docs):
    TaskFactory(org=world.org, lead_unit=world.unit_a, source_document=docs["letter"])
    assert found(world, role="officer") == ["181/UBND-KGVX"]
