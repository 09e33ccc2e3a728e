"""Template context shared by every page: the signed-in person's scope and the menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

# Which menu entry a page belongs to, by the prefix of its URL name (first match wins).
SECTIONS: list[tuple[tuple[str, ...], str]] = [
    (("research",), "research"),
    (("task", "extension"), "task"),
    (("document", "citation", "import"), "document"),
    (("report", "period_report", "submission"), "report"),
    (("unit", "person"), "manage"),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    scope = getattr(request, "scope", None)
    if scope is None:
        return {}
    items = [
        ("Tổng quan", reverse("web:dashboard"), "dashboard"),
        ("Nhiệm vụ", reverse("web:task_list"), "task"),
        ("Văn bản", reverse("web:document_list"), "document"),
        ("Nhiệm vụ KH&CN", reverse("web:research_list"), "research"),
        ("Báo cáo", reverse("web:report_home"), "report"),
    ]
    if scope.can_manage_org:
        items.append(("Quản trị", reverse("web:person_list"), "manage"))
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else ""
    section = next((key for prefixes, key in SECTIONS if name.startswith(prefixes)), "dashboard")
    return {"scope": scope, "nav_items": items, "nav_section": section}
