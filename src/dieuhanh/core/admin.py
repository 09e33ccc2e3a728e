from typing import Any

from django.contrib import admin

from dieuhanh.core.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is never edited, not even by a superuser."""

    list_display = ["at", "actor_name", "action", "object_type", "object_repr", "org"]
    list_filter = ["org", "action", "object_type"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
