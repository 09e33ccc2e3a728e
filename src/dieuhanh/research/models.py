"""The register of research tasks (nhiệm vụ KH&CN: đề tài, dự án ...) and their lifecycle.

- `ResearchTask`: one task of the register: level and programme, type, title, host
  organisation, principal investigator, field, location, dates, the officer and deputy director
  following it, the year it started (so "chuyển tiếp" vs new is derived, never typed), and the
  state its lifecycle has reached (`stage`, `rating` ... kept by the services from the events).
- `ResearchFunding`: funds of one year: state budget and counterpart (đối ứng).
- `ResearchEvent`: one dated step of the lifecycle (`dieuhanh.research.lifecycle`), with its
  decision document or council and what the step records (rating, certificate, funds).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from dieuhanh.core.models import NormalizedModel
from dieuhanh.core.search import search_blob
from dieuhanh.research.lifecycle import KIND_LABELS, RATING_LABELS, STAGE_LABELS, Rating, Stage, State


class Level(models.TextChoices):
    NATIONAL = "national", "Cấp quốc gia"
    PROVINCIAL = "provincial", "Cấp tỉnh"
    GRASSROOTS = "grassroots", "Cấp cơ sở"


class Management(models.TextChoices):
    """Who manages the task: the department, or the ministry with the department following."""

    LOCAL = "local", "Sở quản lý (hoặc ủy quyền địa phương quản lý)"
    CENTRAL = "central", "Trung ương quản lý, Sở phối hợp theo dõi"


class TaskType(models.TextChoices):
    TOPIC = "de_tai", "Đề tài"
    PROJECT = "du_an", "Dự án"
    PILOT = "du_an_sxtn", "Dự án sản xuất thử nghiệm"
    SCHEME = "de_an", "Đề án"
    OTHER = "khac", "Nhiệm vụ khác"


class ResearchTask(NormalizedModel):
    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="research_tasks")
    code = models.CharField("Mã số", max_length=50, blank=True)
    title = models.TextField("Tên nhiệm vụ")
    short_name = models.CharField("Tên gọi tắt", max_length=100, blank=True, help_text="Ví dụ: Tinh dầu quýt")
    level = models.CharField("Cấp quản lý", max_length=20, choices=Level.choices, default=Level.PROVINCIAL)
    programme = models.CharField(
        "Chương trình", max_length=50, blank=True, help_text="Ví dụ: NTMN; để trống nếu không thuộc chương trình"
    )
    management = models.CharField(
        "Phương thức quản lý", max_length=10, choices=Management.choices, default=Management.LOCAL
    )
    task_type = models.CharField("Loại nhiệm vụ", max_length=20, choices=TaskType.choices, default=TaskType.TOPIC)
    host_organisation = models.CharField("Tổ chức chủ trì", max_length=300, blank=True)
    principal_investigator = models.CharField("Chủ nhiệm", max_length=200, blank=True)
    field = models.CharField("Lĩnh vực", max_length=100, blank=True)
    location = models.CharField("Địa điểm thực hiện", max_length=300, blank=True)
    start_year = models.PositiveSmallIntegerField("Năm bắt đầu thực hiện", validators=[MinValueValidator(1990)])
    start_date = models.DateField("Thời gian bắt đầu", null=True, blank=True)
    original_end_date = models.DateField("Thời gian kết thúc theo hợp đồng", null=True, blank=True)
    end_date = models.DateField("Thời gian kết thúc (sau gia hạn)", null=True, blank=True)
    managing_unit = models.ForeignKey(
        "orgs.Unit",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="research_tasks",
        verbose_name="Phòng theo dõi",
    )
    officer = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="research_tasks",
        verbose_name="Cán bộ theo dõi",
    )
    deputy = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="supervised_research_tasks",
        verbose_name="Lãnh đạo Sở phụ trách",
    )
    notes = models.TextField("Ghi chú", blank=True)
    # The lifecycle's state, kept by the services from the events (never edited by hand).
    stage = models.CharField(
        "Bước hiện tại",
        max_length=20,
        choices=[(s.value, label) for s, label in STAGE_LABELS.items()],
        default=Stage.PROPOSED.value,
        editable=False,
    )
    rating = models.CharField(
        "Xếp loại nghiệm thu",
        max_length=10,
        choices=[(r.value, label) for r, label in RATING_LABELS.items()],
        blank=True,
        editable=False,
    )
    approved_on = models.DateField("Ngày phê duyệt", null=True, blank=True, editable=False)
    contracted_on = models.DateField("Ngày ký hợp đồng", null=True, blank=True, editable=False)
    delivered_on = models.DateField("Ngày giao nộp sản phẩm", null=True, blank=True, editable=False)
    accepted_on = models.DateField("Ngày nghiệm thu", null=True, blank=True, editable=False)
    registered_on = models.DateField("Ngày đăng ký kết quả", null=True, blank=True, editable=False)
    certificate_number = models.CharField("Số giấy chứng nhận", max_length=100, blank=True, editable=False)
    uploaded_on = models.DateField("Ngày đưa lên CSDL quốc gia", null=True, blank=True, editable=False)
    closed_on = models.DateField("Ngày thanh lý / chấm dứt", null=True, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "nhiệm vụ KH&CN"
        verbose_name_plural = "nhiệm vụ KH&CN"
        ordering = ["-start_year", "title", "id"]
        indexes = [
            models.Index(fields=["org", "start_year"]),
            models.Index(fields=["org", "stage"]),
            models.Index(fields=["org", "officer"]),
            models.Index(fields=["org", "managing_unit"]),
        ]

    def __str__(self) -> str:
        return self.short_name or (self.title if len(self.title) <= 120 else self.title[:117] + "…")

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = search_blob(
            self.code, self.title, self.short_name, self.programme, self.host_organisation,
            self.principal_investigator, self.field, self.location,
        )  # fmt: skip
        super().save(*args, **kwargs)

    @property
    def group_label(self) -> str:
        """How reports count it: by programme when it has one ("NTMN"), else by level."""
        return f"Nhiệm vụ {self.programme}" if self.programme else f"Nhiệm vụ {self.get_level_display().lower()}"

    @property
    def state(self) -> State:
        return State(
            stage=Stage(self.stage),
            rating=Rating(self.rating) if self.rating else None,
            registered=bool(self.certificate_number),
            uploaded=self.uploaded_on is not None,
        )

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[Stage(self.stage)]

    def carried_over_in(self, year: int) -> bool:
        """Chuyển tiếp: started in an earlier year than the one reported."""
        return self.start_year < year


class ResearchFunding(NormalizedModel):
    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey(ResearchTask, on_delete=models.CASCADE, related_name="funding")
    year = models.PositiveSmallIntegerField("Năm")
    state_budget = models.DecimalField(
        "Ngân sách nhà nước (triệu đồng)", max_digits=14, decimal_places=3, default=Decimal(0)
    )
    counterpart = models.DecimalField("Đối ứng (triệu đồng)", max_digits=14, decimal_places=3, default=Decimal(0))

    class Meta:
        verbose_name = "kinh phí theo năm"
        verbose_name_plural = "kinh phí theo năm"
        ordering = ["task", "year"]
        constraints = [models.UniqueConstraint(fields=["task", "year"], name="research_funding_one_row_per_year")]

    def __str__(self) -> str:
        return f"{self.year}: NSNN {self.state_budget}, đối ứng {self.counterpart}"


class ResearchEvent(NormalizedModel):
    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey(ResearchTask, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("Bước", max_length=20, choices=[(k.value, label) for k, label in KIND_LABELS.items()])
    date = models.DateField("Ngày")
    document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="research_events",
        verbose_name="Văn bản, quyết định",
    )
    document_text = models.CharField(
        "Số, ký hiệu văn bản (nếu chưa vào sổ)", max_length=200, blank=True, help_text="Ví dụ: 123/QĐ-UBND"
    )
    council_members = models.TextField("Thành viên hội đồng", blank=True, help_text="Mỗi dòng một người")
    council_meeting_on = models.DateField("Ngày họp hội đồng", null=True, blank=True)
    conclusion = models.TextField("Kết luận, nội dung", blank=True)
    rating = models.CharField(
        "Xếp loại",
        max_length=10,
        choices=[(r.value, label) for r, label in RATING_LABELS.items()],
        blank=True,
    )
    certificate_number = models.CharField("Số giấy chứng nhận", max_length=100, blank=True)
    new_end_date = models.DateField("Thời hạn mới (gia hạn)", null=True, blank=True)
    funds_to_recover = models.DecimalField(
        "Kinh phí phải thu hồi (triệu đồng)", max_digits=14, decimal_places=3, null=True, blank=True
    )
    funds_recovered = models.DecimalField(
        "Kinh phí đã thu hồi (triệu đồng)", max_digits=14, decimal_places=3, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bước thực hiện"
        verbose_name_plural = "các bước thực hiện"
        ordering = ["task", "date", "id"]
        indexes = [models.Index(fields=["org", "kind", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"
