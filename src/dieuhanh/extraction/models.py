"""An import batch (lô nhập): one uploaded file, its registered document and the tasks,
units, deadlines and citations extraction proposes, waiting for a person to confirm them.

The same file (by SHA-256) is one batch per organisation: importing it again finds the batch
instead of creating anything. `proposals` holds the JSON of `Extraction.as_json()` with each
task's unit matches; `report` what confirming created and which unit names matched no unit;
`version` rises with each edit, so two people reviewing the same batch never overwrite each other.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from dieuhanh.core.models import NormalizedModel


class ImportBatch(NormalizedModel):
    class State(models.TextChoices):
        PENDING = "pending", "Chờ xem xét"
        CONFIRMED = "confirmed", "Đã xác nhận"
        DISCARDED = "discarded", "Đã bỏ"

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="import_batches")
    document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_batches",
        verbose_name="Văn bản",
    )
    file_name = models.CharField("Tên tệp", max_length=255)
    file_sha256 = models.CharField(max_length=64, editable=False)
    proposals = models.JSONField("Đề xuất", default=dict)
    report = models.JSONField("Kết quả xác nhận", default=dict, blank=True)
    state = models.CharField("Trạng thái", max_length=10, choices=State.choices, default=State.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField("Ngày xác nhận", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking of the review edits

    class Meta:
        verbose_name = "lô nhập văn bản"
        verbose_name_plural = "lô nhập văn bản"
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["org", "file_sha256"], name="import_batch_unique_file_per_org")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_state_display()})"

    @property
    def task_rows(self) -> list[dict]:
        return list(self.proposals.get("tasks", []))
