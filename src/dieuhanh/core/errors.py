"""Errors raised by services; pages, the API and commands turn them into messages.

Services raise `django.core.exceptions.ValidationError` (messages keyed by field, in
Vietnamese) for bad input, `PermissionDenied` for an actor acting outside their role, and
`ConflictError` when the record changed since the actor read it (no lost updates).
"""

from __future__ import annotations


class ConflictError(Exception):
    """The record was changed by someone else after it was read; nothing was saved."""

    default_message = (
        "Bản ghi đã được người khác sửa sau khi bạn mở. Hãy tải lại trang để xem thay đổi "
        "rồi sửa lại; chưa có gì được lưu."
    )

    def __init__(self, message: str | None = None):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
