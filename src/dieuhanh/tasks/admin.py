from django.contrib import admin

from dieuhanh.tasks.models import Assigner, Extension, ProgressNote, Task


class ProgressNoteInline(admin.TabularInline):
    model = ProgressNote
    extra = 0


class ExtensionInline(admin.TabularInline):
    model = Extension
    extra = 0
    raw_id_fields = ["approving_document"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["__str__", "lead_unit", "assigned_on", "deadline", "completed_on", "org"]
    list_filter = ["org", "lead_unit"]
    search_fields = ["content"]
    raw_id_fields = ["source_document", "result_document", "parent", "officer", "deputy"]
    inlines = [ProgressNoteInline, ExtensionInline]


@admin.register(Assigner)
class AssignerAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "org"]
