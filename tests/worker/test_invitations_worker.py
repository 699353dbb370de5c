"""Printing "Chưa mời" through a real worker: the request marks nobody; the worker renders
exactly those not yet invited and, once the file is ready, marks only them."""

import io
import time

import pytest
from pypdf import PdfReader

from conferences.models import Role
from delegates import services as delegates
from delegates.models import Delegate, InvitationStatus
from documents.models import GeneratedDocument
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.worker.conftest import start_worker, stop_worker

pytestmark = pytest.mark.worker


def test_worker_prints_and_marks_exactly_those_not_yet_invited(worker_env):
    commune = UnitFactory(name="Ủy ban nhân dân xã Thử")
    conference = ConferenceFactory(organiser=commune, venue="Hội trường Ủy ban nhân dân xã")
    category = CategoryFactory(conference=conference, title="Đại biểu cơ sở")
    for i in range(6):
        DelegateFactory(category=category, full_name=f"Nguyễn Văn Mời {i}")
    Delegate.objects.filter(full_name__in=["Nguyễn Văn Mời 0", "Nguyễn Văn Mời 1"]).update(
        invitation_status=InvitationStatus.INVITED
    )
    staff = member(commune, Role.STAFF)
    document = delegates.print_invitations(conference=conference, by=staff, status="to_invite")
    assert Delegate.objects.filter(invitation_status="invited").count() == 2  # not yet
    worker = start_worker(worker_env, "--concurrency", "1")
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            document.refresh_from_db()
            if document.status in (GeneratedDocument.Status.READY, GeneratedDocument.Status.FAILED):
                break
            time.sleep(0.1)
    finally:
        stop_worker(worker)
    assert document.status == GeneratedDocument.Status.READY, document.error
    assert len(PdfReader(io.BytesIO(document.file.read())).pages) == 4
    assert Delegate.objects.filter(invitation_status="invited").count() == 6
