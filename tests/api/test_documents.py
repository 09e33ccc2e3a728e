"""The document register endpoints: list, register with a file, detail, update, citations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dieuhanh.documents.models import Citation, Document
from dieuhanh.documents.services import citation_add
from tests.factories import DocumentFactory, TaskFactory

D = dt.date
pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% van ban chi dao\n"


def register(client, **fields):
    data = {"number_raw": "181/UBND-KGVX", "issued_on": "2024-01-12", "issuer": "UBND tỉnh", "summary": "V/v"}
    data.update(fields)
    return client.multipart("/documents", data)


# --- register -------------------------------------------------------------------------------


def test_register_an_incoming_directive_with_its_file(world, as_role):
    office = as_role("office")
    response = register(
        office,
        summary="V/v trie\u0302\u0309n khai",  # decomposed, stored NFC
        received_on="2024-01-15",
        file=SimpleUploadedFile("Công văn 181.pdf", PDF, content_type="application/pdf"),
    )
    assert response.status == 201
    body = response.body
    assert (body["kind"], body["direction"], body["summary"]) == ("CV", "in", "V/v triển khai")
    assert body["file"]["name"] == "Công văn 181.pdf"
    assert body["file"]["size"] == len(PDF)
    downloaded = office.get(f"/documents/{body['id']}/file").raw
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == PDF


def test_register_without_a_file_and_kind_from_the_symbol(as_role):
    response = register(as_role("officer"), number_raw="16/KH-UBND", direction="out")
    assert response.status == 201
    assert (response.body["kind"], response.body["direction"], response.body["file"]) == ("KH", "out", None)


def test_the_same_number_and_date_twice_is_refused(world, as_role):
    register(as_role("office"))
    response = register(as_role("office"), number_raw="181/ubnd-kgvx")
    assert response.status == 422
    assert response.body["fields"] == {"number_raw": ["Văn bản số 181/ubnd-kgvx ngày 12/01/2024 đã có trong sổ."]}
    assert world.org.documents.count() == 1


def test_an_upload_over_the_limit_is_413_and_nothing_is_registered(world, as_role, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = register(as_role("office"), file=SimpleUploadedFile("lon.pdf", PDF + b"0" * 2048))
    assert response.status == 413
    assert response.body["code"] == "too_large"
    assert "vượt giới hạn" in response.body["message"]
    assert not world.org.documents.exists()


def test_an_upload_announced_far_over_the_limit_is_refused_before_it_is_read(world, as_role, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = register(as_role("office"), file=SimpleUploadedFile("lon.pdf", PDF + b"0" * (2 * 1024 * 1024)))
    assert response.status == 413
    assert response.body["message"].startswith("Tệp tải lên (2.0 MB) vượt giới hạn")
    assert not world.org.documents.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("virus.exe", b"MZ\x90\x00"), ("gia-mao.pdf", b"MZ\x90\x00 not a pdf"), ("anh.svg", b"<svg/>")],
)
def test_an_upload_of_another_type_is_415(world, as_role, name, content):
    response = register(as_role("office"), file=SimpleUploadedFile(name, content))
    assert response.status == 415
    assert response.body["code"] == "unsupported_type"
    assert not world.org.documents.exists()


def test_a_form_date_that_is_not_a_date_is_422(as_role):
    response = register(as_role("office"), issued_on="12/01/2024")
    assert response.status == 422
    assert list(response.body["fields"]) == ["issued_on"]


def test_an_empty_form_date_means_no_date(as_role):
    response = register(as_role("office"), issued_on="", number_raw="", summary="Dự thảo kế hoạch")
    assert response.status == 201
    assert response.body["issued_on"] is None


def test_received_before_issued_is_refused(as_role):
    response = register(as_role("office"), received_on="2024-01-01")
    assert response.body["fields"] == {"received_on": ["Ngày đến không thể trước ngày ban hành."]}


# --- list and detail ------------------------------------------------------------------------


def test_list_filters_and_searches_without_diacritics(world, as_role):
    DocumentFactory(org=world.org, number_raw="114-KH/TU", kind="KH", issuer="Tỉnh uỷ", issued_on=D(2024, 1, 5))
    DocumentFactory(
        org=world.org, number_raw="211/KHCN-VP", direction=Document.Direction.OUTGOING, issued_on=D(2024, 2, 2)
    )
    office = as_role("office")

    def numbers(**params):
        return [d["number_raw"] for d in office.get("/documents", params).body["items"]]

    assert numbers() == ["211/KHCN-VP", "114-KH/TU"]
    assert numbers(q="tinh uy") == ["114-KH/TU"]
    assert numbers(direction="out") == ["211/KHCN-VP"]
    assert numbers(kind="KH") == ["114-KH/TU"]
    assert numbers(issued_from="2024-02-01") == ["211/KHCN-VP"]
    page = office.get("/documents", {"page_size": 1, "page": 2}).body
    assert (page["count"], page["pages"], [d["number_raw"] for d in page["items"]]) == (2, 2, ["114-KH/TU"])


def test_detail_shows_the_document_graph(world, as_role):
    directive = DocumentFactory(org=world.org, number_raw="181/UBND-KGVX")
    answer = DocumentFactory(org=world.org, number_raw="199/KHCN-QLKH")
    plan = DocumentFactory(org=world.org, number_raw="114-KH/TU", issued_on=D(2024, 1, 5))
    TaskFactory(org=world.org, lead_unit=world.unit_a, source_document=directive, result_document=answer)
    citation_add(scope=world.operator, citing=directive, number_raw="114-KH/TU", cited_date=D(2024, 1, 5))
    citation_add(scope=world.operator, citing=answer, number_raw="181/UBND-KGVX", cited_date=D(2024, 1, 12))

    body = as_role("office").get(f"/documents/{directive.pk}").body
    assert [(c["number_raw"], c["cited"]["id"]) for c in body["citations"]] == [("114-KH/TU", plan.pk)]
    assert [c["citing"]["id"] for c in body["cited_by"]] == [answer.pk]
    assert [t["result_document"]["id"] for t in body["tasks"]] == [answer.pk]
    assert [t["id"] for t in as_role("office").get(f"/documents/{answer.pk}").body["answered_tasks"]] == [
        body["tasks"][0]["id"]
    ]


def test_a_cited_document_the_caller_cannot_see_is_not_linked(world, as_role):
    directive = DocumentFactory(org=world.org)
    DocumentFactory(org=world.org, number_raw="114-KH/TU", issued_on=D(2024, 1, 5))
    TaskFactory(org=world.org, lead_unit=world.unit_a, source_document=directive)
    citation_add(scope=world.operator, citing=directive, number_raw="114-KH/TU", cited_date=D(2024, 1, 5))
    citation = as_role("officer").get(f"/documents/{directive.pk}").body["citations"][0]
    assert (citation["number_raw"], citation["cited"]) == ("114-KH/TU", None)


def test_a_document_without_a_file_has_no_download(world, as_role):
    doc = DocumentFactory(org=world.org)
    assert as_role("office").get(f"/documents/{doc.pk}/file").status == 404


def test_a_document_of_another_organisation_is_404(other_world, as_role):
    theirs = DocumentFactory(org=other_world.org)
    assert as_role("office").get(f"/documents/{theirs.pk}").status == 404


# --- update ---------------------------------------------------------------------------------


def test_update_with_the_current_version(world, as_role):
    doc = DocumentFactory(org=world.org)
    response = as_role("office").patch(f"/documents/{doc.pk}", {"version": 1, "signer": "Nguyễn Văn Hùng"})
    assert response.status == 200
    assert (response.body["signer"], response.body["version"]) == ("Nguyễn Văn Hùng", 2)


def test_a_stale_document_update_is_409_and_changes_nothing(world, as_role):
    doc = DocumentFactory(org=world.org, summary="Bản gốc")
    assert as_role("office").patch(f"/documents/{doc.pk}", {"version": 1, "summary": "Bản một"}).status == 200
    stale = as_role("leader").patch(f"/documents/{doc.pk}", {"version": 1, "summary": "Bản hai"})
    assert stale.status == 409
    doc.refresh_from_db()
    assert (doc.summary, doc.version) == ("Bản một", 2)


# --- citations ------------------------------------------------------------------------------


def test_add_and_list_citations(world, as_role):
    doc = DocumentFactory(org=world.org)
    plan = DocumentFactory(org=world.org, number_raw="114-KH/TU", issued_on=D(2024, 1, 5))
    office = as_role("office")
    added = office.post(
        f"/documents/{doc.pk}/citations",
        {"number_raw": "114-kh/tu", "cited_date": "2024-01-05", "issuer": "Ban Thường vụ Tỉnh ủy"},
    )
    assert added.status == 201
    assert (added.body["kind"], added.body["cited"]["id"]) == ("KH", plan.pk)
    again = office.post(f"/documents/{doc.pk}/citations", {"number_raw": "114-KH/TU", "cited_date": "2024-01-05"})
    assert again.body["id"] == added.body["id"]
    assert [c["id"] for c in office.get(f"/documents/{doc.pk}/citations").body] == [added.body["id"]]


def test_a_citation_needs_a_number(world, as_role):
    doc = DocumentFactory(org=world.org)
    response = as_role("office").post(f"/documents/{doc.pk}/citations", {"number_raw": " "})
    assert response.status == 422
    assert not Citation.objects.exists()
