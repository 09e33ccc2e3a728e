"""`dieuhanh demo`: a clean demo database, its logins printed, then the app served.

dieuhanh demo               migrate, rebuild the demo, serve on http://127.0.0.1:8000
dieuhanh demo --no-serve    the same without serving
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandParser

from dieuhanh.core.cli import Command as BaseCommand
from dieuhanh.core.cli import UsageError, parse_date
from dieuhanh.demo.builder import DEMO_PASSWORD, DemoConflict, build_demo


class Command(BaseCommand):
    help = "Tạo lại dữ liệu mẫu (Sở KH&CN Bắc Giang) rồi chạy ứng dụng."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="tạo dữ liệu mẫu rồi thoát")
        parser.add_argument("--addrport", default="127.0.0.1:8000", help="địa chỉ chạy ứng dụng")
        parser.add_argument("--today", help="chạy ứng dụng như thể hôm nay là ngày này (YYYY-MM-DD), ví dụ 2024-03-26")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["today"]:
            # the demo process only; dieuhanh.core.clock honours it in demo mode
            settings.DIEUHANH_TODAY = parse_date(options["today"], "--today")
        call_command("migrate", interactive=False, verbosity=0)
        try:
            ctx = build_demo()
        except DemoConflict as exc:
            raise UsageError(str(exc)) from None
        out = self.stdout
        out.write(
            self.style.SUCCESS(
                "Đã tạo dữ liệu mẫu: " + ", ".join(f"{o.name} (mã {slug})" for slug, o in ctx.orgs.items())
            )
        )
        for note in ctx.notes:
            out.write(f"  {note}")
        out.write("")
        out.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}), chỉ đăng nhập được ở chế độ mẫu:")
        for login in ctx.logins:
            out.write(f"  {login.username:14} {login.role:32} {login.full_name}, {login.title} [{login.org}]")
        if not settings.DEMO_MODE:
            out.write(self.style.WARNING("Chú ý: DIEUHANH_DEMO chưa bật nên các tài khoản mẫu chưa đăng nhập được."))
        if options["no_serve"]:
            return
        out.write("")
        if settings.DIEUHANH_TODAY:
            out.write(f"Đồng hồ của ứng dụng đặt ở ngày {settings.DIEUHANH_TODAY:%d/%m/%Y}.")
        out.write(f"Ứng dụng chạy tại http://{options['addrport']}/ (Ctrl+C để dừng).")
        call_command("runserver", options["addrport"], use_reloader=False)
