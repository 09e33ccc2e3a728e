"""Import with review (nhập văn bản): upload a file, review its proposed tasks, confirm.

- `import_list`: the batches waiting for review (and the latest decided ones), with the upload form.
- `import_upload`: read the file (`import_propose`); a bad file shows what was found and saves
  nothing; the same file again opens its existing batch.
- `import_review`: the document and its proposed tasks as an editable table (a card per row on a
  phone); "Lưu" saves the edits (`import_edit`), "Thêm dòng" saves and adds a blank row.
- `import_confirm_view`: saves the edits and creates everything in one transaction
  (`import_confirm`); only the Office and the leaders, who may assign tasks.
- `import_discard_view`: asks, then sets the batch aside without creating anything.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dieuhanh.core.errors import ConflictError
from dieuhanh.extraction.models import ImportBatch
from dieuhanh.extraction.selectors import (
    import_batch_get,
    import_batches_visible,
    may_confirm_import,
    may_import,
)
from dieuhanh.extraction.services import (
    ROW_STATUSES,
    import_confirm,
    import_discard,
    import_edit,
    import_propose,
    review_rows,
)
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import units_visible
from dieuhanh.web.forms.imports import ImportUploadForm, row_formset, rows_from
from dieuhanh.web.views.base import get_or_404, require, scoped

MAX_EXTRA_ROWS = 20


def _require_import(scope: Scope) -> None:
    require(may_import(scope), "Vai trò của bạn không được nhập văn bản.")


def _upload_context(form: ImportUploadForm) -> dict[str, Any]:
    return {"form": form, "upload_limit_mb": round(settings.UPLOAD_MAX_BYTES / 1024 / 1024)}


@scoped
def import_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    _require_import(scope)
    batches = import_batches_visible(scope)
    context = {
        **_upload_context(ImportUploadForm()),
        "pending": list(batches.filter(state=ImportBatch.State.PENDING)),
        "decided": list(batches.exclude(state=ImportBatch.State.PENDING).order_by("-decided_at", "-id")[:10]),
        "can_confirm": may_confirm_import(scope),
    }
    return render(request, "web/imports/list.html", context)


@scoped
def import_upload(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    _require_import(scope)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = import_propose(scope=scope, file=upload, file_name=upload.name)
        except ValidationError as exc:
            form.add_error("file", exc.messages)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            if getattr(batch, "just_created", True):
                messages.success(
                    request,
                    f"Đã đọc tệp {batch.file_name} và vào sổ văn bản; {len(batch.task_rows)} nhiệm vụ đề xuất "
                    "đang chờ xem xét.",
                )
            else:
                messages.info(
                    request,
                    f"Tệp này đã được nhập trước đây ({batch.get_state_display().lower()}): không tạo thêm gì.",
                )
            try:
                import_batch_get(scope, batch.pk)
            except ImportBatch.DoesNotExist:  # someone else's batch: the person sees the list
                return redirect("web:import_list")
            return redirect("web:import_review", pk=batch.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/imports/upload.html", _upload_context(form), status=status)


def _units(scope: Scope) -> list[tuple[int, str]]:
    return list(units_visible(scope, active_only=True).order_by("order", "name").values_list("id", "name"))


def _review(
    request: HttpRequest,
    scope: Scope,
    batch: ImportBatch,
    formset: Any = None,
    *,
    status: int = 200,
    error: str = "",
    extra: int = 0,
) -> HttpResponse:
    units = _units(scope)
    unit_names = dict(units)
    rows = [_display(r, unit_names) for r in review_rows(batch)]
    editable = batch.state == ImportBatch.State.PENDING
    if formset is not None and not formset.management_form.is_valid():
        formset = None  # a post without the table (not sent by our page): show the saved rows
    if formset is None and editable:
        formset = row_formset(rows=rows, units=units, extra=extra)
    by_index = {r["index"]: r for r in rows}
    lines = []
    if formset is not None:
        for form in formset.forms:
            index = form["index"].value()
            try:
                proposed = by_index.get(int(index)) if index not in (None, "") else None
            except (TypeError, ValueError):
                proposed = None
            lines.append((form, proposed))
    created = batch.report.get("created_tasks", []) if batch.report else []
    context = {
        "batch": batch,
        "document": batch.document,
        "info": batch.proposals.get("document", {}),
        "references": batch.proposals.get("references", []),
        "warnings": batch.proposals.get("warnings", []),
        "formset": formset,
        "lines": lines,
        "rows": rows,
        "editable": editable,
        "can_confirm": may_confirm_import(scope) and editable,
        "created_count": len(created),
        "unmatched": batch.report.get("unmatched", []) if batch.report else [],
        "error": error,
    }
    return render(request, "web/imports/review.html", context, status=status)


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _display(row: dict[str, Any], unit_names: dict[int, str]) -> dict[str, Any]:
    """A review row with what the templates print: dates as dates, unit and status names."""
    names = [unit_names.get(u, "") for u in row["unit_ids"] if u in unit_names]
    return {
        **row,
        "deadline_day": _day(row.get("deadline")),
        "source_day": _day(row.get("source_date")),
        "units_label": "; ".join(names) or "; ".join(row.get("units") or []),
        "status_label": ROW_STATUSES.get(row.get("status") or "", ""),
    }


def _posted_rows(request: HttpRequest, scope: Scope) -> tuple[Any, list[dict[str, Any]] | None, int | None]:
    formset = row_formset(request.POST, units=_units(scope))
    try:
        version: int | None = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    if not formset.is_valid():
        return formset, None, version
    return formset, rows_from(formset), version


@scoped
def import_review(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    _require_import(scope)
    batch = get_or_404(import_batch_get, scope, pk)
    if request.method != "POST":
        try:
            extra = min(int(request.GET.get("them", "0")), MAX_EXTRA_ROWS)
        except ValueError:
            extra = 0
        return _review(request, scope, batch, extra=max(extra, 0))
    if batch.state != ImportBatch.State.PENDING:
        return _review(request, scope, batch, status=400, error="Lô nhập này đã xong, không sửa được nữa.")
    formset, rows, version = _posted_rows(request, scope)
    if rows is None:
        return _review(
            request, scope, batch, formset, status=400, error="Có dòng chưa hợp lệ; xem thông báo ở dòng đó."
        )
    try:
        batch = import_edit(scope=scope, batch=batch, rows=rows, version=version)
    except ConflictError as exc:
        return _review(request, scope, batch, formset, status=409, error=exc.message)
    except ValidationError as exc:
        return _review(request, scope, batch, formset, status=400, error=" ".join(exc.messages))
    if request.POST.get("action") == "add":
        return redirect(reverse("web:import_review", kwargs={"pk": batch.pk}) + "?them=1#dong-moi")
    messages.success(request, "Đã lưu các sửa đổi; nhiệm vụ vẫn chờ xác nhận.")
    return redirect("web:import_review", pk=batch.pk)


@scoped
@require_POST
def import_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    _require_import(scope)
    batch = get_or_404(import_batch_get, scope, pk)
    require(may_confirm_import(scope), "Chỉ Văn phòng và Lãnh đạo (người giao nhiệm vụ) được xác nhận.")
    if batch.state != ImportBatch.State.PENDING:
        return _review(request, scope, batch, status=400, error="Lô nhập này đã xong, không xác nhận lại được.")
    formset, rows, version = _posted_rows(request, scope)
    if rows is None:
        return _review(
            request, scope, batch, formset, status=400, error="Có dòng chưa hợp lệ; xem thông báo ở dòng đó."
        )
    try:
        batch = import_confirm(scope=scope, batch=batch, edited_rows=rows, version=version)
    except ConflictError as exc:
        return _review(request, scope, batch, formset, status=409, error=exc.message)
    except ValidationError as exc:
        return _review(
            request, scope, batch, formset, status=400, error=" ".join(exc.messages) + " Chưa có gì được tạo."
        )
    report = batch.report
    text = f"Đã tạo {len(report['created_tasks'])} nhiệm vụ và {report['citations']} trích dẫn từ {batch.file_name}."
    if report["unmatched"]:
        names = ", ".join(sorted({m["name"] for m in report["unmatched"]}))
        text += f" Chưa khớp đơn vị: {names} — hãy gán lại ở từng nhiệm vụ."
    messages.success(request, text)
    if batch.document_id:
        return redirect("web:document_detail", pk=batch.document_id)
    return redirect("web:import_review", pk=batch.pk)


@scoped
def import_discard_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    _require_import(scope)
    batch = get_or_404(import_batch_get, scope, pk)
    error = ""
    if request.method == "POST":
        try:
            import_discard(scope=scope, batch=batch)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, f"Đã bỏ lô nhập {batch.file_name}; không nhiệm vụ nào được tạo.")
            return redirect("web:import_list")
    status = 400 if error else 200
    return render(request, "web/imports/discard.html", {"batch": batch, "error": error}, status=status)
