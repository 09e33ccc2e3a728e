"""Notifications: once per key in the app; e-mails never lost, resent with the same Message-ID."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from dieuhanh.notifications.models import Notification
from dieuhanh.notifications.services import deliver_emails, mark_read, notify, unread_count

pytestmark = pytest.mark.django_db


def person(world, role="officer", email="cv@example.vn"):
    p = world.people[role]
    p.email = email
    p.save()
    return p


def test_the_same_key_notifies_once(world):
    officer = person(world)
    first = notify(recipient=officer, key="task:1:due-3", kind="task_due", title="Còn 3 ngày")
    again = notify(recipient=officer, key="task:1:due-3", kind="task_due", title="Còn 3 ngày")
    assert first is not None
    assert again is None
    assert unread_count(officer) == 1


def test_email_is_sent_once_with_a_stable_message_id(world):
    note = notify(recipient=person(world), key="k", kind="x", title="Nhắc việc", body="Nội dung", link="/nhiem-vu/1/")
    assert deliver_emails() == 1
    assert deliver_emails() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == note.message_id
    assert mail.outbox[0].to == ["cv@example.vn"]


def test_crash_between_sending_and_recording_resends_the_same_message_after_the_lease(world):
    note = notify(recipient=person(world), key="k", kind="x", title="Nhắc việc")
    # A run claimed the e-mail, sent it, and died before recording it as sent.
    Notification.objects.filter(pk=note.pk).update(
        email_state=Notification.EmailState.SENDING, email_claimed_at=timezone.now(), email_attempts=1
    )
    assert deliver_emails() == 0  # within the lease: another runner may still be sending it
    later = timezone.now() + dt.timedelta(minutes=11)
    assert deliver_emails(now=later) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == note.message_id  # the mailbox sees one message


def test_a_failing_mail_server_keeps_the_email_for_the_next_run(world, settings, monkeypatch):
    notify(recipient=person(world), key="k", kind="x", title="Nhắc việc")

    def broken(*args, **kwargs):
        raise OSError("SMTP không kết nối được")

    monkeypatch.setattr("dieuhanh.notifications.services._send", broken)
    assert deliver_emails() == 0
    assert Notification.objects.get().email_state == Notification.EmailState.PENDING
    monkeypatch.undo()
    assert deliver_emails() == 1


def test_no_address_no_email_but_the_bell_still_rings(world):
    officer = person(world, email="")
    note = notify(recipient=officer, key="k", kind="x", title="Nhắc việc")
    assert note.email_state == Notification.EmailState.NO_ADDRESS
    assert deliver_emails() == 0
    assert unread_count(officer) == 1


def test_inactive_people_are_not_notified(world):
    officer = person(world)
    officer.is_active = False
    officer.save()
    assert notify(recipient=officer, key="k", kind="x", title="t") is None


def test_mark_read_touches_only_my_notifications(world):
    mine = notify(recipient=person(world), key="a", kind="x", title="t", email=False)
    theirs = notify(recipient=person(world, "unit_head"), key="a", kind="x", title="t", email=False)
    assert mark_read(scope=world.scope("officer"), ids=[mine.pk, theirs.pk]) == 1
    assert unread_count(world.people["unit_head"]) == 1
