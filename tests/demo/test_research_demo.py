"""The research demo: what it reproduces of seeds 000 and 003 (the README lists what it cannot)."""

from __future__ import annotations

import pytest

from dieuhanh.demo.builder import build_demo, reset_demo
from dieuhanh.orgs.models import Organisation
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.contributions import figures_for
from dieuhanh.reports.periods import parse_period
from dieuhanh.research.models import ResearchTask

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def figures(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_demo()
        result = {}
        for slug, key in (("bac-giang", "2024-Q1"), ("bac-kan", "2022-Q1")):
            scope = Scope.operator(Organisation.objects.get(slug=slug))
            result[slug] = {f.key: f for f in figures_for(scope, parse_period(key), "research")}
        counts = {slug: ResearchTask.objects.filter(org__slug=slug).count() for slug in result}
        reset_demo()
    return result, counts


def test_bac_kan_q1_2022(figures):
    bac_kan = figures[0]["bac-kan"]
    assert bac_kan["research.accepted"].sentence == "Nghiệm thu 01 dự án, xếp loại “Xuất sắc”."
    assert bac_kan["research.registered"].sentence == (
        "Cấp 01 Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ "
        "dự án: Ứng dụng khoa học và công nghệ sản xuất Lê tại Bắc Kạn."
    )
    # the named tasks only: the seed's 28 = 23 + 3 + 2 and 12 = 9 + 3 name 8 and 4 provincial ones
    assert bac_kan["research.carried_over"].sentence == (
        "Nhiệm vụ chuyển tiếp: 13. Trong đó: 08 nhiệm vụ cấp tỉnh, 03 nhiệm vụ NTMN "
        "(trong đó 02 dự án phối hợp quản lý), 02 nhiệm vụ cấp quốc gia."
    )
    assert bac_kan["research.new"].sentence == (
        "Nhiệm vụ thực hiện từ năm 2022: 07. Trong đó: 04 nhiệm vụ cấp tỉnh, 03 nhiệm vụ NTMN "
        "(trong đó 02 dự án phối hợp quản lý)."
    )


def test_bac_giang_q1_2024(figures):
    bac_giang = figures[0]["bac-giang"]
    assert bac_giang["research.accepted.by_group.provincial"].sentence == (
        "Nghiệm thu 04 nhiệm vụ cấp tỉnh: 01 xếp loại “Xuất sắc”, 03 xếp loại “Đạt”."
    )
    assert bac_giang["research.accepted.by_group.national"].sentence == (
        "Nghiệm thu 02 nhiệm vụ cấp quốc gia: 01 xếp loại “Khá”, 01 xếp loại “Đạt”."
    )
    assert bac_giang["research.terminated"].value == 2


def test_demo_task_counts(figures):
    assert figures[1] == {"bac-giang": 17, "bac-kan": 21}
