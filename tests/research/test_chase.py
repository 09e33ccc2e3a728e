"""The chase: what is late, by how many days, at a frozen today; and the due source."""

from __future__ import annotations

import datetime as dt

import pytest

from dieuhanh.core.due import due_items
from dieuhanh.research.chase import chase_items
from dieuhanh.research.lifecycle import EventKind, Rating
from tests.research.conftest import TODAY, accepted_task, make_task, run_to

pytestmark = pytest.mark.django_db


def test_past_end_date_without_products_is_late_by_the_days_since(world):
    scope = world.scope("office")
    late = make_task(scope, stage="in_progress", end_date=dt.date(2021, 12, 31), short_name="Tinh dầu quýt")
    make_task(scope, stage="in_progress", end_date=dt.date(2022, 6, 30), short_name="Chưa đến hạn")
    delivered = make_task(scope, stage="in_progress", end_date=dt.date(2021, 12, 31))
    run_to(scope, delivered, (EventKind.DELIVERY, dt.date(2022, 1, 10)))

    items = chase_items(scope, TODAY)

    assert [(str(i.task), i.reason, i.days_late) for i in items] == [("Tinh dầu quýt", "products", 74)]
    assert items[0].reason_label == "Hết thời gian thực hiện, chưa giao nộp sản phẩm"
    assert late.pk == items[0].task.pk


def test_approved_without_contract_after_thirty_days(world):
    scope = world.scope("office")
    task = make_task(scope, stage="budget_appraised", short_name="Thạch đen")
    run_to(scope, task, (EventKind.APPROVAL, dt.date(2022, 1, 14)))
    fresh = make_task(scope, stage="budget_appraised", short_name="Ngô sinh khối")
    run_to(scope, fresh, (EventKind.APPROVAL, dt.date(2022, 3, 1)))

    items = chase_items(scope, TODAY)

    assert [(str(i.task), i.reason, i.due_on, i.days_late) for i in items] == [
        ("Thạch đen", "contract", dt.date(2022, 2, 13), 30)
    ]


def test_accepted_but_not_registered(world):
    scope = world.scope("office")
    accepted_task(scope, dt.date(2022, 1, 5), Rating.EXCELLENT, short_name="Chè hàng hóa")
    accepted_task(scope, dt.date(2022, 1, 5), Rating.FAIL, short_name="Không đạt")

    items = chase_items(scope, TODAY)

    assert [(str(i.task), i.reason, i.days_late) for i in items] == [("Chè hàng hóa", "registration", 39)]


def test_terminated_and_registered_tasks_are_not_chased(world):
    scope = world.scope("office")
    task = make_task(scope, stage="in_progress", end_date=dt.date(2021, 6, 30))
    run_to(scope, task, (EventKind.TERMINATION, dt.date(2022, 1, 5)))
    assert chase_items(scope, TODAY) == []


def test_an_officer_sees_only_the_chase_of_tasks_they_follow(world):
    office = world.scope("office")
    make_task(office, stage="in_progress", end_date=dt.date(2021, 12, 31), managing_unit=world.unit_b)
    mine = make_task(office, stage="in_progress", end_date=dt.date(2021, 12, 31), officer=world.people["officer"])
    assert [i.task.pk for i in chase_items(world.scope("officer"), TODAY)] == [mine.pk]


def test_due_source_gives_open_items_with_their_followers_and_a_stable_key(world):
    scope = world.scope("office")
    officer, deputy = world.people["officer"], world.people["leader"]
    task = make_task(scope, stage="in_progress", end_date=dt.date(2022, 6, 30), officer=officer, deputy=deputy)

    dues = [d for d in due_items(world.org, TODAY) if d.kind.startswith("research")]

    assert len(dues) == 1
    due = dues[0]
    assert (due.key, due.kind, due.due_on) == (
        f"research:{task.pk}:products",
        "research_products",
        dt.date(2022, 6, 30),
    )
    assert due.recipients == (officer.pk, deputy.pk)
    assert due.link == f"/nhiem-vu-khcn/{task.pk}/"
