"""Notifications to people: the bell in the app and, optionally, an e-mail.

A notification is identified by its recipient and a `key` (e.g. "task:42:due-3"): creating it
twice is impossible (unique constraint), which makes every sender idempotent. Its e-mail goes
through an outbox (`email_state`): recorded in the same transaction as the notification, sent
afterwards, so a crash never loses one; see `dieuhanh.notifications.services`.
"""

from __future__ import annotations

from django.db import models

from dieuhanh.core.models import NormalizedModel


class Notification(NormalizedModel):
    class EmailState(models.TextChoices):
        NONE = "none", "Không gửi thư"
        PENDING = "pending", "Chờ gửi"
        SENDING = "sending", "Đang gửi"
        SENT = "sent", "Đã gửi"
        FAILED = "failed", "Gửi lỗi"
        NO_ADDRESS = "no_address", "Không có địa chỉ thư"

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey("orgs.Person", on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField("Loại", max_length=50)
    key = models.CharField(max_length=200)
    title = models.CharField("Tiêu đề", max_length=300)
    body = models.TextField("Nội dung", blank=True)
    link = models.CharField("Đường dẫn", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField("Đã đọc lúc", null=True, blank=True)
    email_state = models.CharField(max_length=12, choices=EmailState.choices, default=EmailState.NONE)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    email_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="notification_once_per_key")]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_state", "email_claimed_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def message_id(self) -> str:
        """Stable Message-ID: a resent e-mail is the same message to the recipient's mailbox."""
        return f"<thong-bao-{self.pk}@dieuhanh>"
