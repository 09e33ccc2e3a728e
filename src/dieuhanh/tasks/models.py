"""Tasks (nhiệm vụ) and what happens to them: progress notes, extensions, sub-assignment.

`Task.deadline` is the deadline in force now (the last approved); `Task.original_deadline` is
the one first assigned. The deadline in force at an earlier date comes from the approved
`Extension` rows (see `dieuhanh.tasks.status`). `started_on` is recorded, never guessed: by a
progress note, a sub-task, an explicit mark, or an imported "đang thực hiện" section.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from dieuhanh.core.models import NormalizedModel
from dieuhanh.core.search import search_blob
from dieuhanh.tasks.status import DeadlineChange, TaskFacts


class Assigner(NormalizedModel):
    """Who assigns tasks to the department: UBND tỉnh, Chủ tịch UBND tỉnh, Giám đốc Sở ..."""

    class Level(models.TextChoices):
        UPSTREAM = "upstream", "Cấp trên giao"
        INTERNAL = "internal", "Lãnh đạo Sở giao"

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="assigners")
    name = models.CharField("Cơ quan, người giao", max_length=200)
    level = models.CharField("Cấp giao", max_length=10, choices=Level.choices, default=Level.UPSTREAM)
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    class Meta:
        verbose_name = "nơi giao nhiệm vụ"
        verbose_name_plural = "nơi giao nhiệm vụ"
        ordering = ["org", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["org", "name"], name="assigner_unique_name_per_org")]

    def __str__(self) -> str:
        return self.name


class Task(NormalizedModel):
    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="tasks")
    content = models.TextField("Nội dung công việc")
    source_document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="tasks",
        verbose_name="Văn bản chỉ đạo",
    )
    assigner = models.ForeignKey(
        Assigner, null=True, blank=True, on_delete=models.RESTRICT, related_name="tasks", verbose_name="Nơi giao"
    )
    lead_unit = models.ForeignKey(
        "orgs.Unit",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="led_tasks",
        verbose_name="Đơn vị chủ trì",
    )
    coordinating_units = models.ManyToManyField(
        "orgs.Unit", blank=True, related_name="coordinated_tasks", verbose_name="Đơn vị phối hợp"
    )
    officer = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="tasks",
        verbose_name="Cán bộ thực hiện",
    )
    deputy = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="supervised_tasks",
        verbose_name="Lãnh đạo Sở phụ trách",
    )
    assigned_on = models.DateField("Ngày giao")
    original_deadline = models.DateField("Thời hạn ban đầu", null=True, blank=True)
    deadline = models.DateField("Thời hạn", null=True, blank=True)
    deadline_text = models.CharField("Thời hạn (như văn bản ghi)", max_length=255, blank=True)
    started_on = models.DateField("Ngày bắt đầu thực hiện", null=True, blank=True)
    completed_on = models.DateField("Ngày hoàn thành", null=True, blank=True)
    result_document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="answered_tasks",
        verbose_name="Văn bản kết quả",
    )
    result_text = models.TextField("Kết quả xử lý", blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.RESTRICT, related_name="subtasks", verbose_name="Nhiệm vụ cha"
    )
    has_extensions = models.BooleanField(default=False, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["-assigned_on", "-id"]
        indexes = [
            models.Index(fields=["org", "assigned_on"]),
            models.Index(fields=["org", "deadline"]),
            models.Index(fields=["org", "completed_on"]),
            models.Index(fields=["org", "lead_unit", "assigned_on"]),
            models.Index(fields=["org", "officer"]),
        ]

    def __str__(self) -> str:
        text = " ".join(self.content.split())
        return text if len(text) <= 80 else text[:77] + "..."

    def save(self, *args: Any, **kwargs: Any) -> None:
        source = self.source_document.number_raw if self.source_document_id and self.source_document else ""
        self.search_text = search_blob(self.content, source, self.deadline_text, self.result_text)
        super().save(*args, **kwargs)

    def facts(self, changes: tuple[DeadlineChange, ...] | None = None) -> TaskFacts:
        """The task as the status engine sees it. Pass `changes` when already fetched."""
        if changes is None:
            changes = approved_changes(self) if self.has_extensions else ()
        return TaskFacts(
            assigned_on=self.assigned_on,
            deadline=self.original_deadline,
            started_on=self.started_on,
            completed_on=self.completed_on,
            changes=changes,
        )


def approved_changes(task: Task) -> tuple[DeadlineChange, ...]:
    return tuple(
        DeadlineChange(approved_on=e.decided_on, deadline=e.approved_deadline)
        for e in task.extensions.filter(status=Extension.State.APPROVED).order_by("decided_on", "id")
        if e.decided_on is not None
    )


class ProgressNote(NormalizedModel):
    """Tiến độ: what was done, on which day, by whom."""

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="notes")
    noted_on = models.DateField("Ngày")
    text = models.TextField("Nội dung tiến độ")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField("Người ghi", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tiến độ"
        verbose_name_plural = "tiến độ"
        ordering = ["noted_on", "id"]

    def __str__(self) -> str:
        return f"{self.noted_on:%d/%m/%Y}: {self.text[:60]}"


class Extension(NormalizedModel):
    """Gia hạn: a request for a new deadline and the decision on it. Both deadlines stay on record."""

    class State(models.TextChoices):
        PENDING = "pending", "Chờ duyệt"
        APPROVED = "approved", "Đã duyệt"
        REJECTED = "rejected", "Không duyệt"

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="extensions")
    requested_on = models.DateField("Ngày đề nghị")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField("Lý do")
    previous_deadline = models.DateField("Thời hạn trước khi gia hạn", null=True, blank=True)
    requested_deadline = models.DateField("Thời hạn đề nghị")
    status = models.CharField("Trạng thái", max_length=10, choices=State.choices, default=State.PENDING)
    decided_on = models.DateField("Ngày quyết định", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_deadline = models.DateField("Thời hạn được duyệt", null=True, blank=True)
    approving_document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="approved_extensions",
        verbose_name="Văn bản đồng ý gia hạn",
    )
    decision_note = models.TextField("Ý kiến", blank=True)

    class Meta:
        verbose_name = "gia hạn"
        verbose_name_plural = "gia hạn"
        ordering = ["requested_on", "id"]
        indexes = [models.Index(fields=["task", "status", "decided_on"])]

    def __str__(self) -> str:
        return f"Gia hạn đến {self.requested_deadline:%d/%m/%Y} ({self.get_status_display()})"
