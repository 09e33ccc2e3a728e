"""Assembling a period's report from what the system holds and what the units submitted.

The shape of seed 000 (DOMAIN §5):

- Phần I, results, one numbered section per active `ReportSection` of the report type:
  - assigned tasks: the task summary and rates of the appendix's tasks, "(Có phụ lục ...)";
  - policy: the documents the department issued in the period, grouped by kind (báo cáo,
    kế hoạch, quyết định, tờ trình, other; công văn and giấy mời counted);
  - every field: the figures of the registers (`contributions.all_figures`), then the units'
    submitted results and figures;
  - the assessment (ưu điểm, tồn tại hạn chế) written by the Office.
- Phần II, next period's tasks by the same fields: the units' plans, and the open tasks due by
  the end of the next period (calendar end: 30/06 for Q2), placed in the section whose units
  lead them.
- closing sentence, signature block, recipients, the appendix of assigned tasks (landscape).

- `assemble(scope, report, today=None) -> Assembled`: the renderers' `Report` and its parts.
- `report_file(assembled, fmt)`: DOCX (with the report type's template, if any), HTML or PDF.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from dieuhanh.core import clock
from dieuhanh.documents.models import Document
from dieuhanh.documents.selectors import documents_visible
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.appendix import (
    AppendixResult,
    AssignerChoice,
    GeneratedFile,
    build_appendix,
    org_header,
    resolve_assigners,
)
from dieuhanh.reports.contributions import Figure as RegisterFigure
from dieuhanh.reports.contributions import all_figures, vi_count
from dieuhanh.reports.models import PeriodReport, ReportSection, UnitSubmission
from dieuhanh.reports.periods import Period, next_period
from dieuhanh.reports.render import (
    Block,
    Bullet,
    Figure,
    OfficialHeader,
    Paragraph,
    Report,
    Section,
    SignatureBlock,
    docx_to_pdf,
    render_report_docx,
    render_report_html,
)
from dieuhanh.reports.selectors import submissions_of
from dieuhanh.reports.services import parse_figure_line
from dieuhanh.tasks.models import Task
from dieuhanh.tasks.selectors import tasks_visible

PART_ONE_TITLE = "Tình hình, kết quả hoạt động quản lý nhà nước về khoa học và công nghệ"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Documents issued in the period, by kind, as seed 000 lists them under "Xây dựng cơ chế, chính sách".
DOCUMENT_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("Xây dựng và ban hành các báo cáo", ("BC",)),
    ("Xây dựng và ban hành các kế hoạch", ("KH",)),
    ("Ban hành các quyết định", ("QĐ",)),
    ("Xây dựng các tờ trình", ("TTr",)),
]
COUNTED_ONLY = ("CV", "GM")  # công văn, giấy mời: too many to list; counted
OTHER_GROUP = "Xây dựng và ban hành các văn bản khác"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def report_summary(report: PeriodReport) -> str:
    period = report.period
    text = report.report_type.summary
    try:
        return text.format(ky=lower_first(period.label), ky_sau=lower_first(next_period(period).label))
    except (KeyError, IndexError, ValueError):
        return text


def report_header(report: PeriodReport) -> OfficialHeader:
    return org_header(
        report.org,
        report.period,
        summary=report_summary(report),
        number=int(report.number) if report.number.isdigit() else None,
        date=report.issued_on if report.number else None,
    )


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("-+•").strip() for line in text.splitlines() if line.strip().lstrip("-+•").strip()]


@dataclass
class DocumentGroup:
    title: str
    documents: list[Document]


@dataclass
class IssuedDocuments:
    groups: list[DocumentGroup]
    counted: dict[str, int]  # kind code -> count of documents only counted

    @property
    def total(self) -> int:
        return sum(len(g.documents) for g in self.groups) + sum(self.counted.values())


def issued_documents(scope: Scope, period: Period) -> IssuedDocuments:
    """Outgoing documents issued in the period, grouped by kind."""
    docs = list(
        documents_visible(scope)
        .filter(direction=Document.Direction.OUTGOING, issued_on__range=(period.start, period.end))
        .only("id", "kind", "number_raw", "issued_on", "summary")
        .order_by("issued_on", "id")
    )
    by_kind: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        by_kind[doc.kind].append(doc)
    groups = []
    listed: set[str] = set()
    for title, kinds in DOCUMENT_GROUPS:
        groups.append(DocumentGroup(title, [d for k in kinds for d in by_kind.get(k, [])]))
        listed.update(kinds)
    others = [d for d in docs if d.kind not in listed and d.kind not in COUNTED_ONLY]
    groups.append(DocumentGroup(OTHER_GROUP, others))
    counted = {k: len(by_kind.get(k, [])) for k in COUNTED_ONLY}
    return IssuedDocuments(groups, counted)


def _document_bullet(doc: Document) -> Bullet:
    summary = " ".join((doc.summary or "").split()) or doc.kind_name
    ref = doc.number_raw or "chưa có số"
    if doc.issued_on:
        ref += f" ngày {doc.issued_on:%d/%m/%Y}"
    return Bullet(f"{summary} ({ref}).", marker="+")


def _policy_children(issued: IssuedDocuments) -> list[Section]:
    children = []
    for group in issued.groups:
        if group.documents:
            children.append(Section(group.title, blocks=[_document_bullet(d) for d in group.documents]))
    return children


def _policy_blocks(issued: IssuedDocuments) -> list[Block]:
    parts = [f"{lower_first(g.title.split(' các ', 1)[-1])}: {vi_count(len(g.documents))}" for g in issued.groups]
    counted = issued.counted
    return [
        Figure(
            "Văn bản Sở ban hành trong kỳ",
            issued.total,
            "văn bản",
            note=f"trong đó {'; '.join(parts)}; công văn: {vi_count(counted.get('CV', 0))}; "
            f"giấy mời: {vi_count(counted.get('GM', 0))}",
        )
    ]


def _task_blocks(result: AppendixResult, label: str) -> list[Block]:
    c = result.counts
    blocks: list[Block] = [
        Paragraph(f"Nhiệm vụ được giao trong {label}"),
        Figure("Tổng số", c.total, "nhiệm vụ"),
        Figure(
            "Đã thực hiện (hoàn thành)", c.done, "nhiệm vụ", note=f"thực hiện chậm: {vi_count(c.done_late)}", marker="-"
        ),
        Figure(
            "Đang thực hiện (trong hạn)",
            c.in_progress,
            f"nhiệm vụ; quá hạn: {vi_count(c.overdue)} nhiệm vụ",
            marker="-",
        ),
        Figure("Chưa thực hiện", c.not_started, "nhiệm vụ", marker="-"),
    ]
    rates = []
    if c.completion_rate is not None:
        rates.append(f"tỷ lệ hoàn thành {_percent(c.completion_rate)}")
    if c.on_time_rate is not None:
        rates.append(f"tỷ lệ hoàn thành đúng hạn {_percent(c.on_time_rate)}")
    if rates:
        blocks.append(Bullet(("; ".join(rates)).capitalize() + "."))
    blocks.append(Paragraph("(Có phụ lục chi tiết các nhiệm vụ gửi kèm theo)."))
    return blocks


def _percent(rate: float) -> str:
    text = f"{rate * 100:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def _register_blocks(figures: Sequence[RegisterFigure]) -> list[Block]:
    blocks: list[Block] = []
    for f in figures:
        if f.sentence:
            blocks.append(Bullet(f.sentence))
        else:
            value = f.value if isinstance(f.value, int) else str(f.value)
            blocks.append(Figure(f.label, value, f.unit, marker="-"))
    return blocks


def _submission_blocks(submissions: Sequence[UnitSubmission], field_key: str, attr: str) -> list[Block]:
    blocks: list[Block] = []
    for sub in submissions:
        for entry in sub.entries.all():
            if entry.field != field_key:
                continue
            blocks.extend(Bullet(line) for line in _lines(getattr(entry, attr)))
            if attr == "results":
                for line in _lines(entry.figures):
                    parsed = parse_figure_line(line)
                    if parsed:
                        blocks.append(Figure(parsed[0], parsed[1], marker="-"))
    return blocks


def next_period_tasks(scope: Scope, period: Period) -> list[Task]:
    """Open and planned top-level tasks due by the calendar end of the next period."""
    upto = next_period(period).calendar_end
    return list(
        tasks_visible(scope)
        .filter(parent__isnull=True, deadline__isnull=False, deadline__lte=upto)
        .exclude(completed_on__lte=period.end)
        .only("id", "content", "deadline", "lead_unit_id")
        .order_by("deadline", "id")
    )


def _section_for_unit(sections: Sequence[ReportSection]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for section in sections:
        for unit in section.units.all():
            mapping.setdefault(unit.pk, section.field)
    return mapping


def _next_task_bullet(task: Task) -> Bullet:
    content = " ".join(task.content.split()).rstrip(".;")
    if content[:4].lower() == "v/v ":  # a directive's "regarding ..." reads as a task without it
        content = content[4:5].upper() + content[5:]
    assert task.deadline is not None
    return Bullet(f"{content} (thời hạn {task.deadline:%d/%m/%Y}).")


@dataclass
class Assembled:
    report: Report
    appendix: AppendixResult
    issued: IssuedDocuments
    next_tasks: list[Task] = field(default_factory=list)
    submissions: list[UnitSubmission] = field(default_factory=list)


def appendix_choice(scope: Scope, report: PeriodReport) -> AssignerChoice:
    names = [a.name for a in report.report_type.appendix_assigners.order_by("order", "name")]
    return resolve_assigners(scope, ", ".join(names) if names else None)


def assemble(scope: Scope, report: PeriodReport, *, today: dt.date | None = None) -> Assembled:
    today = today or clock.today()
    rt = report.report_type
    period = report.period
    following = next_period(period)
    header = report_header(report)
    sections = list(rt.sections.filter(is_active=True).prefetch_related("units").order_by("order", "id"))
    submitted = submissions_of(report) if report.pk else []  # an unopened period has no submissions
    submissions = [s for s in submitted if s.state != UnitSubmission.State.DRAFT]
    appendix = build_appendix(scope, period, appendix_choice(scope, report), header=header, today=today)
    issued = issued_documents(scope, period)
    figures = all_figures(scope, period)

    part_one: list[Section] = []
    for section in sections:
        blocks: list[Block] = []
        children: list[Section] = []
        if section.field == "assigned_tasks":
            blocks.extend(_submission_blocks(submissions, section.field, "results"))
            blocks.extend(_task_blocks(appendix, period.label))
        else:
            if section.field == "policy":
                blocks.extend(_policy_blocks(issued))
                children.extend(_policy_children(issued))
            blocks.extend(_register_blocks(figures.get(section.field, [])))
            blocks.extend(_submission_blocks(submissions, section.field, "results"))
        if not blocks and not children:  # shows the Office what is still missing
            blocks.append(Paragraph("(Chưa có nội dung.)"))
        part_one.append(Section(section.title, blocks=blocks, children=children))
    assessment = []
    if _lines(report.strengths):
        assessment.append(Section("Ưu điểm", blocks=[Bullet(x) for x in _lines(report.strengths)]))
    if _lines(report.weaknesses):
        assessment.append(Section("Tồn tại, hạn chế", blocks=[Bullet(x) for x in _lines(report.weaknesses)]))
    if assessment:
        part_one.append(Section("Đánh giá chung", children=assessment))

    tasks = next_period_tasks(scope, period)
    unit_field = _section_for_unit(sections)
    fields = [s.field for s in sections]
    fallback = "other" if "other" in fields else (fields[-1] if fields else "")
    by_field: dict[str, list[Task]] = defaultdict(list)
    for task in tasks:
        key = unit_field.get(task.lead_unit_id or 0, fallback)
        by_field[key].append(task)
    part_two: list[Section] = []
    for section in sections:
        blocks = _submission_blocks(submissions, section.field, "next_tasks")
        blocks.extend(_next_task_bullet(t) for t in by_field.get(section.field, []))
        if blocks:  # seed 000 numbers Phần II's fields 1., 2. ... and leaves out empty ones
            part_two.append(Section(section.title, blocks=blocks, number=f"{len(part_two) + 1}."))

    intro = [Paragraph(x) for x in _lines(report.intro)]
    org_name = report.org.header_name or report.org.name
    body = Report(
        header=header,
        intro=intro,
        sections=[
            Section(PART_ONE_TITLE, children=part_one),
            Section(f"Nhiệm vụ công tác {lower_first(following.label).split('/')[0]}", children=part_two),
        ],
        closing=f"Trên đây là báo cáo {lower_first(header.summary)} của {org_name}./.",
        signature=SignatureBlock(title=rt.signer_title, name=rt.signer_name, authority=rt.signer_authority),
        recipients=_lines(rt.recipients),
        archive=rt.archive,
        appendices=[appendix.appendix],
        metadata={"author": org_name},
    )
    return Assembled(body, appendix, issued, tasks, submissions)


def report_file(assembled: Assembled, report: PeriodReport, fmt: str) -> GeneratedFile | None:
    """DOCX (the type's own template when uploaded), HTML, or PDF (None without LibreOffice)."""
    name = f"bao-cao-{report.report_type.code}-{report.period_key}"
    if fmt == "html":
        html = render_report_html(assembled.report)
        return GeneratedFile(html.encode("utf-8"), f"{name}.html", "text/html; charset=utf-8")
    template = bytes(report.report_type.template) if report.report_type.template else None
    docx = render_report_docx(assembled.report, template=template)
    if fmt == "docx":
        return GeneratedFile(docx, f"{name}.docx", DOCX)
    if fmt == "pdf":
        pdf = docx_to_pdf(docx)
        return None if pdf is None else GeneratedFile(pdf, f"{name}.pdf", "application/pdf")
    raise ValueError(f"Unknown format: {fmt}")
