"""A large batch never holds up a plan: certificates and invitations go to the `batches` queue,
and a worker serving plans (`default,documents`) renders a plan while a batch waits there."""

import time

import pytest

from config.celery import app as celery_app
from documents.models import GeneratedDocument
from documents.services import queue_for
from tests.worker.conftest import start_worker, stop_worker

pytestmark = pytest.mark.worker


@pytest.mark.django_db
def test_batches_have_their_own_queue():
    assert queue_for("award_certificates") == "batches"
    assert queue_for("delegate_invitations") == "batches"
    assert queue_for("plan") == "documents"
    assert queue_for("award_decision") == "documents"


def _wait_ready(document, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.status in (GeneratedDocument.Status.READY, GeneratedDocument.Status.FAILED):
            return document
        time.sleep(0.3)
    raise TimeoutError(document.status)


def test_a_plan_renders_while_a_batch_waits_for_its_worker(worker_env):
    from documents.services import request_document
    from tests.factories import ConferenceFactory
    from tests.plans.factories import plan_for
    from tests.worker.test_documents_worker import _signed_decision_with

    celery_app.control.purge()
    decision, staff = _signed_decision_with(30)
    batch = request_document(kind="award_certificates", target=decision, fmt="pdf", by=staff)
    plan = plan_for(ConferenceFactory())
    plan_staff = plan.created_by
    process = start_worker(worker_env, "--concurrency", "1", queues="default,documents")
    try:
        plan_pdf = request_document(kind="plan", target=plan, fmt="pdf", by=plan_staff)
        assert _wait_ready(plan_pdf).status == GeneratedDocument.Status.READY
        batch.refresh_from_db()
        assert batch.status == GeneratedDocument.Status.PENDING  # its worker is not running
    finally:
        stop_worker(process)
    process = start_worker(worker_env, "--concurrency", "1", queues="batches")
    try:
        assert _wait_ready(batch).status == GeneratedDocument.Status.READY
    finally:
        stop_worker(process)
