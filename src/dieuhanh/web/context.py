"""Template context shared by every page: the signed-in person's scope and the menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def navigation(request: HttpRequest) -> dict[str, Any]:
    scope = getattr(request, "scope", None)
    if scope is None:
        return {}
    items = [
        ("Tổng quan", reverse("web:dashboard"), "dashboard"),
        ("Nhiệm vụ", reverse("web:task_list"), "task"),
        ("Văn bản", reverse("web:document_list"), "document"),
        ("Báo cáo", reverse("web:report_home"), "report"),
    ]
    if scope.can_manage_org:
        items.append(("Quản trị", reverse("web:person_list"), "manage"))
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else ""
    section = (
        "task"
        if name.startswith(("task", "extension"))
        else "document"
        if name.startswith(("document", "citation"))
        else "report"
        if name.startswith(("report", "period_report", "submission"))
        else "manage"
        if name.startswith(("unit", "person"))
        else "dashboard"
    )
    return {"scope": scope, "nav_items": items, "nav_section": section}
