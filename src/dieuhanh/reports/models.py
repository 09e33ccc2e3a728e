"""Periodic reports: report types, the report of each period, and the units' submissions.

- `ReportType` (loại báo cáo): what a department reports every month / quarter / half / year:
  its sections (fields of work, `ReportSection`, editable per organisation), period kind and
  cut-off, the units that must contribute and how many days after the cut-off they have, the
  signature block and recipients, and optionally a Word template uploaded by a clerk.
- `PeriodReport` (báo cáo kỳ): one report type in one period. The Office writes its opening,
  assessment and number; once locked it is read-only.
- `UnitSubmission` (báo cáo của đơn vị) and `SubmissionEntry`: what one unit submits for a period,
  section by section (results as bullets, figures, next period's tasks). Timeliness (DHIS2):
  on time when submitted by the due date, late after it, missing while not submitted.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from dieuhanh.core.models import NormalizedModel
from dieuhanh.reports.contributions import FIELDS_OF_WORK
from dieuhanh.reports.periods import Period, PeriodKind, parse_period

PERIOD_KIND_CHOICES = [(k.value, k.label) for k in PeriodKind]
FIELD_CHOICES = FIELDS_OF_WORK


class ReportType(NormalizedModel):
    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="report_types")
    code = models.SlugField("Mã", max_length=50, help_text="Dùng trong lệnh dòng lệnh, ví dụ: quy")
    name = models.CharField("Tên loại báo cáo", max_length=255, help_text="Báo cáo kết quả công tác quý")
    summary = models.CharField(
        "Trích yếu",
        max_length=300,
        default="Kết quả công tác {ky}, nhiệm vụ công tác {ky_sau}",
        help_text="{ky} thay bằng kỳ báo cáo (quý I/2024), {ky_sau} bằng kỳ sau (quý II/2024).",
    )
    period_kind = models.CharField("Kỳ báo cáo", max_length=20, choices=PERIOD_KIND_CHOICES)
    cutoff_day = models.PositiveSmallIntegerField(
        "Ngày chốt số liệu",
        null=True,
        blank=True,
        help_text="Để trống: theo cơ quan (NĐ 09/2019: ngày 14); 0 = cuối tháng dương lịch.",
    )
    due_days = models.PositiveSmallIntegerField(
        "Hạn đơn vị nộp (số ngày sau ngày chốt)", default=2, help_text="0 = nộp đúng ngày chốt số liệu."
    )
    contributing_units = models.ManyToManyField(
        "orgs.Unit", blank=True, related_name="report_types", verbose_name="Đơn vị phải nộp"
    )
    appendix_assigners = models.ManyToManyField(
        "tasks.Assigner",
        blank=True,
        related_name="report_types",
        verbose_name="Phụ lục: nhiệm vụ do ai giao",
        help_text="Để trống: mọi nhiệm vụ cấp trên giao.",
    )
    signer_authority = models.CharField("Quyền hạn ký", max_length=100, blank=True, default="KT. Giám đốc")
    signer_title = models.CharField("Chức vụ người ký", max_length=100, blank=True, default="Phó Giám đốc")
    signer_name = models.CharField("Họ tên người ký", max_length=200, blank=True)
    recipients = models.TextField("Nơi nhận (mỗi dòng một nơi)", blank=True)
    archive = models.CharField("Lưu", max_length=100, default="VT, VP")
    template = models.BinaryField("Mẫu Word", null=True, blank=True, editable=False)
    template_name = models.CharField("Tên tệp mẫu", max_length=255, blank=True)
    template_uploaded_at = models.DateTimeField(null=True, blank=True)
    template_uploaded_by = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField("Đang dùng", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = "loại báo cáo"
        verbose_name_plural = "loại báo cáo"
        ordering = ["org", "name"]
        constraints = [models.UniqueConstraint(fields=["org", "code"], name="report_type_unique_code_per_org")]

    def __str__(self) -> str:
        return self.name

    @property
    def kind(self) -> PeriodKind:
        return PeriodKind(self.period_kind)

    def cutoff(self) -> int:
        return self.org.period_cutoff_day if self.cutoff_day is None else self.cutoff_day

    def period(self, key: str) -> Period:
        """The period of this type named by `key` ("2024-Q1"); `PeriodError` if it is another kind."""
        from dieuhanh.reports.periods import PeriodError

        period = parse_period(key, cutoff_day=self.cutoff())
        if period.kind != self.kind:
            raise PeriodError(f"Loại báo cáo này theo kỳ {self.kind.label.lower()}, không phải “{key}”.")
        return period

    def due_on(self, period: Period) -> dt.date:
        return period.end + dt.timedelta(days=self.due_days)

    @property
    def has_custom_template(self) -> bool:
        return bool(self.template)


class ReportSection(NormalizedModel):
    """One field of work in a report type: its title as this organisation writes it, its place."""

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    report_type = models.ForeignKey(ReportType, on_delete=models.CASCADE, related_name="sections")
    field = models.CharField("Lĩnh vực", max_length=30, choices=FIELD_CHOICES)
    title = models.CharField("Tiêu đề mục", max_length=300)
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    is_active = models.BooleanField("In trong báo cáo", default=True)
    units = models.ManyToManyField(
        "orgs.Unit",
        blank=True,
        related_name="report_sections",
        verbose_name="Đơn vị phụ trách",
        help_text="Nhiệm vụ kỳ sau của các đơn vị này được xếp vào mục này (Phần II).",
    )

    class Meta:
        verbose_name = "mục báo cáo"
        verbose_name_plural = "mục báo cáo"
        ordering = ["report_type", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report_type", "field"], name="report_section_unique_field_per_type")
        ]

    def __str__(self) -> str:
        return self.title


class PeriodReport(NormalizedModel):
    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="period_reports")
    report_type = models.ForeignKey(ReportType, on_delete=models.CASCADE, related_name="reports")
    period_key = models.CharField("Kỳ", max_length=10)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày (chốt số liệu)")
    due_on = models.DateField("Hạn đơn vị nộp")
    intro = models.TextField("Đánh giá chung (mở đầu)", blank=True)
    strengths = models.TextField("Ưu điểm (mỗi dòng một ý)", blank=True)
    weaknesses = models.TextField("Tồn tại, hạn chế (mỗi dòng một ý)", blank=True)
    number = models.CharField("Số văn bản", max_length=20, blank=True, help_text="Để trống khi chưa lấy số.")
    issued_on = models.DateField("Ngày ký", null=True, blank=True)
    locked_at = models.DateTimeField("Khóa lúc", null=True, blank=True)
    locked_by = models.CharField("Người khóa", max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "báo cáo kỳ"
        verbose_name_plural = "báo cáo kỳ"
        ordering = ["-end", "report_type__name"]
        constraints = [
            models.UniqueConstraint(fields=["report_type", "period_key"], name="period_report_unique_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.report_type.name} {self.period.label}"

    @property
    def period(self) -> Period:
        # The dates stored when the period was opened win over a cut-off changed since.
        p = parse_period(self.period_key, cutoff_day=self.report_type.cutoff())
        return Period(p.kind, p.year, p.index, self.start, self.end, p.cutoff_day)

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class UnitSubmission(NormalizedModel):
    class State(models.TextChoices):
        DRAFT = "draft", "Đang soạn"
        SUBMITTED = "submitted", "Đã nộp"
        APPROVED = "approved", "Đã duyệt"

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(PeriodReport, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.RESTRICT, related_name="report_submissions")
    state = models.CharField("Trạng thái", max_length=10, choices=State.choices, default=State.DRAFT)
    submitted_on = models.DateField("Ngày nộp", null=True, blank=True)
    submitted_by = models.CharField("Người nộp", max_length=200, blank=True)
    approved_on = models.DateField("Ngày duyệt", null=True, blank=True)
    approved_by = models.CharField("Người duyệt", max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "báo cáo của đơn vị"
        verbose_name_plural = "báo cáo của đơn vị"
        ordering = ["report", "unit__order", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["report", "unit"], name="submission_unique_unit_per_report")]

    def __str__(self) -> str:
        return f"{self.unit.name}: {self.get_state_display()}"


class SubmissionEntry(NormalizedModel):
    """One section of a unit's submission. Each text is one item a line."""

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    submission = models.ForeignKey(UnitSubmission, on_delete=models.CASCADE, related_name="entries")
    field = models.CharField("Lĩnh vực", max_length=30, choices=FIELD_CHOICES)
    results = models.TextField("Kết quả (mỗi dòng một ý)", blank=True)
    figures = models.TextField("Số liệu (mỗi dòng: tên: số đơn vị)", blank=True)
    next_tasks = models.TextField("Nhiệm vụ kỳ sau (mỗi dòng một ý)", blank=True)

    class Meta:
        verbose_name = "nội dung báo cáo của đơn vị"
        verbose_name_plural = "nội dung báo cáo của đơn vị"
        ordering = ["submission", "id"]
        constraints = [models.UniqueConstraint(fields=["submission", "field"], name="submission_entry_unique_field")]

    @property
    def is_empty(self) -> bool:
        return not (self.results.strip() or self.figures.strip() or self.next_tasks.strip())
