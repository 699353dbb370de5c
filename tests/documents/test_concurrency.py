"""The same document asked five times at once (PostgreSQL: SQLite serialises all writers)."""

import threading

import pytest
from django.db import connection

from documents import services
from documents.models import GeneratedDocument
from tests.documents.factories import CertificateSettingFactory
from tests.factories import UnitFactory, member

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_print_clicked_five_times_at_once_makes_one_render():
    office = UnitFactory()
    staff = member(office, "staff")
    setting = CertificateSettingFactory(organiser=office)
    barrier, results = threading.Barrier(5), []

    def click():
        try:
            barrier.wait()
            document = services.request_document(
                kind="certificate_test", target=setting, fmt="pdf", by=staff
            )
            results.append(document.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert len(results) == 5 and len(set(results)) == 1
    assert GeneratedDocument.objects.count() == 1
