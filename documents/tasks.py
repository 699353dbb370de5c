"""Celery tasks of the documents app: thin, ids only, on the `documents` queue (batches of
one page per person on the `batches` queue, served by a worker of their own)."""

import logging

from celery import shared_task
from celery.signals import worker_process_init

logger = logging.getLogger(__name__)

DOCUMENTS_QUEUE = "documents"
BATCH_QUEUE = "batches"


@shared_task(bind=True, acks_late=True, soft_time_limit=1800, time_limit=1900)
def task_render_document(self, *, document_id: int) -> None:
    from .services import render_generated_document

    render_generated_document(document_id=document_id, task_id=self.request.id or "")


@shared_task
def task_recover_stalled_documents() -> int:
    from .services import recover_stalled_documents

    count = recover_stalled_documents()
    if count:
        logger.warning("queued again or failed %s documents whose worker died", count)
    return count


@shared_task
def task_purge_expired_documents() -> int:
    from .services import purge_expired_documents

    count = purge_expired_documents()
    logger.info("purged %s expired documents", count)
    return count


@worker_process_init.connect
def _fresh_renderer_caches(**kwargs) -> None:
    """Each worker process builds its own font and stylesheet objects (field notes: create
    them per process, not in the parent before the fork)."""
    from .engine.pdf_renderer import reset_pdf_cache

    reset_pdf_cache()
