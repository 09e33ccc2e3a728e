"""What every page view shares.

- `scoped`: decorator; signs the visitor in if needed, builds `request.scope`
  (`Scope.for_user`), and shows a clear page to a signed-in user who is not a person of any
  organisation instead of failing.
- `get_or_404(selector, scope, pk)`: a record through its scoped selector; another
  organisation's id, or one the role may not read, is a 404.
- `require(condition, message)`: `PermissionDenied` with a Vietnamese message.
- `is_htmx(request)`, `render_page(...)`: a partial for an htmx swap, the full page otherwise
  (and on htmx's history restore, which needs the whole page).
- `render_form(request, template, context)`: a form page; 400 when it shows a refused POST.
- `paginate(request, queryset, per_page)`: a page of rows; a bad page number gives the first
  or last page instead of an error.
- `querystring_without(request, *names)`: the current filters, for links that keep them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from dieuhanh.orgs.scope import Scope


def scoped(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            request.scope = Scope.for_user(request.user)  # type: ignore[attr-defined]
        except PermissionDenied as exc:
            return render(request, "web/no_person.html", {"message": str(exc)}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def get_or_404(selector: Callable[[Scope, int], Any], scope: Scope, pk: int) -> Any:
    try:
        return selector(scope, pk)
    except ObjectDoesNotExist:
        raise Http404("Không tìm thấy hoặc bạn không có quyền xem.") from None


def require(condition: bool, message: str = "Vai trò của bạn không được làm việc này.") -> None:
    if not condition:
        raise PermissionDenied(message)


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def render_page(
    request: HttpRequest, template: str, partial: str, context: dict[str, Any], *, target: str
) -> HttpResponse:
    """The partial when htmx asks to swap `target`, the whole page otherwise."""
    swap = is_htmx(request) and request.headers.get("HX-Target") == target
    response = render(request, partial if swap else template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


def render_form(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, context, status=400 if request.method == "POST" else 200)


def paginate(request: HttpRequest, queryset: QuerySet[Any], per_page: int = 25) -> Page:
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("trang"))


def querystring_without(request: HttpRequest, *names: str) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    for key in [k for k, v in params.lists() if not any(v)]:
        params.pop(key)
    return params.urlencode()
