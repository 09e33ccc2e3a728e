"""Query-count guards: a list is as cheap with 40 rows as with 2, so it stays fast with 20,000.

Each list is called with few rows and with many rows that have every relation filled in
(units, coordinating units, officers, documents, extensions); both calls must stay under the
same fixed number of queries.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dieuhanh.api.tokens import token_create
from dieuhanh.documents.models import Citation
from dieuhanh.tasks.models import Extension, ProgressNote
from tests.api.conftest import ApiClient
from tests.factories import AssignerFactory, DocumentFactory, PersonFactory, TaskFactory

D = dt.date
pytestmark = pytest.mark.django_db


def add_tasks(world, n, start=0):
    assigner = AssignerFactory(org=world.org)
    for i in range(start, start + n):
        doc = DocumentFactory(org=world.org, number_raw=f"{1000 + i}/UBND-KGVX")
        result = DocumentFactory(org=world.org, number_raw=f"{2000 + i}/KHCN-VP")
        task = TaskFactory(
            org=world.org,
            lead_unit=world.unit_a,
            officer=world.people["officer"],
            assigner=assigner,
            source_document=doc,
            result_document=result,
            original_deadline=D(2024, 3, 1),
            deadline=D(2024, 4, 1),
            has_extensions=True,
        )
        task.coordinating_units.set([world.unit_b, world.office_unit])
        Extension.objects.create(
            org=world.org,
            task=task,
            requested_on=D(2024, 2, 1),
            reason="Chờ",
            requested_deadline=D(2024, 4, 1),
            status=Extension.State.APPROVED,
            decided_on=D(2024, 2, 2),
            approved_deadline=D(2024, 4, 1),
        )


@pytest.fixture
def office(world, as_role) -> ApiClient:
    client = as_role("office")
    client.get("/me")  # the token's first use writes last_used_at; later calls within a minute do not
    return client


def count_queries(django_assert_max_num_queries, limit, call):
    with django_assert_max_num_queries(limit) as captured:
        response = call()
    assert response.status == 200
    return len(captured.captured_queries)


# token lookup + person (Scope) + count + rows + coordinating units
TASK_LIST_QUERIES = 5


def test_task_list(world, office, django_assert_max_num_queries):
    add_tasks(world, 2)
    few = count_queries(django_assert_max_num_queries, TASK_LIST_QUERIES, lambda: office.get("/tasks"))
    add_tasks(world, 40, start=2)
    many = count_queries(
        django_assert_max_num_queries, TASK_LIST_QUERIES, lambda: office.get("/tasks", {"page_size": 200})
    )
    assert few == many
    assert office.get("/tasks").body["count"] == 42


def test_task_list_as_a_unit_role_with_filters(world, as_role, django_assert_max_num_queries):
    officer = as_role("officer")
    officer.get("/me")
    add_tasks(world, 30)
    params = {"status": "done_on_time", "status_on": "2024-03-15", "q": "nhiem vu", "unit_id": world.unit_a.pk}
    count_queries(django_assert_max_num_queries, TASK_LIST_QUERIES, lambda: officer.get("/tasks", params))


def test_document_list(world, office, django_assert_max_num_queries):
    add_tasks(world, 2)
    few = count_queries(django_assert_max_num_queries, 4, lambda: office.get("/documents"))
    add_tasks(world, 40, start=2)
    many = count_queries(django_assert_max_num_queries, 4, lambda: office.get("/documents", {"page_size": 200}))
    assert few == many


@pytest.mark.parametrize("path", ["/units", "/people", "/assigners"])
def test_reference_lists(world, office, django_assert_max_num_queries, path):
    for i in range(30):
        PersonFactory(org=world.org, unit=world.unit_b, full_name=f"Cán bộ {i}")
        AssignerFactory(org=world.org)
    count_queries(django_assert_max_num_queries, 3, lambda: office.get(path))


def test_period_summary(world, office, django_assert_max_num_queries):
    add_tasks(world, 40)
    # token + person + tasks + approved extensions + units
    count_queries(django_assert_max_num_queries, 5, lambda: office.get("/reports/summary", {"period": "2024-Q1"}))


def test_task_detail_with_many_notes_extensions_and_subtasks(world, office, django_assert_max_num_queries):
    add_tasks(world, 1)
    task = world.org.tasks.get()
    for i in range(20):
        ProgressNote.objects.create(org=world.org, task=task, noted_on=D(2024, 1, 11), text=f"Tiến độ {i}")
        TaskFactory(org=world.org, parent=task, lead_unit=world.unit_a, officer=world.people["officer"])
    count_queries(django_assert_max_num_queries, 10, lambda: office.get(f"/tasks/{task.pk}"))


def test_document_detail_with_many_citations_and_tasks(world, office, django_assert_max_num_queries):
    add_tasks(world, 1)
    doc = world.org.tasks.get().source_document
    for i in range(20):
        cited = DocumentFactory(org=world.org, number_raw=f"{i + 1}/QĐ-UBND")
        Citation.objects.create(org=world.org, citing=doc, cited=cited, number_raw=cited.number_raw)
        Citation.objects.create(org=world.org, citing=cited, cited=doc, number_raw=doc.number_raw)
        TaskFactory(org=world.org, source_document=doc, lead_unit=world.unit_a, result_document=cited)
    count_queries(django_assert_max_num_queries, 8, lambda: office.get(f"/documents/{doc.pk}"))


def test_token_list(world, django_assert_max_num_queries):
    for i in range(10):
        token_create(scope=world.scope("admin"), name=f"Mã {i}", user=world.people["officer"].user)
    browser = ApiClient(user=world.people["admin"].user)
    # session, user, the backend's demo check (person, organisation), Scope's person, tokens with their people
    count_queries(django_assert_max_num_queries, 6, lambda: browser.get("/tokens"))
