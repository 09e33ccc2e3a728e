"""Forms of the research register pages: the list filter, create/edit with funding by year, one
lifecycle step, and the import (file, then column mapping).

Choice fields take their querysets from the scope's selectors: another organisation's unit,
person or document is refused by the form before the service refuses it again.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from dieuhanh.core import clock
from dieuhanh.documents.selectors import documents_visible
from dieuhanh.orgs.models import Role
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import people_visible, units_visible
from dieuhanh.research.importing import TARGET_FIELDS
from dieuhanh.research.lifecycle import KIND_LABELS, RATING_LABELS, STAGE_LABELS, EventKind, Stage
from dieuhanh.research.models import Level, Management, TaskType
from dieuhanh.research.services import ENTRY_STAGES, FundingYear
from dieuhanh.web.forms.fields import VnDateField, limit_choices, set_queryset
from dieuhanh.web.forms.tasks import RECENT_DOCUMENTS, DocumentChoiceField, PersonChoiceField, _model_choice

YEAR_FILTER = "nam"


class ResearchFilterForm(forms.Form):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200)
    cap = forms.ChoiceField(label="Cấp quản lý", choices=[("", "Tất cả"), *Level.choices], required=False)
    chuong_trinh = forms.CharField(label="Chương trình", required=False, max_length=50)
    buoc = forms.ChoiceField(
        label="Bước hiện tại",
        choices=[("", "Tất cả"), *[(s.value, label) for s, label in STAGE_LABELS.items()]],
        required=False,
    )
    nam = forms.IntegerField(label="Quản lý trong năm", required=False, min_value=1990, max_value=2100)
    chuyen_tiep = forms.ChoiceField(
        label="Chuyển tiếp / mới",
        choices=[("", "Tất cả"), ("chuyen-tiep", "Chuyển tiếp"), ("moi", "Thực hiện từ năm đó")],
        required=False,
        help_text="Theo năm ở ô “Quản lý trong năm”.",
    )


class ResearchForm(forms.Form):
    title = forms.CharField(label="Tên nhiệm vụ", widget=forms.Textarea(attrs={"rows": 3}))
    short_name = forms.CharField(label="Tên gọi tắt", required=False, max_length=100)
    code = forms.CharField(label="Mã số", required=False, max_length=50)
    level = forms.ChoiceField(label="Cấp quản lý", choices=Level.choices, initial=Level.PROVINCIAL)
    programme = forms.CharField(label="Chương trình", required=False, max_length=50, help_text="Ví dụ: NTMN")
    management = forms.ChoiceField(label="Phương thức quản lý", choices=Management.choices)
    task_type = forms.ChoiceField(label="Loại nhiệm vụ", choices=TaskType.choices)
    host_organisation = forms.CharField(label="Tổ chức chủ trì", required=False, max_length=300)
    principal_investigator = forms.CharField(label="Chủ nhiệm", required=False, max_length=200)
    field = forms.CharField(label="Lĩnh vực", required=False, max_length=100)
    location = forms.CharField(label="Địa điểm thực hiện", required=False, max_length=300)
    start_year = forms.IntegerField(
        label="Năm bắt đầu thực hiện",
        min_value=1990,
        max_value=2100,
        error_messages={"required": "Cần năm bắt đầu thực hiện.", "invalid": "Năm không hợp lệ, ví dụ 2022."},
    )
    start_date = VnDateField(label="Thời gian bắt đầu", required=False)
    end_date = VnDateField(label="Thời gian kết thúc", required=False)
    managing_unit = _model_choice(None, "Phòng theo dõi")
    officer = _model_choice(None, "Cán bộ theo dõi", cls=PersonChoiceField)
    deputy = _model_choice(None, "Lãnh đạo Sở phụ trách", cls=PersonChoiceField)
    stage = forms.ChoiceField(
        label="Bước đã đạt khi nhập",
        choices=[(s.value, STAGE_LABELS[s]) for s in ENTRY_STAGES],
        initial=Stage.PROPOSED.value,
        required=False,
        help_text="Nhiệm vụ đang thực hiện từ trước: chọn bước đã đạt; các bước sau ghi theo từng sự kiện.",
    )
    funding = forms.CharField(
        label="Kinh phí theo năm (triệu đồng)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "2022: 500; 120\n2023: 300; 0"}),
        help_text="Mỗi dòng một năm: năm: ngân sách nhà nước; đối ứng.",
    )
    notes = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, scope: Scope, *args: Any, editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "managing_unit", units_visible(scope, active_only=True))
        people = people_visible(scope, active_only=True).select_related("unit")
        set_queryset(self, "officer", people)
        set_queryset(self, "deputy", people.filter(role=Role.LEADER))
        if editing:
            del self.fields["stage"]

    def clean_funding(self) -> list[FundingYear]:
        rows = []
        for n, line in enumerate((self.cleaned_data.get("funding") or "").splitlines(), start=1):
            if not line.strip():
                continue
            year_text, _, amounts = line.partition(":")
            parts = [p.strip().replace(".", "").replace(",", ".") for p in amounts.split(";")]
            try:
                year = int(year_text.strip())
                state = Decimal(parts[0] or 0)
                counterpart = Decimal(parts[1] or 0) if len(parts) > 1 else Decimal(0)
            except (ValueError, InvalidOperation, IndexError):
                raise forms.ValidationError(
                    f"Dòng {n} không đọc được; ghi theo mẫu “2022: 500; 120” (năm: ngân sách nhà nước; đối ứng)."
                ) from None
            rows.append(FundingYear(year, state, counterpart))
        return rows

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        for name in (
            "short_name",
            "code",
            "programme",
            "host_organisation",
            "principal_investigator",
            "field",
            "location",
            "notes",
        ):
            data[name] = data.get(name) or ""
        if "stage" in data and not data["stage"]:
            data["stage"] = Stage.PROPOSED.value
        return data


def funding_text(rows: Any) -> str:
    def num(d: Decimal) -> str:
        return f"{d.normalize():f}".replace(".", ",")

    return "\n".join(f"{f.year}: {num(f.state_budget)}; {num(f.counterpart)}" for f in rows)


class ResearchEventForm(forms.Form):
    kind = forms.ChoiceField(label="Bước thực hiện", choices=[(k.value, label) for k, label in KIND_LABELS.items()])
    date = VnDateField(label="Ngày", error_messages={"required": "Cần ngày của bước thực hiện."})
    document = DocumentChoiceField(queryset=None, label="Văn bản, quyết định trong sổ", required=False, empty_label="—")
    document_text = forms.CharField(label="Số, ký hiệu văn bản (nếu chưa vào sổ)", required=False, max_length=200)
    council_meeting_on = VnDateField(label="Ngày họp hội đồng", required=False)
    council_members = forms.CharField(
        label="Thành viên hội đồng",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Mỗi dòng một người.",
    )
    conclusion = forms.CharField(label="Kết luận, nội dung", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    rating = forms.ChoiceField(
        label="Xếp loại (nghiệm thu)",
        choices=[("", "—"), *[(r.value, label) for r, label in RATING_LABELS.items()]],
        required=False,
    )
    certificate_number = forms.CharField(label="Số giấy chứng nhận (đăng ký kết quả)", required=False, max_length=100)
    new_end_date = VnDateField(label="Thời hạn mới (gia hạn)", required=False)
    funds_to_recover = forms.DecimalField(label="Kinh phí phải thu hồi (triệu đồng)", required=False, min_value=0)
    funds_recovered = forms.DecimalField(label="Kinh phí đã thu hồi (triệu đồng)", required=False, min_value=0)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, scope: Scope, *args: Any, allowed: list[EventKind] | None = None, **kwargs: Any):
        kwargs.setdefault("initial", {}).setdefault("date", clock.today())
        super().__init__(*args, **kwargs)
        set_queryset(self, "document", documents_visible(scope))
        field = self.fields["document"]
        assert isinstance(field, forms.ModelChoiceField)
        limit_choices(field, documents_visible(scope).order_by("-issued_on", "-id")[:RECENT_DOCUMENTS])
        if allowed is not None:
            # Offer only the steps allowed now; any other still reaches the service, whose
            # refusal says why ("cần giao nộp sản phẩm trước khi nghiệm thu").
            self.fields["kind"].widget.choices = [(k.value, k.label) for k in allowed]

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        version = data.pop("version", None)
        for name in ("document_text", "council_members", "conclusion", "certificate_number"):
            data[name] = data.get(name) or ""
        data["rating"] = data.get("rating") or None
        data["version"] = version
        return data


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx) của sổ nhiệm vụ", error_messages={"required": "Cần chọn tệp .xlsx."}
    )


class ImportMappingForm(forms.Form):
    """One select per field of the register: which column of the sheet holds it."""

    skip_bad = forms.BooleanField(label="Bỏ qua các dòng có lỗi, chỉ nhập các dòng hợp lệ", required=False)

    def __init__(self, headers: list[str], *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices = [("", "— không có —"), *[(str(i), f"Cột {i + 1}: {h}") for i, h in enumerate(headers)]]
        for target in TARGET_FIELDS:
            self.fields[f"col_{target.key}"] = forms.ChoiceField(
                label=target.label + (" *" if target.required else ""), choices=choices, required=False
            )
        self.order_fields([f"col_{t.key}" for t in TARGET_FIELDS] + ["skip_bad"])

    def mapping(self) -> dict[str, int]:
        data = getattr(self, "cleaned_data", {})
        return {t.key: int(data[f"col_{t.key}"]) for t in TARGET_FIELDS if data.get(f"col_{t.key}") not in (None, "")}
