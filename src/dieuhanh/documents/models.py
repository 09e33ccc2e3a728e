"""The register of official documents (sổ văn bản đi, đến, nội bộ) and the citations between them.

A document keeps its number/symbol as written (`number_raw`, typos included, DOMAIN §2) and a
matching form (`number_key`, see `dieuhanh.core.symbols.symbol_key`). A citation is one mention
of another document in a document's text; it points at the cited document once that document is
in the register, and keeps what the text said either way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from dieuhanh.core.models import NormalizedModel
from dieuhanh.core.search import search_blob
from dieuhanh.core.symbols import KIND_CHOICES, KINDS, OTHER_KIND, symbol_key


def document_upload_path(instance: Document, filename: str) -> str:
    day = instance.issued_on or dt.date.today()
    return f"{instance.org.slug}/van-ban/{day:%Y/%m}/{filename}"


class Document(NormalizedModel):
    class Direction(models.TextChoices):
        INCOMING = "in", "Văn bản đến"
        OUTGOING = "out", "Văn bản đi"
        INTERNAL = "internal", "Văn bản nội bộ"

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="documents")
    direction = models.CharField("Loại sổ", max_length=10, choices=Direction.choices, default=Direction.INCOMING)
    kind = models.CharField("Loại văn bản", max_length=10, choices=KIND_CHOICES, default="CV")
    number_raw = models.CharField("Số, ký hiệu", max_length=100, blank=True)
    number_key = models.CharField(max_length=100, blank=True, editable=False)
    issued_on = models.DateField("Ngày ban hành", null=True, blank=True)
    issuer = models.CharField("Cơ quan ban hành", max_length=255, blank=True)
    summary = models.TextField("Trích yếu", blank=True)
    signer = models.CharField("Người ký", max_length=200, blank=True)
    received_on = models.DateField("Ngày đến", null=True, blank=True)
    file = models.FileField("Tệp", upload_to=document_upload_path, blank=True, max_length=500)
    file_name = models.CharField("Tên tệp gốc", max_length=255, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["-issued_on", "-id"]
        indexes = [
            models.Index(fields=["org", "number_key"]),
            models.Index(fields=["org", "direction", "issued_on"]),
            models.Index(fields=["org", "file_sha256"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["org", "number_key", "issued_on"],
                condition=~Q(number_key="") & Q(issued_on__isnull=False),
                name="document_unique_number_date_per_org",
            )
        ]

    def __str__(self) -> str:
        label = self.number_raw or f"{self.kind_name} (chưa có số)"
        return f"{label} ngày {self.issued_on:%d/%m/%Y}" if self.issued_on else label

    @property
    def kind_name(self) -> str:
        return KINDS.get(self.kind, "Văn bản") if self.kind != OTHER_KIND else "Văn bản"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.number_key = symbol_key(self.number_raw)
        self.search_text = search_blob(self.number_raw, self.issuer, self.summary)
        super().save(*args, **kwargs)


class Citation(NormalizedModel):
    """One document naming another: "Kế hoạch số 114-KH/TU ngày 05/01/2024 của Ban Thường vụ Tỉnh ủy"."""

    org = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    citing = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="citations")
    cited = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by")
    kind = models.CharField("Loại văn bản", max_length=10, choices=KIND_CHOICES, blank=True)
    number_raw = models.CharField("Số, ký hiệu", max_length=100)
    number_key = models.CharField(max_length=100, editable=False, db_index=True)
    cited_date = models.DateField("Ngày", null=True, blank=True)
    issuer = models.CharField("Cơ quan ban hành", max_length=255, blank=True)
    context = models.TextField("Trích dẫn", blank=True)

    class Meta:
        verbose_name = "trích dẫn"
        verbose_name_plural = "trích dẫn"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["citing", "number_key", "cited_date"], name="citation_unique_per_document")
        ]

    def __str__(self) -> str:
        return f"{self.number_raw} ngày {self.cited_date:%d/%m/%Y}" if self.cited_date else self.number_raw

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.number_key = symbol_key(self.number_raw)
        super().save(*args, **kwargs)
