"""What is due, for whom, and when: the contract between the registers and the reminders.

Every register that has deadlines (tasks, research tasks' products and contracts, licence
renewals, dossiers' processing deadlines ...) declares a *due source*: a function of an
organisation and a date returning the `Due` items open at that date. The reminder engine
(issue 6) reads `due_items(org, today)` and decides what to send and when; it knows nothing of
the registers, and a register knows nothing of e-mail or the bell.

`Due.key` identifies the thing being chased (e.g. "task:42", "licence:7:renewal"), stably
across runs, so that a reminder is sent once per key, recipient and reminder step.

Public: `Due`, `DueSource`, `due_source`, `due_items`, `sources`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dieuhanh.orgs.models import Organisation


@dataclass(frozen=True)
class Due:
    key: str  # stable id of what is chased: "task:42", "licence:7:renewal"
    kind: str  # the source's name, e.g. "task", "licence_renewal", "research_products"
    title: str  # one line in Vietnamese: what is due
    due_on: dt.date
    recipients: tuple[int, ...]  # Person ids
    link: str = ""  # path of the page where the recipient acts
    # Days before `due_on` to remind at; None: the organisation's defaults (7, 3, 1, 0).
    offsets: tuple[int, ...] | None = None


DueSource = Callable[["Organisation", dt.date], Iterable[Due]]
_SOURCES: dict[str, DueSource] = {}


def due_source(name: str) -> Callable[[DueSource], DueSource]:
    """Register a due source under `name` (registering the same name again replaces it)."""

    def register(source: DueSource) -> DueSource:
        _SOURCES[name] = source
        return source

    return register


def sources() -> dict[str, DueSource]:
    return dict(_SOURCES)


def due_items(org: Organisation, today: dt.date) -> list[Due]:
    items: list[Due] = []
    for _name, source in sorted(_SOURCES.items()):
        items.extend(source(org, today))
    return items
