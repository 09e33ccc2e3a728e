"""The due-items contract between registers and reminders."""

from __future__ import annotations

import datetime as dt

from dieuhanh.core import due


def test_sources_are_read_in_name_order_and_replaced_by_name(monkeypatch):
    monkeypatch.setattr(due, "_SOURCES", {})
    item = due.Due(key="x:1", kind="x", title="Hạn nộp", due_on=dt.date(2024, 3, 20), recipients=(1,))
    due.due_source("b")(lambda org, today: [item])
    due.due_source("a")(lambda org, today: [])
    due.due_source("a")(lambda org, today: [item])
    assert due.due_items(None, dt.date(2024, 3, 1)) == [item, item]
    assert sorted(due.sources()) == ["a", "b"]
