"""Task pages: the list (filters, search, sorting, pagination; htmx swaps the results), the
detail with its history, and the assign and edit forms.

- `task_list`, `task_detail`, `task_create`, `task_edit`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from dieuhanh.core import clock
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.selectors import audit_events_for
from dieuhanh.documents.selectors import document_get
from dieuhanh.orgs.models import Role
from dieuhanh.tasks.models import Task
from dieuhanh.tasks.queries import annotate_status, filter_tasks
from dieuhanh.tasks.selectors import can_edit, can_work_on, task_get, tasks_visible
from dieuhanh.tasks.services import task_create as create_task_service
from dieuhanh.tasks.services import task_update
from dieuhanh.tasks.status import days_overdue, status_at
from dieuhanh.web.forms.fields import apply_errors
from dieuhanh.web.forms.tasks import ProgressNoteForm, TaskFilterForm, TaskForm
from dieuhanh.web.history import history_rows
from dieuhanh.web.views.base import get_or_404, paginate, querystring_without, render_form, render_page, require, scoped

PER_PAGE = 25
EDIT_FIELDS = [
    "content",
    "source_document",
    "assigner",
    "lead_unit",
    "coordinating_units",
    "officer",
    "deputy",
    "assigned_on",
    "deadline",
    "deadline_text",
]


def may_create_tasks(scope: Any) -> bool:
    return not scope.is_read_only and (scope.can_assign or (scope.role == Role.UNIT_HEAD and scope.unit_id is not None))


@scoped
def task_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    form = TaskFilterForm(scope, request.GET or None)
    if form.is_bound:
        form.is_valid()  # a bad value is shown beside its field; the other filters still apply
    task_filter = form.to_filter()
    form.limit_documents()
    today = clock.today()
    as_of = task_filter.status_on or today
    tasks = filter_tasks(scope, task_filter, today=today).select_related(
        "lead_unit", "officer", "source_document", "assigner"
    )
    page = paginate(request, tasks, PER_PAGE)
    for task in page.object_list:
        task.days_overdue = _days_past(task, as_of)
    context = {
        "form": form,
        "page": page,
        "as_of": as_of,
        "is_today": as_of == today,
        "keep": querystring_without(request, "trang"),
        "can_create": may_create_tasks(scope),
    }
    return render_page(request, "web/tasks/list.html", "web/tasks/_results.html", context, target="task-results")


@scoped
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = get_or_404(task_get, scope, pk)
    task = (
        Task.objects.select_related(
            "source_document", "result_document", "assigner", "lead_unit", "officer__unit", "deputy", "parent"
        )
        .prefetch_related("coordinating_units")
        .get(pk=task.pk)
    )
    today = clock.today()
    facts = task.facts()
    subtasks = annotate_status(tasks_visible(scope).filter(parent=task), today).select_related("lead_unit", "officer")
    extensions = list(task.extensions.select_related("approving_document").order_by("requested_on", "id"))
    editable = can_edit(scope, task)
    workable = can_work_on(scope, task)
    context = {
        "task": task,
        "today": today,
        "status": status_at(facts, today),
        "days_overdue": days_overdue(facts, today),
        "notes": task.notes.all(),
        "extensions": extensions,
        "pending_extension": next((e for e in extensions if e.status == "pending"), None),
        "subtasks": subtasks,
        "history": history_rows(audit_events_for(scope, task), Task),
        "can_edit": editable,
        "can_work": workable and task.completed_on is None,
        "can_reopen": editable and task.completed_on is not None,
        "can_decide": scope.can_assign,
        "note_form": ProgressNoteForm(),
    }
    return render(request, "web/tasks/detail.html", context)


def _days_past(task: Task, as_of: Any) -> int:
    """Days an open task is past its deadline at `as_of`, from the annotated row (no query)."""
    open_at = task.completed_on is None or task.completed_on > as_of
    deadline_at = getattr(task, "deadline_at", None)  # annotated by annotate_status
    if open_at and deadline_at and deadline_at < as_of:
        return (as_of - deadline_at).days
    return 0


def _service_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = {k: data.get(k) for k in EDIT_FIELDS}
    fields["coordinating_units"] = list(fields["coordinating_units"] or [])
    fields["deadline_text"] = fields["deadline_text"] or ""
    return fields


@scoped
def task_create(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(may_create_tasks(scope), "Vai trò của bạn không được giao nhiệm vụ.")
    source = None
    if request.GET.get("van_ban"):
        source = get_or_404(document_get, scope, _int(request.GET["van_ban"]))
    initial = {"assigned_on": clock.today(), "source_document": source}
    if not scope.can_assign and scope.unit_id:
        initial["lead_unit"] = scope.unit_id
    form = TaskForm(scope, request.POST or None, initial=initial, source=source)
    if request.method == "POST" and form.is_valid():
        try:
            task = create_task_service(scope=scope, **_service_fields(form.cleaned_data))
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã giao nhiệm vụ: {task}")
            if task.source_document_id:
                return redirect("web:document_detail", pk=task.source_document_id)
            return redirect("web:task_detail", pk=task.pk)
    return render_form(request, "web/tasks/form.html", {"form": form, "source": source, "task": None})


def _int(value: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@scoped
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = get_or_404(task_get, scope, pk)
    require(can_edit(scope, task), "Vai trò của bạn không được sửa nhiệm vụ này.")
    initial = {name: getattr(task, name) for name in EDIT_FIELDS if name != "coordinating_units"}
    initial["coordinating_units"] = list(task.coordinating_units.all())
    initial["version"] = task.version
    form = TaskForm(scope, request.POST or None, initial=initial, source=task.source_document)
    conflict: list[tuple[str, str]] = []
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data.get("version") or 0
        try:
            task_update(scope=scope, task=task, version=version, **_service_fields(form.cleaned_data))
        except ConflictError as exc:
            # Keep what the user typed; show what the other person saved; let them save again.
            current = task_get(scope, pk)
            conflict = _differences(form, current)
            form.add_error(None, exc.message)
            data = request.POST.copy()
            data["version"] = str(current.version)
            form.data = data
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã lưu thay đổi của nhiệm vụ.")
            return redirect("web:task_detail", pk=task.pk)
    return render_form(request, "web/tasks/form.html", {"form": form, "task": task, "conflict": conflict})


def _differences(form: TaskForm, current: Task) -> list[tuple[str, str]]:
    """Fields where the saved task now differs from what this user typed, with the saved value."""
    from dieuhanh.web.dates import format_date

    rows = []
    for name in EDIT_FIELDS:
        typed = form.cleaned_data.get(name)
        if name == "coordinating_units":
            saved_units = list(current.coordinating_units.all())
            if {u.pk for u in typed or []} != {u.pk for u in saved_units}:
                rows.append((str(form.fields[name].label or name), "; ".join(u.name for u in saved_units) or "—"))
            continue
        saved = getattr(current, name)
        if (saved or None) != (typed or None):
            shown = format_date(saved) if hasattr(saved, "isoformat") else (str(saved) if saved else "—")
            rows.append((str(form.fields[name].label or name), shown))
    return rows
