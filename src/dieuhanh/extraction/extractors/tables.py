"""Task tables in any column order, by their header words.

Three layouts share one reader of rows:
- tracking tables (phụ lục theo dõi nhiệm vụ): số/ký hiệu văn bản chỉ đạo, nội dung, thời hạn,
  ngày hoàn thành, tiến độ, kết quả xử lý; section rows ("I. ĐÃ THỰC HIỆN", "II. ĐANG THỰC
  HIỆN", "III. Chưa thực hiện") give the status of the rows under them;
- programme tables: nội dung, tiến độ theo kế hoạch ("Tháng 3 năm 2022" -> 31/03/2022), tiến
  độ thực hiện;
- assignment tables of People's Committee documents: nhiệm vụ, cơ quan chủ trì, cơ quan phối
  hợp, thời gian hoàn thành.

- `column_roles(header)`: role of each column ("index", "source", "content", "deadline",
  "completed", "progress", "result", "lead", "coordinating", "note") or None.
- `extract_table(table, ctx, index)`: the tasks of one table; [] when it is not a task table.

The completion date column wins; a result document's date is used as the completion date only
when the row is done and no completion date is written.
"""

from __future__ import annotations

import re

from dieuhanh.core.text import fold
from dieuhanh.extraction.blocks import Table
from dieuhanh.extraction.dates import deadline_in_text, find_dates, parse_date, parse_deadline_cell
from dieuhanh.extraction.extractors.citations import SYMBOL, find_citations
from dieuhanh.extraction.extractors.common import Context, decide_status, is_partial, status_words
from dieuhanh.extraction.extractors.units import split_units
from dieuhanh.extraction.result import ProposedTask

# (role, pattern on the folded header text); the first that matches wins, so the specific
# phrases come before the general ones ("ngày hoàn thành" before "hoàn thành").
_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("index", re.compile(r"^(s?tt|so tt|so thu tu|thu tu)$")),
    ("completed", re.compile(r"ngay hoan thanh|ngay thuc hien xong|thoi gian hoan thanh thuc te|ngay xong")),
    ("coordinating", re.compile(r"phoi hop")),
    (
        "lead",
        re.compile(
            r"chu tri|don vi thuc hien|co quan thuc hien|don vi tham muu|don vi phu trach|^don vi$|^co quan$|"
            r"bo phan thuc hien|phong, don vi"
        ),
    ),
    (
        "deadline",
        re.compile(
            r"thoi han|han hoan thanh|thoi gian hoan thanh|theo ke hoach|thoi gian thuc hien|han xu ly|"
            r"moc thoi gian|^thoi gian$|^han$|tien do hoan thanh"
        ),
    ),
    (
        "source",
        re.compile(
            r"so\s*[/,]?\s*ky hieu|van ban chi dao|vbcd|van ban giao|so van ban|nguon giao|can cu giao|"
            r"^van ban$"
        ),
    ),
    ("result", re.compile(r"ket qua xu ly|van ban ket qua|^ket qua$|van ban tra loi|san pham hoan thanh")),
    ("progress", re.compile(r"tien do|tinh hinh thuc hien|ket qua thuc hien|muc do hoan thanh|tinh trang")),
    (
        "content",
        re.compile(r"noi dung|nhiem vu|cong viec|trich yeu|ten de an|ten van ban|ten nhiem vu|cac hoat dong"),
    ),
    ("note", re.compile(r"ghi chu|san pham|kinh phi")),
]


def _role(text: str) -> str | None:
    t = fold(text).strip(" .:")
    if not t:
        return None
    for role, pattern in _ROLES:
        if pattern.search(t):
            return role
    return None


def column_roles(header: list[str]) -> list[str | None]:
    roles: list[str | None] = []
    for cell in header:
        role = _role(cell)
        roles.append(role if role not in roles or role in {"note"} else None)
    return roles


def _is_task_table(roles: list[str | None]) -> bool:
    present = set(roles)
    return "content" in present and bool(present & {"deadline", "source", "completed", "progress", "result", "lead"})


_SECTION = re.compile(r"^\s*([IVXLC]{1,5}|[A-Z])\s*[.):\-]?\s+(?=\S)|^\s*$")


def _row_text(row: list[str]) -> str:
    return " ".join(c for c in row if c.strip())


def _is_index(cell: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{1,3}\s*[.)]?\s*", cell))


def _header_rows(rows: list[list[str]]) -> tuple[int, list[str]]:
    """(first data row, header texts per column): the first row naming a content column, and
    the sub-header rows under it (merged header cells repeat over their columns)."""
    for start, row in enumerate(rows[:4]):
        roles = column_roles(row)
        if "content" not in roles:
            continue
        header = list(row)
        end = start + 1
        while end < len(rows) and end < start + 3:
            nxt = rows[end]
            if not nxt or _is_index(nxt[0]) or find_dates(_row_text(nxt)) or any(len(c) > 60 for c in nxt):
                break
            if re.fullmatch(r"[\s()\d]*", _row_text(nxt)):  # "(1) (2) (3)" column numbers
                end += 1
                continue
            sub_roles = [_role(c) for c in nxt]
            if sum(r is not None for r in sub_roles) == 0:
                break
            for i, cell in enumerate(nxt):
                if i < len(header) and cell and fold(cell) != fold(header[i]):
                    header[i] = f"{header[i]} {cell}".strip()
            end += 1
        return end, header
    return -1, []


def _symbol_and_date(cell: str) -> tuple[str | None, object]:
    m = SYMBOL.search(cell)
    number = m[1] if m else None
    date = None
    if m:
        refs = find_citations(cell)
        date = refs[0].date if refs else None
    if date is None:
        date = parse_date(cell)
    return number, date


def extract_table(table: Table, ctx: Context, index: int) -> list[ProposedTask]:
    rows = table.rows
    start, header = _header_rows(rows)
    if start < 0:
        return []
    roles = column_roles(header)
    if not _is_task_table(roles):
        return []
    col = {role: i for i, role in enumerate(roles) if role}
    layout = (
        "assignment" if "lead" in col else "tracking" if col.keys() & {"source", "completed", "result"} else "programme"
    )
    section_status: str | None = None
    section = ""
    tasks: list[ProposedTask] = []
    width = len(header)

    def cell(row: list[str], role: str) -> str:
        i = col.get(role)
        if i is None or i >= len(row):
            return ""
        return row[i].strip() if role in {"lead", "coordinating"} else re.sub(r"\s*\n\s*", " ", row[i]).strip()

    for r, row in enumerate(rows[start:], start=start):
        row = row + [""] * (width - len(row))
        text = _row_text(row)
        content = cell(row, "content")
        # A section row's title is one cell, or one cell merged across the row.
        filled = list(dict.fromkeys(c.strip() for c in row if c.strip()))
        first = row[0].strip()
        is_section = (
            len(filled) <= 2
            and not _is_index(first)
            and (not first or re.fullmatch(r"[IVXLC]{1,5}|[A-Z]", first) or _SECTION.match(text))
        ) or (not content and len(filled) == 1)
        if is_section:
            said = status_words(re.sub(r"^\s*[IVXLC]{1,5}\b", "", text))
            section_status = said
            section = re.sub(r"^\s*[IVXLC]{1,5}\s*[.):\-]?\s*", "", text).strip()
            continue
        if not content:
            continue
        source_number, source_date = _symbol_and_date(cell(row, "source"))
        deadline_cell = cell(row, "deadline")
        deadline = parse_deadline_cell(deadline_cell, ctx.ref_year, ctx.ref_date)
        deadline_text = deadline_cell
        if deadline is None and not deadline_cell:
            found = deadline_in_text(content, ctx.ref_date, ctx.ref_year)
            if found:
                deadline, deadline_text = found.date, found.text
        completed_on = parse_date(cell(row, "completed"))
        progress = cell(row, "progress")
        result_cell = cell(row, "result")
        result_number, result_date = _symbol_and_date(result_cell) if result_cell else (None, None)
        if result_number is None and progress:
            # "Đã hoàn thành ... tại Báo cáo số 23/BC-SKHCHN ngày 24/02/2022"
            result_number, result_date = _symbol_and_date(progress) if SYMBOL.search(progress) else (None, None)
        said_row = status_words(progress) if progress else None
        done = section_status == "done" or completed_on is not None
        if not done and said_row == "done":
            done = bool(result_number and result_date) or not is_partial(progress)
        if done and completed_on is None and result_date is not None:
            completed_on = result_date  # type: ignore[assignment]
        said = section_status if section_status in {"not_started", "overdue", "in_progress"} else None
        if said_row in {"not_started", "overdue"} and not done:
            said = said_row
        status = decide_status(
            done=done,
            completed_on=completed_on,
            deadline=deadline,
            said=said,
            progress=f"{progress} {section}",
            ref_date=ctx.ref_date,
        )
        units = split_units(cell(row, "lead")) + split_units(cell(row, "coordinating"))
        tasks.append(
            ProposedTask(
                content=content,
                units=units,
                deadline=deadline,
                deadline_text=deadline_text,
                source_number=source_number,
                source_date=source_date,  # type: ignore[arg-type]
                completed_on=completed_on,
                result_number=result_number,
                result_date=result_date,  # type: ignore[arg-type]
                result_text=result_cell,
                progress=progress,
                status=status,
                layout=layout,
                section=section,
                order=(index, r),
            )
        )
    return tasks
