"""Sending notifications: exactly once in the app, never lost by e-mail.

- `notify(...)`: record a notification for a person, once per (recipient, key); returns None
  when it already existed. With `email=True` the e-mail is queued in the same transaction.
- `deliver_emails(...)`: send the queued e-mails. Each is claimed (pending -> sending) before
  it is sent and marked sent after. A run that crashed between the two leaves it "sending";
  the next run resends it once its claim is older than `lease`, with the same Message-ID so
  the recipient's mailbox sees one message. An e-mail is thus never lost, and a resend is
  recognisable as the same message.
- `mark_read(scope, ids)`, `unread_count(person)`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from dieuhanh.core.text import clean, nfc
from dieuhanh.notifications.models import Notification
from dieuhanh.orgs.models import Person
from dieuhanh.orgs.scope import Scope

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
DEFAULT_LEASE = dt.timedelta(minutes=10)


def notify(
    *,
    recipient: Person,
    key: str,
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    email: bool = True,
) -> Notification | None:
    """Record a notification once per (recipient, key). None when it was already recorded."""
    if not recipient.is_active:
        return None
    if not email:
        state = Notification.EmailState.NONE
    elif recipient.email:
        state = Notification.EmailState.PENDING
    else:
        state = Notification.EmailState.NO_ADDRESS
    try:
        with transaction.atomic():
            return Notification.objects.create(
                org_id=recipient.org_id,
                recipient=recipient,
                key=key[:200],
                kind=kind,
                title=clean(title)[:300],
                body=nfc(body).strip(),
                link=link,
                email_state=state,
            )
    except IntegrityError:
        return None


def deliver_emails(*, limit: int = 500, lease: dt.timedelta = DEFAULT_LEASE, now: dt.datetime | None = None) -> int:
    """Send queued e-mails; returns how many were sent. Safe to run concurrently and after a crash."""
    now = now or timezone.now()
    stale = Q(email_state=Notification.EmailState.SENDING, email_claimed_at__lt=now - lease)
    due = Notification.objects.filter(Q(email_state=Notification.EmailState.PENDING) | stale)
    ids = list(due.filter(email_attempts__lt=MAX_ATTEMPTS).order_by("id").values_list("id", flat=True)[:limit])
    sent = 0
    connection = get_connection()
    for pk in ids:
        # Claim: only one runner wins the row (the UPDATE is atomic).
        claimed = (
            Notification.objects.filter(pk=pk)
            .filter(Q(email_state=Notification.EmailState.PENDING) | stale)
            .update(
                email_state=Notification.EmailState.SENDING,
                email_claimed_at=now,
                email_attempts=F("email_attempts") + 1,
            )
        )
        if not claimed:
            continue
        note = Notification.objects.select_related("recipient").get(pk=pk)
        try:
            _send(note, connection)
        except Exception as exc:  # SMTP down, bad address: keep it for the next run
            log.warning("e-mail of notification %s failed: %s", pk, exc)
            failed = note.email_attempts >= MAX_ATTEMPTS
            Notification.objects.filter(pk=pk).update(
                email_state=Notification.EmailState.FAILED if failed else Notification.EmailState.PENDING,
                email_error=str(exc)[:300],
            )
            continue
        Notification.objects.filter(pk=pk).update(
            email_state=Notification.EmailState.SENT, email_sent_at=timezone.now()
        )
        sent += 1
    return sent


def _send(note: Notification, connection: object) -> None:
    body = note.body
    if note.link:
        base = getattr(settings, "DIEUHANH_SITE_URL", "").rstrip("/")
        body = f"{body}\n\n{base}{note.link}".strip()
    message = EmailMessage(
        subject=note.title,
        body=body,
        to=[note.recipient.email],
        headers={"Message-ID": note.message_id},
        connection=connection,
    )
    message.send()


def unread_count(person: Person) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).count()


def mark_read(*, scope: Scope, ids: Iterable[int] | None = None) -> int:
    """Mark the scope's own notifications read (all of them when `ids` is None)."""
    if scope.person is None:
        return 0
    mine = Notification.objects.filter(recipient=scope.person, read_at__isnull=True)
    if ids is not None:
        mine = mine.filter(pk__in=list(ids))
    return mine.update(read_at=timezone.now())
