"""Real workers that die or are stopped in the middle of a 1,000-certificate render: a worker
killed with SIGKILL leaves a job whose lease expires, the status page queues it again and a
new worker finishes it; a worker sent SIGTERM exits within seconds and hands its job back."""

import io
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from documents import services as documents
from documents.models import GeneratedDocument
from tests.worker.conftest import start_worker, stop_worker
from tests.worker.test_documents_worker import COUNT, _signed_decision_with, _wait_for

pytestmark = pytest.mark.worker
LEASE = 6


def _status(document) -> str:
    return GeneratedDocument.objects.get(pk=document.pk).status


def _started_rendering(document) -> bool:
    row = GeneratedDocument.objects.get(pk=document.pk)
    return row.status == "rendering" and row.progress_done > 0


def _kill_whole_worker(worker: subprocess.Popen) -> None:
    """kill -9 on the main process and its pool: nothing gets a chance to clean up."""
    children = subprocess.run(
        ["pgrep", "-P", str(worker.pid)], capture_output=True, text=True
    ).stdout.split()
    os.kill(worker.pid, signal.SIGKILL)
    for child in children:
        os.kill(int(child), signal.SIGKILL)
    worker.wait()


def _assert_whole_file(document) -> None:
    document.refresh_from_db()
    assert document.status == "ready", document.error
    assert len(PdfReader(io.BytesIO(document.file.read())).pages) == COUNT
    folder = Path(settings.MEDIA_ROOT) / f"documents/{document.pk}"
    assert [p.name for p in folder.iterdir()] == [document.filename]  # no .partial left


def test_worker_killed_with_sigkill_is_recovered_and_the_job_finished(worker_env, settings, client):
    settings.DOCUMENTS_LEASE_SECONDS = LEASE
    worker_env["DOCUMENTS_LEASE_SECONDS"] = str(LEASE)
    decision, staff = _signed_decision_with(COUNT)
    worker = start_worker(worker_env, "--concurrency", "1")
    try:
        document = documents.request_document(
            kind="award_certificates", target=decision, fmt="pdf", by=staff
        )
        assert _wait_for(lambda: _started_rendering(document), 90), "never started"
    finally:
        _kill_whole_worker(worker)
    time.sleep(1)
    assert _status(document) == "rendering"  # stuck, as the report found it

    replacement = start_worker(worker_env, "--concurrency", "1")
    client.force_login(staff)
    progress = reverse("document_progress", args=[document.pk])
    try:
        # Someone watching the page: within the lease the job is queued again and finishes.
        finished = _wait_for(
            lambda: client.get(progress) and _status(document) in ("ready", "failed"),
            240,
            step=0.5,
        )
    finally:
        stop_worker(replacement)

    assert finished
    _assert_whole_file(document)
    assert document.attempts == 2


def test_worker_stops_within_seconds_on_sigterm_and_hands_the_job_back(worker_env):
    decision, staff = _signed_decision_with(COUNT)
    worker = start_worker(worker_env, "--concurrency", "1")
    document = documents.request_document(
        kind="award_certificates", target=decision, fmt="pdf", by=staff
    )
    try:
        assert _wait_for(lambda: _started_rendering(document), 90), "never started"
        stopping = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        stopped_after = time.monotonic() - stopping
    finally:
        stop_worker(worker)

    assert stopped_after < 20
    if _status(document) == "ready":
        # The render ended within the soft shutdown window (CELERY_WORKER_SOFT_SHUTDOWN_TIMEOUT):
        # finished, not cut off.
        _assert_whole_file(document)
        assert document.attempts == 1
        return
    assert _status(document) == "rendering"  # handed back, not lost

    replacement = start_worker(worker_env, "--concurrency", "1")
    try:
        finished = _wait_for(lambda: _status(document) in ("ready", "failed"), 240, step=0.5)
    finally:
        stop_worker(replacement)

    assert finished
    _assert_whole_file(document)
    assert document.attempts == 2
