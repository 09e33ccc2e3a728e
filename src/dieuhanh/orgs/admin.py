from django.contrib import admin

from dieuhanh.orgs.models import CalendarDay, Organisation, Person, Unit


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "place", "code", "is_active"]
    prepopulated_fields = {"slug": ["place"]}


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "org", "order", "is_active"]
    list_filter = ["org", "kind"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "title", "unit", "role", "org", "is_active"]
    list_filter = ["org", "role"]
    search_fields = ["full_name", "email"]
    raw_id_fields = ["user"]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "note", "org"]
    list_filter = ["org", "kind"]
