"""Ids in a request, turned into records the caller may see.

An id that is absent, or belongs to another organisation, or to a record outside the caller's
scope, reads the same: "not found" (never "exists, but not yours"). Ids in a request body give
a 422 on that field; the record an URL names gives a 404 (`dieuhanh.api.errors.not_found`).

- `one(queryset, pk, field, label)`, `many(queryset, pks, field, label)`: body ids.
- `unit`, `units`, `person`, `assigner`, `document`, `task`: the same for each kind, through
  the selectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet

from dieuhanh.documents.selectors import documents_visible
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import people_visible, units_visible
from dieuhanh.tasks.selectors import assigners_visible, tasks_visible

M = TypeVar("M", bound=Model)


def one(queryset: QuerySet[M], pk: int | None, field: str, label: str) -> M | None:
    if pk is None:
        return None
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: f"Không tìm thấy {label} mã {pk} trong phạm vi của bạn."})
    return found


def many(queryset: QuerySet[M], pks: Sequence[int], field: str, label: str) -> list[M]:
    wanted = list(dict.fromkeys(pks))
    found = {obj.pk: obj for obj in queryset.filter(pk__in=wanted)}
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        raise ValidationError(
            {field: f"Không tìm thấy {label} mã {', '.join(map(str, missing))} trong phạm vi của bạn."}
        )
    return [found[pk] for pk in wanted]


def unit(scope: Scope, pk: int | None, field: str) -> Any:
    return one(units_visible(scope), pk, field, "phòng, đơn vị")


def units(scope: Scope, pks: Sequence[int], field: str) -> list[Any]:
    return many(units_visible(scope), pks, field, "phòng, đơn vị")


def person(scope: Scope, pk: int | None, field: str) -> Any:
    return one(people_visible(scope), pk, field, "cán bộ")


def assigner(scope: Scope, pk: int | None, field: str) -> Any:
    return one(assigners_visible(scope), pk, field, "nơi giao")


def document(scope: Scope, pk: int | None, field: str) -> Any:
    return one(documents_visible(scope), pk, field, "văn bản")


def task(scope: Scope, pk: int | None, field: str) -> Any:
    return one(tasks_visible(scope), pk, field, "nhiệm vụ")
