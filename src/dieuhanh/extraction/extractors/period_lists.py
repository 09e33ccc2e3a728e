"""Task lists headed by a period: next-period lists of reports and month-by-month programmes.

- "Phần II. NHIỆM VỤ CÔNG TÁC QUÝ II", "V. Nhiệm vụ chủ yếu quý II năm 2022", "Phương hướng,
  nhiệm vụ 6 tháng cuối năm": every item under it is due at the end of that period, even when
  it says "thường xuyên" or "theo yêu cầu": it is that period's share of the work (DOMAIN §4).
  "Nhiệm vụ thời gian tới" / "kỳ tới" names the period after the one the report covers.
- "II. CHƯƠNG TRÌNH CỤ THỂ NĂM 2021" with "1. Tháng 1" ... "12. Tháng 12": items under a month
  are due at that month's end, in the programme's year (a programme for 2021 issued in
  November 2020: "Tháng 3" -> 31/03/2021).
A deadline written in the item itself ("trước ngày 15/5") wins. Headings that report results
("Kết quả ...", "Tình hình ...", "Đánh giá ...") never open a list; neither do objectives
without a period ("Mục tiêu, nhiệm vụ"): they are not tasks with a deadline.

`extract_period_lists(root, ctx) -> list[ProposedTask]`.
"""

from __future__ import annotations

import datetime as dt
import re

from dieuhanh.core.text import fold
from dieuhanh.extraction.dates import Period, deadline_in_text, find_periods, next_period
from dieuhanh.extraction.extractors.common import CLOSING, Context, join_item, label_body
from dieuhanh.extraction.outline import Node
from dieuhanh.extraction.result import ProposedTask

_PLAN = re.compile(
    r"^(cac )?(nhiem vu|phuong huong|chuong trinh cong tac|chuong trinh cu the|chuong trinh hanh dong|"
    r"ke hoach cong tac|cong tac trong tam|trong tam cong tac|du kien chuong trinh|muc tieu,? nhiem vu|"
    r"mot so nhiem vu|giai phap)"
)
_RESULTS = re.compile(r"^(ket qua|tinh hinh|danh gia|thuc hien|bao cao|tong ket|so ket)")
_NEXT = re.compile(r"\b(thoi gian toi|ky toi|tiep theo|sap toi|nhung thang con lai|cac thang cuoi nam)\b")
_MONTH = re.compile(r"^thang\s*(\d{1,2})\b")


def _heading_period(title: str, ctx: Context) -> Period | None:
    periods = find_periods(title, ctx.ref_year)
    if periods:
        _, period, written = periods[0]
        ref = ctx.ref_date
        if not written and ref and period.end < ref and period.kind != "year":
            # "Nhiệm vụ quý I" in a December report is next year's first quarter.
            period = Period(period.kind, period.year + 1, period.index)
        return period
    if _NEXT.search(fold(title)) and ctx.period is not None:
        return next_period(ctx.period)
    return None


# In a plan or programme (kế hoạch, chương trình, đề án ...), its "Nội dung" / "Nhiệm vụ, giải
# pháp" part lists its tasks even without a period of its own: they share the plan's period.
PLAN_KINDS = {"KH", "CTr", "ĐA", "QĐ", "CT", "NQ", "PA"}
_PLAN_PART = re.compile(
    r"^(noi dung|cac noi dung|nhiem vu|cac nhiem vu|nhiem vu,? giai phap|nhiem vu va giai phap|"
    r"noi dung,? nhiem vu|muc tieu,? nhiem vu|cac hoat dong|noi dung thuc hien|noi dung trien khai)\b"
)


def plan_part(node: Node, ctx: Context) -> bool:
    """A part of a plan that lists its tasks without naming a period ("II. NỘI DUNG")."""
    if ctx.info.kind not in PLAN_KINDS or node.kind != "heading":
        return False
    return bool(_PLAN_PART.match(fold(node.title))) and not find_periods(node.title, ctx.ref_year)


def list_period(node: Node, ctx: Context) -> Period | None:
    """The period a heading opens a task list for, or None."""
    if node.kind not in {"heading", "appendix"}:
        return None
    title = fold(node.title)
    month = _MONTH.match(title)
    if month:
        periods = find_periods(node.title, ctx.ref_year)
        return periods[0][1] if periods else None
    if _RESULTS.match(title) or not _PLAN.match(title):
        return None
    return _heading_period(node.title, ctx)


def _task(text: str, node: Node, due: dt.date | None, section: str, ctx: Context, layout: str) -> ProposedTask:
    found = deadline_in_text(text, ctx.ref_date, ctx.ref_year)
    # The item's own limit wins when it is a day, or falls inside the list's period; a coarser
    # one ("thực hiện trong năm 2021" in the list of Tháng 9) names the work, not its share.
    deadline: dt.date | None
    if found and (due is None or found.exact or found.date <= due):
        deadline, deadline_text = found.date, found.text
    else:
        deadline, deadline_text = due, section
    return ProposedTask(
        content=text,
        deadline=deadline,
        deadline_text=deadline_text,
        layout=layout,
        section=section,
        order=(node.index, 0),
    )


def _collect(
    node: Node,
    due: dt.date | None,
    section: str,
    ctx: Context,
    layout: str,
    out: list[ProposedTask],
    paragraphs: bool = True,
) -> None:
    has_items = any(c.kind in {"bullet", "heading"} for c in node.children)
    for child in node.children:
        if child.index in ctx.used:
            continue
        if child.kind == "heading":
            month = _MONTH.match(fold(child.title))
            if month:
                p = list_period(child, ctx)
                _collect(child, p.end if p else due, child.title, ctx, "programme", out)
                continue
            structured = any(c.kind in {"bullet", "heading"} for c in child.children)
            # A numbered sentence followed by running text is an item, not a sub-heading.
            sentence = child.title.rstrip().endswith((".", ";"))
            if structured or (child.children and not sentence):
                label, body = label_body(child.title)
                if label and any(c.kind in {"bullet", "heading"} for c in child.children):
                    out.append(_task(body, child, due, section, ctx, layout))
                    ctx.used.add(child.index)
                sub = label or child.title
                _collect(child, due, sub, ctx, layout, out, paragraphs)
            else:
                out.append(_task(child.title, child, due, section, ctx, layout))
                ctx.used.add(child.index)
        elif child.kind == "bullet":
            out.append(_task(join_item(child), child, due, section, ctx, layout))
            ctx.used.add(child.index)
            ctx.used.update(c.index for c in child.walk())
        elif child.kind == "para" and paragraphs and not has_items and not CLOSING.match(fold(child.text)):
            out.append(_task(child.text, child, due, section, ctx, layout))
            ctx.used.add(child.index)


def extract_period_lists(root: Node, ctx: Context) -> list[ProposedTask]:
    tasks: list[ProposedTask] = []

    def visit(node: Node) -> None:
        for child in node.children:
            period = list_period(child, ctx)
            if period is not None:
                layout = "programme" if _MONTH.match(fold(child.title)) else "next_period"
                _collect(child, period.end, child.title, ctx, layout, tasks)
            elif plan_part(child, ctx):
                # Items only: a paragraph there explains, it is not one task (it holds several).
                due = ctx.period.end if ctx.period else None
                _collect(child, due, child.title, ctx, "plan", tasks, paragraphs=False)
            elif child.kind in {"heading", "appendix"} and not _RESULTS.match(fold(child.title)):
                visit(child)

    visit(root)
    return tasks
