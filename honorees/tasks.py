"""Celery tasks of honorees: thin, the work is in services."""

import logging

from celery import shared_task
from django.utils import timezone

logger = logging.getLogger(__name__)


@shared_task(time_limit=600, acks_late=True, ignore_result=False)
def task_send_clearance_reminders() -> int:
    """The daily beat job: remind agencies of clearance answers still missing near or past
    the deadline. Safe to run twice: each request is reminded once a day."""
    from .services.clearance_reminders import send_clearance_reminders

    count = send_clearance_reminders(today=timezone.localdate())
    logger.info("Đã nhắc %s cơ quan trả lời đề nghị cho ý kiến", count)
    return count
