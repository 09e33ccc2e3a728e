"""What falls due in periodic reporting: each contributing unit's submission (`report_submission`).

For every active report type, the open period reports whose units still owe their part: due
on the report's `due_on`, for the unit's head (or its people when it has no head). Locked
reports owe nothing. The reminders engine reads these through `dieuhanh.core.due`.
"""

from __future__ import annotations

import datetime as dt

from dieuhanh.core.due import Due, due_source
from dieuhanh.orgs.models import Organisation
from dieuhanh.reports.models import PeriodReport, UnitSubmission

# A period report stops being chased this long after its due date (the Office locks it, or gives up).
CHASE_DAYS = 60


@due_source("report_submission")
def report_submissions_due(org: Organisation, today: dt.date) -> list[Due]:
    from dieuhanh.reports.services import report_link, unit_recipients

    reports = (
        PeriodReport.objects.filter(
            org=org,
            locked_at__isnull=True,
            report_type__is_active=True,
            due_on__gte=today - dt.timedelta(days=CHASE_DAYS),
        )
        .select_related("report_type")
        .prefetch_related("report_type__contributing_units")
    )
    items: list[Due] = []
    for report in reports:
        done = set(report.submissions.exclude(state=UnitSubmission.State.DRAFT).values_list("unit_id", flat=True))
        label = report.period.label
        for unit in report.report_type.contributing_units.all():
            if unit.pk in done or not unit.is_active:
                continue
            recipients = tuple(p.pk for p in unit_recipients(unit))
            if not recipients:
                continue
            items.append(
                Due(
                    key=f"report:{report.pk}:unit:{unit.pk}",
                    kind="report_submission",
                    title=f"Nộp báo cáo {report.report_type.name.lower()} {label}: {unit.name}",
                    due_on=report.due_on,
                    recipients=recipients,
                    link=report_link(report, unit),
                )
            )
    return items
