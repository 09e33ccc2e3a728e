"""Signing in and out.

- `SignInView`: Django's login view with Vietnamese messages; it follows `next` only to a page
  of this site (Django's `url_has_allowed_host_and_scheme`).
- `sign_out`: POST only (a link or an image on another site cannot sign anyone out).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from dieuhanh.web.forms.auth import SignInForm


class SignInView(LoginView):
    template_name = "web/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "Bạn đã đăng xuất.")
    return redirect("web:sign_in")
