"""A large unit file through a real Celery worker: checked (nothing written), confirmed,
written, with the progress the page polls going through the shared cache."""

import time

import pytest

from conferences.models import Unit
from core import jobs
from core.models import ImportJob
from tests.cast import build_cast
from tests.conferences.test_import_export import row, xlsx

pytestmark = pytest.mark.worker
S = ImportJob.Status


def _wait(job: ImportJob, seen: set, timeout: float = 120) -> ImportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        seen.add(jobs.job_progress(job)["label"])
        if not job.is_active:
            return job
        time.sleep(0.1)
    raise TimeoutError(f"job still {job.status}")


def test_worker_checks_then_writes_a_large_unit_file(celery_worker):
    world = build_cast()
    a = world["office_a"].code
    rows = [row(f"THON-{i}", f"Thôn {i}", a) for i in range(3000)]
    seen: set[str] = set()

    job = jobs.start_import_job(kind="units", params={}, data=xlsx(rows), filename="don-vi.xlsx",
                                by=world["users"]["staff"], dry_run=True)  # fmt: skip
    job = _wait(job, seen)

    assert (job.status, job.report["new"]) == (S.CHECKED, 3000), job.error
    assert not Unit.objects.filter(code__startswith="THON-").exists()

    jobs.run_job_again(job=job, by=world["users"]["staff"])
    job = _wait(job, seen)

    assert job.status == S.DONE, job.error
    assert Unit.objects.filter(code__startswith="THON-").count() == 3000
    assert Unit.objects.get(pk=world["office_a"].pk).numchild == 3002  # school, agency
    assert seen & {"Đang đọc tệp", "Đang kiểm tra từng dòng", "Đang ghi vào hệ thống"}
