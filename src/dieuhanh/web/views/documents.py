"""Document register pages.

- `document_list`: the incoming / outgoing / internal register, searched ("tinh uy" finds
  "Tỉnh ủy") and filtered by kind and date; htmx swaps the results.
- `document_register_view`: register a document with its file (size and type checked by
  `documents.files`; a refused file saves nothing).
- `document_detail`: the document, its citations both ways, the tasks that came from it, and
  the documents that answered them.
- `document_file`: the file, only through the scoped selector (never a public media URL).
- `citation_add_view`: record a citation.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePath

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dieuhanh.core import clock
from dieuhanh.core.search import search_q
from dieuhanh.core.selectors import audit_events_for
from dieuhanh.documents.models import Document
from dieuhanh.documents.selectors import citations_of, citing_documents, document_get, documents_visible
from dieuhanh.documents.services import citation_add, document_register
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.queries import annotate_status
from dieuhanh.tasks.selectors import tasks_visible
from dieuhanh.web.forms.documents import (
    DIRECTION_SLUGS,
    SLUG_BY_DIRECTION,
    CitationForm,
    DocumentFilterForm,
    DocumentRegisterForm,
)
from dieuhanh.web.forms.fields import apply_errors
from dieuhanh.web.history import history_rows
from dieuhanh.web.views.base import get_or_404, paginate, querystring_without, render_page, require, scoped

PER_PAGE = 25


def _may_register(scope: Scope) -> bool:
    return scope.can_register_documents and not scope.is_read_only


@scoped
def document_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    slug = request.GET.get("so", "den")
    direction = DIRECTION_SLUGS.get(slug, Document.Direction.INCOMING)
    form = DocumentFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # a bad value is shown beside its field; the other filters still apply
    data = getattr(form, "cleaned_data", {})
    documents = documents_visible(scope).filter(direction=direction)
    documents = documents.filter(search_q(data.get("q")))
    if data.get("loai"):
        documents = documents.filter(kind=data["loai"])
    if data.get("tu_ngay"):
        documents = documents.filter(issued_on__gte=data["tu_ngay"])
    if data.get("den_ngay"):
        documents = documents.filter(issued_on__lte=data["den_ngay"])
    documents = documents.annotate(task_count=Count("tasks", distinct=True)).order_by("-issued_on", "-id")
    page = paginate(request, documents, PER_PAGE)
    context = {
        "form": form,
        "page": page,
        "slug": SLUG_BY_DIRECTION[direction],
        "direction": direction,
        "directions": [(SLUG_BY_DIRECTION[d], label) for d, label in Document.Direction.choices],
        "keep": querystring_without(request, "trang"),
        "can_register": _may_register(scope),
        "pending_imports": _pending_imports(scope) if _may_register(scope) else 0,
    }
    return render_page(
        request, "web/documents/list.html", "web/documents/_results.html", context, target="document-results"
    )


@scoped
def document_register_view(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    require(_may_register(scope), "Vai trò của bạn không được vào sổ văn bản.")
    initial = {"direction": DIRECTION_SLUGS.get(request.GET.get("so", ""), Document.Direction.INCOMING)}
    form = DocumentRegisterForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            document = document_register(scope=scope, **form.service_kwargs())
        except ValidationError as exc:
            apply_errors(form, exc, {"__all__": "file"})
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã vào sổ văn bản {document}.")
            return redirect("web:document_detail", pk=document.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "upload_limit_mb": round(settings.UPLOAD_MAX_BYTES / 1024 / 1024)}
    return render(request, "web/documents/register.html", context, status=status)


@scoped
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    document = get_or_404(document_get, scope, pk)
    today = clock.today()
    tasks = annotate_status(tasks_visible(scope).filter(source_document=document), today).select_related(
        "lead_unit", "officer", "result_document"
    )
    answered = annotate_status(tasks_visible(scope).filter(result_document=document), today).select_related(
        "lead_unit", "source_document"
    )
    answers = documents_visible(scope).filter(answered_tasks__source_document=document).distinct()
    context = {
        "document": document,
        "tasks": tasks,
        "answered": answered,
        "answers": answers,
        "citations": citations_of(scope, document),
        "cited_by": citing_documents(scope, document),
        "citation_form": CitationForm(),
        "can_register": _may_register(scope),
        "can_create_tasks": _can_create_tasks(scope),
        "history": history_rows(audit_events_for(scope, document), Document),
        "slug": SLUG_BY_DIRECTION.get(document.direction, "den"),
    }
    return render(request, "web/documents/detail.html", context)


def _pending_imports(scope: Scope) -> int:
    from dieuhanh.extraction.models import ImportBatch
    from dieuhanh.extraction.selectors import import_batches_visible

    return import_batches_visible(scope).filter(state=ImportBatch.State.PENDING).count()


def _can_create_tasks(scope: Scope) -> bool:
    from dieuhanh.web.views.tasks import may_create_tasks

    return may_create_tasks(scope)


@scoped
@require_GET
def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    document = get_or_404(document_get, scope, pk)
    if not document.file:
        raise Http404("Văn bản này chưa có tệp.")
    name = document.file_name or PurePath(document.file.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response  # type: ignore[return-value]  # a FileResponse is a streaming HttpResponse


@scoped
def citation_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    document = get_or_404(document_get, scope, pk)
    require(_may_register(scope), "Vai trò của bạn không được liên kết văn bản.")
    form = CitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            citation = citation_add(scope=scope, citing=document, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            linked = (
                " (đã liên kết với văn bản trong sổ)" if citation.cited_id else " (văn bản được dẫn chưa có trong sổ)"
            )
            messages.success(request, f"Đã ghi trích dẫn {citation}{linked}.")
            return redirect("web:document_detail", pk=document.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/documents/citation.html", {"form": form, "document": document}, status=status)
