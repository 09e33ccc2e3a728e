"""Figures contributed to a report section, and the number formats reports use."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command

from dieuhanh.orgs.models import Organisation
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.contributions import Figure, figures_for, provides, vi_count, vi_number
from dieuhanh.reports.periods import parse_period


def test_counts_are_zero_padded_and_thousands_use_dots():
    assert [vi_count(n) for n in (0, 7, 13, 1291)] == ["0", "07", "13", "1.291"]
    assert vi_number(Decimal("114.50")) == "114,5"


def test_unknown_field_is_refused():
    with pytest.raises(ValueError):
        provides("no-such-field", "x")


@pytest.mark.django_db
def test_registering_twice_replaces_the_provider(world):
    provides("other", "test.one")(lambda scope, period: [Figure("a", "A", 1)])
    provides("other", "test.one")(lambda scope, period: [Figure("b", "B", 2)])
    assert [f.key for f in figures_for(world.operator, parse_period("2024-Q1"), "other") if f.key in "ab"] == ["b"]


@pytest.mark.django_db
def test_assigned_tasks_figures_of_the_demo_quarter(capsys):
    call_command("demo", "--no-serve")
    scope = Scope.operator(Organisation.objects.get(slug="bac-giang"))
    sentences = [f.sentence for f in figures_for(scope, parse_period("2024-Q1"), "assigned_tasks") if f.sentence]
    assert sentences == [
        "Tổng số: 20 nhiệm vụ",
        "Đã thực hiện (hoàn thành): 07 nhiệm vụ, thực hiện chậm: 0.",
        "Đang thực hiện (trong hạn): 13 nhiệm vụ; quá hạn: 0 nhiệm vụ.",
        "Chưa thực hiện: 0 nhiệm vụ.",
    ]
