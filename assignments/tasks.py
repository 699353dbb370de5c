"""Celery tasks of assignments: thin, the work is in services."""

import logging

from celery import shared_task
from django.utils import timezone

logger = logging.getLogger(__name__)


# The result (agencies reminded) is kept so a caller can wait for a run to finish.
@shared_task(time_limit=600, acks_late=True, ignore_result=False)
def task_send_due_reminders() -> int:
    """The daily beat job: remind agencies of duties due soon and late ones. Safe to run
    twice: each reminder goes out once per duty and day."""
    from .services import send_due_reminders

    count = send_due_reminders(today=timezone.localdate())
    logger.info("Đã nhắc hạn %s cơ quan", count)
    return count
