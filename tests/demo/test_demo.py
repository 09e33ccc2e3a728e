"""The demo: the acceptance figures of seed 000, rebuilt cleanly every time."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from dieuhanh.demo.builder import DEMO_PASSWORD, DemoConflict, build_demo
from dieuhanh.documents.models import Document
from dieuhanh.orgs.models import Organisation
from dieuhanh.tasks.models import Task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_acceptance_q1_2024_summary_of_the_demo(capsys):
    call_command("demo", "--no-serve")
    capsys.readouterr()
    call_command("report", "summary", "--org", "bac-giang", "--period", "2024-Q1", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == {"key": "2024-Q1", "start": "2023-12-15", "end": "2024-03-14"}
    got = {k: data[k] for k in ("total", "done_on_time", "done_late", "in_progress", "overdue", "not_started")}
    assert got == {"total": 20, "done_on_time": 7, "done_late": 0, "in_progress": 13, "overdue": 0, "not_started": 0}


def test_on_26_march_five_tasks_have_become_overdue():
    build_demo()
    import datetime as dt

    from dieuhanh.orgs.scope import Scope
    from dieuhanh.reports.figures import summarize

    scope = Scope.operator(Organisation.objects.get(slug="bac-giang"))
    assert summarize(scope, as_of=dt.date(2024, 3, 26)).counts.overdue == 5


def test_running_the_demo_twice_never_doubles_the_data():
    build_demo()
    counts = (Task.objects.count(), Document.objects.count(), Organisation.objects.count())
    build_demo()
    assert (Task.objects.count(), Document.objects.count(), Organisation.objects.count()) == counts


def test_the_seed_s_repeated_directives_are_registered_once():
    build_demo()
    org = Organisation.objects.get(slug="bac-giang")
    source = Document.objects.get(org=org, number_key="31/KH-UBND")
    assert source.tasks.count() == 3


def test_demo_refuses_to_take_over_a_real_account():
    UserFactory(username="vanphong")
    with pytest.raises(DemoConflict):
        build_demo()


def test_demo_accounts_sign_in_only_in_demo_mode(settings):
    build_demo()
    settings.DEMO_MODE = True
    assert authenticate(username="vanphong", password=DEMO_PASSWORD) is not None
    settings.DEMO_MODE = False
    assert authenticate(username="vanphong", password=DEMO_PASSWORD) is None
