"""The register's Excel export at conference scale: 2,000 rows streamed onto a sheet named
in Vietnamese, with a constant number of queries."""

import io
from time import perf_counter

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delegates.models import Delegate

pytestmark = pytest.mark.django_db
ROWS = 2000


def test_register_export_of_2000_delegates(client, setup):
    conference, category = setup["conference"], setup["category"]
    Delegate.objects.bulk_create(
        Delegate(
            conference=conference, category=category, unit=setup["school_a"],
            full_name=f"Nguyễn Văn Số {i:04d}", title="Ông", gender="male", birth_year=1980,
            source="unit", position="=Trưởng thôn" if i == 7 else "Trưởng thôn",
        )
        for i in range(ROWS)
    )  # fmt: skip
    client.force_login(setup["staff"])
    url = reverse("delegates_export", kwargs={"conference_pk": conference.pk})
    with CaptureQueriesContext(connection) as queries:
        started = perf_counter()
        response = client.get(url)
        seconds = perf_counter() - started
    print(f"register export of {ROWS} rows: {seconds:.2f} s, {len(queries)} queries")
    assert response.status_code == 200
    assert len(queries) < 20
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames == ["Đại biểu"]
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == ROWS + 1
    assert rows[0][:3] == ("Thành phần", "Danh xưng", "Họ và tên")
    assert rows[1][2] == "Nguyễn Văn Số 0000" and rows[-1][2] == f"Nguyễn Văn Số {ROWS - 1:04d}"
    assert rows[8][6] == "=Trưởng thôn"  # formula-like text stays text


def _delegates(setup, names, unit=None):
    Delegate.objects.bulk_create(
        Delegate(
            conference=setup["conference"], category=setup["category"],
            unit=unit or setup["school_a"], full_name=name, gender="male", source="unit",
        )
        for name in names
    )  # fmt: skip


def _ready_rows(document) -> list[tuple]:
    from documents.models import GeneratedDocument

    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    assert (document.progress_done, document.progress_total) == (3, 3)
    with document.file.open("rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()), read_only=True)
    return list(book.active.iter_rows(values_only=True))


def test_a_register_past_the_limit_is_written_by_the_worker(
    client, setup, settings, django_capture_on_commit_callbacks
):
    """Past EXPORT_IN_WORKER_ROWS the click answers at once with the document's page; the
    worker writes the filtered register in name order, with its progress; the same data asked
    again gets the same file, a change gets a new one."""
    from documents.models import GeneratedDocument

    settings.EXPORT_IN_WORKER_ROWS = 2
    _delegates(setup, ["Trần Thị Bích", "Lê Văn An", "Phạm Văn Cường"])
    _delegates(setup, ["Ngô Thị Dung"], unit=setup["school_b"])
    client.force_login(setup["staff"])
    url = reverse("delegates_export", kwargs={"conference_pk": setup["conference"].pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url, {"unit": setup["school_a"].pk})
    document = GeneratedDocument.objects.get(kind="delegates_register_xlsx")
    assert response.status_code == 302
    assert response["Location"] == reverse("document_detail", args=[document.pk])
    assert (document.fmt, document.params) == ("xlsx", {"unit": str(setup["school_a"].pk)})
    rows = _ready_rows(document)
    assert [row[2] for row in rows[1:]] == ["Lê Văn An", "Trần Thị Bích", "Phạm Văn Cường"]
    assert document.filename.endswith(".xlsx")

    assert client.get(url, {"unit": setup["school_a"].pk})["Location"] == response["Location"]
    Delegate.objects.filter(full_name="Lê Văn An").update(full_name="Lê Văn Ân")
    Delegate.objects.filter(full_name="Lê Văn Ân").first().save()  # its latest change
    with django_capture_on_commit_callbacks(execute=True):
        again = client.get(url, {"unit": setup["school_a"].pk})
    assert again["Location"] != response["Location"]
    newer = GeneratedDocument.objects.filter(kind="delegates_register_xlsx").latest("id")
    assert "Lê Văn Ân" in [row[2] for row in _ready_rows(newer)]


def test_a_register_within_the_limit_downloads_at_once(client, setup, settings):
    settings.EXPORT_IN_WORKER_ROWS = 3
    _delegates(setup, ["Trần Thị Bích", "Lê Văn An", "Phạm Văn Cường"])
    client.force_login(setup["staff"])
    url = reverse("delegates_export", kwargs={"conference_pk": setup["conference"].pk})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/")
    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active.iter_rows(
            values_only=True
        )
    )
    assert [row[2] for row in rows[1:]] == ["Lê Văn An", "Trần Thị Bích", "Phạm Văn Cường"]
