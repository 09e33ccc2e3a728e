"""Helpers shared by the `dieuhanh` management commands.

Bad input on the command line gets one clear line on stderr and exit code 2, never a
traceback: commands raise `UsageError`; `Command` turns it (and a few lookup errors) into that.

- `Command`: base class for our commands.
- `UsageError`: raise it with a message for the operator.
- `org_scope(slug)`: the operator's scope on an organisation, or a `UsageError` naming the slugs.
- `parse_date(text, option)`: an ISO date, or a `UsageError`.
"""

from __future__ import annotations

import datetime as dt
import sys

from django.core.management.base import BaseCommand

from dieuhanh.orgs.models import Organisation
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.periods import PeriodError


class UsageError(Exception):
    """Bad input from the operator; the message says what and how to fix it."""


class Command(BaseCommand):
    def run_from_argv(self, argv: list[str]) -> None:
        try:
            super().run_from_argv(argv)
        except (UsageError, PeriodError) as exc:
            sys.stderr.write(f"Lỗi: {exc}\n")
            sys.exit(2)


def org_scope(slug: str) -> Scope:
    try:
        org = Organisation.objects.get(slug=slug, is_active=True)
    except Organisation.DoesNotExist:
        known = ", ".join(Organisation.objects.filter(is_active=True).values_list("slug", flat=True))
        hint = f" Các mã hiện có: {known}." if known else " Chưa có cơ quan nào (chạy: dieuhanh demo --no-serve)."
        raise UsageError(f"không có cơ quan nào có mã “{slug}”.{hint}") from None
    return Scope.operator(org)


def parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option} “{text}” không phải một ngày (dạng YYYY-MM-DD, ví dụ 2024-03-14).") from None
