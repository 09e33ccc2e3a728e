"""What people do to a task, one POST each (a GET shows the form on its own page, which is
also where a refused input is shown again with its message):

- `task_note`: add a progress note (it marks the task started).
- `task_start`: mark the task started.
- `task_complete`: mark it done with a date and a result document, picked from the register or
  registered here in the same transaction (nothing half-saved).
- `task_reopen`: reopen a completed task, with a reason.
- `extension_request`, `extension_decide`: ask for a later deadline; approve or reject it.
- `task_split`: split the task into sub-tasks for units or officers.

Buttons are shown only when the scope may act; the services check again.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dieuhanh.core import clock
from dieuhanh.core.errors import ConflictError
from dieuhanh.documents.models import Document
from dieuhanh.documents.services import document_register
from dieuhanh.tasks.models import Extension, Task
from dieuhanh.tasks.selectors import can_edit, can_work_on, extension_get, task_get
from dieuhanh.tasks.services import (
    SplitPart,
    extension_decide,
    extension_request,
    progress_note_add,
    task_complete,
    task_mark_started,
    task_reopen,
    task_split,
)
from dieuhanh.web.forms.fields import apply_errors
from dieuhanh.web.forms.tasks import (
    CompleteForm,
    ExtensionDecideForm,
    ExtensionRequestForm,
    ProgressNoteForm,
    ReopenForm,
    SplitDateForm,
    SplitFormSet,
    StartForm,
)
from dieuhanh.web.views.base import get_or_404, require, scoped

ACTION_TEMPLATE = "web/tasks/action.html"


def _task(request: HttpRequest, pk: int, check: Any, message: str) -> Task:
    scope = request.scope  # type: ignore[attr-defined]
    task = get_or_404(task_get, scope, pk)
    require(check(scope, task), message)
    return task


def _page(request: HttpRequest, task: Task, form: Any, title: str, action: str, **extra: Any) -> HttpResponse:
    context = {"task": task, "form": form, "title": title, "action": action, **extra}
    return render(request, ACTION_TEMPLATE, context, status=400 if request.method == "POST" else 200)


def _run(form: Any, call: Any, field_map: dict[str, str | None] | None = None) -> Any:
    """Call a service; its refusals become form errors. Returns the result or None."""
    try:
        return call()
    except ValidationError as exc:
        apply_errors(form, exc, field_map)
    except ConflictError as exc:
        form.add_error(None, exc.message)
    except PermissionDenied as exc:
        form.add_error(None, str(exc))
    return None


@scoped
def task_note(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk, can_work_on, "Bạn không được cập nhật tiến độ nhiệm vụ này.")
    form = ProgressNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = _run(
            form,
            lambda: progress_note_add(
                scope=request.scope,  # type: ignore[attr-defined]
                task=task,
                text=form.cleaned_data["text"],
                noted_on=form.cleaned_data["noted_on"],
            ),
        )
        if note is not None:
            messages.success(request, "Đã ghi tiến độ.")
            return redirect("web:task_detail", pk=task.pk)
    return _page(request, task, form, "Ghi tiến độ", "web:task_note")


@scoped
@require_POST
def task_start(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk, can_work_on, "Bạn không được cập nhật nhiệm vụ này.")
    form = StartForm(request.POST)
    if form.is_valid():
        done = _run(
            form,
            lambda: task_mark_started(
                scope=request.scope,  # type: ignore[attr-defined]
                task=task,
                started_on=form.cleaned_data["started_on"] or clock.today(),
                version=form.cleaned_data.get("version"),
            ),
        )
        if done is not None:
            messages.success(request, "Đã ghi nhận nhiệm vụ bắt đầu thực hiện.")
            return redirect("web:task_detail", pk=task.pk)
    return _page(request, task, form, "Đánh dấu bắt đầu thực hiện", "web:task_start")


@scoped
def task_complete_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = _task(request, pk, can_work_on, "Bạn không được cập nhật kết quả nhiệm vụ này.")
    form = CompleteForm(scope, request.POST or None, request.FILES or None, initial={"version": task.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                result = data.get("result_document")
                if form.registers_new_document:
                    upload = data.get("new_file")
                    result = document_register(
                        scope=scope,
                        direction=Document.Direction.OUTGOING,
                        number_raw=data.get("new_number") or "",
                        issued_on=data.get("new_issued_on"),
                        issuer=scope.org.header_name,
                        summary=data.get("new_summary") or "",
                        file=upload,
                        file_name=upload.name if upload else "",
                    )
                task_complete(
                    scope=scope,
                    task=task,
                    completed_on=data["completed_on"],
                    result_document=result,
                    result_text=data.get("result_text") or "",
                    version=data.get("version"),
                )
        except ValidationError as exc:
            apply_errors(
                form,
                exc,
                {
                    "number_raw": "new_number",
                    "issued_on": "new_issued_on",
                    "summary": "new_summary",
                    "__all__": "new_file" if form.registers_new_document else None,
                },
            )
        except (ConflictError, PermissionDenied) as exc:
            form.add_error(None, getattr(exc, "message", str(exc)))
        else:
            messages.success(request, "Đã ghi nhận nhiệm vụ hoàn thành.")
            return redirect("web:task_detail", pk=task.pk)
    return _page(request, task, form, "Báo cáo hoàn thành", "web:task_complete", multipart=True)


@scoped
def task_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk, can_edit, "Bạn không được mở lại nhiệm vụ này.")
    form = ReopenForm(request.POST or None, initial={"version": task.version})
    if request.method == "POST" and form.is_valid():
        done = _run(
            form,
            lambda: task_reopen(
                scope=request.scope,  # type: ignore[attr-defined]
                task=task,
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data.get("version"),
            ),
        )
        if done is not None:
            messages.success(request, "Đã mở lại nhiệm vụ.")
            return redirect("web:task_detail", pk=task.pk)
    return _page(request, task, form, "Mở lại nhiệm vụ", "web:task_reopen")


@scoped
def extension_request_view(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk, can_work_on, "Bạn không được đề nghị gia hạn nhiệm vụ này.")
    form = ExtensionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _run(
            form,
            lambda: extension_request(
                scope=request.scope,  # type: ignore[attr-defined]
                task=task,
                requested_deadline=form.cleaned_data["requested_deadline"],
                reason=form.cleaned_data["reason"],
            ),
        )
        if done is not None:
            messages.success(request, "Đã gửi đề nghị gia hạn; chờ Văn phòng hoặc Lãnh đạo Sở quyết định.")
            return redirect("web:task_detail", pk=task.pk)
    return _page(request, task, form, "Đề nghị gia hạn", "web:extension_request")


@scoped
def extension_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(scope.can_assign, "Chỉ Văn phòng và Lãnh đạo Sở được quyết định gia hạn.")
    extension = get_or_404(extension_get, scope, pk)
    task = extension.task
    form = ExtensionDecideForm(scope, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            form,
            lambda: extension_decide(
                scope=scope,
                extension=extension,
                approve=data["decision"] == "approve",
                decided_on=data.get("decided_on"),
                approved_deadline=data.get("approved_deadline"),
                approving_document=data.get("approving_document"),
                note=data.get("note") or "",
            ),
            {"status": "decision"},
        )
        if done is not None:
            verdict = "Đã đồng ý gia hạn." if done.status == Extension.State.APPROVED else "Đã không đồng ý gia hạn."
            messages.success(request, verdict)
            return redirect("web:task_detail", pk=task.pk)
    return render(
        request,
        ACTION_TEMPLATE,
        {
            "task": task,
            "form": form,
            "title": "Quyết định gia hạn",
            "action": "web:extension_decide",
            "action_pk": extension.pk,
            "extension": extension,
        },
        status=400 if request.method == "POST" else 200,
    )


@scoped
def task_split_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = _task(request, pk, can_edit, "Bạn không được giao tiếp nhiệm vụ này.")
    formset = SplitFormSet(request.POST or None, form_kwargs={"scope": scope}, prefix="phan")
    date_form = SplitDateForm(request.POST or None)
    errors: list[str] = []
    if request.method == "POST" and date_form.is_valid() and formset.is_valid():
        parts = [
            SplitPart(
                content=f.cleaned_data["content"],
                lead_unit=f.cleaned_data.get("lead_unit"),
                officer=f.cleaned_data.get("officer"),
                deadline=f.cleaned_data.get("deadline"),
            )
            for f in formset.forms
            if not f.is_blank
        ]
        try:
            children = task_split(
                scope=scope, task=task, parts=parts, assigned_on=date_form.cleaned_data.get("ngay_giao")
            )
        except ValidationError as exc:
            errors = exc.messages
        except PermissionDenied as exc:
            errors = [str(exc)]
        else:
            messages.success(request, f"Đã giao tiếp {len(children)} phần việc.")
            return redirect("web:task_detail", pk=task.pk)
    return render(
        request,
        "web/tasks/split.html",
        {"task": task, "formset": formset, "date_form": date_form, "errors": errors},
        status=400 if request.method == "POST" else 200,
    )
