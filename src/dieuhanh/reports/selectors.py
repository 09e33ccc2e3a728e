"""Reads of report types, period reports and unit submissions, scoped by role.

Every role of the organisation reads the report types and the list of period reports (a unit
needs to know what it must submit and when); the full report, with the whole organisation's
figures, is for the roles that see the whole organisation (`can_read_full_report`).

- `report_types_visible(scope)`, `report_type_get(scope, pk)`, `report_type_by_code(scope, code)`.
- `period_reports_visible(scope)`, `period_report_get(scope, pk)`.
- `can_manage_reports(scope)`: the Office and the leaders configure, edit, approve, remind, lock.
- `can_submit_for(scope, unit)`: the unit's own people, and those who manage reports.
- `can_read_full_report(scope)`.
- `submission_statuses(report, today)`: per contributing unit, its submission and timeliness
  (on time / late / missing, as DHIS2 reports them); `completeness(statuses)` sums them up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Prefetch, QuerySet

from dieuhanh.orgs.models import Role, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.models import PeriodReport, ReportType, SubmissionEntry, UnitSubmission


def report_types_visible(scope: Scope) -> QuerySet[ReportType]:
    return ReportType.objects.filter(org=scope.org)


def report_type_get(scope: Scope, pk: int) -> ReportType:
    return report_types_visible(scope).get(pk=pk)


def report_type_by_code(scope: Scope, code: str) -> ReportType:
    return report_types_visible(scope).get(code=code)


def period_reports_visible(scope: Scope) -> QuerySet[PeriodReport]:
    return PeriodReport.objects.filter(org=scope.org).select_related("report_type", "org")


def period_report_get(scope: Scope, pk: int) -> PeriodReport:
    return period_reports_visible(scope).get(pk=pk)


def can_manage_reports(scope: Scope) -> bool:
    return scope.can_assign and not scope.is_read_only


def can_submit_for(scope: Scope, unit: Unit) -> bool:
    if scope.is_read_only or unit.org_id != scope.org.pk:
        return False
    if can_manage_reports(scope):
        return True
    return scope.role in (Role.UNIT_HEAD, Role.OFFICER) and scope.unit_id == unit.pk


def can_read_full_report(scope: Scope) -> bool:
    return scope.sees_whole_org


class Timeliness(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # not submitted, due date passed
    PENDING = "pending"  # not submitted, due date not passed yet

    @property
    def label(self) -> str:
        return {
            Timeliness.ON_TIME: "Nộp đúng hạn",
            Timeliness.LATE: "Nộp muộn",
            Timeliness.MISSING: "Chưa nộp (quá hạn)",
            Timeliness.PENDING: "Chưa nộp",
        }[self]


def timeliness(submitted_on: dt.date | None, due_on: dt.date, today: dt.date) -> Timeliness:
    if submitted_on is None:
        return Timeliness.MISSING if today > due_on else Timeliness.PENDING
    return Timeliness.ON_TIME if submitted_on <= due_on else Timeliness.LATE


@dataclass(frozen=True)
class UnitStatus:
    unit: Unit
    submission: UnitSubmission | None
    timeliness: Timeliness
    filled: int  # sections with something written
    sections: int

    @property
    def state_label(self) -> str:
        return self.submission.get_state_display() if self.submission else "Chưa có"

    @property
    def submitted(self) -> bool:
        return self.timeliness in (Timeliness.ON_TIME, Timeliness.LATE)


@dataclass(frozen=True)
class Completeness:
    expected: int
    submitted: int
    on_time: int
    late: int
    missing: int
    pending: int

    @property
    def reporting_rate(self) -> float | None:
        """DHIS2's "reporting rate": submitted ÷ expected."""
        return self.submitted / self.expected if self.expected else None

    @property
    def on_time_rate(self) -> float | None:
        """DHIS2's "reporting rate on time": submitted on time ÷ expected."""
        return self.on_time / self.expected if self.expected else None

    def as_dict(self) -> dict[str, int | float | None]:
        return {
            "expected": self.expected,
            "submitted": self.submitted,
            "on_time": self.on_time,
            "late": self.late,
            "missing": self.missing,
            "pending": self.pending,
            "reporting_rate": self.reporting_rate,
            "on_time_rate": self.on_time_rate,
        }


def submissions_of(report: PeriodReport) -> QuerySet[UnitSubmission]:
    return report.submissions.select_related("unit").prefetch_related(
        Prefetch("entries", queryset=SubmissionEntry.objects.order_by("id"))
    )


def submission_statuses(report: PeriodReport, today: dt.date) -> list[UnitStatus]:
    """Every unit that must contribute, then any other unit that submitted anyway."""
    sections = report.report_type.sections.filter(is_active=True).count()
    by_unit = {s.unit_id: s for s in submissions_of(report)}
    expected = list(report.report_type.contributing_units.filter(is_active=True).order_by("order", "name"))
    units = expected + [s.unit for s in by_unit.values() if s.unit not in expected]
    rows = []
    for unit in units:
        sub = by_unit.get(unit.pk)
        filled = sum(1 for e in sub.entries.all() if not e.is_empty) if sub else 0
        submitted_on = sub.submitted_on if sub and sub.state != UnitSubmission.State.DRAFT else None
        rows.append(UnitStatus(unit, sub, timeliness(submitted_on, report.due_on, today), filled, sections))
    return rows


def completeness(statuses: list[UnitStatus]) -> Completeness:
    count = {t: sum(1 for s in statuses if s.timeliness is t) for t in Timeliness}
    return Completeness(
        expected=len(statuses),
        submitted=count[Timeliness.ON_TIME] + count[Timeliness.LATE],
        on_time=count[Timeliness.ON_TIME],
        late=count[Timeliness.LATE],
        missing=count[Timeliness.MISSING],
        pending=count[Timeliness.PENDING],
    )
