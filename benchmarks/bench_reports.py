#!/usr/bin/env python3
"""Benchmark of the periodic reports from the database (run on demand, not in the test suite).

    .venv/bin/python benchmarks/bench_reports.py [--runs 7] [--tasks 1000]

Builds the demo in a throw-away SQLite database, adds tasks assigned by UBND tỉnh in Q1/2024
until the appendix holds `--tasks` of them, then times, from the database to the file:

- the appendix of assigned tasks (query, statuses, DOCX / XLSX);
- the full quarterly report (`assembly.assemble`: task figures, documents issued, register
  figures, unit submissions, next-period tasks, appendix) as DOCX and as HTML.

Targets (issue 5): the appendix for 1,000 tasks and the full report each under 1 s. Results
are recorded in docs/PERFORMANCE.md ("Periodic reports from the database").
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dieuhanh.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def populate(task_count: int) -> None:
    from dieuhanh.demo.builder import build_demo
    from dieuhanh.documents.models import Document
    from dieuhanh.orgs.models import Organisation, Unit
    from dieuhanh.tasks.models import Assigner, Task

    build_demo()
    org = Organisation.objects.get(slug="bac-giang")
    ubnd = Assigner.objects.get(org=org, name="UBND tỉnh")
    units = list(Unit.objects.filter(org=org))
    sources = list(Document.objects.filter(org=org, direction=Document.Direction.INCOMING))
    results = list(Document.objects.filter(org=org, direction=Document.Direction.OUTGOING))
    existing = Task.objects.filter(org=org).count()
    start = dt.date(2023, 12, 15)
    tasks = []
    for i in range(max(task_count - existing, 0)):
        assigned = start + dt.timedelta(days=i % 85)
        deadline = assigned + dt.timedelta(days=10 + i % 120)
        done = i % 3 == 0
        tasks.append(
            Task(
                org=org,
                content=f"V/v triển khai nhiệm vụ số {i + 1} theo chỉ đạo của UBND tỉnh về khoa học và công nghệ, "
                "báo cáo kết quả thực hiện về Văn phòng UBND tỉnh",
                assigner=ubnd,
                lead_unit=units[i % len(units)],
                source_document=sources[i % len(sources)],
                assigned_on=assigned,
                original_deadline=deadline,
                deadline=deadline,
                started_on=assigned if i % 3 == 1 else None,
                completed_on=min(assigned + dt.timedelta(days=5), dt.date(2024, 3, 14)) if done else None,
                result_document=results[i % len(results)] if done else None,
                search_text="",
            )
        )
    Task.objects.bulk_create(tasks, batch_size=500)


def measure(label: str, build: Callable[[], object], runs: int) -> None:
    build()  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        build()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(
        f"{label:58} wall median {statistics.median(wall):6.3f} s (min {min(wall):.3f}, max {max(wall):.3f})"
        f"   cpu median {statistics.median(cpu):6.3f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tasks", type=int, default=1000)
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    populate(args.tasks)

    from dieuhanh.orgs.models import Organisation
    from dieuhanh.orgs.scope import Scope
    from dieuhanh.reports.appendix import appendix_file, build_appendix, resolve_assigners
    from dieuhanh.reports.assembly import assemble, report_file
    from dieuhanh.reports.models import PeriodReport
    from dieuhanh.reports.periods import parse_period

    scope = Scope.operator(Organisation.objects.get(slug="bac-giang"))
    period = parse_period("2024-Q1")
    choice = resolve_assigners(scope, "UBND tỉnh, Chủ tịch UBND tỉnh")
    report = PeriodReport.objects.get(org=scope.org, period_key="2024-Q1")
    today = dt.date(2024, 3, 20)
    count = build_appendix(scope, period, choice, today=today).task_count
    assembled = assemble(scope, report, today=today)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {load}, {args.runs} runs per case")
    print(
        f"appendix: {count} tasks; full report: {len(assembled.submissions)} unit submissions, "
        f"{len(assembled.next_tasks)} next-period tasks"
    )
    runs = args.runs

    def appendix(fmt: str) -> bytes:
        return appendix_file(build_appendix(scope, period, choice, today=today), fmt).content

    def full(fmt: str) -> bytes:
        generated = report_file(assemble(scope, report, today=today), report, fmt)
        assert generated is not None
        return generated.content

    measure(f"appendix DOCX from the database, {count} tasks", lambda: appendix("docx"), runs)
    measure(f"appendix XLSX from the database, {count} tasks", lambda: appendix("xlsx"), runs)
    measure(f"full report DOCX from the database ({count}-task appendix)", lambda: full("docx"), runs)
    measure(f"full report HTML from the database ({count}-task appendix)", lambda: full("html"), runs)
    measure("queries and assembly only (no rendering)", lambda: assemble(scope, report, today=today), runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
