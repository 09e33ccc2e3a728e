from django.contrib import admin

from dieuhanh.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "title", "email_state", "read_at", "org"]
    list_filter = ["org", "kind", "email_state"]
    search_fields = ["title", "key"]
