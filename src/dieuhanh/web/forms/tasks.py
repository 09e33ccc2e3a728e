"""Forms of the task pages: the list filter, assign/edit, progress, completion, extension, split.

Choice fields take their querysets from the scope's selectors, so an id of another
organisation's unit, person or document is refused by the form with a Vietnamese message,
before the service refuses it again.
"""

from __future__ import annotations

from typing import Any

from django import forms

from dieuhanh.core import clock
from dieuhanh.documents.models import Document
from dieuhanh.documents.selectors import documents_visible
from dieuhanh.orgs.models import Role
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import people_visible, units_visible
from dieuhanh.tasks.queries import TaskFilter
from dieuhanh.tasks.selectors import assigners_visible
from dieuhanh.tasks.status import LABELS, Status
from dieuhanh.web.forms.fields import VnDateField, choice_field, limit_choices, set_queryset

INVALID_CHOICE = "Lựa chọn không hợp lệ hoặc không thuộc cơ quan của bạn."
RECENT_DOCUMENTS = 200  # options shown in a document select; the whole register is searchable on its page

PAST_DEADLINE = "qua_han"
STATUS_CHOICES = [
    ("", "Tất cả"),
    *[(s.value, LABELS[s]) for s in Status],
    (PAST_DEADLINE, "Quá hạn, chưa hoàn thành (kể cả chưa thực hiện)"),
]
ORDERING_CHOICES = [
    ("-assigned", "Mới giao trước"),
    ("assigned", "Giao lâu nhất trước"),
    ("deadline", "Thời hạn sớm nhất trước"),
    ("-deadline", "Thời hạn muộn nhất trước"),
    ("unit", "Theo đơn vị chủ trì"),
]


def document_label(doc: Document) -> str:
    summary = " ".join(doc.summary.split())
    summary = summary if len(summary) <= 70 else summary[:67] + "..."
    return f"{doc} – {summary}" if summary else str(doc)


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return document_label(obj)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} – {obj.unit.name}" if obj.unit_id else str(obj)


def _model_choice(queryset: Any, label: str, *, required: bool = False, cls: type = forms.ModelChoiceField) -> Any:
    return cls(
        queryset=queryset,
        label=label,
        required=required,
        empty_label="—",
        error_messages={"invalid_choice": INVALID_CHOICE, "required": f"Cần chọn {label.lower()}."},
    )


class TaskFilterForm(forms.Form):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    don_vi: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label="Đơn vị", required=False, empty_label="Tất cả"
    )
    trang_thai = forms.ChoiceField(label="Trạng thái", choices=STATUS_CHOICES, required=False)
    ngay = VnDateField(label="Trạng thái tại ngày", required=False)
    noi_giao: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label="Nơi giao", required=False, empty_label="Tất cả"
    )
    van_ban = DocumentChoiceField(queryset=None, label="Văn bản chỉ đạo", required=False, empty_label="Tất cả")
    can_bo = PersonChoiceField(queryset=None, label="Cán bộ thực hiện", required=False, empty_label="Tất cả")
    han_tu = VnDateField(label="Thời hạn từ ngày", required=False)
    han_den = VnDateField(label="đến ngày", required=False)
    sap_xep = forms.ChoiceField(label="Sắp xếp", choices=ORDERING_CHOICES, required=False)

    def __init__(self, scope: Scope, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "don_vi", units_visible(scope, active_only=True))
        set_queryset(self, "noi_giao", assigners_visible(scope))
        set_queryset(self, "can_bo", people_visible(scope, active_only=True))
        set_queryset(self, "van_ban", documents_visible(scope))
        for name in ("don_vi", "noi_giao", "van_ban", "can_bo"):
            self.fields[name].error_messages["invalid_choice"] = INVALID_CHOICE
        self._scope = scope

    def limit_documents(self) -> None:
        """Offer the directives behind the most recent tasks; an id from a link still filters."""
        sources = documents_visible(self._scope).filter(tasks__isnull=False).distinct()[:RECENT_DOCUMENTS]
        selected = self.cleaned_data.get("van_ban") if hasattr(self, "cleaned_data") else None
        limit_choices(choice_field(self, "van_ban"), sources, selected, blank="Tất cả")

    def to_filter(self) -> TaskFilter:
        data = self.cleaned_data if self.is_bound else {}
        status = data.get("trang_thai") or ""
        return TaskFilter(
            text=data.get("q") or "",
            unit_id=data["don_vi"].pk if data.get("don_vi") else None,
            status=Status(status) if status in {s.value for s in Status} else None,
            status_on=data.get("ngay"),
            past_deadline=True if status == PAST_DEADLINE else None,
            assigner_id=data["noi_giao"].pk if data.get("noi_giao") else None,
            source_document_id=data["van_ban"].pk if data.get("van_ban") else None,
            deadline_from=data.get("han_tu"),
            deadline_to=data.get("han_den"),
            officer_id=data["can_bo"].pk if data.get("can_bo") else None,
            ordering=data.get("sap_xep") or "-assigned",
        )

    @property
    def active_count(self) -> int:
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return 0
        return sum(1 for k, v in self.cleaned_data.items() if v and k not in {"sap_xep", "q"})


class TaskForm(forms.Form):
    """Assign a task, or edit one (with the `version` read when the form was opened)."""

    content = forms.CharField(
        label="Nội dung công việc",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Cần ghi nội dung công việc."},
    )
    source_document = _model_choice(None, "Văn bản chỉ đạo", cls=DocumentChoiceField)
    assigner = _model_choice(None, "Nơi giao")
    lead_unit = _model_choice(None, "Đơn vị chủ trì")
    coordinating_units: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Đơn vị phối hợp",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": INVALID_CHOICE, "invalid_pk_value": INVALID_CHOICE},
    )
    officer = _model_choice(None, "Cán bộ thực hiện", cls=PersonChoiceField)
    deputy = _model_choice(None, "Lãnh đạo Sở phụ trách")
    assigned_on = VnDateField(label="Ngày giao", error_messages={"required": "Cần ngày giao."})
    deadline = VnDateField(label="Thời hạn", required=False, help_text="Để trống nếu nhiệm vụ thường xuyên.")
    deadline_text = forms.CharField(
        label="Thời hạn như văn bản ghi",
        required=False,
        max_length=255,
        help_text="Ví dụ: “trước ngày 08/02/2024”, “Quý II/2024”.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, scope: Scope, *args: Any, source: Document | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        units = units_visible(scope, active_only=True)
        people = people_visible(scope, active_only=True)
        set_queryset(self, "source_document", documents_visible(scope))
        set_queryset(self, "assigner", assigners_visible(scope))
        set_queryset(self, "lead_unit", units)
        set_queryset(self, "coordinating_units", units)
        set_queryset(self, "officer", people)
        set_queryset(self, "deputy", people.filter(role=Role.LEADER))
        if not scope.can_assign and scope.unit_id:
            # A unit head assigns within their own unit (the service enforces it as well).
            set_queryset(self, "lead_unit", units.filter(pk=scope.unit_id))
            self.fields["lead_unit"].required = True
            set_queryset(self, "officer", people.filter(unit_id=scope.unit_id))
        recent = documents_visible(scope).exclude(direction=Document.Direction.OUTGOING)[:RECENT_DOCUMENTS]
        limit_choices(choice_field(self, "source_document"), recent, source or self.initial.get("source_document"))


class ProgressNoteForm(forms.Form):
    text = forms.CharField(
        label="Nội dung tiến độ",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Cần ghi nội dung tiến độ."},
    )
    noted_on = VnDateField(label="Ngày", required=False, help_text="Để trống là hôm nay.")


class StartForm(forms.Form):
    started_on = VnDateField(label="Ngày bắt đầu", required=False, help_text="Để trống là hôm nay.")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CompleteForm(forms.Form):
    """Completion: a date, and the result document picked from the register or registered here."""

    completed_on = VnDateField(label="Ngày hoàn thành", error_messages={"required": "Cần ngày hoàn thành."})
    result_document = _model_choice(None, "Văn bản kết quả đã vào sổ", cls=DocumentChoiceField)
    new_number = forms.CharField(label="Số, ký hiệu văn bản đi", required=False, max_length=100)
    new_issued_on = VnDateField(label="Ngày ban hành", required=False)
    new_summary = forms.CharField(label="Trích yếu", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    new_file = forms.FileField(label="Tệp văn bản", required=False)
    result_text = forms.CharField(label="Kết quả xử lý", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, scope: Scope, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "result_document", documents_visible(scope))
        recent = documents_visible(scope).filter(direction=Document.Direction.OUTGOING)[:RECENT_DOCUMENTS]
        limit_choices(choice_field(self, "result_document"), recent)
        self.fields["completed_on"].initial = clock.today()

    @property
    def registers_new_document(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("new_number") or data.get("new_summary") or data.get("new_file"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("result_document") and self.registers_new_document:
            raise forms.ValidationError("Chọn văn bản kết quả đã có trong sổ hoặc vào sổ văn bản mới, không cả hai.")
        return data


class ExtensionRequestForm(forms.Form):
    requested_deadline = VnDateField(label="Thời hạn đề nghị", error_messages={"required": "Cần thời hạn đề nghị."})
    reason = forms.CharField(
        label="Lý do", widget=forms.Textarea(attrs={"rows": 3}), error_messages={"required": "Cần ghi lý do."}
    )


class ExtensionDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label="Quyết định",
        choices=[("approve", "Đồng ý gia hạn"), ("reject", "Không đồng ý")],
        widget=forms.RadioSelect,
        error_messages={"required": "Cần chọn đồng ý hoặc không."},
    )
    approved_deadline = VnDateField(
        label="Thời hạn được duyệt", required=False, help_text="Để trống là thời hạn đã đề nghị."
    )
    decided_on = VnDateField(label="Ngày quyết định", required=False, help_text="Để trống là hôm nay.")
    approving_document = _model_choice(None, "Văn bản đồng ý gia hạn", cls=DocumentChoiceField)
    note = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, scope: Scope, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "approving_document", documents_visible(scope))
        limit_choices(choice_field(self, "approving_document"), documents_visible(scope)[:RECENT_DOCUMENTS])


class SplitPartForm(forms.Form):
    content = forms.CharField(label="Phần việc", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    lead_unit = _model_choice(None, "Đơn vị")
    officer = _model_choice(None, "Cán bộ", cls=PersonChoiceField)
    deadline = VnDateField(label="Thời hạn", required=False)

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any):
        super().__init__(*args, **kwargs)
        units = units_visible(scope, active_only=True)
        people = people_visible(scope, active_only=True)
        if not scope.can_assign and scope.unit_id:
            units = units.filter(pk=scope.unit_id)
            people = people.filter(unit_id=scope.unit_id)
        set_queryset(self, "lead_unit", units)
        set_queryset(self, "officer", people)

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(k) for k in ("content", "lead_unit", "officer", "deadline"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if any(data.get(k) for k in ("lead_unit", "officer", "deadline")) and not data.get("content"):
            self.add_error("content", "Cần ghi nội dung phần việc.")
        return data


class SplitDateForm(forms.Form):
    ngay_giao = VnDateField(label="Ngày giao tiếp", required=False, help_text="Để trống là hôm nay.")


class BaseSplitFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        if all(form.is_blank for form in self.forms):
            raise forms.ValidationError("Cần ít nhất một phần việc để giao.")


SplitFormSet = forms.formset_factory(SplitPartForm, formset=BaseSplitFormSet, extra=3, max_num=20)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="Lý do mở lại",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Cần ghi lý do mở lại."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
