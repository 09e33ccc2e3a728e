"""Periodic report pages, tried as the people who use them: a unit submits, the Office sees who
is late, reminds, approves, downloads and locks; a clerk uploads a template."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as open_docx
from openpyxl import load_workbook

from dieuhanh.notifications.models import Notification
from dieuhanh.reports.models import ReportType, UnitSubmission
from dieuhanh.reports.render import TemplateKind, default_template
from dieuhanh.reports.services import period_report_open, report_type_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(pages):
    world = pages.world
    office = world.scope("office")
    rt = report_type_create(
        scope=office, code="quy", name="Báo cáo quý", period_kind="quarter", units=[world.unit_a, world.unit_b]
    )
    return period_report_open(scope=office, report_type=rt, period_key="2024-Q1")


def edited_template(old: bytes, new: bytes) -> bytes:
    """The default template with `old` replaced by `new` in its text, as a clerk would type."""
    source = zipfile.ZipFile(io.BytesIO(default_template(TemplateKind.REPORT)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data.replace(old, new) if item.filename == "word/document.xml" else data)
    return out.getvalue()


def submission_url(report, unit):
    return reverse("web:submission_edit", kwargs={"pk": report.pk, "unit_pk": unit.pk})


def test_a_unit_head_submits_and_the_office_sees_it(pages, report, as_role):
    head = as_role("unit_head")
    page = head.get(reverse("web:period_report_detail", args=[report.pk]))
    assert "Nhập báo cáo của Phòng Quản lý khoa học" in page.text
    form = head.get(submission_url(report, pages.world.unit_a))
    assert "Hạn nộp: <strong>16/03/2024</strong>" in form.text
    response = head.post(
        submission_url(report, pages.world.unit_a),
        {
            "version": "0",
            "research__results": "Tổ chức nghiệm thu 01 đề tài.\nThông báo tuyển chọn nhiệm vụ 2024.",
            "research__figures": "Đề tài được nghiệm thu: 01 đề tài",
            "nop": "1",
        },
    )
    assert response.status_code == 302
    submission = UnitSubmission.objects.get(report=report, unit=pages.world.unit_a)
    assert submission.state == "submitted"
    office_page = as_role("office").get(reverse("web:period_report_detail", args=[report.pk]))
    assert "1/2" in office_page.text
    assert "Chưa nộp (quá hạn)" in office_page.text  # unit B, the due date long gone


def test_a_bad_figure_line_is_explained_and_the_text_is_kept(pages, report, as_role):
    response = as_role("unit_head").post(
        submission_url(report, pages.world.unit_a),
        {"version": "0", "research__results": "Giữ lại ý này", "research__figures": "Kiểm định", "nop": "1"},
    )
    assert response.status_code == 400
    assert "Tên số liệu: giá trị" in response.text
    assert "Giữ lại ý này" in response.text
    assert not UnitSubmission.objects.exists()


def test_a_unit_head_cannot_open_another_unit_s_form(pages, report, as_role):
    assert as_role("unit_head").get(submission_url(report, pages.world.unit_b)).status_code == 403


def test_reminder_button_notifies_the_late_unit(pages, report, as_role):
    response = as_role("office").post(reverse("web:period_report_remind", args=[report.pk]), follow=True)
    assert "Đã gửi" in response.text
    recipients = set(Notification.objects.filter(kind="report_submission").values_list("recipient__unit_id", flat=True))
    # unit A's head; unit B has no head, so its people are told
    assert recipients == {pages.world.unit_a.pk, pages.world.unit_b.pk}


def test_locked_report_shows_read_only_form(pages, report, as_role):
    as_role("office").post(reverse("web:period_report_lock", args=[report.pk]))
    form = as_role("unit_head").get(submission_url(report, pages.world.unit_a))
    assert "đã khóa" in form.text
    assert "Nộp báo cáo</button>" not in form.text
    response = as_role("unit_head").post(
        submission_url(report, pages.world.unit_a), {"version": "0", "research__results": "Muộn", "nop": "1"}
    )
    assert response.status_code == 400
    assert not UnitSubmission.objects.exists()


def test_office_downloads_the_report_and_the_appendix(pages, report, as_role):
    office = as_role("office")
    docx = office.get(reverse("web:period_report_download", args=[report.pk, "docx"]))
    assert docx.status_code == 200
    assert "attachment" in docx["Content-Disposition"]
    assert open_docx(io.BytesIO(docx.content)).sections[-1].orientation == 1  # landscape appendix
    html = office.get(reverse("web:period_report_download", args=[report.pk, "html"]))
    assert "BÁO CÁO" in html.text
    xlsx = office.get(reverse("web:report_appendix"), {"ky": "2024-Q1", "noi_giao": "UBND tỉnh", "dinh_dang": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert any("Tham mưu triển khai" in str(c.value) for row in sheet.iter_rows() for c in row)


def test_appendix_form_explains_a_bad_period(pages, as_role):
    response = as_role("officer").get(reverse("web:report_appendix"), {"ky": "2024-Q5", "dinh_dang": "docx"})
    assert response.status_code == 400
    assert "không có quý 5" in response.text


def test_a_unit_officer_downloads_only_the_unit_s_appendix(pages, as_role):
    response = as_role("officer").get(reverse("web:report_appendix"), {"ky": "2024-Q1", "noi_giao": "all"})
    document = open_docx(io.BytesIO(response.content))
    text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Tham mưu triển khai" in text
    assert "Kiểm định phương tiện đo" not in text


def test_template_upload_checks_the_file_and_reverting_restores_the_default(pages, report, as_role):
    office = as_role("office")
    url = reverse("web:report_template", args=[report.report_type_id])
    broken = edited_template(b"header.issuing_body", b"header.ten_co_quan")
    response = office.post(url, {"file": SimpleUploadedFile("mau.docx", broken)})
    assert response.status_code == 400
    assert "ten_co_quan" in response.text
    response = office.post(url, {"file": SimpleUploadedFile("khong-phai.docx", b"hello")})
    assert "không phải tài liệu Word" in response.text
    good = default_template(TemplateKind.REPORT)
    assert office.post(url, {"file": SimpleUploadedFile("mau-rieng.docx", good)}).status_code == 302
    assert ReportType.objects.get(pk=report.report_type_id).template_name == "mau-rieng.docx"
    office.post(reverse("web:report_template_reset", args=[report.report_type_id]))
    assert not ReportType.objects.get(pk=report.report_type_id).has_custom_template


def test_office_edits_sections_of_a_report_type(pages, report, as_role):
    office = as_role("office")
    rt = report.report_type
    url = reverse("web:report_type_edit", args=[rt.pk])
    data = {
        "name": rt.name,
        "code": rt.code,
        "summary": rt.summary,
        "period_kind": "quarter",
        "due_days": "5",
        "contributing_units": [pages.world.unit_a.pk],
        "signer_authority": "KT. Giám đốc",
        "signer_title": "Phó Giám đốc",
        "archive": "VT, VP",
        "is_active": "on",
        "version": str(rt.version),
    }
    for section in rt.sections.all():
        data[f"muc-{section.field}-title"] = "Nghiên cứu khoa học" if section.field == "research" else section.title
        data[f"muc-{section.field}-order"] = str(section.order)
        if section.field != "centre":
            data[f"muc-{section.field}-is_active"] = "on"
    response = office.post(url, data)
    assert response.status_code == 302, response.text
    rt.refresh_from_db()
    assert rt.due_days == 5
    assert list(rt.contributing_units.all()) == [pages.world.unit_a]
    assert rt.sections.get(field="research").title == "Nghiên cứu khoa học"
    assert not rt.sections.get(field="centre").is_active
