"""The permission matrix of the pages: every URL of the web app, every role, GET and POST.

`RULES` has one row per URL name. `test_every_page_has_a_rule` enumerates the URL resolver
and fails when a page is added without its row. A POST is sent empty: an allowed role gets
past the permission check to the form's validation (400) or the action (302); a refused role
gets 403, or 404 when it may not even see the record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.web.conftest import PageData, client_for

pytestmark = pytest.mark.django_db

ALL = ["admin", "leader", "office", "unit_head", "officer", "viewer"]
LOGIN = "login"  # redirected to the sign-in page


def roles(default: Any, **overrides: Any) -> dict[str, Any]:
    return {role: overrides.get(role, default) for role in ALL}


@dataclass
class Rule:
    kwargs: Callable[[PageData], dict[str, int]] = lambda d: {}
    get: dict[str, Any] = field(default_factory=dict)
    post: dict[str, Any] = field(default_factory=dict)
    anon: tuple[Any, Any] = (LOGIN, LOGIN)  # (GET, POST) of a visitor who is not signed in
    no_person: tuple[Any, Any] = (403, 403)  # a signed-in account that is no organisation's person


def task_a(d: PageData) -> dict[str, int]:
    return {"pk": d.task_a.pk}


def doc_a(d: PageData) -> dict[str, int]:
    return {"pk": d.doc_a.pk}


def research_a(d: PageData) -> dict[str, int]:
    return {"pk": d.research_a.pk}


def person(d: PageData) -> dict[str, int]:
    return {"pk": d.world.people["other_officer"].pk}


def batch(d: PageData) -> dict[str, int]:
    """A pending import batch uploaded by the Office (made once per fixture, when first asked)."""
    if not hasattr(d, "batch"):
        from dieuhanh.extraction.services import import_propose

        text = "Số: 12/TB-SKHCN\nngày 6 tháng 3 năm 2024\n\nTHÔNG BÁO\n\n1. Đối với Văn phòng Sở\n- Rà soát quy chế.\n"
        d.batch = import_propose(scope=d.world.scope("office"), file=text.encode(), file_name="tb.txt")  # type: ignore[attr-defined]
    return {"pk": d.batch.pk}  # type: ignore[attr-defined]


ASSIGNERS = {"leader", "office"}
EDITORS = ASSIGNERS | {"unit_head"}
WORKERS = EDITORS | {"officer"}
REGISTRARS = WORKERS  # may register documents and link citations


def allowed(who: set[str], ok: Any, no: Any = 403) -> dict[str, Any]:
    return {role: ok if role in who else no for role in ALL}


def period_report(d: PageData) -> Any:
    """A quarterly report type with units A and B, and its Q1/2024 report (made once per test)."""
    if not hasattr(d, "period_report"):
        from dieuhanh.reports.services import period_report_open, report_type_create

        office = d.world.scope("office")
        report_type = report_type_create(
            scope=office, code="quy", name="Báo cáo quý", period_kind="quarter", units=[d.world.unit_a, d.world.unit_b]
        )
        d.period_report = period_report_open(scope=office, report_type=report_type, period_key="2024-Q1")  # type: ignore[attr-defined]
    return d.period_report  # type: ignore[attr-defined]


def report_type(d: PageData) -> dict[str, int]:
    return {"pk": period_report(d).report_type_id}


def report_pk(d: PageData) -> dict[str, int]:
    return {"pk": period_report(d).pk}


def report_unit_a(d: PageData) -> dict[str, int]:
    return {"pk": period_report(d).pk, "unit_pk": d.world.unit_a.pk}


REPORT_MANAGERS = ASSIGNERS  # the Office and the leaders
WHOLE_ORG = {"admin", "leader", "office", "viewer"}
UNIT_A_WRITERS = REPORT_MANAGERS | {"unit_head", "officer"}


RULES: dict[str, Rule] = {
    "sign_in": Rule(get=roles(302), post=roles(302), anon=(200, 200), no_person=(302, 302)),
    "sign_out": Rule(get=roles(405), post=roles(302), anon=(405, 302), no_person=(405, 302)),
    "dashboard": Rule(get=roles(200), post=roles(200)),
    "task_list": Rule(get=roles(200), post=roles(200)),
    "task_create": Rule(get=allowed(EDITORS, 200), post=allowed(EDITORS, 400)),
    "task_detail": Rule(task_a, get=roles(200), post=roles(200)),
    "task_edit": Rule(task_a, get=allowed(EDITORS, 200), post=allowed(EDITORS, 400)),
    "task_note": Rule(task_a, get=allowed(WORKERS, 200), post=allowed(WORKERS, 400)),
    "task_start": Rule(task_a, get=roles(405), post=allowed(WORKERS, 302)),
    "task_complete": Rule(task_a, get=allowed(WORKERS, 200), post=allowed(WORKERS, 400)),
    "task_reopen": Rule(task_a, get=allowed(EDITORS, 200), post=allowed(EDITORS, 400)),
    "extension_request": Rule(task_a, get=allowed(WORKERS, 200), post=allowed(WORKERS, 400)),
    "task_split": Rule(task_a, get=allowed(EDITORS, 200), post=allowed(EDITORS, 400)),
    "extension_decide": Rule(
        lambda d: {"pk": d.extension.pk}, get=allowed(ASSIGNERS, 200), post=allowed(ASSIGNERS, 400)
    ),
    "document_list": Rule(get=roles(200), post=roles(200)),
    "document_register": Rule(get=allowed(REGISTRARS, 200), post=allowed(REGISTRARS, 400)),
    "document_detail": Rule(doc_a, get=roles(200), post=roles(200)),
    "document_file": Rule(doc_a, get=roles(200), post=roles(405)),
    "citation_add": Rule(doc_a, get=allowed(REGISTRARS, 200), post=allowed(REGISTRARS, 400)),
    "import_list": Rule(get=allowed(REGISTRARS, 200), post=allowed(REGISTRARS, 200)),
    "import_upload": Rule(get=allowed(REGISTRARS, 200), post=allowed(REGISTRARS, 400)),
    # a unit head or officer sees only the batches they uploaded: the Office's is hidden
    "import_review": Rule(
        batch,
        get={**allowed(ASSIGNERS, 200), "unit_head": 404, "officer": 404},
        post={**allowed(ASSIGNERS, 400), "unit_head": 404, "officer": 404},
    ),
    "import_confirm": Rule(batch, get=roles(405), post={**allowed(ASSIGNERS, 400), "unit_head": 404, "officer": 404}),
    "import_discard": Rule(
        batch,
        get={**allowed(ASSIGNERS, 200), "unit_head": 404, "officer": 404},
        post={**allowed(ASSIGNERS, 302), "unit_head": 404, "officer": 404},
    ),
    "research_list": Rule(get=roles(200), post=roles(200)),
    "research_export": Rule(get=roles(200), post=roles(405)),
    "research_chase": Rule(get=roles(200), post=roles(200)),
    "research_create": Rule(get=allowed(EDITORS, 200), post=allowed(EDITORS, 400)),
    "research_import": Rule(get=allowed(ASSIGNERS, 200), post=allowed(ASSIGNERS, 400)),
    "research_detail": Rule(research_a, get=roles(200), post=roles(200)),
    "research_edit": Rule(research_a, get=allowed(EDITORS, 200), post=allowed(EDITORS, 400)),
    "research_event": Rule(research_a, get=allowed(WORKERS, 200), post=allowed(WORKERS, 400)),
    "research_record_docx": Rule(research_a, get=roles(200), post=roles(405)),
    "research_record_xlsx": Rule(research_a, get=roles(200), post=roles(405)),
    "unit_list": Rule(get=allowed({"admin"}, 200), post=allowed({"admin"}, 200)),
    "unit_create": Rule(get=allowed({"admin"}, 200), post=allowed({"admin"}, 400)),
    "unit_edit": Rule(lambda d: {"pk": d.world.unit_b.pk}, get=allowed({"admin"}, 200), post=allowed({"admin"}, 400)),
    "person_list": Rule(get=allowed({"admin"}, 200), post=allowed({"admin"}, 200)),
    "person_create": Rule(get=allowed({"admin"}, 200), post=allowed({"admin"}, 400)),
    "person_edit": Rule(person, get=allowed({"admin"}, 200), post=allowed({"admin"}, 400)),
    "person_login": Rule(person, get=allowed({"admin"}, 200), post=allowed({"admin"}, 400)),
    "person_deactivate": Rule(person, get=allowed({"admin"}, 200), post=allowed({"admin"}, 302)),
    # periodic reports; locking and unlocking last: a locked report is read-only for what follows
    "report_home": Rule(get=roles(200), post=roles(405)),
    "report_appendix": Rule(get=roles(200), post=roles(405)),
    "report_type_create": Rule(get=allowed(REPORT_MANAGERS, 200), post=allowed(REPORT_MANAGERS, 400)),
    "report_type_edit": Rule(report_type, get=allowed(REPORT_MANAGERS, 200), post=allowed(REPORT_MANAGERS, 400)),
    "report_open": Rule(report_type, get=roles(405), post=allowed(REPORT_MANAGERS, 302)),
    "report_template": Rule(report_type, get=allowed(REPORT_MANAGERS, 200), post=allowed(REPORT_MANAGERS, 400)),
    "report_template_download": Rule(report_type, get=allowed(REPORT_MANAGERS, 200), post=roles(405)),
    "report_template_reset": Rule(report_type, get=roles(405), post=allowed(REPORT_MANAGERS, 302)),
    "period_report_detail": Rule(report_pk, get=roles(200), post=roles(405)),
    "period_report_edit": Rule(report_pk, get=allowed(REPORT_MANAGERS, 200), post=allowed(REPORT_MANAGERS, 400)),
    "period_report_remind": Rule(report_pk, get=roles(405), post=allowed(REPORT_MANAGERS, 302)),
    "period_report_download": Rule(
        lambda d: {**report_pk(d), "fmt": "docx"}, get=allowed(WHOLE_ORG, 200), post=roles(405)
    ),
    "submission_edit": Rule(report_unit_a, get=allowed(UNIT_A_WRITERS, 200), post=allowed(UNIT_A_WRITERS, 400)),
    "submission_approve": Rule(report_unit_a, get=roles(405), post=allowed(REPORT_MANAGERS, 302)),
    "period_report_lock": Rule(report_pk, get=roles(405), post=allowed(REPORT_MANAGERS, 302)),
    "period_report_unlock": Rule(report_pk, get=roles(405), post=allowed({"leader"}, 302)),
}


def web_url_names() -> set[str]:
    """Every page of the site: all URL patterns but Django's admin and the API (which has its
    own matrix). A page outside the "web" namespace is named "namespace:name"."""

    def walk(patterns: list[Any], namespace: str = "", prefix: str = "") -> set[str]:
        names: set[str] = set()
        for p in patterns:
            if isinstance(p, URLResolver):
                route = prefix + str(p.pattern)
                if p.namespace == "admin" or route.startswith("api/"):
                    continue
                names |= walk(p.url_patterns, p.namespace or namespace, route)
            elif isinstance(p, URLPattern):
                assert p.name, f"URL {prefix}{p.pattern} has no name"
                names.add(p.name if namespace == "web" else f"{namespace}:{p.name}")
        return names

    return walk(get_resolver().url_patterns)


def test_every_page_has_a_rule():
    names = web_url_names()
    assert names, "the web app mounts no URL"
    missing = names - RULES.keys()
    assert not missing, f"pages without a permission rule: {sorted(missing)}"
    assert not RULES.keys() - names, f"rules for pages that no longer exist: {sorted(RULES.keys() - names)}"


ROLES = [*ALL, "anon", "no_person"]


def expected_status(rule: Rule, method: str, role: str) -> Any:
    if role in ("anon", "no_person"):
        return getattr(rule, role)[0 if method == "get" else 1]
    return getattr(rule, method)[role]


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(pages, role):
    """One test per role (the fixture is built once), every page, GET then an empty POST."""
    mismatches = []
    for name, rule in RULES.items():
        url = reverse(f"web:{name}", kwargs=rule.kwargs(pages))
        for method in ("get", "post"):
            expected = expected_status(rule, method, role)
            response = getattr(client_for(pages.world, role), method)(url)
            got: Any = response.status_code
            if got == 302 and response["Location"].startswith(reverse("web:sign_in")) and name != "sign_out":
                got = LOGIN
            if got != expected:
                mismatches.append(f"{method.upper()} {name} ({url}): expected {expected}, got {got}")
    assert not mismatches, "\n".join(mismatches)
