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


@shared_task(acks_late=True, soft_time_limit=1800, time_limit=1900)
def task_run_import_job(*, job_id: int) -> None:
    from .jobs import run_import_job

    run_import_job(job_id=job_id)


@shared_task
def task_purge_import_jobs() -> int:
    from .jobs import purge_import_jobs

    count = purge_import_jobs()
    logger.info("purged %s import jobs", count)
    return count
