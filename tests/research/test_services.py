"""Research services: validation in Vietnamese, rights, version conflicts, audit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dieuhanh.core.errors import ConflictError
from dieuhanh.core.models import AuditEvent
from dieuhanh.research.lifecycle import EventKind, Rating, Stage
from dieuhanh.research.services import FundingYear, research_event_add, research_update
from tests.research.conftest import make_task, run_to

pytestmark = pytest.mark.django_db


def test_create_records_funding_and_audit(world):
    task = make_task(
        world.scope("office"),
        level="provincial",
        funding=[FundingYear(2021, Decimal("500"), Decimal("120")), FundingYear(2022, Decimal("300"))],
    )
    assert [(f.year, f.state_budget, f.counterpart) for f in task.funding.all()] == [
        (2021, Decimal("500.000"), Decimal("120.000")),
        (2022, Decimal("300.000"), Decimal("0.000")),
    ]
    event = AuditEvent.objects.get(object_type="researchtask", object_id=task.pk)
    assert event.action == "create"
    assert event.changes["funding"] == ["2021: 500.000 + 120.000", "2022: 300.000 + 0.000"]


def test_create_refuses_a_missing_title_and_a_bad_year(world):
    with pytest.raises(ValidationError) as exc:
        make_task(world.scope("office"), title="  ", start_year=22)
    assert exc.value.message_dict == {
        "title": ["Cần ghi tên nhiệm vụ."],
        "start_year": ["Năm bắt đầu thực hiện phải là một năm, ví dụ 2022."],
    }


def test_create_refuses_a_stage_after_recognition(world):
    with pytest.raises(ValidationError, match="Chỉ nhập nhiệm vụ đến bước công nhận kết quả"):
        make_task(world.scope("office"), stage="registered")


def test_a_finished_task_is_entered_with_its_acceptance_date(world):
    with pytest.raises(ValidationError, match="cần ngày nghiệm thu"):
        make_task(world.scope("office"), stage="recognised")
    task = make_task(world.scope("office"), stage="recognised", accepted_on=dt.date(2021, 11, 20))
    assert (task.stage, task.rating, task.accepted_on) == ("recognised", "", dt.date(2021, 11, 20))


def test_officer_and_viewer_cannot_create(world):
    for role in ("officer", "viewer"):
        with pytest.raises(PermissionDenied):
            make_task(world.scope(role))


def test_unit_head_creates_only_for_own_unit(world):
    scope = world.scope("unit_head")
    assert make_task(scope, managing_unit=world.unit_a).managing_unit == world.unit_a
    with pytest.raises(PermissionDenied, match="phòng mình"):
        make_task(scope, managing_unit=world.unit_b)


def test_another_orgs_officer_is_refused(world, other_world):
    with pytest.raises(ValidationError, match="cơ quan mình"):
        make_task(world.scope("office"), officer=other_world.people["officer"])


def test_update_with_a_stale_version_saves_nothing(world):
    scope = world.scope("office")
    task = make_task(scope)
    research_update(scope=scope, task=task, version=1, host_organisation="Viện Chè")
    with pytest.raises(ConflictError):
        research_update(scope=scope, task=task, version=1, host_organisation="Khác")
    task.refresh_from_db()
    assert (task.host_organisation, task.version) == ("Viện Chè", 2)


def test_event_moves_the_stage_and_is_audited(world):
    scope = world.scope("office")
    task = make_task(scope, stage="approved")
    research_event_add(
        scope=scope, task=task, kind=EventKind.CONTRACT, date=dt.date(2022, 2, 1), document_text="05/HĐ-KHCN"
    )
    task.refresh_from_db()
    assert (task.stage, task.contracted_on) == ("contracted", dt.date(2022, 2, 1))
    audit = AuditEvent.objects.filter(object_type="researchtask", object_id=task.pk).first()
    assert audit.note == "Ký hợp đồng ngày 01/02/2022"
    assert audit.changes["stage"] == ["approved", "contracted"]


def test_a_refused_step_says_why_and_saves_nothing(world):
    scope = world.scope("office")
    task = make_task(scope, stage="in_progress")
    with pytest.raises(ValidationError) as exc:
        research_event_add(scope=scope, task=task, kind="acceptance", date=dt.date(2022, 3, 1), rating="pass")
    assert exc.value.message_dict["kind"] == [
        "Không ghi được “Nghiệm thu” khi nhiệm vụ đang thực hiện: cần giao nộp sản phẩm trước khi nghiệm thu."
    ]
    assert task.events.count() == 0


def test_acceptance_without_rating_is_refused_on_the_rating(world):
    scope = world.scope("office")
    task = run_to(scope, make_task(scope, stage="in_progress"), (EventKind.DELIVERY, dt.date(2022, 1, 5)))
    with pytest.raises(ValidationError) as exc:
        research_event_add(scope=scope, task=task, kind="acceptance", date=dt.date(2022, 3, 1))
    assert "rating" in exc.value.message_dict


def test_future_and_out_of_order_dates_are_refused(world):
    scope = world.scope("office")
    task = run_to(scope, make_task(scope, stage="contracted"), (EventKind.PROGRESS_CHECK, dt.date(2022, 2, 10)))
    with pytest.raises(ValidationError, match="tương lai"):
        research_event_add(scope=scope, task=task, kind="progress_check", date=dt.date(2022, 3, 16))
    with pytest.raises(ValidationError, match="trước bước đã ghi gần nhất"):
        research_event_add(scope=scope, task=task, kind="progress_check", date=dt.date(2022, 2, 9))


def test_extension_sets_the_end_date_and_keeps_the_original(world):
    scope = world.scope("office")
    task = make_task(scope, stage="contracted", end_date=dt.date(2022, 3, 31))
    with pytest.raises(ValidationError, match="phải sau thời hạn hiện tại"):
        research_event_add(
            scope=scope, task=task, kind="extension", date=dt.date(2022, 3, 1), new_end_date=dt.date(2022, 3, 1)
        )
    run_to(scope, task, (EventKind.EXTENSION, dt.date(2022, 3, 1), {"new_end_date": dt.date(2022, 9, 30)}))
    assert (task.original_end_date, task.end_date) == (dt.date(2022, 3, 31), dt.date(2022, 9, 30))


def test_termination_records_funds_and_refuses_more_recovered_than_due(world):
    scope = world.scope("office")
    task = make_task(scope, stage="in_progress")
    with pytest.raises(ValidationError, match="không thể lớn hơn"):
        research_event_add(
            scope=scope, task=task, kind="termination", date=dt.date(2022, 3, 1),
            funds_to_recover=Decimal(100), funds_recovered=Decimal(120),
        )  # fmt: skip
    run_to(
        scope,
        task,
        (
            EventKind.TERMINATION,
            dt.date(2022, 3, 1),
            {"funds_to_recover": Decimal(100), "funds_recovered": Decimal(100)},
        ),
    )
    assert (task.stage, task.closed_on) == (Stage.TERMINATED, dt.date(2022, 3, 1))


def test_registration_keeps_the_certificate(world):
    scope = world.scope("office")
    task = run_to(
        scope,
        make_task(scope, stage="in_progress"),
        (EventKind.DELIVERY, dt.date(2021, 12, 1)),
        (EventKind.ACCEPTANCE, dt.date(2022, 1, 10), {"rating": Rating.EXCELLENT}),
        (EventKind.RECOGNITION, dt.date(2022, 2, 1)),
        (EventKind.REGISTRATION, dt.date(2022, 3, 1), {"certificate_number": "03/2022/ĐKKQ-SKHCN"}),
    )
    assert (task.stage, task.rating, task.certificate_number) == ("registered", "excellent", "03/2022/ĐKKQ-SKHCN")


def test_the_officer_following_it_records_steps_but_another_officer_cannot_see_it(world):
    office = world.scope("office")
    task = make_task(office, stage="contracted", officer=world.people["officer"], managing_unit=world.unit_a)
    research_event_add(scope=world.scope("officer"), task=task, kind="progress_check", date=dt.date(2022, 3, 1))
    with pytest.raises(PermissionDenied):
        research_event_add(
            scope=world.scope("other_officer"), task=task, kind="progress_check", date=dt.date(2022, 3, 2)
        )
    with pytest.raises(PermissionDenied):
        research_update(scope=world.scope("officer"), task=task, version=task.version + 1, notes="x")
