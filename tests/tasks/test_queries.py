"""Task lists in SQL: the status expression equals the status engine; filters and search."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dieuhanh.tasks.models import Extension, Task
from dieuhanh.tasks.queries import TaskFilter, annotate_status, filter_tasks
from dieuhanh.tasks.selectors import facts_by_task
from dieuhanh.tasks.status import Status, past_deadline, status_at
from tests.factories import TaskFactory

D = dt.date
dates = st.dates(min_value=D(2023, 1, 1), max_value=D(2024, 12, 31))


@st.composite
def task_rows(draw):
    assigned = draw(dates)
    later = st.dates(min_value=assigned, max_value=D(2025, 6, 30))
    extensions = [(draw(later), draw(later)) for _ in range(draw(st.integers(0, 2)))]
    return {
        "assigned_on": assigned,
        "original_deadline": draw(st.none() | later),
        "started_on": draw(st.none() | later),
        "completed_on": draw(st.none() | later),
        "extensions": extensions,
    }


@pytest.mark.django_db
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(task_rows(), min_size=1, max_size=12), as_of=dates)
def test_sql_status_equals_the_status_engine(world, rows, as_of):
    Task.objects.all().delete()
    for row in rows:
        extensions = row.pop("extensions")
        task = TaskFactory(org=world.org, deadline=row["original_deadline"], has_extensions=bool(extensions), **row)
        for decided_on, new_deadline in extensions:
            Extension.objects.create(
                org=world.org,
                task=task,
                requested_on=task.assigned_on,
                reason="r",
                requested_deadline=new_deadline,
                status=Extension.State.APPROVED,
                decided_on=decided_on,
                approved_deadline=new_deadline,
            )
    tasks = list(Task.objects.filter(org=world.org))
    facts = facts_by_task(tasks)
    in_sql = dict(annotate_status(Task.objects.filter(org=world.org), as_of).values_list("pk", "status_at"))
    for task in tasks:
        expected = status_at(facts[task.pk], as_of)
        assert in_sql[task.pk] == (expected.value if expected else None)


@pytest.mark.django_db
def test_search_ignores_diacritics_and_tone_placement(world):
    TaskFactory(org=world.org, content="Thực hiện Kế hoạch của Tỉnh uỷ về chuyển đổi số")
    TaskFactory(org=world.org, content="Báo cáo Bộ Khoa học và Công nghệ")
    for query in ("tinh uy", "Tỉnh ủy", "TỈNH UỶ", "chuyen doi so"):
        found = filter_tasks(world.operator, TaskFilter(text=query), today=D(2024, 6, 1))
        assert [t.content for t in found] == ["Thực hiện Kế hoạch của Tỉnh uỷ về chuyển đổi số"], query


@pytest.mark.django_db
def test_search_finds_the_source_document_number(world):
    from tests.factories import DocumentFactory

    doc = DocumentFactory(org=world.org, number_raw="29/2023/QĐ-TTg")
    TaskFactory(org=world.org, content="Triển khai quyết định", source_document=doc)
    found = filter_tasks(world.operator, TaskFilter(text="QĐ-TTg"), today=D(2024, 6, 1))
    assert found.count() == 1


@pytest.mark.django_db
def test_filter_by_status_at_a_date_and_unit(world):
    TaskFactory(
        org=world.org,
        lead_unit=world.unit_a,
        assigned_on=D(2024, 1, 1),
        original_deadline=D(2024, 2, 1),
        deadline=D(2024, 2, 1),
        started_on=D(2024, 1, 2),
    )
    TaskFactory(
        org=world.org,
        lead_unit=world.unit_b,
        assigned_on=D(2024, 1, 1),
        original_deadline=D(2024, 2, 1),
        deadline=D(2024, 2, 1),
        started_on=D(2024, 1, 2),
    )
    overdue_a = TaskFilter(status=Status.OVERDUE, status_on=D(2024, 2, 2), unit_id=world.unit_a.pk)
    assert filter_tasks(world.operator, overdue_a).count() == 1
    in_progress = TaskFilter(status=Status.IN_PROGRESS, status_on=D(2024, 2, 1))
    assert filter_tasks(world.operator, in_progress).count() == 2


@pytest.mark.django_db
def test_past_deadline_filter_matches_the_engine(world):
    TaskFactory(org=world.org, assigned_on=D(2024, 1, 1), original_deadline=D(2024, 2, 1), deadline=D(2024, 2, 1))
    TaskFactory(org=world.org, assigned_on=D(2024, 1, 1), original_deadline=D(2024, 3, 1), deadline=D(2024, 3, 1))
    found = list(filter_tasks(world.operator, TaskFilter(past_deadline=True, status_on=D(2024, 2, 15))))
    assert len(found) == 1
    assert past_deadline(found[0].facts(), D(2024, 2, 15))


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_rows(world, django_assert_max_num_queries):
    for _ in range(30):
        TaskFactory(org=world.org, lead_unit=world.unit_a)
    with django_assert_max_num_queries(1):
        rows = list(filter_tasks(world.operator, TaskFilter(), today=D(2024, 6, 1)).select_related("lead_unit"))
        assert all(r.lead_unit.name for r in rows)


@pytest.mark.django_db
def test_a_word_inside_another_word_does_not_match(world):
    TaskFactory(org=world.org, content="Phối hợp giữa hai tỉnh Bắc Giang và tỉnh Thái Nguyên")
    assert not filter_tasks(world.operator, TaskFilter(text="tinh uy"), today=D(2024, 6, 1)).exists()
    assert filter_tasks(world.operator, TaskFilter(text="thai nguy"), today=D(2024, 6, 1)).count() == 1
