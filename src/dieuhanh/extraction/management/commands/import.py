"""`dieuhanh import FILE --org SLUG [--yes]`: import a document for review, or confirm it.

Without --yes the file is registered and its proposed tasks printed as a review table; they
wait, pending, for a person (here or on the review page). With --yes they are confirmed at
once: tasks, documents and citations created in one transaction. Importing the same file again
creates nothing new.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandParser

from dieuhanh.core.cli import Command as BaseCommand
from dieuhanh.core.cli import UsageError, org_scope
from dieuhanh.extraction.models import ImportBatch
from dieuhanh.extraction.services import import_confirm, import_propose, review_rows


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class Command(BaseCommand):
    help = "Nhập một văn bản (DOCX, PDF, TXT): đề xuất nhiệm vụ để xem xét, hoặc xác nhận ngay với --yes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="tệp văn bản")
        parser.add_argument("--org", required=True, help="mã ngắn của cơ quan, ví dụ bac-giang")
        parser.add_argument("--yes", action="store_true", help="xác nhận ngay các nhiệm vụ đề xuất")

    def handle(self, *args: Any, **options: Any) -> None:
        scope = org_scope(options["org"])
        path = Path(options["file"])
        if not path.is_file():
            raise UsageError(f"không thấy tệp “{path}”.")
        try:
            with path.open("rb") as fh:
                batch = import_propose(scope=scope, file=fh, file_name=path.name)
        except (ValidationError, PermissionDenied) as exc:
            raise UsageError("; ".join(getattr(exc, "messages", [str(exc)]))) from None
        out = self.stdout
        doc = batch.document
        if not getattr(batch, "just_created", True):
            out.write(
                f"Tệp này đã được nhập trước đây (lô #{batch.pk}, {batch.get_state_display().lower()}): "
                "không tạo thêm gì."
            )
        out.write(f"Văn bản: {doc if doc else batch.file_name}")
        rows = review_rows(batch)
        out.write(f"Nhiệm vụ đề xuất: {len(rows)}")
        for r in rows:
            units = []
            for m in r["unit_matches"]:
                units.append(m["unit_name"] if m["unit_id"] else f"{m['name']} (chưa khớp đơn vị nào)")
            due = r["deadline"] or "không có hạn"
            line = f"{r['row'] + 1:3d}. {_short(r['content'], 90)}"
            detail = f"     Đơn vị: {'; '.join(units) or '-'} | Hạn: {due}"
            if r["source_number"]:
                detail += f" | VBCĐ: {r['source_number']}"
            if r["status"]:
                detail += f" | {r['status']}"
            out.write(line)
            out.write(detail)
        if batch.state == ImportBatch.State.CONFIRMED:
            return
        if not options["yes"]:
            out.write("")
            out.write(f"Các nhiệm vụ đang chờ xem xét (lô #{batch.pk}). Chạy lại với --yes để xác nhận.")
            return
        if not rows:
            raise UsageError("văn bản không có nhiệm vụ nào để xác nhận.")
        try:
            batch = import_confirm(scope=scope, batch=batch)
        except (ValidationError, PermissionDenied) as exc:
            raise UsageError("; ".join(getattr(exc, "messages", [str(exc)]))) from None
        report = batch.report
        out.write(
            self.style.SUCCESS(
                f"Đã tạo {len(report['created_tasks'])} nhiệm vụ và {report['citations']} trích dẫn (lô #{batch.pk})."
            )
        )
        for miss in report["unmatched"]:
            out.write(
                self.style.WARNING(
                    f"  Dòng {miss['row'] + 1}: “{miss['name']}” không khớp đơn vị nào của cơ quan; "
                    "nhiệm vụ được tạo không có đơn vị đó, hãy gán lại."
                )
            )
