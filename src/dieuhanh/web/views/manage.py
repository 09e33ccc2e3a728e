"""The organisation admin's pages (role `admin`): units and people, sign-in accounts.

- `unit_list`, `unit_create`, `unit_edit`.
- `person_list`, `person_create`, `person_edit`, `person_login` (create an account or set a
  new password chosen by the admin), `person_deactivate` (asks for confirmation first).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from dieuhanh.core.selectors import audit_events_for
from dieuhanh.core.text import fold
from dieuhanh.orgs.models import Person, Unit
from dieuhanh.orgs.selectors import people_visible, units_visible
from dieuhanh.orgs.services import (
    person_create as create_person,
)
from dieuhanh.orgs.services import (
    person_deactivate as deactivate_person,
)
from dieuhanh.orgs.services import (
    person_set_login,
    person_update,
    unit_update,
)
from dieuhanh.orgs.services import (
    unit_create as create_unit,
)
from dieuhanh.web.forms.fields import apply_errors
from dieuhanh.web.forms.manage import LoginForm, PersonCreateForm, PersonForm, UnitForm
from dieuhanh.web.history import history_rows
from dieuhanh.web.views.base import get_or_404, render_form, require, scoped

ADMIN_ONLY = "Chỉ quản trị cơ quan được quản lý phòng, đơn vị và cán bộ."


def _admin(request: HttpRequest) -> Any:
    scope = request.scope  # type: ignore[attr-defined]
    require(scope.can_manage_org, ADMIN_ONLY)
    return scope


def _unit_get(scope: Any, pk: int) -> Unit:
    return units_visible(scope).get(pk=pk)


def _person_get(scope: Any, pk: int) -> Person:
    return people_visible(scope).select_related("user").get(pk=pk)


def _call(form: Any, call: Any) -> Any:
    try:
        return call()
    except ValidationError as exc:
        apply_errors(form, exc)
    except PermissionDenied as exc:
        form.add_error(None, str(exc))
    return None


@scoped
def unit_list(request: HttpRequest) -> HttpResponse:
    scope = _admin(request)
    units = (
        units_visible(scope)
        .select_related("parent")
        .annotate(people_count=Count("people", filter=Q(people__is_active=True)))
    )
    return render(request, "web/manage/units.html", {"units": units})


@scoped
def unit_create(request: HttpRequest) -> HttpResponse:
    scope = _admin(request)
    form = UnitForm(scope, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "is_active"}
        data["order"] = data.get("order") or 0
        unit = _call(form, lambda: create_unit(scope=scope, **data))
        if unit is not None:
            messages.success(request, f"Đã thêm {unit}.")
            return redirect("web:unit_list")
    return render_form(
        request, "web/manage/form.html", {"form": form, "title": "Thêm phòng, đơn vị", "back": "web:unit_list"}
    )


@scoped
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scope = _admin(request)
    unit = get_or_404(_unit_get, scope, pk)
    initial = {f: getattr(unit, f) for f in ("name", "code", "kind", "parent", "order", "is_active")}
    form = UnitForm(scope, request.POST or None, initial=initial, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["order"] = data.get("order") or 0
        saved = _call(form, lambda: unit_update(scope=scope, unit=unit, **data))
        if saved is not None:
            messages.success(request, f"Đã lưu {saved}.")
            return redirect("web:unit_list")
    context = {
        "form": form,
        "title": f"Sửa: {unit}",
        "back": "web:unit_list",
        "history": history_rows(audit_events_for(scope, unit), Unit),
    }
    return render_form(request, "web/manage/form.html", context)


@scoped
def person_list(request: HttpRequest) -> HttpResponse:
    scope = _admin(request)
    people = people_visible(scope).select_related("user").order_by("-is_active", "unit__order", "full_name")
    query = request.GET.get("q", "").strip()
    rows = list(people)
    if query:
        words = fold(query).split()
        rows = [
            p
            for p in rows
            if all(w in fold(f"{p.full_name} {p.title} {p.user.username if p.user else ''}") for w in words)
        ]
    return render(request, "web/manage/people.html", {"people": rows, "q": query})


PERSON_FIELDS = ("full_name", "title", "unit", "role", "email", "phone")


@scoped
def person_create(request: HttpRequest) -> HttpResponse:
    scope = _admin(request)
    form = PersonCreateForm(scope, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = {k: form.cleaned_data.get(k) or ("" if k != "unit" else None) for k in PERSON_FIELDS}
        person = _call(
            form,
            lambda: create_person(
                scope=scope,
                username=form.cleaned_data.get("username") or "",
                password=form.cleaned_data.get("password") or "",
                **data,
            ),
        )
        if person is not None:
            messages.success(request, f"Đã thêm cán bộ {person.full_name}.")
            return redirect("web:person_list")
    context = {"form": form, "title": "Thêm cán bộ", "back": "web:person_list", "login_fields": True}
    return render_form(request, "web/manage/form.html", context)


@scoped
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scope = _admin(request)
    person = get_or_404(_person_get, scope, pk)
    initial = {f: getattr(person, f) for f in PERSON_FIELDS}
    form = PersonForm(scope, request.POST or None, initial=initial)
    if not person.is_active:
        from django import forms

        form.fields["is_active"] = forms.BooleanField(label="Kích hoạt lại (đang công tác)", required=False)
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = {k: form.cleaned_data.get(k) or ("" if k != "unit" else None) for k in PERSON_FIELDS}
        if form.cleaned_data.get("is_active"):
            data["is_active"] = True
        saved = _call(form, lambda: person_update(scope=scope, person=person, **data))
        if saved is not None:
            messages.success(request, f"Đã lưu thông tin của {saved.full_name}.")
            return redirect("web:person_list")
    context = {
        "form": form,
        "title": f"Sửa: {person.full_name}",
        "back": "web:person_list",
        "person": person,
        "history": history_rows(audit_events_for(scope, person), Person),
    }
    return render_form(request, "web/manage/form.html", context)


@scoped
def person_login(request: HttpRequest, pk: int) -> HttpResponse:
    scope = _admin(request)
    person = get_or_404(_person_get, scope, pk)
    initial = {"username": person.user.username if person.user else ""}
    form = LoginForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _call(
            form,
            lambda: person_set_login(
                scope=scope,
                person=person,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            ),
        )
        if saved is not None:
            done = "Đã đặt lại mật khẩu" if person.user_id else "Đã cấp tài khoản đăng nhập"
            messages.success(request, f"{done} cho {saved.full_name}. Hãy báo mật khẩu cho người dùng trực tiếp.")
            return redirect("web:person_list")
    title = f"Đặt lại mật khẩu: {person.full_name}" if person.user_id else f"Cấp tài khoản: {person.full_name}"
    return render_form(request, "web/manage/form.html", {"form": form, "title": title, "back": "web:person_list"})


@scoped
def person_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    scope = _admin(request)
    person = get_or_404(_person_get, scope, pk)
    error = ""
    if request.method == "POST":
        try:
            deactivate_person(scope=scope, person=person)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, f"{person.full_name} đã được ghi thôi công tác; tài khoản đã bị khóa.")
            return redirect("web:person_list")
    return render_form(request, "web/manage/deactivate.html", {"person": person, "error": error})
