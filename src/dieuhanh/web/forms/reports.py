"""Forms of the periodic reports: the appendix download, report types and their sections,
the period's own texts, a unit's submission, and the template upload."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from dieuhanh.core import clock
from dieuhanh.orgs.models import Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import units_visible
from dieuhanh.reports.models import PERIOD_KIND_CHOICES, PeriodReport, ReportSection, ReportType
from dieuhanh.reports.periods import PeriodError, PeriodKind, parse_period, period_containing
from dieuhanh.tasks.selectors import assigners_visible
from dieuhanh.web.forms.fields import VnDateField, set_queryset

FORMAT_CHOICES = [("docx", "Word (.docx)"), ("xlsx", "Excel (.xlsx)")]


def current_quarter_key(scope: Scope) -> str:
    return period_containing(clock.today(), PeriodKind.QUARTER, scope.org.period_cutoff_day).key


class AppendixForm(forms.Form):
    ky = forms.CharField(
        label="Kỳ báo cáo", max_length=10, help_text="Ví dụ 2024-Q1 (quý), 2024-03 (tháng), 2024-H1, 2024."
    )
    noi_giao = forms.ChoiceField(label="Nhiệm vụ do ai giao", required=False)
    dinh_dang = forms.ChoiceField(label="Định dạng", choices=FORMAT_CHOICES, required=False)

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.scope = scope
        choices = [
            ("upstream", "Cấp trên giao (UBND tỉnh, Chủ tịch UBND tỉnh, Bộ ...)"),
            ("internal", "Lãnh đạo Sở giao"),
        ]
        choices += [(a.name, a.name) for a in assigners_visible(scope)]
        choices.append(("all", "Mọi nơi giao"))
        cast(forms.ChoiceField, self.fields["noi_giao"]).choices = choices
        self.fields["ky"].initial = current_quarter_key(scope)

    def clean_ky(self) -> Any:
        try:
            return parse_period(self.cleaned_data["ky"], cutoff_day=self.scope.org.period_cutoff_day)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from None


class ReportTypeForm(forms.ModelForm):
    period_kind = forms.ChoiceField(label="Kỳ báo cáo", choices=PERIOD_KIND_CHOICES)

    class Meta:
        model = ReportType
        fields = [
            "name",
            "code",
            "summary",
            "period_kind",
            "cutoff_day",
            "due_days",
            "contributing_units",
            "appendix_assigners",
            "signer_authority",
            "signer_title",
            "signer_name",
            "recipients",
            "archive",
            "is_active",
        ]
        widgets = {
            "contributing_units": forms.CheckboxSelectMultiple,
            "appendix_assigners": forms.CheckboxSelectMultiple,
            "recipients": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "contributing_units", units_visible(scope, active_only=True))
        set_queryset(self, "appendix_assigners", assigners_visible(scope))
        if self.instance.pk:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=self.instance.version)

    def _post_clean(self) -> None:
        # The service validates and saves; keep the ModelForm from touching the instance.
        pass

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["units"] = list(data.pop("contributing_units", []))
        data["assigners"] = list(data.pop("appendix_assigners", []))
        return data


class SectionForm(forms.Form):
    title = forms.CharField(label="Tiêu đề mục", max_length=300, required=False)
    order = forms.IntegerField(label="Thứ tự", min_value=0, max_value=99)
    is_active = forms.BooleanField(label="In trong báo cáo", required=False)
    units = forms.ModelMultipleChoiceField(
        label="Đơn vị phụ trách", queryset=Unit.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, scope: Scope, section: ReportSection, **kwargs: Any):
        kwargs.setdefault("prefix", f"muc-{section.field}")
        kwargs.setdefault(
            "initial",
            {
                "title": section.title,
                "order": section.order,
                "is_active": section.is_active,
                "units": list(section.units.all()),
            },
        )
        super().__init__(*args, **kwargs)
        self.section = section
        set_queryset(self, "units", units_visible(scope, active_only=True))


class OpenPeriodForm(forms.Form):
    ky = forms.CharField(label="Kỳ", max_length=10, help_text="Ví dụ 2024-Q1")


class PeriodReportForm(forms.ModelForm):
    issued_on = VnDateField(label="Ngày ký", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PeriodReport
        fields = ["intro", "strengths", "weaknesses", "number", "issued_on"]
        widgets = {
            "intro": forms.Textarea(attrs={"rows": 4}),
            "strengths": forms.Textarea(attrs={"rows": 4}),
            "weaknesses": forms.Textarea(attrs={"rows": 4}),
        }

    def _post_clean(self) -> None:
        pass

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version")
        data["number"] = data.get("number") or ""
        return data


class SubmissionForm(forms.Form):
    """One set of three text areas per section of the report type."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, sections: list[ReportSection], entries: dict[str, Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            entry = entries.get(section.field)
            for name, label, rows, help_text in (
                ("results", "Kết quả thực hiện trong kỳ", 4, "Mỗi dòng một ý; không cần gõ dấu gạch đầu dòng."),
                (
                    "figures",
                    "Số liệu",
                    2,
                    "Mỗi dòng một số liệu, dạng “Phương tiện đo được kiểm định: 1.291 phương tiện”.",
                ),
                ("next_tasks", "Nhiệm vụ kỳ sau", 3, "Mỗi dòng một nhiệm vụ."),
            ):
                key = f"{section.field}__{name}"
                self.fields[key] = forms.CharField(
                    label=label,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": rows}),
                    help_text=help_text,
                    initial=getattr(entry, name, "") if entry else "",
                )

    def groups(self) -> list[tuple[ReportSection, list[forms.BoundField]]]:
        return [(s, [self[f"{s.field}__{n}"] for n in ("results", "figures", "next_tasks")]) for s in self.sections]

    def entries(self) -> dict[str, dict[str, str]]:
        return {
            s.field: {n: self.cleaned_data.get(f"{s.field}__{n}", "") for n in ("results", "figures", "next_tasks")}
            for s in self.sections
        }


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label="Tệp mẫu Word (.docx)")


class UnlockForm(forms.Form):
    reason = forms.CharField(label="Lý do mở khóa", max_length=300)
