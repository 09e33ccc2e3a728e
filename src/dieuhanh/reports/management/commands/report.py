"""`dieuhanh report SUBCOMMAND`: the reports of an organisation from the command line.

  dieuhanh report summary --org SLUG --period 2024-Q1 [--json]
  dieuhanh report summary --org SLUG --as-of 2024-03-26 [--json]
  dieuhanh report appendix --org SLUG --period 2024-Q1 [--assigner upstream|NAMES] --out FILE.docx|.xlsx
  dieuhanh report build --org SLUG --type CODE --period 2024-Q1 --out FILE.docx|.html|.pdf

The JSON of `summary` is a stable contract (operators and our own checks read it): see
`dieuhanh.reports.figures.Summary.as_dict`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from dieuhanh.core.cli import Command as BaseCommand
from dieuhanh.core.cli import UsageError, org_scope, parse_date
from dieuhanh.reports.appendix import AppendixError, appendix_file, build_appendix, resolve_assigners
from dieuhanh.reports.contributions import vi_count
from dieuhanh.reports.figures import Summary, summarize
from dieuhanh.reports.periods import parse_period


def _percent(rate: float | None) -> str:
    return "-" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")


def render_summary_text(summary: Summary, org_name: str) -> str:
    c = summary.counts
    head = f"{org_name}\n"
    if summary.period:
        p = summary.period
        head += f"Kỳ {p.label} ({p.start:%d/%m/%Y} - {p.end:%d/%m/%Y}), tình trạng tại {summary.as_of:%d/%m/%Y}\n"
    else:
        head += f"Tình trạng tại ngày {summary.as_of:%d/%m/%Y}\n"
    lines = [
        head,
        f"Tổng số: {vi_count(c.total)} nhiệm vụ",
        f"- Đã thực hiện (hoàn thành): {vi_count(c.done)} nhiệm vụ, đúng hạn {vi_count(c.done_on_time)}, thực hiện chậm: {vi_count(c.done_late)}.",
        f"- Đang thực hiện (trong hạn): {vi_count(c.in_progress)} nhiệm vụ; quá hạn: {vi_count(c.overdue)} nhiệm vụ.",
        f"- Chưa thực hiện: {vi_count(c.not_started)} nhiệm vụ (đã quá hạn: {vi_count(c.not_started_overdue)}).",
        f"- Tỷ lệ hoàn thành: {_percent(c.completion_rate)}; tỷ lệ đúng hạn: {_percent(c.on_time_rate)}.",
        "",
        f"{'Đơn vị chủ trì':50} {'Tổng':>5} {'ĐH':>4} {'Chậm':>5} {'Đang':>5} {'QH':>4} {'Chưa':>5}",
    ]
    for row in summary.by_unit:
        r = row.counts
        lines.append(
            f"{row.unit[:50]:50} {r.total:5d} {r.done_on_time:4d} {r.done_late:5d} {r.in_progress:5d} {r.overdue:4d} {r.not_started:5d}"
        )
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Báo cáo của một cơ quan: số liệu kỳ (summary), phụ lục nhiệm vụ (appendix), báo cáo đầy đủ (build)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, parser_class=type(parser))
        summary = sub.add_parser("summary", help="Số liệu nhiệm vụ của một kỳ hoặc tại một ngày.")
        summary.add_argument("--org", required=True, help="mã ngắn của cơ quan, ví dụ bac-giang")
        when = summary.add_mutually_exclusive_group(required=True)
        when.add_argument("--period", help="2024-03, 2024-Q1, 2024-H1, 2024-9M hoặc 2024")
        when.add_argument("--as-of", dest="as_of", help="ngày YYYY-MM-DD: mọi nhiệm vụ giao đến ngày đó")
        summary.add_argument("--json", action="store_true", help="in JSON thay cho bảng")
        summary.add_argument("--include-subtasks", action="store_true", help="đếm cả nhiệm vụ con")

        appendix = sub.add_parser("appendix", help="Phụ lục nhiệm vụ được giao của một kỳ, ra tệp Word hoặc Excel.")
        appendix.add_argument("--org", required=True, help="mã ngắn của cơ quan, ví dụ bac-giang")
        appendix.add_argument("--period", required=True, help="2024-03, 2024-Q1, 2024-H1, 2024-9M hoặc 2024")
        appendix.add_argument(
            "--assigner",
            default="upstream",
            help="upstream (cấp trên giao, mặc định), internal (Lãnh đạo Sở giao), all, "
            'hoặc tên nơi giao cách nhau bằng dấu phẩy: "UBND tỉnh,Chủ tịch UBND tỉnh"',
        )
        appendix.add_argument("--out", required=True, help="tệp ra: .docx (Word) hoặc .xlsx (Excel)")

        build = sub.add_parser("build", help="Báo cáo định kỳ đầy đủ của một kỳ (kèm phụ lục), ra tệp Word/HTML/PDF.")
        build.add_argument("--org", required=True, help="mã ngắn của cơ quan, ví dụ bac-giang")
        build.add_argument("--type", required=True, dest="type_code", help="mã loại báo cáo, ví dụ quy")
        build.add_argument("--period", required=True, help="kỳ của loại báo cáo, ví dụ 2024-Q1")
        build.add_argument("--out", required=True, help="tệp ra: .docx, .html hoặc .pdf (cần LibreOffice)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "summary":
            self.summary(**options)
        elif options["subcommand"] == "appendix":
            self.appendix(**options)
        elif options["subcommand"] == "build":
            self.build(**options)
        else:  # pragma: no cover - argparse refuses other names
            raise UsageError(f"không có lệnh con {options['subcommand']}")

    def summary(self, **options: Any) -> None:
        scope = org_scope(options["org"])
        if options["period"]:
            period = parse_period(options["period"], cutoff_day=scope.org.period_cutoff_day)
            result = summarize(scope, period=period, include_subtasks=options["include_subtasks"])
        else:
            as_of = parse_date(options["as_of"], "--as-of")
            result = summarize(scope, as_of=as_of, include_subtasks=options["include_subtasks"])
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_summary_text(result, scope.org.name))

    def appendix(self, **options: Any) -> None:
        scope = org_scope(options["org"])
        period = parse_period(options["period"], cutoff_day=scope.org.period_cutoff_day)
        out = Path(options["out"])
        try:
            choice = resolve_assigners(scope, options["assigner"])
            result = build_appendix(scope, period, choice)
            generated = appendix_file(result, out.suffix or "docx")
        except AppendixError as exc:
            raise UsageError(str(exc)) from None
        out.write_bytes(generated.content)
        c = result.counts
        self.stdout.write(
            f"{out}: {result.task_count} nhiệm vụ; đã thực hiện {vi_count(c.done)} (chậm {vi_count(c.done_late)}), "
            f"đang thực hiện {vi_count(c.in_progress)} trong hạn, {vi_count(c.overdue)} quá hạn; "
            f"chưa thực hiện {vi_count(c.not_started)}.\n"
        )

    def build(self, **options: Any) -> None:
        from dieuhanh.reports.assembly import assemble, report_file
        from dieuhanh.reports.models import PeriodReport, ReportType
        from dieuhanh.reports.selectors import report_type_by_code

        scope = org_scope(options["org"])
        try:
            report_type = report_type_by_code(scope, options["type_code"])
        except ReportType.DoesNotExist:
            codes = ", ".join(ReportType.objects.filter(org=scope.org).values_list("code", flat=True)) or "chưa có"
            raise UsageError(f"không có loại báo cáo mã “{options['type_code']}”. Các mã hiện có: {codes}.") from None
        period = report_type.period(options["period"])
        out = Path(options["out"])
        fmt = out.suffix.lower().lstrip(".") or "docx"
        if fmt not in ("docx", "html", "pdf"):
            raise UsageError(f"định dạng “{fmt}” không hỗ trợ; dùng .docx, .html hoặc .pdf.")
        report = PeriodReport.objects.filter(report_type=report_type, period_key=period.key).first()
        if report is None:  # a period nobody opened: the figures alone, without unit submissions
            report = PeriodReport(
                org=scope.org,
                report_type=report_type,
                period_key=period.key,
                start=period.start,
                end=period.end,
                due_on=report_type.due_on(period),
            )
        assembled = assemble(scope, report)
        generated = report_file(assembled, report, fmt)
        if generated is None:
            raise UsageError("không tạo được PDF: máy chưa cài LibreOffice (soffice). Dùng .docx hoặc .html.")
        out.write_bytes(generated.content)
        c = assembled.appendix.counts
        self.stdout.write(
            f"{out}: {report.report_type.name} ({period.label}); {len(assembled.submissions)} đơn vị đã nộp; "
            f"phụ lục {vi_count(c.total)} nhiệm vụ; nhiệm vụ kỳ sau: {len(assembled.next_tasks)}.\n"
        )
