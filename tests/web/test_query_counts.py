"""Query-count guards: the lists and the dashboard make the same few queries for 40 rows or 100."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dieuhanh.documents.services import document_register
from dieuhanh.tasks.services import extension_grant, task_create
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db
D = dt.date
# session, user, person (scope), then the page's own; measured, with a little room.
LIMITS = {"task_list": 12, "dashboard": 11, "document_list": 8}  # document_list: +1 counting pending imports


def add_rows(world, n: int, start: int = 0) -> None:
    office = world.scope("office")
    officer = world.people["officer"]
    for i in range(start, start + n):
        doc = document_register(scope=office, number_raw=f"{1000 + i}/UBND-KGVX", issued_on=D(2024, 1, 2), summary="x")
        task = task_create(
            scope=office,
            content=f"Nhiệm vụ {i} theo chỉ đạo của Tỉnh ủy",
            assigned_on=D(2024, 1, 3),
            source_document=doc,
            lead_unit=world.unit_a if i % 2 else world.unit_b,
            coordinating_units=[world.office_unit],
            officer=officer if i % 3 == 0 else None,
            deadline=D(2024, 3, 1) if i % 4 else None,
        )
        if i % 5 == 0 and task.deadline:
            extension_grant(scope=office, task=task, new_deadline=D(2024, 6, 1), reason="x", decided_on=D(2024, 2, 1))


def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


PAGES = [
    ("task_list", {}),
    ("task_list", {"q": "tinh uy", "trang_thai": "qua_han", "sap_xep": "deadline"}),
    ("dashboard", {}),
    ("document_list", {"q": "ubnd"}),
]


@pytest.mark.parametrize("role", ["office", "officer"])
def test_queries_do_not_grow_with_rows(world, role, django_assert_max_num_queries):
    client = client_for(world, role)
    add_rows(world, 40)  # enough to fill the dashboard's lists and include extended tasks
    few = {(name, str(params)): count_queries(client, reverse(f"web:{name}"), params) for name, params in PAGES}
    add_rows(world, 60, start=40)
    for name, params in PAGES:
        with django_assert_max_num_queries(LIMITS[name]):
            many = count_queries(client, reverse(f"web:{name}"), params)
        assert many == few[(name, str(params))], (name, params)
