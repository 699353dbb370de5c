"""The page of an import job: the progress bar while the worker runs, then the report, the
confirm button for a checked file and "Thử lại" for a failed one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .errors import DomainError, PermissionDeniedError
from .importing import ImportReport
from .jobs import S, get_import_job, get_importer, job_progress, run_job_again, write_held_file
from .views import attempt


def _context(job) -> dict:
    importer = get_importer(job.kind)
    report = ImportReport.from_json(job.report) if job.report else None
    return {
        "job": job,
        "title": importer.title,
        "page_url": importer.page(job.params),
        "after_url": importer.after(job.params),
        "report": report,
        "error_count": job.report.get("error_count", 0),
        "described": importer.describe(report) if report and report.ok else "",
        "progress": job_progress(job),
        "state": {
            "active": job.is_active,
            "checked": job.status == S.CHECKED,
            "done": job.status == S.DONE,
            "refused": job.status == S.REFUSED,
        },
    }


@login_required
def import_job(request, pk: int):
    job = get_import_job(request.user, pk)
    return render(request, "core/import_job.html", _context(job))


@login_required
def import_job_progress(request, pk: int):
    job = get_import_job(request.user, pk)
    return render(request, "core/_import_progress.html", _context(job))


@login_required
@require_POST
def import_job_run(request, pk: int):
    job = get_import_job(request.user, pk)
    was_checked = job.status == S.CHECKED
    success = "Đang ghi vào hệ thống." if was_checked else "Đã gửi lại cho bộ xử lý nền."
    attempt(request, lambda: run_job_again(job=job, by=request.user), success)
    return redirect(job)


@login_required
@require_POST
def import_held_write(request, pk: int):
    """ "Ghi vào hệ thống" under the check's table: the file kept when it was checked is
    written now, without being chosen again."""
    job = get_import_job(request.user, pk)
    importer = get_importer(job.kind)
    try:
        report = write_held_file(job=job, by=request.user)
    except PermissionDeniedError as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(importer.page(job.params))
    if not report.ok:
        messages.error(request, "Dữ liệu đã thay đổi từ lúc kiểm tra: tệp có lỗi, chưa ghi gì.")
        return redirect(job)
    messages.success(request, f"Đã ghi vào hệ thống: {importer.describe(report)}.")
    if warning := importer.warning(job.params):
        messages.warning(request, warning)
    return redirect(importer.after(job.params))
