"""Research fixtures: a frozen clock (the day seed 003 was signed) and a helper to build tasks."""

from __future__ import annotations

import datetime as dt

import pytest

from dieuhanh.research.lifecycle import EventKind, Rating
from dieuhanh.research.services import research_create, research_event_add

TODAY = dt.date(2022, 3, 15)


@pytest.fixture(autouse=True)
def frozen_today(settings):
    settings.DIEUHANH_TODAY, settings.DEMO_MODE = TODAY, True
    return TODAY


def make_task(scope, **fields):
    fields.setdefault("title", "Ứng dụng tiến bộ kỹ thuật cải tạo và phát triển vùng sản xuất chè hàng hóa")
    fields.setdefault("start_year", 2020)
    return research_create(scope=scope, **fields)


def run_to(scope, task, *steps):
    """Record (kind, date[, extra]) steps in order."""
    for step in steps:
        kind, date, *extra = step
        research_event_add(scope=scope, task=task, kind=kind, date=date, **(extra[0] if extra else {}))
        task.refresh_from_db()
    return task


def accepted_task(scope, on: dt.date, rating: Rating = Rating.PASS, **fields):
    task = make_task(scope, stage="in_progress", **fields)
    return run_to(
        scope,
        task,
        (EventKind.DELIVERY, on - dt.timedelta(days=20)),
        (EventKind.ACCEPTANCE, on, {"rating": rating}),
    )
