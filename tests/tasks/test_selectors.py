"""Who sees which tasks: one selector for pages, API and commands."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.selectors import assigners_visible, tasks_visible
from tests.factories import AssignerFactory, TaskFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(world):
    return {
        "a_lead": TaskFactory(org=world.org, lead_unit=world.unit_a),
        "b_lead": TaskFactory(org=world.org, lead_unit=world.unit_b),
        "b_lead_a_coord": TaskFactory(org=world.org, lead_unit=world.unit_b),
        "b_lead_officer_a": TaskFactory(org=world.org, lead_unit=world.unit_b, officer=world.people["officer"]),
        "none": TaskFactory(org=world.org),
    }


def visible(world, role):
    return set(tasks_visible(world.scope(role)).values_list("pk", flat=True))


@pytest.mark.parametrize("role", ["admin", "leader", "office", "viewer"])
def test_whole_organisation_roles_see_everything(world, tasks, role):
    assert visible(world, role) == {t.pk for t in tasks.values()}


def test_unit_head_sees_what_the_unit_leads_or_coordinates(world, tasks):
    tasks["b_lead_a_coord"].coordinating_units.add(world.unit_a)
    assert visible(world, "unit_head") == {tasks["a_lead"].pk, tasks["b_lead_a_coord"].pk}


def test_officer_sees_own_unit_and_own_tasks(world, tasks):
    assert visible(world, "officer") == {tasks["a_lead"].pk, tasks["b_lead_officer_a"].pk}


def test_nobody_sees_another_organisation(world, other_world, tasks):
    for role in ("admin", "leader", "office", "unit_head", "officer", "viewer"):
        assert not tasks_visible(other_world.scope(role)).filter(pk__in=[t.pk for t in tasks.values()]).exists()


def test_a_user_without_a_person_has_no_scope():
    with pytest.raises(PermissionDenied):
        Scope.for_user(UserFactory())
    with pytest.raises(PermissionDenied):
        Scope.for_user(AnonymousUser())


def test_an_inactive_person_has_no_scope(world):
    person = world.people["officer"]
    person.is_active = False
    person.save()
    with pytest.raises(PermissionDenied):
        Scope.for_user(person.user)


def test_assigners_are_those_of_the_own_organisation(world, other_world):
    mine = AssignerFactory(org=world.org)
    AssignerFactory(org=other_world.org)
    assert list(assigners_visible(world.scope("officer"))) == [mine]
