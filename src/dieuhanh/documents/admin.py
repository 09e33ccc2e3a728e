from django.contrib import admin

from dieuhanh.documents.models import Citation, Document


class CitationInline(admin.TabularInline):
    model = Citation
    fk_name = "citing"
    extra = 0
    raw_id_fields = ["cited"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "direction", "issuer", "org"]
    list_filter = ["org", "direction", "kind"]
    search_fields = ["number_raw", "summary", "issuer"]
    inlines = [CitationInline]
