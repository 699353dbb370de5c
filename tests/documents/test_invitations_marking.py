"""Printing invitations marks delegates invited from what the worker rendered, after it
rendered it: printing "Chưa mời" prints exactly those not yet invited and marks only them; a
list emptied before the worker runs fails instead of giving an empty file marked ready."""

import io

import pytest
from pypdf import PdfReader

from conferences.models import ActivityEntry
from delegates import services as delegate_services
from delegates.models import Delegate, InvitationStatus
from documents import services
from documents.models import GeneratedDocument
from tests.delegates.factories import CategoryFactory, DelegateFactory

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


@pytest.fixture
def office(cast):
    conference = cast["conference_a"]
    conference.venue = "Hội trường Ủy ban nhân dân xã"
    conference.save(update_fields=["venue"])
    category = CategoryFactory(conference=conference, title="Đại biểu cơ sở")
    people = {
        name: DelegateFactory(category=category, full_name=name, unit=cast["school"])
        for name in ("Lê Thị Hoa", "Trần Văn An", "Phạm Văn Bình", "Đỗ Thị Cúc")
    }
    Delegate.objects.filter(full_name__in=["Phạm Văn Bình", "Đỗ Thị Cúc"]).update(
        invitation_status=InvitationStatus.INVITED
    )
    return {"conference": conference, "staff": cast["users"]["staff"], "people": people}


def _printed_names(document) -> list[str]:
    pages = PdfReader(io.BytesIO(document.file.read())).pages
    text = [" ".join(p.extract_text().split()) for p in pages]
    return [name for t in text for name in ("Lê Thị Hoa", "Trần Văn An", "Phạm Văn Bình",
            "Đỗ Thị Cúc") if name in t]  # fmt: skip


def _statuses() -> dict[str, str]:
    return dict(Delegate.objects.values_list("full_name", "invitation_status"))


def test_printing_not_yet_invited_prints_and_marks_exactly_them(
    office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        document = delegate_services.print_invitations(
            conference=office["conference"], by=office["staff"], status="to_invite"
        )
    # Asked, not yet rendered: nobody is marked by the request.
    assert _statuses()["Lê Thị Hoa"] == "to_invite"
    for callback in callbacks:  # the worker runs the render task (eager in unit tests)
        callback()

    document.refresh_from_db()
    assert document.status == Status.READY, document.error
    assert _printed_names(document) == ["Trần Văn An", "Lê Thị Hoa"]  # Vietnamese name order
    assert _statuses() == {
        "Lê Thị Hoa": "invited",
        "Trần Văn An": "invited",
        "Phạm Văn Bình": "invited",
        "Đỗ Thị Cúc": "invited",
    }
    # The log names how many the print marked.
    assert ActivityEntry.objects.filter(
        action="delegate.invited", summary="Đánh dấu đã mời 2 đại biểu"
    ).exists()


def test_printing_marks_only_those_the_worker_rendered(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        document = delegate_services.print_invitations(
            conference=office["conference"], by=office["staff"], status="to_invite"
        )
    # Between the request and the worker, one of them declines.
    Delegate.objects.filter(full_name="Lê Thị Hoa").update(
        invitation_status=InvitationStatus.DECLINED
    )
    for callback in callbacks:
        callback()

    document.refresh_from_db()
    assert document.status == Status.READY, document.error
    assert _printed_names(document) == ["Trần Văn An"]
    assert _statuses()["Lê Thị Hoa"] == "declined"
    assert _statuses()["Trần Văn An"] == "invited"


def test_list_emptied_before_the_worker_fails_instead_of_an_empty_file(
    office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        document = delegate_services.print_invitations(
            conference=office["conference"], by=office["staff"], status="to_invite"
        )
    Delegate.objects.update(invitation_status=InvitationStatus.INVITED)
    for callback in callbacks:
        callback()

    document.refresh_from_db()
    assert document.status == Status.FAILED
    assert "chưa có đại biểu nào để mời" in document.error
    assert not document.file


def test_preview_and_plain_requests_mark_nobody(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        preview = services.request_document(
            kind="delegate_invitations",
            target=office["conference"],
            fmt="pdf",
            by=office["staff"],
            params={"status": "to_invite", "mark_invited": True, "preview": 1},
        )
        plain = services.request_document(
            kind="delegate_invitations",
            target=office["conference"],
            fmt="zip",
            by=office["staff"],
            params={"status": "to_invite"},
        )
    for document in (preview, plain):
        document.refresh_from_db()
        assert document.status == Status.READY, document.error
    assert _statuses()["Lê Thị Hoa"] == "to_invite"
