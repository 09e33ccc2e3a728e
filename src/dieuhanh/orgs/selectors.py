"""Reads of organisations, units and people, scoped.

- `organisation_by_slug(slug)`: the active organisation with that slug, or `Organisation.DoesNotExist`.
- `units_visible(scope)`: the units of the scope's organisation (every role may see the list).
- `people_visible(scope)`: the people of the scope's organisation.
- `work_calendar(org)`: the working-day calendar of an organisation (national + its exceptions).
"""

from __future__ import annotations

from django.db.models import QuerySet

from dieuhanh.core.workdays import WorkCalendar
from dieuhanh.orgs.models import CalendarDay, Organisation, Person, Unit
from dieuhanh.orgs.scope import Scope


def organisation_by_slug(slug: str) -> Organisation:
    return Organisation.objects.get(slug=slug, is_active=True)


def units_visible(scope: Scope, *, active_only: bool = False) -> QuerySet[Unit]:
    units = Unit.objects.filter(org=scope.org)
    return units.filter(is_active=True) if active_only else units


def people_visible(scope: Scope, *, active_only: bool = False) -> QuerySet[Person]:
    people = Person.objects.filter(org=scope.org).select_related("unit")
    return people.filter(is_active=True) if active_only else people


def work_calendar(org: Organisation) -> WorkCalendar:
    days = CalendarDay.objects.filter(org=org).values_list("date", "kind")
    return WorkCalendar(
        extra_days_off=frozenset(d for d, kind in days if kind == CalendarDay.Kind.DAY_OFF),
        extra_working_days=frozenset(d for d, kind in days if kind == CalendarDay.Kind.WORKING_DAY),
    )
