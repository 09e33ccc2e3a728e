"""The `dieuhanh` console command.

It wraps Django's management commands (`dieuhanh migrate`, `dieuhanh demo`, ...) with the
project's settings, and runs `dieuhanh extract` without Django at all: extraction needs no
database and must start fast.
"""

from __future__ import annotations

import os
import sys

USAGE = """\
dieuhanh: hệ thống điều hành của Sở Khoa học và Công nghệ

Cách dùng: dieuhanh <lệnh> [tham số]

Các lệnh thường dùng:
  demo                 tạo dữ liệu mẫu (SQLite) và chạy ứng dụng tại http://127.0.0.1:8000
  serve                chạy ứng dụng (máy chủ phát triển của Django)
  migrate              tạo / cập nhật cơ sở dữ liệu
  createsuperuser      tạo tài khoản quản trị hệ thống
  report summary       số liệu kỳ báo cáo (--org SLUG --period 2024-Q1 [--json])
  token create         tạo mã truy cập API cho một cán bộ (--user TÊN --name TÊN-MÃ)
  extract FILE --json  đọc văn bản (DOCX, PDF, TXT) và đề xuất nhiệm vụ, không cần CSDL
  import FILE --org SLUG [--yes]
                       nhập văn bản vào một cơ quan: đề xuất nhiệm vụ chờ xem xét (--yes: xác nhận)

Mọi lệnh quản trị của Django cũng dùng được: dieuhanh help liệt kê tất cả.
"""


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        sys.stdout.write(USAGE)
        return 0
    if args[0] == "extract":
        from dieuhanh.extraction.cli import main as extract_main

        return extract_main(args[1:])
    if args[0] == "demo":
        os.environ.setdefault("DIEUHANH_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dieuhanh.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["dieuhanh", *args])
    return 0
