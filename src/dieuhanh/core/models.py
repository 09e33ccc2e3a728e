"""Cross-cutting models: the NFC-normalising base and the audit trail.

- `NormalizedModel`: abstract base that NFC-normalises every text field on save (DOMAIN §9).
- `AuditEvent`: append-only record of who changed what and when. Services write it through
  `dieuhanh.core.audit.record`; nobody edits or deletes one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from dieuhanh.core.text import nfc


def normalize_text_fields(obj: models.Model) -> None:
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(obj, field.attname)
            if isinstance(value, str):
                setattr(obj, field.attname, nfc(value))


class NormalizedModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        normalize_text_fields(self)
        super().save(*args, **kwargs)


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", "Tạo mới"
        UPDATE = "update", "Sửa"
        DELETE = "delete", "Xóa"
        COMPLETE = "complete", "Hoàn thành"
        REOPEN = "reopen", "Mở lại"
        START = "start", "Bắt đầu thực hiện"
        NOTE = "note", "Ghi tiến độ"
        EXTEND_REQUEST = "extend_request", "Đề nghị gia hạn"
        EXTEND_DECIDE = "extend_decide", "Quyết định gia hạn"
        SPLIT = "split", "Giao tiếp"
        LINK = "link", "Liên kết"
        OTHER = "other", "Khác"

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField("Người thực hiện", max_length=200, blank=True)
    at = models.DateTimeField("Thời điểm", auto_now_add=True, db_index=True)
    action = models.CharField("Thao tác", max_length=30, choices=Action.choices)
    object_type = models.CharField("Loại bản ghi", max_length=50)
    object_id = models.BigIntegerField("Mã bản ghi")
    object_repr = models.CharField("Bản ghi", max_length=300, blank=True)
    changes = models.JSONField("Thay đổi", default=dict, blank=True)
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name}: {self.get_action_display()} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError("Audit events are append-only.")
