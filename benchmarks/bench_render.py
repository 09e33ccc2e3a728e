#!/usr/bin/env python3
"""Benchmark of the report renderers (run on demand, not in the test suite).

    .venv/bin/python benchmarks/bench_render.py [--runs 7]

Prints the median and the spread of several runs for each case. Targets (issue 5): the
appendix of 1,000 tasks and the full report each build in under 1 s. The last case builds
the same 1,000-row table cell by cell with python-docx, the approach the renderers avoid.
Results are recorded in docs/PERFORMANCE.md ("Report rendering").
"""

from __future__ import annotations

import argparse
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

django.setup()  # the sample data come from the demo module, which imports models

from docx import Document  # noqa: E402

from dieuhanh.reports.render import (  # noqa: E402
    render_appendix_docx,
    render_appendix_xlsx,
    render_report_docx,
    render_report_html,
)
from dieuhanh.reports.render.context import flatten_body  # noqa: E402
from dieuhanh.reports.render.sample import sample_appendix, sample_header, seed_report  # noqa: E402
from dieuhanh.reports.render.styles import APPENDIX_HEADERS  # noqa: E402


def cell_by_cell(rows: int) -> bytes:
    """The slow way: a python-docx table filled through table.cell(r, c)."""
    import io

    appendix = sample_appendix(rows)
    tasks = [t for s in appendix.sections for t in s.rows]
    document = Document()
    table = document.add_table(rows=len(tasks) + 1, cols=len(APPENDIX_HEADERS))
    rows_ = table.rows  # row by row: table.cell(r, c) alone is quadratic and takes minutes
    for cell, title in zip(rows_[0].cells, APPENDIX_HEADERS, strict=True):
        cell.text = title
    for row, task in zip(rows_[1:], tasks, strict=True):
        values = ("", task.source_text, task.content, "", "", task.progress, task.result_text)
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def measure(label: str, build: Callable[[], object], runs: int) -> None:
    """Wall-clock and CPU time: on a shared machine the wall clock also counts the time other
    processes held the CPU; the process's CPU time does not."""
    build()  # warm-up: imports, template cache
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        build()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(
        f"{label:56} wall median {statistics.median(wall):6.3f} s (min {min(wall):.3f}, max {max(wall):.3f})"
        f"   cpu median {statistics.median(cpu):6.3f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    header = sample_header()
    appendix_1000 = sample_appendix(1000)
    full = seed_report()
    full_1000 = seed_report(task_count=1000)
    paragraphs = len(flatten_body(full))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {load}, {args.runs} runs per case")
    print(f"full report: {paragraphs} body paragraphs (seed 000)")
    runs = args.runs
    measure("appendix DOCX, 1,000 tasks", lambda: render_appendix_docx(appendix_1000, header=header), runs)
    measure("appendix XLSX, 1,000 tasks", lambda: render_appendix_xlsx(appendix_1000, header=header), runs)
    measure("full report DOCX (seed 000 text, 20-task appendix)", lambda: render_report_docx(full), runs)
    measure("full report DOCX (seed 000 text, 1,000-task appendix)", lambda: render_report_docx(full_1000), runs)
    measure("full report HTML (seed 000 text, 20-task appendix)", lambda: render_report_html(full), runs)
    measure("python-docx cell by cell, 1,000 rows (not used)", lambda: cell_by_cell(1000), 1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
