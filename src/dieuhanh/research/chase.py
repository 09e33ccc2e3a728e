"""The chase (đôn đốc): research tasks whose next step is late, with how many days late.

Three things are chased (DOMAIN §7, seed 000 "Đôn đốc Tổ chức chủ trì giao nộp sản phẩm để tổ
chức nghiệm thu các nhiệm vụ hết thời gian thực hiện"):

- `products`: a contracted task past its end date (after extensions) whose products are not
  delivered; due on the end date.
- `contract`: a task approved but without a signed contract `CONTRACT_SIGNING_DAYS` after the
  approval decision.
- `registration`: a task accepted (rating other than "Không đạt") whose results are not
  registered `REGISTRATION_DAYS` after acceptance.

The two delays are constants for every organisation (30 days each: the usual time the
department gives a host organisation for either step); change them here, not per page.

`chase_items(scope, today)` lists what is late for the pages and the API; `research_due` is the
due source the reminders engine reads (`dieuhanh.core.due`), with every open item (late or not)
so that reminders can be sent before the day.

Public: `CONTRACT_SIGNING_DAYS`, `REGISTRATION_DAYS`, `ChaseItem`, `chase_items`, `research_due`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse

from dieuhanh.core import clock
from dieuhanh.core.due import Due, due_source
from dieuhanh.orgs.models import Organisation
from dieuhanh.orgs.scope import Scope
from dieuhanh.research.lifecycle import Rating, Stage
from dieuhanh.research.models import ResearchTask
from dieuhanh.research.selectors import research_visible

CONTRACT_SIGNING_DAYS = 30
REGISTRATION_DAYS = 30

REASONS = {
    "products": "Hết thời gian thực hiện, chưa giao nộp sản phẩm",
    "contract": "Đã phê duyệt, chưa ký hợp đồng",
    "registration": "Đã nghiệm thu, chưa đăng ký kết quả",
}


@dataclass(frozen=True)
class ChaseItem:
    task: ResearchTask
    reason: str  # "products", "contract", "registration"
    due_on: dt.date
    days_late: int  # negative: not yet due

    @property
    def reason_label(self) -> str:
        return REASONS[self.reason]


def _open_items(tasks: list[ResearchTask], today: dt.date) -> list[ChaseItem]:
    items = []
    for task in tasks:
        stage = Stage(task.stage)
        due: tuple[str, dt.date] | None = None
        if stage in (Stage.CONTRACTED, Stage.IN_PROGRESS) and task.end_date and task.delivered_on is None:
            due = ("products", task.end_date)
        elif stage == Stage.APPROVED and task.approved_on and task.contracted_on is None:
            due = ("contract", task.approved_on + dt.timedelta(days=CONTRACT_SIGNING_DAYS))
        elif (
            task.accepted_on
            and not task.certificate_number
            and task.rating != Rating.FAIL
            and stage != Stage.TERMINATED
        ):
            due = ("registration", task.accepted_on + dt.timedelta(days=REGISTRATION_DAYS))
        if due is not None:
            items.append(ChaseItem(task, due[0], due[1], (today - due[1]).days))
    return sorted(items, key=lambda i: (-i.days_late, i.task.pk))


def _candidates(tasks: QuerySet[ResearchTask]) -> list[ResearchTask]:
    return list(
        tasks.exclude(stage__in=[Stage.TERMINATED, Stage.PROPOSED, Stage.IDENTIFIED, Stage.LISTED])
        .select_related("officer", "deputy", "managing_unit")
        .order_by("pk")
    )


def chase_items(scope: Scope, today: dt.date | None = None, *, include_upcoming: bool = False) -> list[ChaseItem]:
    """What the scope may see that is late at `today` (or due later too, with `include_upcoming`)."""
    today = today or clock.today()
    items = _open_items(_candidates(research_visible(scope)), today)
    return items if include_upcoming else [i for i in items if i.days_late > 0]


@due_source("research")
def research_due(org: Organisation, today: dt.date) -> list[Due]:
    items = _open_items(_candidates(ResearchTask.objects.filter(org=org)), today)
    dues = []
    for item in items:
        task = item.task
        recipients = tuple(p for p in (task.officer_id, task.deputy_id) if p is not None)
        dues.append(
            Due(
                key=f"research:{task.pk}:{item.reason}",
                kind=f"research_{item.reason}",
                title=f"{item.reason_label}: {task}",
                due_on=item.due_on,
                recipients=recipients,
                link=reverse("web:research_detail", kwargs={"pk": task.pk}),
            )
        )
    return dues
