"""Document register pages: register with a file, refusals, download through the selector."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dieuhanh.documents.models import Citation, Document
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db


def register(client, **overrides):
    data = {
        "direction": "in",
        "number_raw": "114-KH/TU",
        "issued_on": "05/01/2024",
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "summary": "Kế hoạch thực hiện Nghị quyết",
        **overrides,
    }
    return client.post(reverse("web:document_register"), data)


def test_register_with_a_file_then_download_it(pages, as_role, settings):
    pdf = SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.7 body", content_type="application/pdf")
    response = register(as_role("office"), file=pdf)
    assert response.status_code == 302
    doc = Document.objects.get(number_raw="114-KH/TU")
    assert doc.kind == "KH"
    download = as_role("leader").get(reverse("web:document_file", args=[doc.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.7 body"
    assert "attachment" in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ....", "chỉ nhận PDF, DOCX, DOC, XLSX, ODT, TXT hoặc ảnh"),
        ("gia.pdf", b"MZ not a pdf", "không đúng định dạng PDF"),
    ],
)
def test_wrong_upload_is_explained_and_nothing_is_saved(pages, as_role, name, content, message):
    before = Document.objects.count()
    response = register(as_role("office"), file=SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert message in response.text
    assert Document.objects.count() == before


def test_oversize_upload_is_explained(pages, as_role, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = register(as_role("office"), file=SimpleUploadedFile("lon.pdf", b"%PDF" + b"x" * 4096))
    assert response.status_code == 400
    assert "vượt giới hạn" in response.text
    assert not Document.objects.filter(number_raw="114-KH/TU").exists()


def test_bad_date_and_duplicate_number_are_explained(pages, as_role):
    bad = register(as_role("office"), issued_on="31/02/2024")
    assert "Ngày 31/02/2024 không có thật" in bad.text
    duplicate = register(as_role("office"), number_raw="181/UBND-KGVX", issued_on="12/01/2024")
    assert duplicate.status_code == 400
    assert "đã có trong sổ" in duplicate.text


def test_documents_a_unit_cannot_read_are_404_including_the_file(pages, as_role):
    officer = as_role("officer")
    assert officer.get(reverse("web:document_detail", args=[pages.doc_other.pk])).status_code == 404
    assert officer.get(reverse("web:document_file", args=[pages.doc_other.pk])).status_code == 404
    assert officer.get(reverse("web:document_detail", args=[pages.doc_a.pk])).status_code == 200


def test_another_organisations_document_is_404(pages, other_world):
    from dieuhanh.documents.services import document_register

    theirs = document_register(scope=other_world.scope("office"), number_raw="1/UBND-VP", summary="x")
    office = client_for(pages.world, "office")
    for name in ("document_detail", "document_file", "citation_add"):
        assert office.get(reverse(f"web:{name}", args=[theirs.pk])).status_code == 404, name
    assert office.post(reverse("web:citation_add", args=[theirs.pk]), {"number_raw": "2/UBND"}).status_code == 404
    assert not Citation.objects.filter(citing=theirs).exists()


def test_citation_links_both_ways_and_the_detail_shows_tasks(pages, as_role):
    response = as_role("office").post(
        reverse("web:citation_add", args=[pages.doc_other.pk]),
        {"number_raw": "181/UBND-KGVX", "cited_date": "12/01/2024"},
    )
    assert response.status_code == 302
    cited = as_role("office").get(reverse("web:document_detail", args=[pages.doc_a.pk])).text
    assert "99/SNV-TCBC" in cited  # "được dẫn bởi"
    assert "Tham mưu triển khai nhiệm vụ" in cited  # the task that came from it


def test_search_is_diacritic_insensitive(pages, as_role):
    response = as_role("office").get(reverse("web:document_list"), {"so": "den", "q": "tinh uy"})
    assert "181/UBND-KGVX" in response.text
    assert "99/SNV-TCBC" not in response.text
