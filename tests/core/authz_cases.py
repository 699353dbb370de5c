from core.importing import ImportReport
from core.models import ImportJob
from tests.authz import CASES, Case


def _staff_job(w) -> dict:
    """A checked unit import of office A's staff: only the person who uploaded it sees it."""
    job = ImportJob.objects.create(
        kind="units",
        filename="don-vi.xlsx",
        status=ImportJob.Status.CHECKED,
        report=ImportReport(total=400, new=400).as_json(),
        requested_by=w["users"]["staff"],
    )
    return {"pk": job.pk}


def _staff_job_with_file(w) -> dict:
    """The same, with its kept file (unreadable: writing it refuses it, a change of state)."""
    from django.core.files.base import ContentFile

    pk = _staff_job(w)["pk"]
    job = ImportJob.objects.get(pk=pk)
    job.file.save("khong-doc-duoc.xlsx", ContentFile(b"not a workbook"))
    return {"pk": pk}


CASES += [
    Case("import_job", kwargs=_staff_job, allowed=("staff",)),
    Case("import_job_progress", kwargs=_staff_job, allowed=("staff",)),
    Case(
        "import_job_run",
        kwargs=_staff_job,
        method="post",
        allowed=("staff",),
        ok=302,
        # Confirming a checked file queues it for writing (run in-process in the tests).
        state=lambda w, kw: ImportJob.objects.filter(pk=kw["pk"]).values_list("status").get(),
    ),
    Case(
        "import_held_write",
        kwargs=_staff_job_with_file,
        method="post",
        allowed=("staff",),
        ok=302,
        # Writing the kept file (here refused: unreadable) is for the uploader alone.
        state=lambda w, kw: ImportJob.objects.filter(pk=kw["pk"]).values_list("status").get(),
    ),
]
