"""Excel imports that run in the worker, with a progress bar, and keep the confirm step.

A file with more rows than IMPORT_BACKGROUND_ROWS is kept under MEDIA_ROOT with an ImportJob
row; the worker checks it (a dry run) and reports every row error, and the user confirms on
the job's page before the worker writes it. Both runs call the same import the page calls for
a small file, so the rules and messages are the same.

Apps register their imports in `AppConfig.ready()` with `register_importer`; this module
knows none of them. Progress goes through the cache, not the row: the import writes inside
one transaction that the polling page could not see into."""

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone

from .errors import DomainError, PermissionDeniedError
from .importing import ImportReport, RowError
from .models import ImportJob
from .workflow import move_job

logger = logging.getLogger(__name__)

S = ImportJob.Status
MAX_ATTEMPTS = 3  # a job that keeps killing its worker is marked failed after this
KEEP_JOBS = timedelta(days=3)
PHASES = {
    "queued": "Đang chờ đến lượt",
    "read": "Đang đọc tệp",
    "check": "Đang kiểm tra từng dòng",
    "write": "Đang ghi vào hệ thống",
}


# --- The registry -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Importer:
    """`run(*, data, by, dry_run, progress, **params)` returns an ImportReport; `params` are
    the JSON values a job keeps (ids). `page(params)`: the import's own page; `after(params)`:
    where to go once written; `describe(report)`: what a clean file holds, in words;
    `warning(params)`: what the user should know once it is written ("" for nothing)."""

    title: str
    run: Callable[..., ImportReport]
    page: Callable[[dict], str]
    after: Callable[[dict], str]
    describe: Callable[[ImportReport], str]
    warning: Callable[[dict], str] = lambda params: ""


_importers: dict[str, Importer] = {}


def register_importer(kind: str, importer: Importer) -> None:
    _importers[kind] = importer


def get_importer(kind: str) -> Importer:
    return _importers[kind]


# --- Services -------------------------------------------------------------------------------------
def start_import_job(
    *, kind: str, params: dict, data: bytes, filename: str, by, dry_run: bool
) -> ImportJob:
    """Keep an uploaded file and queue its import (a check when `dry_run`).
    Side effects: the file under MEDIA_ROOT/imports/, the job row, a task queued after commit."""
    get_importer(kind)
    job = ImportJob(
        kind=kind, params=params, filename=filename[:255], dry_run=dry_run, requested_by=by
    )
    job.file.save(f"{uuid.uuid4().hex}.xlsx", ContentFile(data), save=False)
    job.save()
    _enqueue(job.pk)
    return job


@transaction.atomic
def run_job_again(*, job: ImportJob, by) -> ImportJob:
    """ "Ghi vào hệ thống" on a checked file, or "Thử lại" on a failed job. A second click
    finds the job queued or running and changes nothing. Side effects: the job row reset and
    a task queued after commit."""
    if job.requested_by_id != by.pk:
        raise PermissionDeniedError("Chỉ người tải tệp lên mới chạy được lượt nhập này.")
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.is_active:
        return job
    confirm = {"dry_run": False} if job.status == S.CHECKED else {}
    if not move_job(job.pk, S.QUEUED, error="", attempts=0, **confirm):
        raise DomainError("Lượt nhập này đã xong; muốn nhập lại, hãy tải tệp lên lần nữa.")
    cache.delete(progress_key(job.pk))
    _enqueue(job.pk)
    job.refresh_from_db()
    return job


def hold_checked_file(
    *, kind: str, params: dict, data: bytes, filename: str, by, report: ImportReport
) -> ImportJob:
    """Keep a small file the page has just checked (a clean dry run), so that "Ghi vào hệ
    thống" writes it without the user choosing it again. Side effects: the file under
    MEDIA_ROOT/imports/ and a job row, checked (purged after KEEP_JOBS like the others)."""
    get_importer(kind)
    job = ImportJob(
        kind=kind, params=params, filename=filename[:255], dry_run=True, requested_by=by,
        status=S.CHECKED, report=report.as_json(), finished_at=timezone.now(),
    )  # fmt: skip
    job.file.save(f"{uuid.uuid4().hex}.xlsx", ContentFile(data), save=False)
    job.save()
    return job


def write_held_file(*, job: ImportJob, by) -> ImportReport:
    """ "Ghi vào hệ thống" on a file the page checked: written here, while the page waits
    (it is small). Checked again as it is written: what changed since (a quota filled, the
    deadline passed) refuses it, with the rows, and nothing is written. A second click finds
    the job done. Side effects: those of the import, the job's status and report, the file
    removed."""
    if job.requested_by_id != by.pk:
        raise PermissionDeniedError("Chỉ người tải tệp lên mới ghi được tệp này.")
    if job.status != S.CHECKED or not job.file:
        raise DomainError("Tệp này đã được ghi hoặc đã hết hạn; muốn nhập lại, hãy tải tệp lên.")
    if not move_job(job.pk, S.RUNNING, from_status=S.CHECKED, dry_run=False,
                    attempts=F("attempts") + 1, started_at=timezone.now()):  # fmt: skip
        raise DomainError("Tệp này đã được ghi hoặc đã hết hạn; muốn nhập lại, hãy tải tệp lên.")
    job.refresh_from_db()
    try:
        with job.file.open("rb") as stream:
            data = stream.read()
        report = get_importer(job.kind).run(
            data=data, by=by, dry_run=False, progress=lambda *a: None, **job.params
        )
    except DomainError as exc:
        report = ImportReport(errors=[RowError(0, "", exc.message)])
    _finish(job, report)
    return report


def _enqueue(job_id: int) -> None:
    transaction.on_commit(lambda: _dispatch(job_id))


def _dispatch(job_id: int) -> None:
    from .tasks import task_run_import_job

    try:
        task_run_import_job.delay(job_id=job_id)
    except Exception:  # the broker is down: say so on the page, "Thử lại" sends it again
        logger.exception("không gửi được lượt nhập %s cho bộ xử lý nền", job_id)
        move_job(
            job_id,
            S.FAILED,
            error="Không gửi được tệp cho bộ xử lý nền. Hãy bấm “Thử lại” sau ít phút.",
            finished_at=timezone.now(),
        )


# --- In the worker ----------------------------------------------------------------------------------
def run_import_job(*, job_id: int) -> None:
    """Check or write a queued job's file. Side effects: those of the import (when it writes),
    the job's status and report, the file removed once it is not needed."""
    if not move_job(job_id, S.RUNNING, attempts=F("attempts") + 1, started_at=timezone.now()):
        return  # done already (a task delivered twice) or gone
    job = ImportJob.objects.select_related("requested_by").get(pk=job_id)
    if job.attempts > MAX_ATTEMPTS:
        _fail(job, f"Đã thử {job.attempts - 1} lần nhưng không nhập được tệp.")
        return
    try:
        with job.file.open("rb") as stream:
            data = stream.read()
        report = get_importer(job.kind).run(
            data=data,
            by=job.requested_by,
            dry_run=job.dry_run,
            progress=ProgressWriter(job.pk),
            **job.params,
        )
    except DomainError as exc:  # the file as a whole was refused (unreadable, deadline...)
        report = ImportReport(errors=[RowError(0, "", exc.message)])
    except Exception:
        logger.exception("lượt nhập %s bị lỗi", job_id)
        _fail(job, "Lỗi khi nhập tệp. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.")
        return
    _finish(job, report)


def _finish(job: ImportJob, report: ImportReport) -> None:
    target = S.REFUSED if not report.ok else S.CHECKED if job.dry_run else S.DONE
    keep = target == S.CHECKED  # the file waits for the user's confirmation
    move_job(
        job.pk,
        target,
        report=report.as_json(),
        finished_at=timezone.now(),
        **({} if keep else {"file": ""}),
    )
    if not keep:
        job.file.delete(save=False)


def _fail(job: ImportJob, message: str) -> None:
    move_job(job.pk, S.FAILED, error=message, finished_at=timezone.now())


def purge_import_jobs(*, now=None) -> int:
    """Remove jobs older than KEEP_JOBS and their files. Side effects: files and rows."""
    old = ImportJob.objects.filter(created_at__lte=(now or timezone.now()) - KEEP_JOBS)
    count = 0
    for job in old.iterator():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count


# --- Progress -------------------------------------------------------------------------------------
def progress_key(job_id: int) -> str:
    return f"import-job:{job_id}:progress"


class ProgressWriter:
    """An import's progress callback: into the cache, at most twice a second."""

    def __init__(self, job_id: int) -> None:
        self.key = progress_key(job_id)
        self.last = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if 0 < done < total and now - self.last < 0.5:
            return
        self.last = now
        cache.set(self.key, (phase, done, total), timeout=24 * 3600)


def job_progress(job: ImportJob) -> dict:
    phase, done, total = cache.get(progress_key(job.pk)) or ("queued", 0, 0)
    percent = round(100 * done / total) if total else 0
    return {"label": PHASES.get(phase, ""), "done": done, "total": total, "percent": percent}


# --- Selectors ------------------------------------------------------------------------------------
def get_import_job(user, pk: int) -> ImportJob:
    """The job, for the user who uploaded its file only (404 for anyone else)."""
    job = ImportJob.objects.filter(pk=pk, requested_by_id=getattr(user, "pk", None)).first()
    if job is None:
        raise Http404
    return job
