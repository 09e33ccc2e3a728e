"""Reads of organisations, units and people, scoped.

- `organisation_by_slug(slug)`: the active organisation with that slug, or `Organisation.DoesNotExist`.
- `units_visible(scope)`: the units of the scope's organisation (every role may see the list).
- `people_visible(scope)`: the people of the scope's organisation.
"""

from __future__ import annotations

from django.db.models import QuerySet

from dieuhanh.orgs.models import Organisation, Person, Unit
from dieuhanh.orgs.scope import Scope


def organisation_by_slug(slug: str) -> Organisation:
    return Organisation.objects.get(slug=slug, is_active=True)


def units_visible(scope: Scope, *, active_only: bool = False) -> QuerySet[Unit]:
    units = Unit.objects.filter(org=scope.org)
    return units.filter(is_active=True) if active_only else units


def people_visible(scope: Scope, *, active_only: bool = False) -> QuerySet[Person]:
    people = Person.objects.filter(org=scope.org).select_related("unit")
    return people.filter(is_active=True) if active_only else people
