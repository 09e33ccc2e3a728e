"""Research figures for a report period, as the seeds write them (003: "40 = 28 + 12")."""

from __future__ import annotations

import datetime as dt

import pytest

from dieuhanh.reports.contributions import figures_for
from dieuhanh.reports.periods import parse_period
from dieuhanh.research.lifecycle import EventKind, Rating
from dieuhanh.research.models import Level, Management, TaskType
from tests.research.conftest import accepted_task, make_task, run_to

pytestmark = pytest.mark.django_db
Q1_2022 = parse_period("2022-Q1")


def _bac_kan_like_register(scope):
    """Seed 003's counts: carried over 23 provincial + 3 NTMN (2 jointly followed) + 2 national;
    new in 2022: 9 provincial + 3 NTMN (2 jointly followed). One provincial project accepted in
    the quarter, rated Xuất sắc."""
    for i in range(22):
        make_task(scope, title=f"Đề tài cấp tỉnh {i}", start_year=2020 + i % 2, stage="in_progress")
    accepted_task(
        scope,
        dt.date(2022, 2, 25),
        Rating.EXCELLENT,
        title="Ứng dụng tiến bộ kỹ thuật cải tạo và phát triển vùng sản xuất chè hàng hóa tại tỉnh Bắc Kạn",
        task_type=TaskType.PROJECT,
        start_year=2019,
    )
    for i, management in enumerate([Management.LOCAL, Management.CENTRAL, Management.CENTRAL]):
        common = {"level": Level.NATIONAL, "programme": "NTMN", "task_type": TaskType.PROJECT, "management": management}
        make_task(scope, title=f"NTMN cũ {i}", start_year=2021, stage="in_progress", **common)
        make_task(scope, title=f"NTMN mới {i}", start_year=2022, stage="selected", **common)
    for i in range(2):
        make_task(scope, title=f"Quốc gia {i}", level=Level.NATIONAL, start_year=2021, stage="contracted")
    for i in range(9):
        make_task(scope, title=f"Mới cấp tỉnh {i}", start_year=2022, stage="selected")
    # not counted: a proposal not yet on the approved list; a task accepted in 2021; one for 2023
    make_task(scope, title="Đề xuất 2023", start_year=2022, stage="proposed")
    accepted_task(scope, dt.date(2021, 11, 30), title="Nghiệm thu năm trước", start_year=2019)
    make_task(scope, title="Năm sau", start_year=2023, stage="listed")


def _by_key(scope, period=Q1_2022):
    return {f.key: f for f in figures_for(scope, period, "research")}


def test_seed_003_managed_tasks_carried_over_and_new(world):
    world.org.header_name = "Sở Khoa học và Công nghệ"
    world.org.save()
    scope = world.scope("office")
    _bac_kan_like_register(scope)

    figures = _by_key(scope)

    assert figures["research.managed"].sentence == (
        "Năm 2022, Sở Khoa học và Công nghệ quản lý 40 nhiệm vụ khoa học và công nghệ "
        "(28 nhiệm vụ chuyển tiếp; 12 nhiệm vụ thực hiện từ năm 2022)."
    )
    assert figures["research.carried_over"].sentence == (
        "Nhiệm vụ chuyển tiếp: 28. Trong đó: 23 nhiệm vụ cấp tỉnh, 03 nhiệm vụ NTMN "
        "(trong đó 02 dự án phối hợp quản lý), 02 nhiệm vụ cấp quốc gia."
    )
    assert figures["research.new"].sentence == (
        "Nhiệm vụ thực hiện từ năm 2022: 12. Trong đó: 09 nhiệm vụ cấp tỉnh, 03 nhiệm vụ NTMN "
        "(trong đó 02 dự án phối hợp quản lý)."
    )
    assert (figures["research.managed.provincial"].value, figures["research.managed.ntmn"].value) == (32, 6)


def test_seed_003_one_project_accepted_excellent(world):
    scope = world.scope("office")
    _bac_kan_like_register(scope)

    figures = _by_key(scope)

    assert figures["research.accepted"].sentence == "Nghiệm thu 01 dự án, xếp loại “Xuất sắc”."
    assert figures["research.accepted.excellent"].value == 1
    assert figures["research.accepted.pass"].value == 0


def test_seed_000_four_accepted_one_excellent_three_passed(world):
    scope = world.scope("office")
    for rating in (Rating.EXCELLENT, Rating.PASS, Rating.PASS, Rating.PASS):
        accepted_task(scope, dt.date(2022, 3, 1), rating, title=f"Nhiệm vụ {rating}", start_year=2021)

    sentence = _by_key(scope)["research.accepted"].sentence

    assert sentence == "Nghiệm thu 04 đề tài: 01 xếp loại “Xuất sắc”, 03 xếp loại “Đạt”."


def test_terminated_with_funds_and_registered_certificate(world):
    scope = world.scope("office")
    task = make_task(
        scope, title="Ứng dụng tiến bộ KH&CN trong nuôi lợn sinh sản", task_type=TaskType.PROJECT, stage="in_progress"
    )
    run_to(scope, task, (EventKind.TERMINATION, dt.date(2022, 2, 1), {"funds_to_recover": 450, "funds_recovered": 450}))
    lê = accepted_task(
        scope,
        dt.date(2021, 12, 20),
        title="Ứng dụng khoa học và công nghệ sản xuất Lê tại Bắc Kạn",
        task_type=TaskType.PROJECT,
    )
    run_to(
        scope,
        lê,
        (EventKind.RECOGNITION, dt.date(2022, 1, 5)),
        (EventKind.REGISTRATION, dt.date(2022, 2, 10), {"certificate_number": "01/2022/GCN"}),
        (EventKind.UPLOAD, dt.date(2022, 3, 1)),
    )

    figures = _by_key(scope)

    assert figures["research.terminated"].sentence == (
        "Chấm dứt hợp đồng 01 dự án; kinh phí phải thu hồi 450 triệu đồng, đã thu hồi 450 triệu đồng."
    )
    assert figures["research.registered"].sentence == (
        "Cấp 01 Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ "
        "dự án: Ứng dụng khoa học và công nghệ sản xuất Lê tại Bắc Kạn."
    )
    assert figures["research.uploaded"].value == 1


def test_figures_follow_the_scope(world):
    office = world.scope("office")
    make_task(office, start_year=2022, stage="listed", managing_unit=world.unit_b)
    make_task(office, start_year=2022, stage="listed", officer=world.people["officer"])
    assert _by_key(office)["research.managed"].value == 2
    assert _by_key(world.scope("officer"))["research.managed"].value == 1


def test_seed_000_acceptances_by_level(world):
    scope = world.scope("office")
    for rating in (Rating.EXCELLENT, Rating.PASS, Rating.PASS, Rating.PASS):
        accepted_task(scope, dt.date(2022, 3, 1), rating, title=f"Cấp tỉnh {rating}", start_year=2021)
    accepted_task(
        scope, dt.date(2022, 3, 2), Rating.GOOD, title="Cát sâm", level=Level.NATIONAL, task_type=TaskType.PROJECT
    )

    figures = _by_key(scope)

    assert figures["research.accepted.by_group.provincial"].sentence == (
        "Nghiệm thu 04 đề tài cấp tỉnh: 01 xếp loại “Xuất sắc”, 03 xếp loại “Đạt”."
    )
    assert figures["research.accepted.by_group.national"].sentence == (
        "Nghiệm thu 01 dự án cấp quốc gia, xếp loại “Khá”."
    )
