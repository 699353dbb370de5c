"""A print button clicked twice renders once: the second click gets the first click's job."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from documents import services
from documents.models import GeneratedDocument
from tests.documents.factories import CertificateSettingFactory, make_document

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


@pytest.fixture
def setting(world):
    return CertificateSettingFactory(organiser=world["office_a"])


def test_print_button_clicked_twice_makes_one_render(
    client, world, setting, django_capture_on_commit_callbacks
):
    client.force_login(world["users"]["staff"])
    url = reverse("document_request", args=["certificate_test", setting.pk])

    with django_capture_on_commit_callbacks(execute=False):  # the worker has not started yet
        first = client.post(url, {"fmt": "pdf"})
        second = client.post(url, {"fmt": "pdf"})

    document = GeneratedDocument.objects.get()
    assert document.status == Status.PENDING
    assert first.url == second.url == reverse("document_detail", args=[document.pk])


def test_database_holds_one_waiting_render_per_content(world):
    staff, office = world["users"]["staff"], world["office_a"]
    ready = make_document(scope_unit=office, requested_by=staff, status=Status.READY)
    make_document(scope_unit=office, requested_by=staff, status=Status.PENDING)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(scope_unit=office, requested_by=staff, status=Status.RENDERING)

    assert GeneratedDocument.objects.filter(content_hash=ready.content_hash).count() == 2


def test_retry_of_a_failed_copy_gives_the_render_already_waiting(
    client, world, setting, django_capture_on_commit_callbacks
):
    staff = world["users"]["staff"]
    with django_capture_on_commit_callbacks(execute=False):
        failed = services.request_document(
            kind="certificate_test", target=setting, fmt="pdf", by=staff
        )
        GeneratedDocument.objects.filter(pk=failed.pk).update(status=Status.FAILED)
        waiting = services.request_document(
            kind="certificate_test", target=setting, fmt="pdf", by=staff
        )
        client.force_login(staff)
        response = client.post(reverse("document_retry", args=[failed.pk]))

    assert waiting.pk != failed.pk
    assert response.url == reverse("document_detail", args=[waiting.pk])
    assert GeneratedDocument.objects.get(pk=failed.pk).status == Status.FAILED
    assert GeneratedDocument.objects.filter(status=Status.PENDING).count() == 1
