"""The sign-in form, with messages a civil servant understands."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Tên đăng nhập hoặc mật khẩu không đúng. Mật khẩu phân biệt chữ hoa và chữ thường; "
            "nếu quên mật khẩu, hãy nhờ quản trị của cơ quan đặt lại."
        ),
        "inactive": "Tài khoản này đã bị khóa. Hãy liên hệ quản trị của cơ quan.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"
        self.fields["username"].error_messages["required"] = "Cần nhập tên đăng nhập."
        self.fields["password"].error_messages["required"] = "Cần nhập mật khẩu."
