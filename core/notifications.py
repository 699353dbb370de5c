"""Telling people that something concerns them. Email through Django's backend (console by
default); the sending happens in a worker, after the transaction that caused it commits."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from .vntext import single_line

SUBJECT_PREFIX = "[Thi đua - Khen thưởng] "


def notify(*, users: Iterable, subject: str, body: str) -> None:
    """Queue one email per user once the current transaction commits.
    Side effects: a Celery task (none when nobody has an address)."""
    from .tasks import task_send_notification

    user_ids = sorted({u.pk for u in users if u.email})
    if not user_ids:
        return
    transaction.on_commit(
        lambda: task_send_notification.delay(user_ids=user_ids, subject=subject, body=body)
    )


def deliver_notification(*, user_ids: list[int], subject: str, body: str) -> int:
    """Send the emails now. Returns how many were sent."""
    recipients = get_user_model().objects.filter(pk__in=user_ids, is_active=True).exclude(email="")
    # A header may not hold a newline (Django refuses the message): names in the subject
    # came from people and older rows may still carry one.
    subject = single_line(SUBJECT_PREFIX + subject)
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [u.email]) for u in recipients
    ]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages)
