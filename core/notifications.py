"""Telling people that something concerns them. Email through Django's backend (console by
default); the sending happens in a worker, after the transaction that caused it commits."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from .vntext import single_line

SUBJECT_PREFIX = "[Thi đua - Khen thưởng] "


@dataclass(frozen=True)
class Delivery:
    """Who a notice goes to: people with an e-mail address, and those it cannot reach."""

    reached: tuple = ()
    unreachable: tuple = ()

    @property
    def sent(self) -> int:
        return len(self.reached)


def absolute_url(path: str) -> str:
    """A path of the site as a link that works from an e-mail (SITE_URL in the settings)."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


def email_subject(subject: str) -> str:
    """The subject line as it goes out: the site's prefix, on one line (a header may not hold a
    newline and names typed by people may still carry one)."""
    return single_line(SUBJECT_PREFIX + subject)


def email_body(body: str, link: str = "") -> str:
    """The text as it goes out: `link` (a path of the site) ends it as a clickable address."""
    if not link:
        return body
    return f"{body}\n\nXem và xử lý tại: {absolute_url(link)}"


def notify(*, users: Iterable, subject: str, body: str, link: str = "") -> Delivery:
    """Queue one email per active user with an address once the current transaction commits;
    `link` (a path of the site) ends the message as a clickable address.
    Returns who is reached and who is not (no address), for an honest report.
    Side effects: a Celery task (none when nobody has an address)."""
    from .tasks import task_send_notification

    people = {u.pk: u for u in users if u is not None and u.is_active}
    reached = tuple(u for u in people.values() if u.email)
    delivery = Delivery(reached, tuple(u for u in people.values() if not u.email))
    if not reached:
        return delivery
    body = email_body(body, link)
    user_ids = sorted(u.pk for u in reached)
    transaction.on_commit(
        lambda: task_send_notification.delay(user_ids=user_ids, subject=subject, body=body)
    )
    return delivery


def deliver_notification(*, user_ids: list[int], subject: str, body: str) -> int:
    """Send the emails now. Returns how many were sent."""
    recipients = get_user_model().objects.filter(pk__in=user_ids, is_active=True).exclude(email="")
    subject = email_subject(subject)
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [u.email]) for u in recipients
    ]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages)
