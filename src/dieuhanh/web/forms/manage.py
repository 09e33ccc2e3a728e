"""Forms of the organisation admin's pages: units, people, sign-in accounts."""

from __future__ import annotations

from typing import Any

from django import forms

from dieuhanh.orgs.models import TITLE_SUGGESTIONS, Role, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import units_visible
from dieuhanh.web.forms.fields import set_queryset

INVALID_CHOICE = "Lựa chọn không hợp lệ hoặc không thuộc cơ quan của bạn."


class UnitForm(forms.Form):
    name = forms.CharField(
        label="Tên phòng, đơn vị", max_length=255, error_messages={"required": "Cần tên phòng, đơn vị."}
    )
    code = forms.CharField(
        label="Ký hiệu", max_length=30, required=False, help_text="Dùng trong ký hiệu văn bản, ví dụ VP, QLKH, TĐC."
    )
    kind = forms.ChoiceField(label="Loại", choices=Unit.Kind.choices, initial=Unit.Kind.DIVISION)
    parent: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label="Trực thuộc", required=False, empty_label="—"
    )
    order = forms.IntegerField(label="Thứ tự", min_value=0, max_value=999, required=False, initial=0)
    is_active = forms.BooleanField(label="Đang hoạt động", required=False, initial=True)

    def __init__(self, scope: Scope, *args: Any, unit: Unit | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        parents = units_visible(scope)
        set_queryset(self, "parent", parents.exclude(pk=unit.pk) if unit else parents)
        self.fields["parent"].error_messages["invalid_choice"] = INVALID_CHOICE
        if unit is None:
            del self.fields["is_active"]


class PersonForm(forms.Form):
    full_name = forms.CharField(label="Họ và tên", max_length=200, error_messages={"required": "Cần họ và tên."})
    title = forms.CharField(
        label="Chức vụ",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"list": "title-suggestions"}),
    )
    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label="Phòng, đơn vị", required=False, empty_label="— (lãnh đạo Sở)"
    )
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices, initial=Role.OFFICER)
    email = forms.EmailField(
        label="Thư điện tử", required=False, error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."}
    )
    phone = forms.CharField(label="Điện thoại", max_length=30, required=False)
    title_suggestions = TITLE_SUGGESTIONS

    def __init__(self, scope: Scope, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "unit", units_visible(scope, active_only=True))
        self.fields["unit"].error_messages["invalid_choice"] = INVALID_CHOICE


class LoginFieldsMixin(forms.Form):
    username = forms.CharField(label="Tên đăng nhập", max_length=150, required=False)
    password = forms.CharField(
        label="Mật khẩu",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Nhập lại mật khẩu",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") != data.get("password2"):
            self.add_error("password2", "Hai lần nhập mật khẩu không khớp.")
        return data


class PersonCreateForm(PersonForm, LoginFieldsMixin):
    pass


class LoginForm(LoginFieldsMixin):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["username"].required = True
        self.fields["password"].required = True
        self.fields["username"].error_messages["required"] = "Cần tên đăng nhập."
        self.fields["password"].error_messages["required"] = "Cần đặt mật khẩu."
