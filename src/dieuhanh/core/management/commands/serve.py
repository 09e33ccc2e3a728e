"""`dieuhanh serve [ADDR:PORT]`: run the app with Django's server (for one office's LAN or a
trial). Production runs gunicorn behind a proxy: see docs/OPERATIONS.md."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandParser

from dieuhanh.core.cli import Command as BaseCommand


class Command(BaseCommand):
    help = "Chạy ứng dụng (máy chủ của Django), mặc định tại 127.0.0.1:8000."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("runserver", options["addrport"], use_reloader=False)
