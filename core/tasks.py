"""Celery tasks of the base app: thin, ids only, the work is in services."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, default_retry_delay=60, time_limit=120, acks_late=True)
def task_send_notification(self, *, user_ids: list[int], subject: str, body: str) -> int:
    """Email one message to each user that has an address. Retries when the mail server fails."""
    from .notifications import deliver_notification

    try:
        return deliver_notification(user_ids=user_ids, subject=subject, body=body)
    except OSError as exc:  # SMTP down or refusing: try again later
        logger.warning("Gửi thư thất bại, sẽ thử lại: %s", exc)
        raise self.retry(exc=exc) from exc
