"""Forms of import with review: the upload, and one row of the editable review table.

- `ImportUploadForm`: the file (DOCX, PDF, TXT or Markdown, at most `settings.UPLOAD_MAX_BYTES`).
- `ImportRowForm`, `row_formset(...)`: one proposed task (content, lead and coordinating units,
  deadline dd/mm/yyyy, source document, status, completion date, removed or not). Units are
  plain choices computed once per page (not one query per row).
- `rows_from(formset)`: the rows for `import_edit` / `import_confirm`; an added row left blank is
  ignored.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, cast

from django import forms
from django.conf import settings
from django.forms import formset_factory

from dieuhanh.extraction.services import ROW_STATUSES
from dieuhanh.web.forms.fields import VnDateField

IMPORT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp văn bản",
        error_messages={
            "required": "Hãy chọn tệp văn bản (DOCX, PDF, TXT hoặc Markdown) để nhập.",
            "empty": "Tệp đã chọn rỗng (0 byte): không có nội dung nào để đọc.",
            "invalid": "Không nhận được tệp; hãy chọn lại.",
        },
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = PurePath(upload.name or "").name
        limit = settings.UPLOAD_MAX_BYTES
        if upload.size and upload.size > limit:
            raise forms.ValidationError(
                f"Tệp “{name}” nặng {upload.size / 1024 / 1024:.1f} MB, vượt giới hạn {limit / 1024 / 1024:.0f} MB. "
                "Hãy tách tệp rồi tải lên lại."
            )
        if PurePath(name).suffix.lower() == ".doc":
            raise forms.ValidationError(
                f"Tệp “{name}” là Word cũ (.doc): chưa đọc được. Hãy mở bằng Word, lưu lại dạng .docx rồi tải lên lại."
            )
        if PurePath(name).suffix.lower() not in IMPORT_SUFFIXES:
            raise forms.ValidationError(
                f"Không nhận tệp “{name}”: chỉ đọc được DOCX, PDF có lớp chữ, TXT và Markdown (.md)."
            )
        return upload


class ImportRowForm(forms.Form):
    index = forms.IntegerField(required=False, widget=forms.HiddenInput)
    content = forms.CharField(
        label="Nội dung nhiệm vụ", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    lead_unit = forms.TypedChoiceField(label="Đơn vị chủ trì", required=False, coerce=int, empty_value=None)
    coordinating_units = forms.TypedMultipleChoiceField(
        label="Đơn vị phối hợp", required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    deadline = VnDateField(label="Thời hạn", required=False)
    source_number = forms.CharField(label="Văn bản chỉ đạo (số, ký hiệu)", required=False, max_length=100)
    status = forms.ChoiceField(label="Trạng thái", required=False, choices=list(ROW_STATUSES.items()))
    completed_on = VnDateField(label="Ngày hoàn thành", required=False)

    def __init__(self, *args: Any, units: list[tuple[int, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        units = units or []
        cast(forms.ChoiceField, self.fields["lead_unit"]).choices = [("", "— chưa chọn —"), *units]
        cast(forms.ChoiceField, self.fields["coordinating_units"]).choices = units

    @property
    def is_new(self) -> bool:
        return self["index"].value() in (None, "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lead = data.get("lead_unit")
        if lead and lead in (data.get("coordinating_units") or []):
            data["coordinating_units"] = [u for u in data["coordinating_units"] if u != lead]
        return data

    def row(self) -> dict[str, Any]:
        data = self.cleaned_data
        lead = data.get("lead_unit")
        units = ([lead] if lead else []) + [u for u in data.get("coordinating_units") or [] if u != lead]
        row: dict[str, Any] = {
            "content": data.get("content") or "",
            "unit_ids": units,
            "deadline": data.get("deadline"),
            "source_number": data.get("source_number") or None,
            "status": data.get("status") or "",
            "completed_on": data.get("completed_on"),
            "include": not data.get("DELETE", False),
        }
        if data.get("index") is not None:
            row["index"] = data["index"]
        return row


RowFormSet = formset_factory(ImportRowForm, extra=0, can_delete=True, max_num=500, validate_max=True)


def row_formset(
    data: Any = None, *, rows: list[dict[str, Any]] | None = None, units: list[tuple[int, str]], extra: int = 0
) -> Any:
    """The review table: bound to `data` when posted, else filled from `review_rows`."""
    if data is not None:
        return RowFormSet(data, prefix="r", form_kwargs={"units": units})
    initial = []
    for r in rows or []:
        ids = r["unit_ids"]
        initial.append(
            {
                "index": r["index"],
                "content": r["content"],
                "lead_unit": ids[0] if ids else None,
                "coordinating_units": ids[1:],
                "deadline": _iso(r.get("deadline")),
                "source_number": r.get("source_number") or "",
                "status": r.get("status") or "",
                "completed_on": _iso(r.get("completed_on")),
                "DELETE": not r.get("include", True),
            }
        )
    initial.extend({} for _ in range(extra))
    formset = RowFormSet(initial=initial, prefix="r", form_kwargs={"units": units})
    formset.extra = 0
    return formset


def _iso(value: Any) -> Any:
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def rows_from(formset: Any) -> list[dict[str, Any]]:
    rows = []
    for form in formset.forms:
        row = form.row()
        if form.is_new and not row["content"].strip():
            continue  # an added row left blank
        if form.is_new and not row["include"]:
            continue  # added, then removed again
        rows.append(row)
    return rows
