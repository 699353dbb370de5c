"""Large Excel files go to the worker as import jobs: checked first (nothing written), then
written once the user confirms, with the progress on the job's page. Tasks run in-process
here (eager); tests/worker/test_import_worker.py runs them in a real worker."""

from io import BytesIO

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conferences.models import Unit
from conferences.resources import UNIT_COLUMNS
from config.celery import app as celery_app
from core import jobs
from core.importing import has_more_rows_than
from core.models import ImportJob
from tests.conferences.test_import_export import row, xlsx

pytestmark = pytest.mark.django_db
S = ImportJob.Status


@pytest.fixture
def small_limit(settings):
    settings.IMPORT_BACKGROUND_ROWS = 5


def _villages(world, count: int, bad_row: int | None = None) -> bytes:
    a = world["office_a"].code
    rows = [row(f"THON-{i}", f"Thôn {i}", a) for i in range(count)]
    if bad_row is not None:
        rows[bad_row] = row("THON-X", "Thôn X", "KHONG-CO")
    return xlsx(rows)


def _post(client, world, data: bytes, button: str):
    client.force_login(world["users"]["staff"])
    upload = SimpleUploadedFile("don-vi.xlsx", data)
    return client.post(reverse("unit_import"), {"file": upload, button: ""})


def test_large_file_is_checked_by_the_worker_then_written_on_confirm(
    client, world, small_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, world, _villages(world, 8), "preview")

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("import_job", args=[job.pk])
    assert (job.status, job.dry_run, job.report["new"]) == (S.CHECKED, True, 8)
    assert not Unit.objects.filter(code__startswith="THON-").exists()
    page = client.get(response.url).content.decode()
    assert "Tệp hợp lệ: 8 dòng — 8 đơn vị mới, 0 đơn vị được cập nhật." in page
    assert 'data-testid="import-confirm"' in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("import_job_run", args=[job.pk]))

    job.refresh_from_db()
    assert (job.status, job.dry_run, job.file.name) == (S.DONE, False, "")
    assert Unit.objects.filter(code__startswith="THON-").count() == 8
    assert "Đã ghi vào hệ thống: 8 đơn vị mới" in client.get(response.url).content.decode()


def test_large_file_with_an_error_is_refused_by_row_and_writes_nothing(
    client, world, small_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, world, _villages(world, 8, bad_row=6), "confirm")

    job = ImportJob.objects.get()
    assert (job.status, job.dry_run, job.file.name) == (S.REFUSED, False, "")
    page = client.get(response.url).content.decode()
    assert "Tệp có 1 lỗi, chưa ghi gì vào hệ thống" in page
    assert "Dòng 8, cột “Mã đơn vị cấp trên”: Không có đơn vị nào mang mã “KHONG-CO”" in page
    assert not Unit.objects.filter(code__startswith="THON-").exists()


def test_small_file_is_imported_by_the_page_itself(client, world, small_limit):
    response = _post(client, world, _villages(world, 5), "confirm")

    assert response.url == reverse("unit_list")
    assert not ImportJob.objects.exists()
    assert Unit.objects.filter(code__startswith="THON-").count() == 5


def test_job_page_polls_and_shows_the_progress_while_running(client, world):
    job = ImportJob.objects.create(kind="units", filename="don-vi.xlsx", dry_run=False,
                                   status=S.RUNNING, requested_by=world["users"]["staff"])  # fmt: skip
    jobs.ProgressWriter(job.pk)("write", 6000, 20000)
    client.force_login(world["users"]["staff"])

    html = client.get(reverse("import_job_progress", args=[job.pk])).content.decode()

    assert f'hx-get="{reverse("import_job_progress", args=[job.pk])}"' in html
    assert "Đang ghi vào hệ thống... 6000/20000 dòng" in " ".join(html.split())
    assert 'aria-valuenow="30"' in html


def test_confirm_clicked_twice_queues_the_write_once(world, django_capture_on_commit_callbacks):
    job = ImportJob.objects.create(kind="units", filename="a.xlsx", status=S.CHECKED,
                                   requested_by=world["users"]["staff"])  # fmt: skip

    with django_capture_on_commit_callbacks() as queued:
        jobs.run_job_again(job=job, by=world["users"]["staff"])
        again = jobs.run_job_again(job=job, by=world["users"]["staff"])

    assert len(queued) == 1
    assert (again.status, again.dry_run) == (S.QUEUED, False)


def test_only_the_uploader_runs_the_job(world):
    job = ImportJob.objects.create(kind="units", filename="a.xlsx", status=S.CHECKED,
                                   requested_by=world["users"]["staff"])  # fmt: skip

    with pytest.raises(jobs.PermissionDeniedError):
        jobs.run_job_again(job=job, by=world["users"]["admin"])

    job.refresh_from_db()
    assert job.status == S.CHECKED


@pytest.fixture
def broker_down():
    """A real broker connection refused: Redis on a port where nothing listens."""
    down = {
        "task_always_eager": False,
        "broker_url": "redis://127.0.0.1:1/0",
        "broker_transport_options": {},
        "task_publish_retry": False,
        "broker_connection_retry": False,
        "broker_connection_timeout": 1,
    }
    saved = {key: celery_app.conf[key] for key in down}
    celery_app.conf.update(down)
    _new_connections()
    yield
    celery_app.conf.update(saved)
    _new_connections()


def _new_connections() -> None:
    """Forget the broker connections made so far, as a new process starts without them: the
    next message connects to the broker configured now. They are not closed: kombu's shared
    producer pools still hold them for when the configuration comes back."""
    celery_app._after_fork()


def test_job_that_cannot_reach_the_worker_is_failed_with_a_message_and_a_retry(
    client, world, small_limit, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, world, _villages(world, 8), "preview")

    job = ImportJob.objects.get()
    assert job.status == S.FAILED
    assert "Không gửi được tệp cho bộ xử lý nền" in job.error
    page = client.get(response.url).content.decode()
    assert "Thử lại" in page and job.error in page


def test_purge_removes_old_jobs_and_their_files(world):
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    job = ImportJob(kind="units", filename="a.xlsx", requested_by=world["users"]["staff"])
    job.file.save("a.xlsx", ContentFile(b"x"), save=True)
    path = job.file.path

    assert jobs.purge_import_jobs(now=timezone.now() + timedelta(days=2)) == 0
    assert jobs.purge_import_jobs(now=timezone.now() + timedelta(days=4)) == 1
    assert not ImportJob.objects.exists()
    import os

    assert not os.path.exists(path)


# --- routing by row count -------------------------------------------------------------------
def _book(rows: int, sheets: int = 1) -> bytes:
    book = openpyxl.Workbook()
    for n in range(sheets):
        sheet = book.active if n == 0 else book.create_sheet(f"S{n}")
        sheet.append(UNIT_COLUMNS)
        for i in range(rows):
            sheet.append([f"C{i}", "x" * 40, "", "", "", ""])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("rows", "limit", "expected"),
    [(0, 5, False), (4, 5, False), (5, 5, True), (3000, 5000, False), (3000, 2999, True)],
)
def test_has_more_rows_than_counts_the_header_and_data_rows(rows, limit, expected):
    assert has_more_rows_than(_book(rows), limit) is expected


def test_has_more_rows_than_counts_every_sheet():
    assert has_more_rows_than(_book(3, sheets=2), 7) is True


def test_has_more_rows_than_leaves_a_file_that_is_not_a_workbook_to_the_page():
    assert has_more_rows_than(b"ma,ten\nA,B\n", 0) is False
