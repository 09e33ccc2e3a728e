"""The task register's contribution to a periodic report: the assigned-tasks summary.

Seed 000 writes it as "Tổng số: 20 nhiệm vụ; Đã thực hiện (hoàn thành): 07 nhiệm vụ, thực
hiện chậm: 0; Đang thực hiện (trong hạn): 13 nhiệm vụ; quá hạn: 0; Chưa thực hiện: 0" for the
tasks assigned by UBND tỉnh and its Chairman, i.e. the upstream assigners.
"""

from __future__ import annotations

from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.contributions import Figure, provides, vi_count
from dieuhanh.reports.figures import summarize
from dieuhanh.reports.periods import Period
from dieuhanh.tasks.models import Assigner


@provides("assigned_tasks", "tasks.summary")
def assigned_task_figures(scope: Scope, period: Period) -> list[Figure]:
    c = summarize(scope, period=period, assigner_level=Assigner.Level.UPSTREAM).counts
    unit = "nhiệm vụ"
    return [
        Figure("tasks.total", "Tổng số nhiệm vụ được giao", c.total, unit, f"Tổng số: {vi_count(c.total)} nhiệm vụ"),
        Figure(
            "tasks.done",
            "Đã thực hiện (hoàn thành)",
            c.done,
            unit,
            f"Đã thực hiện (hoàn thành): {vi_count(c.done)} nhiệm vụ, thực hiện chậm: {vi_count(c.done_late)}.",
        ),
        Figure(
            "tasks.in_progress",
            "Đang thực hiện (trong hạn)",
            c.in_progress,
            unit,
            f"Đang thực hiện (trong hạn): {vi_count(c.in_progress)} nhiệm vụ; quá hạn: {vi_count(c.overdue)} nhiệm vụ.",
        ),
        Figure("tasks.overdue", "Đang thực hiện quá hạn", c.overdue, unit),
        Figure(
            "tasks.not_started",
            "Chưa thực hiện",
            c.not_started,
            unit,
            f"Chưa thực hiện: {vi_count(c.not_started)} nhiệm vụ.",
        ),
    ]
