"""Report types, unit submissions (timeliness as DHIS2 reports it), reminders, locking, and
the assembled report."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document as open_docx
from docx.oxml.ns import qn

from dieuhanh.core.due import due_items
from dieuhanh.core.errors import ConflictError
from dieuhanh.core.models import AuditEvent
from dieuhanh.documents.models import Document
from dieuhanh.notifications.models import Notification
from dieuhanh.reports.assembly import assemble, issued_documents, report_file
from dieuhanh.reports.models import PeriodReport
from dieuhanh.reports.periods import parse_period
from dieuhanh.reports.selectors import Timeliness, completeness, submission_statuses
from dieuhanh.reports.services import (
    SectionSpec,
    default_sections,
    period_report_lock,
    period_report_open,
    period_report_remind,
    period_report_unlock,
    period_report_update,
    report_type_create,
    report_type_update,
    submission_approve,
    submission_save,
)
from dieuhanh.tasks.models import Assigner
from tests.factories import AssignerFactory, DocumentFactory, TaskFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def quarterly(world):
    office = world.scope("office")
    sections = [
        SectionSpec(s.field, s.title, s.order, units=(world.unit_b,) if s.field == "standards" else None)
        for s in default_sections()
    ]
    rt = report_type_create(
        scope=office,
        code="quy",
        name="Báo cáo kết quả công tác quý",
        period_kind="quarter",
        due_days=2,
        units=[world.unit_a, world.unit_b],
        sections=sections,
        signer_name="Triệu Ngọc Trung",
        recipients="Văn phòng UBND tỉnh\nLãnh đạo Sở",
    )
    report = period_report_open(scope=office, report_type=rt, period_key="2024-Q1")
    return rt, report


def docx_text(data: bytes) -> str:
    """Every paragraph of the document, those in tables (header, signature) included."""
    body = open_docx(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def entries(field="research", results="Tổ chức nghiệm thu 01 đề tài.", figures="", next_tasks=""):
    return {field: {"results": results, "figures": figures, "next_tasks": next_tasks}}


def test_opening_a_period_fixes_its_dates_and_due_date(quarterly):
    _, report = quarterly
    assert (report.start, report.end, report.due_on) == (D(2023, 12, 15), D(2024, 3, 14), D(2024, 3, 16))


def test_opening_the_same_period_twice_gives_the_same_report(world, quarterly):
    rt, report = quarterly
    again = period_report_open(scope=world.scope("office"), report_type=rt, period_key="2024-Q1")
    assert again.pk == report.pk
    assert PeriodReport.objects.count() == 1


def test_a_period_of_another_kind_is_refused(world, quarterly):
    rt, _ = quarterly
    with pytest.raises(ValidationError, match="quý"):
        period_report_open(scope=world.scope("office"), report_type=rt, period_key="2024-03")


def test_timeliness_on_time_late_missing_as_dhis2(world, quarterly, monkeypatch):
    _, report = quarterly
    operator = world.operator
    submission_save(scope=operator, report=report, unit=world.unit_a, entries=entries(), submit=True, on=D(2024, 3, 16))
    submission_save(
        scope=operator,
        report=report,
        unit=world.unit_b,
        entries=entries("standards"),
        submit=True,
        on=D(2024, 3, 17),
    )
    statuses = {s.unit.pk: s.timeliness for s in submission_statuses(report, D(2024, 3, 20))}
    assert statuses == {world.unit_a.pk: Timeliness.ON_TIME, world.unit_b.pk: Timeliness.LATE}
    c = completeness(submission_statuses(report, D(2024, 3, 20)))
    assert (c.expected, c.submitted, c.on_time, c.late, c.missing) == (2, 2, 1, 1, 0)
    assert c.on_time_rate == 0.5


def test_a_draft_is_missing_after_the_due_date_and_pending_before(world, quarterly):
    _, report = quarterly
    submission_save(scope=world.scope("unit_head"), report=report, unit=world.unit_a, entries=entries())
    before = {s.unit.pk: s.timeliness for s in submission_statuses(report, D(2024, 3, 16))}
    after = {s.unit.pk: s.timeliness for s in submission_statuses(report, D(2024, 3, 17))}
    assert before[world.unit_a.pk] is Timeliness.PENDING
    assert after[world.unit_a.pk] is Timeliness.MISSING
    assert after[world.unit_b.pk] is Timeliness.MISSING


def test_a_unit_may_submit_only_its_own_part(world, quarterly):
    _, report = quarterly
    with pytest.raises(PermissionDenied):
        submission_save(scope=world.scope("unit_head"), report=report, unit=world.unit_b, entries=entries())
    with pytest.raises(PermissionDenied):
        submission_save(scope=world.scope("viewer"), report=report, unit=world.unit_a, entries=entries())
    assert submission_save(scope=world.scope("officer"), report=report, unit=world.unit_a, entries=entries())


def test_a_figure_line_without_a_value_is_refused_in_vietnamese(world, quarterly):
    _, report = quarterly
    with pytest.raises(ValidationError, match="Tên số liệu: giá trị"):
        submission_save(
            scope=world.scope("unit_head"), report=report, unit=world.unit_a, entries=entries(figures="Kiểm định")
        )


def test_a_stale_version_saves_nothing(world, quarterly):
    _, report = quarterly
    head = world.scope("unit_head")
    first = submission_save(scope=head, report=report, unit=world.unit_a, entries=entries())
    submission_save(
        scope=world.scope("office"), report=report, unit=world.unit_a, entries=entries(), version=first.version
    )
    with pytest.raises(ConflictError):
        submission_save(
            scope=head, report=report, unit=world.unit_a, entries=entries(results="Cũ"), version=first.version
        )


def test_approving_needs_a_submission_and_the_office(world, quarterly):
    _, report = quarterly
    draft = submission_save(scope=world.scope("unit_head"), report=report, unit=world.unit_a, entries=entries())
    with pytest.raises(ValidationError):
        submission_approve(scope=world.scope("office"), submission=draft)
    submitted = submission_save(
        scope=world.scope("unit_head"), report=report, unit=world.unit_a, entries=entries(), submit=True
    )
    with pytest.raises(PermissionDenied):
        submission_approve(scope=world.scope("unit_head"), submission=submitted)
    assert submission_approve(scope=world.scope("office"), submission=submitted).state == "approved"


def test_a_locked_report_is_read_only_and_its_lock_is_audited(world, quarterly):
    _, report = quarterly
    period_report_lock(scope=world.scope("office"), report=report)
    with pytest.raises(PermissionDenied, match="đã khóa"):
        submission_save(scope=world.scope("unit_head"), report=report, unit=world.unit_a, entries=entries())
    report.refresh_from_db()
    with pytest.raises(PermissionDenied, match="đã khóa"):
        period_report_update(scope=world.scope("office"), report=report, version=report.version, intro="Sửa")
    with pytest.raises(PermissionDenied):
        period_report_unlock(scope=world.scope("office"), report=report, reason="Sửa số liệu")
    period_report_unlock(scope=world.scope("leader"), report=report, reason="Sửa số liệu")
    notes = list(
        AuditEvent.objects.filter(object_type="periodreport", object_id=report.pk).values_list("note", flat=True)
    )
    assert "Khóa" in notes
    assert "Mở khóa: Sửa số liệu" in notes


def test_reminders_go_to_the_heads_of_units_that_have_not_submitted_once_a_day(world, quarterly):
    _, report = quarterly
    submission_save(scope=world.operator, report=report, unit=world.unit_a, entries=entries(), submit=True)
    office = world.scope("office")
    sent = period_report_remind(scope=office, report=report, today=D(2024, 3, 18))
    again = period_report_remind(scope=office, report=report, today=D(2024, 3, 18))
    notes = Notification.objects.filter(kind="report_submission")
    assert (sent, again) == (1, 0)
    assert {n.recipient.unit_id for n in notes} == {world.unit_b.pk}
    assert "quá hạn" in notes.get().title.lower()


def test_due_source_lists_units_that_still_owe_their_part(world, quarterly):
    _, report = quarterly
    submission_save(scope=world.operator, report=report, unit=world.unit_a, entries=entries(), submit=True)
    dues = [d for d in due_items(world.org, D(2024, 3, 10)) if d.kind == "report_submission"]
    assert [d.key for d in dues] == [f"report:{report.pk}:unit:{world.unit_b.pk}"]
    assert dues[0].due_on == D(2024, 3, 16)
    period_report_lock(scope=world.scope("office"), report=report)
    assert not [d for d in due_items(world.org, D(2024, 3, 10)) if d.kind == "report_submission"]


def test_sections_are_editable_per_organisation(world, quarterly):
    rt, _ = quarterly
    report_type_update(
        scope=world.scope("office"),
        report_type=rt,
        version=rt.version,
        sections=[SectionSpec("research", "Quản lý nhiệm vụ KH&CN", 1), SectionSpec("centre", "", 2, is_active=False)],
    )
    titles = dict(rt.sections.values_list("field", "title"))
    assert titles["research"] == "Quản lý nhiệm vụ KH&CN"
    assert not rt.sections.get(field="centre").is_active


def test_documents_issued_are_grouped_by_kind(world):
    period = parse_period("2024-Q1")
    common = {"org": world.org, "direction": Document.Direction.OUTGOING, "issued_on": D(2024, 1, 29)}
    DocumentFactory(**common, number_raw="29/BC-KHCN", kind="BC", summary="Tình hình triển khai Chiến lược")
    DocumentFactory(**common, number_raw="16/KH-KHCN", kind="KH", summary="Kế hoạch năm")
    DocumentFactory(**common, number_raw="5/TTr-KHCN", kind="TTr", summary="Tờ trình danh mục")
    DocumentFactory(**common, number_raw="211/KHCN-VP", kind="CV", summary="Công văn")
    DocumentFactory(**common, number_raw="2/TB-KHCN", kind="TB", summary="Thông báo")
    DocumentFactory(
        org=world.org, direction=Document.Direction.OUTGOING, issued_on=D(2024, 3, 15), kind="BC", number_raw="9/BC-X"
    )
    DocumentFactory(org=world.org, direction=Document.Direction.INCOMING, issued_on=D(2024, 1, 29), kind="BC")
    issued = issued_documents(world.operator, period)
    sizes = {g.title: [d.number_raw for d in g.documents] for g in issued.groups}
    assert sizes["Xây dựng và ban hành các báo cáo"] == ["29/BC-KHCN"]
    assert sizes["Xây dựng và ban hành các kế hoạch"] == ["16/KH-KHCN"]
    assert sizes["Xây dựng các tờ trình"] == ["5/TTr-KHCN"]
    assert sizes["Xây dựng và ban hành các văn bản khác"] == ["2/TB-KHCN"]
    assert issued.counted["CV"] == 1
    assert issued.total == 5


def test_assembled_report_puts_submissions_figures_and_next_period_tasks_in_place(world, quarterly):
    _, report = quarterly
    ubnd = AssignerFactory(org=world.org, name="UBND tỉnh", level=Assigner.Level.UPSTREAM)
    TaskFactory(org=world.org, assigner=ubnd, completed_on=D(2024, 2, 1), content="Xong")
    TaskFactory(
        org=world.org,
        assigner=ubnd,
        lead_unit=world.unit_b,
        original_deadline=D(2024, 6, 20),
        started_on=D(2024, 1, 11),
        content="V/v kiểm tra đo lường xăng dầu",
    )
    TaskFactory(org=world.org, lead_unit=world.unit_b, original_deadline=D(2024, 7, 20), content="Quý III")
    submission_save(
        scope=world.operator,
        report=report,
        unit=world.unit_b,
        entries=entries(
            "standards",
            results="Kiểm định phương tiện đo.",
            figures="Phương tiện đo được kiểm định: 1.291 phương tiện",
            next_tasks="Kiểm tra hàng đóng gói sẵn.",
        ),
        submit=True,
    )
    submission_save(scope=world.operator, report=report, unit=world.unit_a, entries=entries(results="Bản nháp"))
    assembled = assemble(world.operator, report, today=D(2024, 4, 1))
    text = docx_text(report_file(assembled, report, "docx").content)
    assert "/BC-" in text
    assert "Kết quả công tác quý I/2024, nhiệm vụ công tác quý II/2024" in text
    assert "- Kiểm định phương tiện đo." in text
    assert "- Phương tiện đo được kiểm định: 1.291 phương tiện" in text
    assert "Bản nháp" not in text  # drafts are not in the report
    assert "NHIỆM VỤ CÔNG TÁC QUÝ II" in text
    assert "- Kiểm tra đo lường xăng dầu (thời hạn 20/06/2024)." in text
    assert "Quý III" not in text
    assert "Tổng số: 02 nhiệm vụ" in text
    assert "Triệu Ngọc Trung" in text
    assert "- Lưu: VT, VP." in text
    # Phần II: the standards unit's task lands in "standards"
    part_two = text.split("NHIỆM VỤ CÔNG TÁC QUÝ II", 1)[1]
    standards = part_two.split("Hoạt động tiêu chuẩn đo lường chất lượng", 1)[1]
    assert "Kiểm tra đo lường xăng dầu" in standards


def test_html_view_and_docx_landscape_appendix(world, quarterly):
    _, report = quarterly
    assembled = assemble(world.operator, report, today=D(2024, 4, 1))
    html = report_file(assembled, report, "html").content.decode()
    assert "BÁO CÁO" in html
    assert "Phụ lục" in html
    document = open_docx(io.BytesIO(report_file(assembled, report, "docx").content))
    first, last = document.sections[0], document.sections[-1]
    assert first.page_height > first.page_width
    assert last.page_width > last.page_height
    assert first.different_first_page_header_footer


def test_number_and_date_print_on_the_header_once_given(world, quarterly):
    _, report = quarterly
    period_report_update(
        scope=world.scope("office"), report=report, version=report.version, number="12", issued_on=D(2024, 3, 15)
    )
    report.refresh_from_db()
    header = assemble(world.operator, report, today=D(2024, 4, 1)).report.header
    assert header.number_line == "Số: 12/BC-" + world.org.code
    assert header.place_date_line.endswith("ngày 15 tháng 3 năm 2024")
    with pytest.raises(ValidationError):
        period_report_update(scope=world.scope("office"), report=report, version=report.version, number="12/BC")


def test_assembly_queries_do_not_grow_with_tasks(world, quarterly, django_assert_max_num_queries):
    _, report = quarterly
    ubnd = AssignerFactory(org=world.org, name="UBND tỉnh", level=Assigner.Level.UPSTREAM)
    for i in range(30):
        TaskFactory(
            org=world.org,
            assigner=ubnd,
            lead_unit=world.unit_b,
            source_document=DocumentFactory(org=world.org),
            original_deadline=D(2024, 5, 1 + i % 28),
            started_on=D(2024, 1, 11),
        )
    for unit in (world.unit_a, world.unit_b):
        submission_save(scope=world.operator, report=report, unit=unit, entries=entries(), submit=True)
    with django_assert_max_num_queries(25):
        assembled = assemble(world.operator, report, today=D(2024, 4, 1))
    assert assembled.appendix.task_count == 30
