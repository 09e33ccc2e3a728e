"""`dieuhanh extract FILE [--json]`: read a document and print the proposed tasks, without a
database and without Django (it must start fast).

`main(argv) -> int`: 0 when tasks were found, 1 when the file was read but holds no task (the
JSON is still printed), 2 when the file cannot be read (empty, encrypted, corrupt, image-only,
unsupported): a Vietnamese message on stderr saying what was found and what was not, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

USAGE = "dieuhanh extract FILE [--json]"


def _human(result: Any) -> str:
    d = result.document
    lines = []
    kind = d.kind_name or d.kind or "Văn bản"
    number = d.number or "(chưa có số)"
    when = (
        d.date.strftime("%d/%m/%Y")
        if d.date
        else (f"tháng {d.date_month}/{d.date_year}" if d.date_year else "không rõ ngày")
    )
    lines.append(f"{kind} số {number}, {d.place or 'không rõ nơi ban hành'}, {when}")
    if d.title:
        lines.append(f"Trích yếu: {d.title}")
    if d.signer:
        lines.append(f"Người ký: {d.signer} ({' - '.join(x for x in (d.authority, d.signer_title) if x)})")
    lines.append("")
    lines.append(f"Nhiệm vụ đề xuất: {len(result.tasks)}")
    for i, t in enumerate(result.tasks, start=1):
        due = t.deadline.strftime("%d/%m/%Y") if t.deadline else "không có hạn"
        units = "; ".join(t.units) if t.units else "chưa rõ đơn vị"
        content = t.content if len(t.content) <= 160 else t.content[:157] + "..."
        lines.append(f"{i:3d}. {content}")
        extra = f"     Đơn vị: {units} | Hạn: {due}"
        if t.source_number:
            extra += f" | VBCĐ: {t.source_number}"
        if t.status:
            extra += f" | Trạng thái: {t.status}"
        lines.append(extra)
    lines.append("")
    lines.append(f"Văn bản được trích dẫn: {len(result.references)}")
    for r in result.references:
        lines.append(f"  - {r.number}" + (f" ngày {r.date:%d/%m/%Y}" if r.date else ""))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dieuhanh extract", description="Đọc văn bản và đề xuất nhiệm vụ.")
    parser.add_argument("file", help="tệp DOCX, PDF, TXT hoặc Markdown")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    from dieuhanh.extraction.errors import ReadError
    from dieuhanh.extraction.extractors import extract
    from dieuhanh.extraction.readers import read_file

    try:
        blocks = read_file(args.file)
        result = extract(blocks)
    except ReadError as exc:
        sys.stderr.write(f"Lỗi: {exc.message}\n")
        return 2
    except Exception as exc:  # a reader library choking on a broken file: say so, no traceback
        sys.stderr.write(f"Lỗi: không đọc được tệp “{args.file}” ({type(exc).__name__}: {exc}).\n")
        return 2
    if args.json:
        sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(_human(result))
    if not result.tasks:
        sys.stderr.write(
            f"Đã đọc được văn bản ({len(blocks.blocks)} đoạn, "
            f"{len(result.references)} văn bản được trích dẫn) "
            "nhưng không tìm thấy nhiệm vụ nào để đề xuất.\n"
        )
        return 1
    return 0
