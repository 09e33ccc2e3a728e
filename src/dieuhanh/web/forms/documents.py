"""Forms of the document register: the list filter, registration with a file, a citation."""

from __future__ import annotations

from typing import Any

from django import forms

from dieuhanh.core.symbols import KIND_CHOICES
from dieuhanh.documents.models import Document
from dieuhanh.web.forms.fields import VnDateField

DIRECTION_SLUGS = {
    "den": Document.Direction.INCOMING,
    "di": Document.Direction.OUTGOING,
    "noi-bo": Document.Direction.INTERNAL,
}
SLUG_BY_DIRECTION: dict[str, str] = {str(v): k for k, v in DIRECTION_SLUGS.items()}
KIND_AUTO = ""


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    loai = forms.ChoiceField(label="Loại văn bản", choices=[("", "Tất cả"), *KIND_CHOICES], required=False)
    tu_ngay = VnDateField(label="Ban hành từ ngày", required=False)
    den_ngay = VnDateField(label="đến ngày", required=False)


class DocumentRegisterForm(forms.Form):
    direction = forms.ChoiceField(
        label="Sổ", choices=Document.Direction.choices, widget=forms.RadioSelect, initial=Document.Direction.INCOMING
    )
    number_raw = forms.CharField(
        label="Số, ký hiệu", required=False, max_length=100, help_text="Ghi đúng như trên văn bản, ví dụ 181/UBND-KGVX."
    )
    issued_on = VnDateField(label="Ngày ban hành", required=False)
    kind = forms.ChoiceField(
        label="Loại văn bản",
        choices=[(KIND_AUTO, "Tự nhận theo ký hiệu"), *KIND_CHOICES],
        required=False,
    )
    issuer = forms.CharField(label="Cơ quan ban hành", required=False, max_length=255)
    summary = forms.CharField(label="Trích yếu", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    signer = forms.CharField(label="Người ký", required=False, max_length=200)
    received_on = VnDateField(label="Ngày đến", required=False)
    file = forms.FileField(label="Tệp văn bản", required=False)

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["kind"] = data.get("kind") or None
        upload = data.pop("file", None)
        if upload is not None:
            data["file"] = upload
            data["file_name"] = upload.name
        return data


class CitationForm(forms.Form):
    number_raw = forms.CharField(
        label="Số, ký hiệu văn bản được dẫn",
        max_length=100,
        error_messages={"required": "Cần số, ký hiệu của văn bản được trích dẫn."},
    )
    cited_date = VnDateField(label="Ngày", required=False)
    issuer = forms.CharField(label="Cơ quan ban hành", required=False, max_length=255)
    context = forms.CharField(label="Câu trích dẫn", required=False, widget=forms.Textarea(attrs={"rows": 2}))
