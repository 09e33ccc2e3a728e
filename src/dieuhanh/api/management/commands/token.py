"""`dieuhanh token SUBCOMMAND`: API tokens from the command line.

  dieuhanh token create --user USERNAME --name NAME   print a new token, once
  dieuhanh token list [--user USERNAME]               tokens (never their secrets)
  dieuhanh token revoke ID                            stop a token working

The operator acts for the person's organisation (`Scope.operator`), through the same services
as the API's token endpoints.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser

from dieuhanh.api.models import ApiToken
from dieuhanh.api.tokens import token_create, token_revoke
from dieuhanh.core.cli import Command as BaseCommand
from dieuhanh.core.cli import UsageError
from dieuhanh.orgs.models import Person
from dieuhanh.orgs.scope import Scope


def _person_of(username: str) -> Person:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise UsageError(f"không có tài khoản “{username}”.")
    person = Person.objects.select_related("org").filter(user=user).first()
    if person is None:
        raise UsageError(f"tài khoản “{username}” chưa gắn với cán bộ của cơ quan nào.")
    return person


class Command(BaseCommand):
    help = "Mã truy cập API: tạo (in ra một lần), liệt kê, thu hồi."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, parser_class=type(parser))
        create = sub.add_parser("create", help="tạo mã truy cập cho một tài khoản và in ra (chỉ một lần)")
        create.add_argument("--user", required=True, help="tên đăng nhập của cán bộ")
        create.add_argument("--name", required=True, help="mã dùng để làm gì, ví dụ: đồng bộ một cửa")
        listing = sub.add_parser("list", help="liệt kê mã truy cập (không in mã bí mật)")
        listing.add_argument("--user", help="chỉ mã của tài khoản này")
        revoke = sub.add_parser("revoke", help="thu hồi một mã truy cập")
        revoke.add_argument("id", type=int, help="số thứ tự của mã (xem: dieuhanh token list)")

    def handle(self, *args: Any, **options: Any) -> None:
        {"create": self.create, "list": self.list_tokens, "revoke": self.revoke}[options["subcommand"]](**options)

    def create(self, **options: Any) -> None:
        person = _person_of(options["user"])
        try:
            issued = token_create(scope=Scope.operator(person.org), name=options["name"], user=person.user)
        except ValidationError as exc:
            raise UsageError(" ".join(m for msgs in exc.message_dict.values() for m in msgs)) from None
        self.stderr.write(
            f"Đã tạo mã truy cập số {issued.token.pk} “{issued.token.name}” cho {person.full_name}. "
            "Mã chỉ hiện một lần dưới đây; hãy lưu lại ngay:"
        )
        self.stdout.write(issued.key)

    def list_tokens(self, **options: Any) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("id")
        if options.get("user"):
            tokens = tokens.filter(user__username=options["user"])
        for t in tokens:
            state = f"thu hồi {t.revoked_at:%d/%m/%Y %H:%M}" if t.revoked_at else "đang dùng"
            used = f"dùng lần cuối {t.last_used_at:%d/%m/%Y %H:%M}" if t.last_used_at else "chưa dùng"
            self.stdout.write(f"{t.pk:5d}  {t.prefix}…  {t.user.get_username():16} {t.name}  ({state}, {used})")

    def revoke(self, **options: Any) -> None:
        token = ApiToken.objects.select_related("user__person__org").filter(pk=options["id"]).first()
        person = getattr(token.user, "person", None) if token else None
        if token is None or person is None:
            raise UsageError(f"không có mã truy cập số {options['id']}.")
        token_revoke(scope=Scope.operator(person.org), token=token)
        self.stdout.write(f"Đã thu hồi mã truy cập số {token.pk} “{token.name}”.")
