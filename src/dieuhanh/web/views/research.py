"""Research register pages (nhiệm vụ KH&CN).

- `research_list`: filters (level, programme, stage, managed in a year, carried over / new) and
  diacritic-insensitive search; htmx swaps the results. `research_export`: the same list as XLSX.
- `research_chase`: what is late (products, contracts, registration) with days late.
- `research_detail`: the task, its funding and the timeline of its steps, with its history.
- `research_create`, `research_edit`: the register's fields and funding by year.
- `research_event`: record one lifecycle step (only the steps allowed at the task's stage).
- `research_record_docx`, `research_record_xlsx`: one task's full record.
- `research_import`: upload an XLSX, map its columns, see every row checked, then confirm.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dieuhanh.core import clock
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.selectors import audit_events_for
from dieuhanh.core.text import fold
from dieuhanh.research import exports
from dieuhanh.research.chase import chase_items
from dieuhanh.research.importing import (
    Sheet,
    SheetError,
    check_rows,
    guess_mapping,
    read_sheet,
)
from dieuhanh.research.importing import research_import as import_service
from dieuhanh.research.lifecycle import allowed_kinds
from dieuhanh.research.models import ResearchTask
from dieuhanh.research.selectors import (
    can_edit_research,
    can_record_event,
    may_create_research,
    may_import_research,
    research_filtered,
    research_get,
)
from dieuhanh.research.services import research_create as create_service
from dieuhanh.research.services import research_event_add, research_update
from dieuhanh.web.forms.fields import apply_errors
from dieuhanh.web.forms.research import (
    ImportMappingForm,
    ImportUploadForm,
    ResearchEventForm,
    ResearchFilterForm,
    ResearchForm,
    funding_text,
)
from dieuhanh.web.history import history_rows
from dieuhanh.web.views.base import get_or_404, paginate, querystring_without, render_form, render_page, require, scoped

PER_PAGE = 25
SESSION_SHEET = "research_import_sheet"
EDIT_FIELDS = [
    "title",
    "short_name",
    "code",
    "level",
    "programme",
    "management",
    "task_type",
    "host_organisation",
    "principal_investigator",
    "field",
    "location",
    "start_year",
    "start_date",
    "end_date",
    "managing_unit",
    "officer",
    "deputy",
    "notes",
]


def _filtered(request: HttpRequest) -> tuple[ResearchFilterForm, Any]:
    scope = request.scope  # type: ignore[attr-defined]
    form = ResearchFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # a bad value is shown beside its field; the other filters still apply
    data = getattr(form, "cleaned_data", {})
    tasks = research_filtered(
        scope,
        q=data.get("q") or "",
        level=data.get("cap") or "",
        programme=data.get("chuong_trinh") or "",
        stage=data.get("buoc") or "",
        year=data.get("nam"),
        carried=data.get("chuyen_tiep") or "",
    )
    return form, tasks.select_related("managing_unit", "officer")


@scoped
def research_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    form, tasks = _filtered(request)
    page = paginate(request, tasks, PER_PAGE)
    context = {
        "form": form,
        "page": page,
        "keep": querystring_without(request, "trang"),
        "export_query": querystring_without(request, "trang"),
        "can_create": may_create_research(scope),
        "can_import": may_import_research(scope),
        "late_count": len(chase_items(scope)),
    }
    return render_page(
        request, "web/research/list.html", "web/research/_results.html", context, target="research-results"
    )


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@scoped
@require_GET
def research_export(request: HttpRequest) -> HttpResponse:
    _form, tasks = _filtered(request)
    content = exports.register_xlsx(tasks.prefetch_related("funding"))
    return _download(content, f"so-nhiem-vu-khcn-{clock.today():%Y%m%d}.xlsx", exports.XLSX_TYPE)


@scoped
def research_chase(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    today = clock.today()
    return render(request, "web/research/chase.html", {"items": chase_items(scope, today), "today": today})


@scoped
def research_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = get_or_404(research_get, scope, pk)
    task = ResearchTask.objects.select_related("managing_unit", "officer", "deputy").get(pk=task.pk)
    events = list(task.events.select_related("document").order_by("date", "id"))
    today = clock.today()
    late = [i for i in chase_items(scope, today) if i.task.pk == task.pk]
    context = {
        "task": task,
        "events": events,
        "funding": list(task.funding.all()),
        "late": late,
        "today": today,
        "history": history_rows(audit_events_for(scope, task), ResearchTask),
        "can_edit": can_edit_research(scope, task),
        "can_record": can_record_event(scope, task) and bool(allowed_kinds(task.state)),
        "next_steps": allowed_kinds(task.state),
    }
    return render(request, "web/research/detail.html", context)


@scoped
def research_create(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(may_create_research(scope), "Vai trò của bạn không được thêm nhiệm vụ KH&CN.")
    initial: dict[str, Any] = {"start_year": clock.today().year}
    if not scope.can_assign and scope.unit_id:
        initial["managing_unit"] = scope.unit_id
    form = ResearchForm(scope, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            task = create_service(scope=scope, **form.service_kwargs())
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã thêm nhiệm vụ KH&CN: {task}")
            return redirect("web:research_detail", pk=task.pk)
    return render_form(request, "web/research/form.html", {"form": form, "task": None})


@scoped
def research_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = get_or_404(research_get, scope, pk)
    require(can_edit_research(scope, task), "Vai trò của bạn không được sửa nhiệm vụ KH&CN này.")
    initial = {name: getattr(task, name) for name in EDIT_FIELDS}
    initial["version"] = task.version
    initial["funding"] = funding_text(task.funding.all())
    form = ResearchForm(scope, request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data.get("version") or 0
        kwargs = form.service_kwargs()
        funding = kwargs.pop("funding")
        try:
            research_update(scope=scope, task=task, version=version, funding=funding, **kwargs)
        except ConflictError as exc:
            form.add_error(None, exc.message)
            data = request.POST.copy()
            data["version"] = str(research_get(scope, pk).version)
            form.data = data
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã lưu thay đổi của nhiệm vụ KH&CN.")
            return redirect("web:research_detail", pk=task.pk)
    return render_form(request, "web/research/form.html", {"form": form, "task": task})


@scoped
def research_event(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = get_or_404(research_get, scope, pk)
    require(can_record_event(scope, task), "Vai trò của bạn không được ghi bước thực hiện của nhiệm vụ này.")
    allowed = allowed_kinds(task.state)
    initial = {"version": task.version}
    if request.GET.get("buoc"):
        initial["kind"] = request.GET["buoc"]
    form = ResearchEventForm(scope, request.POST or None, initial=initial, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        try:
            event = research_event_add(scope=scope, task=task, **form.service_kwargs())
        except ConflictError as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã ghi bước: {event}.")
            return redirect("web:research_detail", pk=task.pk)
    return render_form(request, "web/research/event.html", {"form": form, "task": task, "allowed": allowed})


def _record_name(task: ResearchTask, ext: str) -> str:
    slug = "-".join(fold(str(task)).split())[:60]
    ascii_slug = "".join(c for c in slug if c.isalnum() or c == "-") or "nhiem-vu"
    return f"ho-so-{task.pk}-{ascii_slug}.{ext}"


@scoped
@require_GET
def research_record_docx(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = get_or_404(research_get, scope, pk)
    content = exports.task_record_docx(task, scope.org.header_name)
    return _download(content, _record_name(task, "docx"), exports.DOCX_TYPE)


@scoped
@require_GET
def research_record_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    task = get_or_404(research_get, scope, pk)
    return _download(exports.task_record_xlsx(task), _record_name(task, "xlsx"), exports.XLSX_TYPE)


@scoped
def research_import(request: HttpRequest) -> HttpResponse:
    """Step 1 (no sheet in the session, or a new file): upload. Step 2: map columns and see
    every row checked ("kiem-tra"). Step 3: confirm ("nhap"): all rows, or the valid ones when
    the person chose to skip the bad ones; nothing is saved before."""
    scope = request.scope  # type: ignore[attr-defined]
    require(may_import_research(scope), "Vai trò của bạn không được nhập sổ nhiệm vụ KH&CN.")
    action = request.POST.get("action", "")
    if request.method == "GET" and request.GET.get("lai"):
        request.session.pop(SESSION_SHEET, None)
    if (request.method == "POST" and action == "tai-len") or SESSION_SHEET not in request.session:
        upload = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and upload.is_valid():
            try:
                sheet = read_sheet(upload.cleaned_data["file"])
            except SheetError as exc:
                upload.add_error("file", str(exc))
            else:
                request.session[SESSION_SHEET] = sheet.as_json()
                return redirect("web:research_import")
        return render_form(request, "web/research/import.html", {"upload": upload})

    sheet = Sheet.from_json(request.session[SESSION_SHEET])
    if request.method == "POST":
        form = ImportMappingForm(sheet.headers, request.POST)
    else:
        guessed = {f"col_{key}": str(i) for key, i in guess_mapping(sheet.headers).items()}
        form = ImportMappingForm(sheet.headers, initial=guessed)
    results = None
    if request.method == "POST" and form.is_valid():
        try:
            results = check_rows(scope, sheet, form.mapping())
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        if results is not None and action == "nhap":
            bad = [r for r in results if not r.ok]
            chosen = [r for r in results if r.ok]
            if bad and not form.cleaned_data.get("skip_bad"):
                form.add_error(
                    None,
                    f"Còn {len(bad)} dòng có lỗi: chưa nhập dòng nào. Sửa tệp rồi tải lên lại, "
                    "hoặc chọn “Bỏ qua các dòng có lỗi”.",
                )
            elif not chosen:
                form.add_error(None, "Không có dòng hợp lệ nào để nhập.")
            else:
                try:
                    created = import_service(scope=scope, rows=chosen)
                except ValidationError as exc:
                    form.add_error(None, exc.messages)
                except PermissionDenied as exc:
                    form.add_error(None, str(exc))
                else:
                    request.session.pop(SESSION_SHEET, None)
                    skipped = f"; bỏ qua {len(bad)} dòng có lỗi" if bad else ""
                    messages.success(request, f"Đã nhập {len(created)} nhiệm vụ KH&CN{skipped}.")
                    return redirect("web:research_list")
    context = {
        "form": form,
        "sheet": sheet,
        "results": results,
        "bad_count": sum(1 for r in results if not r.ok) if results else 0,
        "preview": sheet.rows[:5],
    }
    status = 400 if request.method == "POST" and (results is None or form.errors) else 200
    return render(request, "web/research/import.html", context, status=status)
