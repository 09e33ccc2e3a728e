"""Fixtures of the page tests: one organisation with a task per unit, documents, a pending
extension, and a signed-in client per role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dieuhanh.documents.models import Document
from dieuhanh.documents.services import document_register
from dieuhanh.research.models import ResearchTask
from dieuhanh.research.services import research_create
from dieuhanh.tasks.models import Extension, Task
from dieuhanh.tasks.services import extension_request, task_create
from tests.conftest import OrgWorld
from tests.factories import AssignerFactory, UserFactory

D = dt.date
ROLES = ["admin", "leader", "office", "unit_head", "officer", "viewer"]


@dataclass
class PageData:
    world: OrgWorld
    doc_a: Document  # directive behind task_a, with a file
    doc_other: Document  # registered by the Office, no task: unit people cannot read it
    task_a: Task  # lead: unit A, officer: "officer"
    task_b: Task  # lead: unit B
    extension: Extension  # pending, on task_a
    research_a: ResearchTask  # research task followed by unit A and "officer", contracted


@pytest.fixture
def pages(world) -> PageData:
    office = world.scope("office")
    assigner = AssignerFactory(org=world.org, name="UBND tỉnh")
    doc_a = document_register(
        scope=office,
        number_raw="181/UBND-KGVX",
        issued_on=D(2024, 1, 12),
        issuer="UBND tỉnh",
        summary="V/v triển khai Kế hoạch số 114-KH/TU của Ban Thường vụ Tỉnh ủy",
        file=SimpleUploadedFile("chi-dao.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
        file_name="chỉ đạo.pdf",
    )
    doc_other = document_register(scope=office, number_raw="99/SNV-TCBC", issued_on=D(2024, 2, 1), summary="Khác")
    task_a = task_create(
        scope=office,
        content="Tham mưu triển khai nhiệm vụ theo chỉ đạo của Tỉnh ủy",
        assigned_on=D(2024, 1, 15),
        source_document=doc_a,
        assigner=assigner,
        lead_unit=world.unit_a,
        officer=world.people["officer"],
        deadline=D(2024, 2, 28),
    )
    task_b = task_create(
        scope=office, content="Kiểm định phương tiện đo", assigned_on=D(2024, 1, 15), lead_unit=world.unit_b
    )
    extension = extension_request(
        scope=office, task=task_a, requested_deadline=D(2024, 3, 31), reason="Chờ ý kiến", requested_on=D(2024, 2, 1)
    )
    task_a.refresh_from_db()
    research_a = research_create(
        scope=office,
        title="Ứng dụng tiến bộ kỹ thuật cải tạo và phát triển vùng sản xuất chè hàng hóa",
        start_year=2023,
        stage="contracted",
        managing_unit=world.unit_a,
        officer=world.people["officer"],
    )
    return PageData(world, doc_a, doc_other, task_a, task_b, extension, research_a)


def client_for(world: OrgWorld, role: str) -> Client:
    client = Client()
    if role == "anon":
        return client
    if role == "no_person":
        client.force_login(UserFactory())
        return client
    client.force_login(world.people[role].user)
    return client


@pytest.fixture
def as_role(world):
    return lambda role: client_for(world, role)
