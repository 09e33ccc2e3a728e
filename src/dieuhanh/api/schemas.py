"""Shared pieces of the API's schemas.

- `IsoDate`: a date written `YYYY-MM-DD` and nothing else (no timestamps, no `14/03/2024`).
  `OptionalDate`: the same or none (null, or an empty string as an empty form field sends).
- `Input`: base of JSON inputs: text NFC-normalised on the way in, unknown fields refused (a
  misspelt field must not be silently ignored). `FormInput`: the same for multipart forms,
  which may carry fields of the browser's own (csrfmiddlewaretoken).
- `UnitRef`, `PersonRef`, `AssignerRef`, `DocumentRef`, `TaskRef` and their `*_ref(obj)`
  builders: how one record names another.
- `PageParams`, `page_of(queryset, params)`: page-number pagination of lists.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from django.db.models import QuerySet
from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from dieuhanh.core.text import nfc

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("date_invalid", "Ngày không hợp lệ.")


def _optional_iso_date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _iso_date(value)


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_optional_iso_date)]


class Input(Schema):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _nfc(cls, value: Any) -> Any:
        return nfc(value) if isinstance(value, str) else value


class FormInput(Input):
    model_config = ConfigDict(extra="ignore")


class UnitRef(Schema):
    id: int
    name: str
    code: str


class PersonRef(Schema):
    id: int
    full_name: str
    title: str


class AssignerRef(Schema):
    id: int
    name: str


class DocumentRef(Schema):
    id: int
    number_raw: str = Field(description="Số, ký hiệu như văn bản ghi")
    kind: str
    issued_on: dt.date | None
    issuer: str
    summary: str


class TaskRef(Schema):
    id: int
    content: str


def unit_ref(unit: Any) -> dict[str, Any] | None:
    return None if unit is None else {"id": unit.pk, "name": unit.name, "code": unit.code}


def person_ref(person: Any) -> dict[str, Any] | None:
    return None if person is None else {"id": person.pk, "full_name": person.full_name, "title": person.title}


def assigner_ref(assigner: Any) -> dict[str, Any] | None:
    return None if assigner is None else {"id": assigner.pk, "name": assigner.name}


def document_ref(doc: Any) -> dict[str, Any] | None:
    if doc is None:
        return None
    return {
        "id": doc.pk,
        "number_raw": doc.number_raw,
        "kind": doc.kind,
        "issued_on": doc.issued_on,
        "issuer": doc.issuer,
        "summary": doc.summary,
    }


def task_ref(task: Any) -> dict[str, Any] | None:
    return None if task is None else {"id": task.pk, "content": task.content}


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Trang (từ 1)")
    page_size: int = Field(50, ge=1, le=200, description="Số dòng mỗi trang (1–200)")


class PageMeta(Schema):
    count: int = Field(description="Tổng số dòng khớp bộ lọc")
    page: int
    page_size: int
    pages: int = Field(description="Tổng số trang")


def page_of(queryset: QuerySet[Any], params: PageParams) -> tuple[dict[str, int], list[Any]]:
    count = queryset.count()
    start = (params.page - 1) * params.page_size
    rows = list(queryset[start : start + params.page_size]) if start < count else []
    meta = {
        "count": count,
        "page": params.page,
        "page_size": params.page_size,
        "pages": max(1, math.ceil(count / params.page_size)),
    }
    return meta, rows
