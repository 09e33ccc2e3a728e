"""Sample reports: the Bắc Giang Q1/2024 report of seed 000, as the renderers' input.

Used to check an uploaded template (`templates.validate_template`), by the tests, the
benchmark and the template documentation. The appendix rows are the demo's
(`dieuhanh.demo.bac_giang.APPENDIX`, imported lazily: it needs Django's app registry).

- `sample_header(draft=True)`: "UBND TỈNH BẮC GIANG / SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: /BC-KHCN".
- `seed_task_rows()`: the 20 appendix tasks as (done, in progress) `TaskRow` lists.
- `sample_appendix(task_count=None)`: the appendix; with `task_count`, the 20 rows repeated
  to that many (benchmarks).
- `sample_report(task_count=None)`: a short report around the appendix.
- `seed_report(task_count=None)`: the whole text of seed 000 as a `Report` (sections, bullets,
  italic titles), read from the demo's copy of the seed.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

from dieuhanh.reports.render.model import (
    Appendix,
    Bullet,
    Figure,
    OfficialHeader,
    Paragraph,
    Report,
    Run,
    Section,
    SignatureBlock,
    TaskRow,
    assigned_tasks_sections,
)

SEED_FILE = "000_cf73dddadab7c245.txt"
RECIPIENTS = (
    "Văn phòng Tỉnh ủy",
    "Văn phòng UBND tỉnh",
    "Ban KTNS HĐND tỉnh",
    "Ban Tuyên giáo Tỉnh ủy",
    "Sở Kế hoạch và Đầu tư",
    "Cục Thống kê",
    "Lãnh đạo Sở",
    "Các phòng, đơn vị thuộc Sở",
)
APPENDIX_TITLE = (
    "Báo cáo kết quả thực hiện nhiệm vụ, kết luận, chỉ đạo UBND tỉnh,\nChủ tịch UBND tỉnh giao quý I năm 2024"
)


def sample_header(draft: bool = True) -> OfficialHeader:
    return OfficialHeader(
        parent_body="UBND tỉnh Bắc Giang",
        issuing_body="Sở Khoa học và Công nghệ",
        symbol="BC-KHCN",
        number=None if draft else 12,
        place="Bắc Giang",
        date=None if draft else dt.date(2024, 3, 15),
        draft_month=3,
        draft_year=2024,
        doc_type="Báo cáo",
        summary="Kết quả công tác quý I/2024, nhiệm vụ công tác quý II/2024",
    )


def _d(text: str | None) -> dt.date | None:
    if not text:
        return None
    day, month, year = (int(x) for x in text.split("/"))
    return dt.date(year, month, day)


def seed_task_rows() -> tuple[list[TaskRow], list[TaskRow]]:
    from dieuhanh.demo.bac_giang import APPENDIX

    done: list[TaskRow] = []
    open_: list[TaskRow] = []
    for row in APPENDIX:
        completed = _d(row.completed)
        deadline = _d(row.deadline)
        task = TaskRow(
            content=row.content,
            source_number=row.source,
            source_date=_d(row.source_date),
            deadline=deadline,
            completed_on=completed,
            progress=("Đúng hạn" if deadline is None or completed <= deadline else "Quá hạn")
            if completed
            else "Chưa đến hạn",
            result=row.result or "",
            result_date=_d(row.result_date),
        )
        (done if completed else open_).append(task)
    return done, open_


def sample_appendix(task_count: int | None = None, header: OfficialHeader | None = None) -> Appendix:
    done, open_ = seed_task_rows()
    if task_count is not None:
        seed = done + open_
        rows = [seed[i % len(seed)] for i in range(task_count)]
        done = [r for r in rows if r.completed_on]
        open_ = [r for r in rows if not r.completed_on]
    return Appendix(
        title=APPENDIX_TITLE,
        sections=assigned_tasks_sections(done, open_),
        reference=None if header is None else header.reference,
    )


def _task_summary(done: int, in_progress: int) -> list[Figure | Paragraph]:
    return [
        Paragraph("Nhiệm vụ được giao trong Quý I/2024"),
        Figure("Tổng số", done + in_progress, "nhiệm vụ"),
        Figure("Đã thực hiện (hoàn thành)", done, "nhiệm vụ", note="thực hiện chậm: 0", marker="-"),
        Figure("Đang thực hiện (trong hạn)", in_progress, "nhiệm vụ; quá hạn: 0 nhiệm vụ", marker="-"),
        Figure("Chưa thực hiện", 0, "nhiệm vụ", marker="-"),
        Paragraph("(Có phụ lục chi tiết các nhiệm vụ gửi kèm theo)."),
    ]


def sample_report(task_count: int | None = None, draft: bool = True) -> Report:
    header = sample_header(draft=draft)
    appendix = sample_appendix(task_count)
    done = len(appendix.sections[0].rows)
    in_progress = len(appendix.sections[1].rows)
    assigned = Section(
        "Thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao",
        blocks=[
            Paragraph(
                "Sở KH&CN đã thực hiện đầy đủ, đúng thời gian các nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao."
            ),
            *_task_summary(done, in_progress),
        ],
    )
    acceptance = Bullet(
        [
            Run("Phối hợp với Bộ KH&CN tổ chức nghiệm thu cấp quốc gia đối với dự án “"),
            Run(
                "Ứng dụng tiến bộ KH&CN xây dựng mô hình nhân giống Cát sâm, sâm cau theo GACP-WHO",
                italic=True,
            ),
            Run("”. Kết quả đạt loại: Khá."),
        ]
    )
    research = Section(
        "Hoạt động nghiên cứu khoa học và phát triển công nghệ",
        children=[Section("Quản lý đề tài, dự án cấp quốc gia", blocks=[acceptance])],
    )
    quality = Section(
        "Hoạt động tiêu chuẩn đo lường chất lượng",
        blocks=[
            Bullet("Kiểm định 1.291 phương tiện đo; thử nghiệm 245 mẫu."),
            Figure("Hồ sơ thủ tục hành chính tiếp nhận", 36, "hồ sơ", note="trả đúng hạn 100%", marker="-"),
        ],
    )
    part_one = Section(
        "Tình hình, kết quả hoạt động quản lý nhà nước về khoa học và công nghệ",
        children=[assigned, Section("Hoạt động KH&CN", children=[research, quality])],
    )
    next_quarter = Bullet("Tổ chức mở hồ sơ tuyển chọn tổ chức, cá nhân chủ trì các nhiệm vụ KH&CN cấp tỉnh năm 2024.")
    part_two = Section(
        "Nhiệm vụ công tác quý II",
        children=[Section("Hoạt động nghiên cứu khoa học và phát triển công nghệ", blocks=[next_quarter])],
    )
    return Report(
        header=header,
        sections=[part_one, part_two],
        closing="Trên đây là báo cáo kết quả công tác quý I/2024, nhiệm vụ công tác quý II/2024 của "
        "Sở Khoa học và Công nghệ./.",
        signature=SignatureBlock.signing_for("Giám đốc", "Phó Giám đốc", "Triệu Ngọc Trung"),
        recipients=RECIPIENTS,
        appendices=[appendix],
    )


# --- The whole seed --------------------------------------------------------------------------

_PART = re.compile(r"^Phần\s+([IVX]+)\b\s*(.*)$")
_ROMAN = re.compile(r"^([IVX]+)\.\s+(.*)$")
_ARABIC = re.compile(r"^(\d+)\.\s+(.*)$")
_DECIMAL = re.compile(r"^(\d+)\.(\d+)\.\s+(.*)$")
_ITALIC = re.compile(r"\*([^*]+)\*")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹]")


def _runs(text: str) -> str | list[Run]:
    text = text.replace("**", "")
    if "*" not in text:
        return text
    runs, pos = [], 0
    for m in _ITALIC.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()]))
        runs.append(Run(m.group(1), italic=True))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return runs


def _seed_lines() -> list[str]:
    path = resources.files("dieuhanh.demo") / "seeds" / SEED_FILE
    return path.read_text(encoding="utf-8").splitlines()


def seed_report(task_count: int | None = None, draft: bool = True) -> Report:
    """Seed 000's text, structured the way the data-assembly step will structure it."""
    lines = _seed_lines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Phần I"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Trên đây là"))

    parts: list[dict] = []
    stack: list[dict] = []  # open sections, outermost first

    def open_section(depth: int, title: str) -> None:
        node = {"title": title, "blocks": [], "children": []}
        del stack[depth:]
        (stack[-1]["children"] if stack else parts).append(node)
        stack.append(node)

    pending_part_title = False
    for raw in lines[start:end]:
        line = raw.strip().replace("**", "")
        if not line or _FOOTNOTE.match(line):
            continue
        if m := _PART.match(line):
            open_section(0, m.group(2))
            pending_part_title = not m.group(2)
            continue
        if pending_part_title:
            stack[0]["title"] = line
            pending_part_title = False
            continue
        if m := _ROMAN.match(line):
            open_section(1, m.group(2))
        elif m := _DECIMAL.match(line):
            open_section(3, m.group(3))
        elif m := _ARABIC.match(line):
            open_section(2, m.group(2))
        elif line.startswith(("- + ", "+ ")):
            stack[-1]["blocks"].append(Bullet(_runs(line.removeprefix("- ").removeprefix("+ ")), marker="+"))
        elif line.startswith("- "):
            stack[-1]["blocks"].append(Bullet(_runs(line[2:])))
        elif line[0].islower() and stack[-1]["blocks"]:
            # A page break of the conversion split this paragraph (DOMAIN §2): join it back.
            last = stack[-1]["blocks"].pop()
            text = last.text if isinstance(last.text, str) else "".join(r.text for r in last.text)
            joined = _runs(f"{text} {line}")
            stack[-1]["blocks"].append(
                type(last)(joined, marker=last.marker) if isinstance(last, Bullet) else Paragraph(joined)
            )
        else:
            stack[-1]["blocks"].append(Paragraph(_runs(line)))

    def build(node: dict) -> Section:
        return Section(node["title"], blocks=node["blocks"], children=[build(c) for c in node["children"]])

    header = sample_header(draft=draft)
    return Report(
        header=header,
        sections=[build(p) for p in parts],
        closing=lines[end].strip(),
        signature=SignatureBlock.signing_for("Giám đốc", "Phó Giám đốc", "Triệu Ngọc Trung"),
        recipients=RECIPIENTS,
        appendices=[sample_appendix(task_count)],
    )
