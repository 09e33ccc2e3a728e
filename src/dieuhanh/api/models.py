"""API tokens (mã truy cập API): how machines sign in to the HTTP API.

A token acts exactly as its person (the `Scope` of its user). Only a SHA-256 digest of the
token is stored; the token itself is shown once, when it is created
(`dieuhanh.api.tokens.token_create`). A token is revoked, never deleted, so that the record of
who used the API stays.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from dieuhanh.core.models import NormalizedModel


class ApiToken(NormalizedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="Tài khoản"
    )
    name = models.CharField("Tên", max_length=100, help_text="Dùng để làm gì, ví dụ: đồng bộ với hệ thống một cửa")
    prefix = models.CharField("Đầu mã", max_length=16, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField("Dùng lần cuối", null=True, blank=True)
    revoked_at = models.DateTimeField("Thu hồi lúc", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
