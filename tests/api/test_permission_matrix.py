"""The permission matrix of the API: every operation × every role → allowed, denied or hidden.

The rules are a table, written from the roles of issue 3 (not read back from the code). The
table must name every operation the API has: an operation added without rules fails
`test_every_operation_has_a_rule`. Each role calls each operation on the same scene:

- a directive `doc` (with a file) registered by the Office;
- `task`: led by unit A, given to `officer`, from `doc`, with a pending extension request;
- `free`: another task of unit A (no extension pending), `done`: a completed one;
- `token`: an API token of `officer`.

`unit_head` and `officer` belong to unit A, `other_officer` to unit B; `stranger` is the Office
of another organisation, guessing ids; `orphan` is signed in without being anybody's person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from dieuhanh.api.main import api
from dieuhanh.api.tokens import token_create
from dieuhanh.documents.services import document_register
from dieuhanh.extraction.services import import_propose
from dieuhanh.orgs.models import Role
from dieuhanh.research.services import research_create
from dieuhanh.tasks.services import extension_request, task_complete, task_create
from tests.api.conftest import ApiClient, Response, token_for
from tests.factories import OrganisationFactory, PersonFactory, UserFactory

D = dt.date
pytestmark = pytest.mark.django_db

OK, DENIED, HIDDEN, INVALID, UNAUTHENTICATED = "ok", 403, 404, 422, 401
ROLES = ["admin", "leader", "office", "unit_head", "officer", "other_officer", "viewer", "stranger"]


def rules(ok: str = "", denied: str = "", hidden: str = "", invalid: str = "") -> dict[str, str | int]:
    """Expected outcome per role; every role of `ROLES` must appear exactly once."""
    table: dict[str, str | int] = {}
    for outcome, names in ((OK, ok), (DENIED, denied), (HIDDEN, hidden), (INVALID, invalid)):
        for name in names.split():
            assert name in ROLES, f"unknown role {name}"
            assert name not in table, f"two rules for {name}"
            table[name] = outcome
    assert set(table) == set(ROLES), f"roles without a rule: {set(ROLES) - set(table)}"
    return table


EVERYONE = " ".join(ROLES)
READ_ORG = "admin leader office viewer unit_head officer"  # who sees unit A's task and its document
EDIT_DOC = "leader office unit_head officer"  # who may edit a document they see
WORK_ON = "leader office unit_head officer"  # progress, completion, extension request on unit A's task
EDIT_TASK = "leader office unit_head"  # content, units, deadline, split, reopen
IMPORTERS = "leader office unit_head officer other_officer"
NOT_THEIRS = "unit_head officer other_officer stranger"  # the Office's import batch

RULES: dict[tuple[str, str], dict[str, str | int]] = {
    ("GET", "/api/v1/me"): rules(ok=EVERYONE),
    ("GET", "/api/v1/units"): rules(ok=EVERYONE),
    ("GET", "/api/v1/people"): rules(ok=EVERYONE),
    ("GET", "/api/v1/assigners"): rules(ok=EVERYONE),
    ("GET", "/api/v1/documents"): rules(ok=EVERYONE),
    ("POST", "/api/v1/documents"): rules(ok=EDIT_DOC + " other_officer stranger", denied="admin viewer"),
    ("GET", "/api/v1/documents/{document_id}"): rules(ok=READ_ORG, hidden="other_officer stranger"),
    ("PATCH", "/api/v1/documents/{document_id}"): rules(
        ok=EDIT_DOC, denied="admin viewer", hidden="other_officer stranger"
    ),
    ("GET", "/api/v1/documents/{document_id}/file"): rules(ok=READ_ORG, hidden="other_officer stranger"),
    ("GET", "/api/v1/documents/{document_id}/citations"): rules(ok=READ_ORG, hidden="other_officer stranger"),
    ("POST", "/api/v1/documents/{document_id}/citations"): rules(
        ok=EDIT_DOC, denied="admin viewer", hidden="other_officer stranger"
    ),
    # import with review: the Office and leaders see every batch (the scene's is the Office's),
    # a unit head or officer only their own; the admin and viewers do not import
    ("GET", "/api/v1/imports"): rules(ok=IMPORTERS + " stranger", denied="admin viewer"),
    ("POST", "/api/v1/imports"): rules(ok=IMPORTERS + " stranger", denied="admin viewer"),
    ("GET", "/api/v1/imports/{import_id}"): rules(ok="leader office", denied="admin viewer", hidden=NOT_THEIRS),
    ("PATCH", "/api/v1/imports/{import_id}"): rules(ok="leader office", denied="admin viewer", hidden=NOT_THEIRS),
    ("POST", "/api/v1/imports/{import_id}/confirm"): rules(
        ok="leader office", denied="admin viewer", hidden=NOT_THEIRS
    ),
    ("POST", "/api/v1/imports/{import_id}/discard"): rules(
        ok="leader office", denied="admin viewer", hidden=NOT_THEIRS
    ),
    ("GET", "/api/v1/tasks"): rules(ok=EVERYONE),
    # the stranger names unit A, which does not exist in their organisation
    ("POST", "/api/v1/tasks"): rules(
        ok="leader office unit_head", denied="admin officer other_officer viewer", invalid="stranger"
    ),
    ("GET", "/api/v1/tasks/{task_id}"): rules(ok=READ_ORG, hidden="other_officer stranger"),
    ("PATCH", "/api/v1/tasks/{task_id}"): rules(
        ok=EDIT_TASK, denied="admin officer viewer", hidden="other_officer stranger"
    ),
    ("POST", "/api/v1/tasks/{task_id}/start"): rules(
        ok=WORK_ON, denied="admin viewer", hidden="other_officer stranger"
    ),
    ("POST", "/api/v1/tasks/{task_id}/notes"): rules(
        ok=WORK_ON, denied="admin viewer", hidden="other_officer stranger"
    ),
    ("POST", "/api/v1/tasks/{task_id}/complete"): rules(
        ok=WORK_ON, denied="admin viewer", hidden="other_officer stranger"
    ),
    ("POST", "/api/v1/tasks/{task_id}/reopen"): rules(
        ok=EDIT_TASK, denied="admin officer viewer", hidden="other_officer stranger"
    ),
    ("POST", "/api/v1/tasks/{task_id}/extensions"): rules(
        ok=WORK_ON, denied="admin viewer", hidden="other_officer stranger"
    ),
    ("POST", "/api/v1/tasks/{task_id}/extensions/{extension_id}/decision"): rules(
        ok="leader office", denied="admin unit_head officer viewer", hidden="other_officer stranger"
    ),
    ("POST", "/api/v1/tasks/{task_id}/split"): rules(
        ok=EDIT_TASK, denied="admin officer viewer", hidden="other_officer stranger"
    ),
    ("GET", "/api/v1/research"): rules(ok=EVERYONE),
    ("POST", "/api/v1/research"): rules(
        ok="leader office unit_head", denied="admin officer other_officer viewer", invalid="stranger"
    ),
    ("GET", "/api/v1/research/chase"): rules(ok=EVERYONE),
    ("GET", "/api/v1/research/figures"): rules(ok=EVERYONE),
    ("GET", "/api/v1/research/{research_id}"): rules(ok=READ_ORG, hidden="other_officer stranger"),
    ("PATCH", "/api/v1/research/{research_id}"): rules(
        ok=EDIT_TASK, denied="admin officer viewer", hidden="other_officer stranger"
    ),
    ("POST", "/api/v1/research/{research_id}/events"): rules(
        ok=WORK_ON, denied="admin viewer", hidden="other_officer stranger"
    ),
    ("GET", "/api/v1/reports/summary"): rules(ok=EVERYONE),
    ("GET", "/api/v1/reports/appendix"): rules(ok=EVERYONE),
    ("GET", "/api/v1/reports/types"): rules(ok=EVERYONE),
    ("GET", "/api/v1/reports/periods"): rules(ok=EVERYONE),
    ("GET", "/api/v1/reports/periods/{report_id}"): rules(ok=READ_ORG + " other_officer", hidden="stranger"),
    # unit A's submission: its people and those who compile the report
    ("PUT", "/api/v1/reports/periods/{report_id}/units/{unit_id}"): rules(
        ok="leader office unit_head officer", denied="admin other_officer viewer", hidden="stranger"
    ),
    ("POST", "/api/v1/reports/periods/{report_id}/remind"): rules(
        ok="leader office", denied="admin unit_head officer other_officer viewer", hidden="stranger"
    ),
    ("POST", "/api/v1/reports/periods/{report_id}/lock"): rules(
        ok="leader office", denied="admin unit_head officer other_officer viewer", hidden="stranger"
    ),
    ("GET", "/api/v1/reports/periods/{report_id}/document"): rules(
        ok="admin leader office viewer", denied="unit_head officer other_officer", hidden="stranger"
    ),
    ("GET", "/api/v1/tokens"): rules(ok=EVERYONE),
    ("POST", "/api/v1/tokens"): rules(ok=EVERYONE),
    # a token is revoked by its person or the organisation admin; to anyone else it does not exist
    ("DELETE", "/api/v1/tokens/{token_id}"): rules(
        ok="officer admin", hidden="leader office unit_head other_officer viewer stranger"
    ),
}

# Operations that take a browser session only (a token cannot manage tokens).
SESSION_ONLY = {("GET", "/api/v1/tokens"), ("POST", "/api/v1/tokens"), ("DELETE", "/api/v1/tokens/{token_id}")}


IMPORT_TEXT = (
    "Số: 15/TB-SKHCN\nngày 6 tháng 3 năm 2024\n\nTHÔNG BÁO\n\n"
    "1. Đối với Phòng Quản lý khoa học\n- Rà soát quy chế quản lý nhiệm vụ.\n"
)


@dataclass
class ReusableFile:
    """An upload the test client can send once per role (a real file is read to its end once)."""

    name: str
    data: bytes

    def read(self) -> bytes:
        return self.data


@dataclass
class Scene:
    world: Any
    doc: Any
    task: Any
    extension: Any
    free: Any
    done: Any
    token_id: int
    batch: Any
    research: Any = None  # research task followed by unit A and `officer`, contracted


@dataclass
class Call:
    path: str
    body: Any = None
    multipart: bool = False


# How each operation is called on the scene: a request that succeeds for an allowed role.
CALLS: dict[tuple[str, str], Callable[[Scene], Call]] = {
    ("GET", "/api/v1/me"): lambda s: Call("/me"),
    ("GET", "/api/v1/units"): lambda s: Call("/units"),
    ("GET", "/api/v1/people"): lambda s: Call("/people"),
    ("GET", "/api/v1/assigners"): lambda s: Call("/assigners"),
    ("GET", "/api/v1/documents"): lambda s: Call("/documents"),
    ("POST", "/api/v1/documents"): lambda s: Call(
        "/documents",
        {"number_raw": "1950/UBND-KGVX", "issued_on": "2024-02-20", "summary": "V/v báo cáo"},
        multipart=True,
    ),
    ("GET", "/api/v1/documents/{document_id}"): lambda s: Call(f"/documents/{s.doc.pk}"),
    ("PATCH", "/api/v1/documents/{document_id}"): lambda s: Call(
        f"/documents/{s.doc.pk}", {"version": s.doc.version, "signer": "Nguyễn Văn Hùng"}
    ),
    ("GET", "/api/v1/documents/{document_id}/file"): lambda s: Call(f"/documents/{s.doc.pk}/file"),
    ("GET", "/api/v1/documents/{document_id}/citations"): lambda s: Call(f"/documents/{s.doc.pk}/citations"),
    ("POST", "/api/v1/documents/{document_id}/citations"): lambda s: Call(
        f"/documents/{s.doc.pk}/citations", {"number_raw": "114-KH/TU", "cited_date": "2024-01-05"}
    ),
    ("GET", "/api/v1/imports"): lambda s: Call("/imports"),
    ("POST", "/api/v1/imports"): lambda s: Call(
        "/imports", {"file": ReusableFile("ket-luan.txt", IMPORT_TEXT.replace("15", "16").encode())}, True
    ),
    ("GET", "/api/v1/imports/{import_id}"): lambda s: Call(f"/imports/{s.batch.pk}"),
    ("PATCH", "/api/v1/imports/{import_id}"): lambda s: Call(
        f"/imports/{s.batch.pk}", {"version": s.batch.version, "rows": [{"index": 0, "deadline": "2024-04-30"}]}
    ),
    ("POST", "/api/v1/imports/{import_id}/confirm"): lambda s: Call(f"/imports/{s.batch.pk}/confirm", {}),
    ("POST", "/api/v1/imports/{import_id}/discard"): lambda s: Call(f"/imports/{s.batch.pk}/discard", {}),
    ("GET", "/api/v1/tasks"): lambda s: Call("/tasks"),
    ("POST", "/api/v1/tasks"): lambda s: Call(
        "/tasks", {"content": "Báo cáo kết quả", "assigned_on": "2024-02-01", "lead_unit_id": s.world.unit_a.pk}
    ),
    ("GET", "/api/v1/tasks/{task_id}"): lambda s: Call(f"/tasks/{s.task.pk}"),
    ("PATCH", "/api/v1/tasks/{task_id}"): lambda s: Call(
        f"/tasks/{s.task.pk}", {"version": s.task.version, "deadline_text": "Quý II/2099"}
    ),
    ("POST", "/api/v1/tasks/{task_id}/start"): lambda s: Call(
        f"/tasks/{s.task.pk}/start", {"started_on": "2024-01-15"}
    ),
    ("POST", "/api/v1/tasks/{task_id}/notes"): lambda s: Call(
        f"/tasks/{s.task.pk}/notes", {"text": "Đã xây dựng dự thảo", "noted_on": "2024-01-20"}
    ),
    ("POST", "/api/v1/tasks/{task_id}/complete"): lambda s: Call(
        f"/tasks/{s.task.pk}/complete", {"completed_on": "2024-02-01", "result_text": "Đã ban hành"}
    ),
    ("POST", "/api/v1/tasks/{task_id}/reopen"): lambda s: Call(f"/tasks/{s.done.pk}/reopen", {"reason": "Chưa đạt"}),
    ("POST", "/api/v1/tasks/{task_id}/extensions"): lambda s: Call(
        f"/tasks/{s.free.pk}/extensions", {"requested_deadline": "2099-12-31", "reason": "Chờ ý kiến Bộ"}
    ),
    ("POST", "/api/v1/tasks/{task_id}/extensions/{extension_id}/decision"): lambda s: Call(
        f"/tasks/{s.task.pk}/extensions/{s.extension.pk}/decision", {"approve": True}
    ),
    ("POST", "/api/v1/tasks/{task_id}/split"): lambda s: Call(
        f"/tasks/{s.task.pk}/split",
        {"assigned_on": "2024-02-01", "parts": [{"content": "Phần việc", "lead_unit_id": s.world.unit_a.pk}]},
    ),
    ("GET", "/api/v1/research"): lambda s: Call("/research"),
    ("POST", "/api/v1/research"): lambda s: Call(
        "/research", {"title": "Nghiên cứu cây Đào toáng", "start_year": 2024, "managing_unit_id": s.world.unit_a.pk}
    ),
    ("GET", "/api/v1/research/chase"): lambda s: Call("/research/chase"),
    ("GET", "/api/v1/research/figures"): lambda s: Call("/research/figures?period=2024-Q1"),
    ("GET", "/api/v1/research/{research_id}"): lambda s: Call(f"/research/{s.research.pk}"),
    ("PATCH", "/api/v1/research/{research_id}"): lambda s: Call(
        f"/research/{s.research.pk}", {"version": s.research.version, "principal_investigator": "TS. Lê Văn D"}
    ),
    ("POST", "/api/v1/research/{research_id}/events"): lambda s: Call(
        f"/research/{s.research.pk}/events", {"kind": "progress_check", "date": "2024-02-01"}
    ),
    ("GET", "/api/v1/reports/summary"): lambda s: Call("/reports/summary?period=2024-Q1"),
    ("GET", "/api/v1/reports/appendix"): lambda s: Call("/reports/appendix?period=2024-Q1&format=xlsx"),
    ("GET", "/api/v1/reports/types"): lambda s: Call("/reports/types"),
    ("GET", "/api/v1/reports/periods"): lambda s: Call("/reports/periods"),
    ("GET", "/api/v1/reports/periods/{report_id}"): lambda s: Call(f"/reports/periods/{period_report(s).pk}"),
    ("PUT", "/api/v1/reports/periods/{report_id}/units/{unit_id}"): lambda s: Call(
        f"/reports/periods/{period_report(s).pk}/units/{s.world.unit_a.pk}",
        {"entries": {"research": {"results": "Nghiệm thu 01 đề tài."}}, "submit": True},
    ),
    ("POST", "/api/v1/reports/periods/{report_id}/remind"): lambda s: Call(
        f"/reports/periods/{period_report(s).pk}/remind", {}
    ),
    ("POST", "/api/v1/reports/periods/{report_id}/lock"): lambda s: Call(
        f"/reports/periods/{period_report(s).pk}/lock", {}
    ),
    ("GET", "/api/v1/reports/periods/{report_id}/document"): lambda s: Call(
        f"/reports/periods/{period_report(s).pk}/document?format=html"
    ),
    ("GET", "/api/v1/tokens"): lambda s: Call("/tokens"),
    ("POST", "/api/v1/tokens"): lambda s: Call("/tokens", {"name": "Đồng bộ"}),
    ("DELETE", "/api/v1/tokens/{token_id}"): lambda s: Call(f"/tokens/{s.token_id}"),
}


def period_report(s: Scene) -> Any:
    """The Q1/2024 report of a quarterly report type with units A and B (made once per scene)."""
    if not hasattr(s, "period_report"):
        from dieuhanh.reports.services import period_report_open, report_type_create

        office = s.world.scope("office")
        report_type = report_type_create(
            scope=office, code="quy", name="Báo cáo quý", period_kind="quarter", units=[s.world.unit_a, s.world.unit_b]
        )
        s.period_report = period_report_open(scope=office, report_type=report_type, period_key="2024-Q1")  # type: ignore[attr-defined]
    return s.period_report  # type: ignore[attr-defined]


def api_operations() -> set[tuple[str, str]]:
    paths = api.get_openapi_schema()["paths"]
    return {(method.upper(), path) for path, methods in paths.items() for method in methods}


def test_every_operation_has_a_rule_and_a_call():
    operations = api_operations()
    assert operations - set(RULES) == set(), "operations without permission rules"
    assert set(RULES) - operations == set(), "rules for operations that no longer exist"
    assert set(CALLS) == set(RULES)


@pytest.fixture
def scene(world) -> Scene:
    office = world.scope("office")
    doc = document_register(
        scope=office,
        number_raw="181/UBND-KGVX",
        issued_on=D(2024, 1, 12),
        issuer="UBND tỉnh",
        summary="V/v triển khai nhiệm vụ",
        file=SimpleUploadedFile("181.pdf", b"%PDF-1.4 chi dao"),
    )
    common = {"scope": office, "lead_unit": world.unit_a, "officer": world.people["officer"], "source_document": doc}
    task = task_create(content="Tham mưu kế hoạch", assigned_on=D(2024, 1, 10), deadline=D(2024, 3, 31), **common)
    extension = extension_request(
        scope=world.scope("officer"), task=task, requested_deadline=D(2024, 6, 30), reason="Chờ ý kiến"
    )
    free = task_create(content="Tổng hợp báo cáo", assigned_on=D(2024, 1, 10), **common)
    done = task_create(content="Rà soát quy chế", assigned_on=D(2024, 1, 10), **common)
    task_complete(scope=office, task=done, completed_on=D(2024, 2, 1))
    token = token_create(scope=world.scope("officer"), name="Máy chủ một cửa").token
    batch = import_propose(scope=office, file=IMPORT_TEXT.encode(), file_name="thong-bao.txt")
    task.refresh_from_db()
    doc.refresh_from_db()
    research = research_create(
        scope=office,
        title="Ứng dụng tiến bộ kỹ thuật sản xuất chè hàng hóa",
        start_year=2023,
        stage="contracted",
        managing_unit=world.unit_a,
        officer=world.people["officer"],
    )
    return Scene(world, doc, task, extension, free, done, token.pk, batch, research)


class Clients:
    """Per role, a client with an API token or a browser session, made when first asked for."""

    def __init__(self, world: Any):
        stranger = PersonFactory(org=OrganisationFactory(), role=Role.OFFICE)
        self.people = {**{role: world.people[role] for role in ROLES if role != "stranger"}, "stranger": stranger}
        self.made: dict[tuple[str, str], ApiClient] = {}

    def get(self, role: str, auth: str) -> ApiClient:
        if (role, auth) not in self.made:
            self.made[(role, auth)] = self._make(role, auth)
        return self.made[(role, auth)]

    def _make(self, role: str, auth: str) -> ApiClient:
        if role == "anonymous":
            return ApiClient()
        if role == "orphan":
            return ApiClient(user=UserFactory())
        person = self.people[role]
        return ApiClient(token=token_for(person)) if auth == "token" else ApiClient(user=person.user)


@pytest.fixture
def clients(world) -> Clients:
    return Clients(world)


def call(client: ApiClient, method: str, c: Call) -> Response:
    if c.multipart:
        return client.multipart(c.path, c.body)
    if method == "GET":
        return client.get(c.path)
    if method == "DELETE":
        return client.delete(c.path)
    return getattr(client, method.lower())(c.path, c.body)


def outcome(response: Response) -> str | int:
    return OK if 200 <= response.status < 300 else response.status


def resource(operation: tuple[str, str]) -> str:
    return operation[1].split("/")[3]  # /api/v1/<resource>/...


# One test per resource, not per operation: the scene and the clients are built once for many
# operations (each call is rolled back), which keeps the matrix a few seconds long.
@pytest.mark.parametrize("group", sorted({resource(op) for op in RULES}))
def test_permission_matrix(scene, clients, group):
    mismatches = []
    for method, path in sorted(op for op in RULES if resource(op) == group):
        expected = {**RULES[(method, path)], "anonymous": UNAUTHENTICATED, "orphan": DENIED}
        auth = "session" if (method, path) in SESSION_ONLY else "token"
        request = CALLS[(method, path)](scene)
        for role, want in expected.items():
            client = clients.get(role, auth)  # made outside the rolled-back block, so it lasts
            with transaction.atomic():
                response = call(client, method, request)
                transaction.set_rollback(True)
            got = outcome(response)
            if got != want:
                body = response.body if isinstance(response.body, dict) else ""
                mismatches.append(f"{method} {path} as {role}: expected {want}, got {got} {body}")
    assert not mismatches, "\n".join(mismatches)


def test_session_only_operations_refuse_tokens(scene, clients):
    for method, path in sorted(SESSION_ONLY):
        response = call(clients.get("officer", "token"), method, CALLS[(method, path)](scene))
        assert response.status == 401, (method, path)


def test_a_token_acts_exactly_as_its_person(scene, clients):
    for role in ("office", "unit_head", "officer", "other_officer"):
        by_token = clients.get(role, "token").get("/tasks").body
        by_session = clients.get(role, "session").get("/tasks").body
        assert by_token == by_session
