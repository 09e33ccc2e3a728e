"""The document register: registration, duplicates, citations, uploads."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from dieuhanh.core.errors import ConflictError
from dieuhanh.documents.models import Document
from dieuhanh.documents.services import citation_add, document_register, document_update

D = dt.date
pytestmark = pytest.mark.django_db


def register(world, role="office", **kw):
    kw.setdefault("number_raw", "181/UBND-KGVX")
    kw.setdefault("issued_on", D(2024, 1, 12))
    kw.setdefault("issuer", "UBND tỉnh")
    kw.setdefault("summary", "V/v triển khai nhiệm vụ")
    return document_register(scope=world.scope(role), **kw)


def test_kind_comes_from_the_symbol_and_the_raw_number_is_kept(world):
    doc = register(world, number_raw="107//KH-KHCN", direction=Document.Direction.OUTGOING)
    assert (doc.kind, doc.number_raw, doc.number_key) == ("KH", "107//KH-KHCN", "107/KH-KHCN")


def test_the_same_number_and_date_cannot_be_registered_twice(world):
    register(world)
    with pytest.raises(ValidationError) as err:
        register(world, number_raw="181/ubnd-kgvx")
    assert err.value.message_dict["number_raw"] == ["Văn bản số 181/ubnd-kgvx ngày 12/01/2024 đã có trong sổ."]


def test_same_number_in_another_year_is_another_document(world):
    register(world)
    register(world, issued_on=D(2023, 1, 12))
    assert world.org.documents.count() == 2


def test_received_before_issued_is_refused(world):
    with pytest.raises(ValidationError):
        register(world, received_on=D(2024, 1, 11))


def test_viewer_cannot_register(world):
    with pytest.raises(PermissionDenied):
        register(world, role="viewer")


def test_citation_links_when_the_cited_document_is_registered_later(world):
    conclusion = register(world, number_raw="/TB-KHCN", issued_on=None, summary="Kết luận giao ban")
    citation = citation_add(
        scope=world.operator,
        citing=conclusion,
        number_raw="114-KH/TU",
        cited_date=D(2024, 1, 5),
        issuer="Ban Thường vụ Tỉnh ủy",
    )
    assert citation.cited is None
    assert citation.kind == "KH"
    plan = register(world, number_raw="114-KH/TU", issued_on=D(2024, 1, 5), issuer="Tỉnh ủy", summary="Kế hoạch")
    citation.refresh_from_db()
    assert citation.cited == plan
    assert list(plan.cited_by.all()) == [citation]


def test_citing_twice_records_one_citation(world):
    doc = register(world)
    a = citation_add(scope=world.operator, citing=doc, number_raw="16/KH-UBND", cited_date=D(2024, 2, 26))
    b = citation_add(scope=world.operator, citing=doc, number_raw="16/kh-ubnd", cited_date=D(2024, 2, 26))
    assert a.pk == b.pk


@pytest.mark.parametrize("role", ["viewer", "admin"])
def test_roles_that_may_not_edit_the_register_cannot_add_citations(world, role):
    doc = register(world)
    with pytest.raises(PermissionDenied):
        citation_add(scope=world.scope(role), citing=doc, number_raw="16/KH-UBND")
    assert not doc.citations.exists()


def test_an_officer_adds_a_citation(world):
    doc = register(world)
    citation = citation_add(scope=world.scope("officer"), citing=doc, number_raw="16/KH-UBND")
    assert citation.citing == doc


def test_update_with_a_stale_version_is_refused(world):
    doc = register(world)
    document_update(scope=world.scope("office"), document=doc, version=doc.version, summary="V/v mới")
    with pytest.raises(ConflictError):
        document_update(scope=world.scope("office"), document=doc, version=doc.version, summary="V/v khác")


def test_a_pdf_upload_is_stored_with_its_fingerprint(world):
    upload = SimpleUploadedFile("cong van.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    doc = register(world, file=upload)
    assert doc.file_name == "cong van.pdf"
    assert len(doc.file_sha256) == 64
    assert doc.file.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ....", "bad_type"),
        ("gia.pdf", b"MZ not a pdf", "bad_type"),
        ("rong.docx", b"", "empty"),
        ("../../etc/passwd.txt", b"\xff\xfe\x00bad", "bad_type"),
    ],
)
def test_uploads_that_are_not_documents_are_refused(world, name, content, code):
    with pytest.raises(ValidationError) as err:
        register(world, file=SimpleUploadedFile(name, content))
    assert err.value.code == code
    assert not world.org.documents.exists()


def test_an_upload_over_the_limit_is_refused(world, settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as err:
        register(world, file=SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 20))
    assert "vượt giới hạn" in err.value.messages[0]


def test_upload_names_cannot_escape_the_storage_folder(world):
    doc = register(world, file=SimpleUploadedFile("../../../evil.txt", b"hello"))
    assert ".." not in doc.file.name
    assert doc.file.name.startswith(f"{world.org.slug}/van-ban/")


def test_a_viewer_cannot_link_citations(world):
    doc = document_register(scope=world.scope("office"), number_raw="12/BC-KHCN", issued_on=D(2024, 2, 5))
    with pytest.raises(PermissionDenied):
        citation_add(scope=world.scope("viewer"), citing=doc, number_raw="16/KH-UBND")
