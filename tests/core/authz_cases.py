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
]
