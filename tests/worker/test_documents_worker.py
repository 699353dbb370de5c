"""A worker process killed in the middle of a 1,000-certificate batch: the job goes back to
the queue (acks_late + reject_on_worker_lost), a fresh process finishes it once, and only a
whole file is ever served."""

import io
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from conferences.models import Role
from core.vntext import fold
from documents import services as documents
from documents.models import GeneratedDocument
from honorees import services as honorees
from honorees.models import Nomination
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import RoundFactory, award
from tests.honorees.test_services import DECISION
from tests.worker.conftest import start_worker, stop_worker

pytestmark = pytest.mark.worker
COUNT = 1000


def _signed_decision_with(count: int):
    commune = UnitFactory(name="Ủy ban nhân dân xã Thử")
    school = UnitFactory(parent=commune, name="Trường Tiểu học Thử", kind="school")
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    gk = award("gk-xa")
    Nomination.objects.bulk_create(
        Nomination(
            round=round,
            unit=school,
            kind="individual",
            full_name=f"Nguyễn Văn Khen {i}",
            name_key=fold(f"Nguyễn Văn Khen {i}"),
            gender="male",
            birth_year=1980,
            achievement_summary="Hoàn thành xuất sắc nhiệm vụ.",
            proposed_award=gk,
            status="approved",
        )
        for i in range(count)
    )
    staff, leader = member(commune, Role.STAFF), member(commune, Role.LEADER)
    decision = honorees.create_decision(round=round, by=staff, **DECISION)
    honorees.approve_decision(decision=decision, by=leader)
    clerk = member(commune, Role.CLERK)
    honorees.issue_decision(decision=decision, by=clerk, date=decision.date)
    decision.refresh_from_db()
    return decision, staff


def _wait_for(predicate, timeout: float, step: float = 0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def _pool_children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout  # noqa: S603,S607
    return [int(p) for p in out.split()]


def test_worker_killed_mid_batch_finishes_once_with_a_whole_file(worker_env):
    decision, staff = _signed_decision_with(COUNT)
    worker = start_worker(worker_env, "--concurrency", "1")
    try:
        document = documents.request_document(
            kind="award_certificates", target=decision, fmt="pdf", by=staff
        )
        status = lambda: GeneratedDocument.objects.get(pk=document.pk).status  # noqa: E731
        assert _wait_for(lambda: status() == "rendering", 60), "the worker never started the job"

        for child in _pool_children(worker.pid):
            os.kill(child, signal.SIGKILL)

        assert _wait_for(lambda: status() in ("ready", "failed"), 180, step=0.2)
    finally:
        stop_worker(worker)

    document.refresh_from_db()
    assert document.status == "ready", document.error
    assert document.attempts == 2  # the killed attempt and the one that finished
    assert GeneratedDocument.objects.count() == 1
    pdf = PdfReader(io.BytesIO(document.file.read()))
    assert len(pdf.pages) == COUNT
    folder = Path(settings.MEDIA_ROOT) / f"documents/{document.pk}"
    served = [p.name for p in folder.iterdir() if not p.name.startswith(".")]
    assert served == [document.filename]
